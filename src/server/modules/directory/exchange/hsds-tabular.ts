import {
  addressFrom,
  attributeFrom,
  costFrom,
  languageFrom,
  locationFrom,
  organizationFrom,
  phoneFrom,
  type Raw,
  scheduleFrom,
  serviceFrom,
  str,
} from './hsds-fields.ts';
import { emptyBatch, type ImportBatch, type Importer, type SourceRef } from './model.ts';
import { decodeText, MAX_ROWS, parseCsv, rowObjects } from './text.ts';

/** The package's files by name (a folder read from disk, or a zip's entries). */
export type PackageFiles = Map<string, Uint8Array>;

/** The HSDS tables we read; the package's other tables (funding, programs, metadata…) are left alone. */
export const TABULAR_TABLES = [
  'organizations',
  'organization_identifiers',
  'services',
  'locations',
  'addresses',
  'service_at_location',
  'phones',
  'schedules',
  'languages',
  'cost_options',
  'attributes',
  'taxonomy_terms',
] as const;

/**
 * The HSDS tabular package: datapackage.json and one CSV per table, joined by ids. Every CSV row becomes
 * part of an organisation, location or service record, so that a row error always points at a file and line.
 */
export const hsdsTabularImporter: Importer<{ label: string; files: PackageFiles }> = {
  source: 'hsds-tabular',
  parse({ label, files }): ImportBatch {
    const batch = emptyBatch(this.source, label);
    const { errors } = batch;
    const pkg = files.get('datapackage.json');
    if (pkg) {
      try {
        const json = JSON.parse(decodeText(pkg).text) as { resources?: unknown };
        if (!Array.isArray(json.resources)) throw new Error('resources is not a list');
      } catch (e) {
        errors.push({
          file: 'datapackage.json',
          line: 1,
          code: 'exchange_malformed',
          params: { details: msg(e) },
        });
      }
    }
    const tables = new Map<string, { line: number; row: Raw }[]>();
    for (const t of TABULAR_TABLES) {
      const file = `${t}.csv`;
      const bytes = files.get(file);
      if (!bytes) continue;
      try {
        const table = parseCsv(decodeText(bytes).text, ',');
        if (table.tooManyRows) {
          errors.push({
            file,
            line: MAX_ROWS + 2,
            code: 'exchange_too_many_rows',
            params: { max: MAX_ROWS },
          });
          continue;
        }
        const rows = rowObjects(table);
        tables.set(t, rows);
        batch.rows += rows.length;
      } catch (e) {
        const line = (e as { lines?: number }).lines ?? 1;
        errors.push({ file, line, code: 'exchange_malformed', params: { details: msg(e) } });
      }
    }
    if (!tables.has('services') && !tables.has('organizations') && errors.length === 0) {
      errors.push({ file: label, line: 1, code: 'exchange_no_hsds_tables' });
    }
    const rows = (t: (typeof TABULAR_TABLES)[number]) =>
      (tables.get(t) ?? []).map(({ line, row }) => ({ row, ref: { file: `${t}.csv`, line } as SourceRef }));
    const unknownParent = (ref: SourceRef, field: string, value: string) =>
      errors.push({ ...ref, code: 'exchange_unknown_reference', params: { field, value } });

    for (const { row } of rows('taxonomy_terms')) {
      const id = str(row.id);
      const code = str(row.code);
      if (id && code) batch.termCodes.set(id, code);
    }
    // HSDS rows are joined by id: a row without one, or with one seen before, cannot be placed.
    const byId = <T>(t: (typeof TABULAR_TABLES)[number], make: (row: Raw, ref: SourceRef) => T) => {
      const out = new Map<string, T>();
      for (const { row, ref } of rows(t)) {
        const id = str(row.id);
        if (id === null) errors.push({ ...ref, code: 'exchange_required', params: { field: 'id' } });
        else if (out.has(id)) errors.push({ ...ref, code: 'exchange_duplicate_id', params: { value: id } });
        else out.set(id, make(row, ref));
      }
      return out;
    };
    const orgs = byId('organizations', organizationFrom);
    for (const { row, ref } of rows('organization_identifiers')) {
      const org = orgs.get(str(row.organization_id) ?? '');
      if (!org) {
        unknownParent(ref, 'organization_id', str(row.organization_id) ?? '');
        continue;
      }
      org.identifiers.push({
        id: str(row.id),
        scheme: str(row.identifier_scheme) ?? '',
        type: str(row.identifier_type),
        identifier: str(row.identifier) ?? '',
      });
    }
    const locations = byId('locations', (row, ref) => locationFrom(row, ref, errors));
    for (const { row, ref } of rows('addresses')) {
      const loc = locations.get(str(row.location_id) ?? '');
      if (loc) loc.addresses.push(addressFrom(row));
      else unknownParent(ref, 'location_id', str(row.location_id) ?? '');
    }
    const services = byId('services', (row, ref) => serviceFrom(row, ref, errors));
    const ofService = (
      t: (typeof TABULAR_TABLES)[number],
      keep: (s: ReturnType<typeof serviceFrom>, row: Raw, ref: SourceRef) => void,
    ) => {
      for (const { row, ref } of rows(t)) {
        const id = str(t === 'attributes' ? row.link_id : row.service_id);
        // Phones, languages and schedules may belong to a location or organisation only; we keep services'.
        if (id === null && t !== 'attributes' && t !== 'service_at_location' && t !== 'cost_options')
          continue;
        const s = services.get(id ?? '');
        if (s) keep(s, row, ref);
        else if (t === 'attributes') {
          // Attributes of other entities (organisations, locations) are not part of our model.
          if ((str(row.link_entity) ?? 'service') === 'service') unknownParent(ref, 'link_id', id ?? '');
        } else unknownParent(ref, 'service_id', id ?? '');
      }
    };
    ofService('service_at_location', (s, row, ref) =>
      s.at_locations.push({
        id: str(row.id),
        ref,
        location_key: str(row.location_id) ?? '',
        description: str(row.description),
      }),
    );
    ofService('phones', (s, row, ref) => s.phones.push(phoneFrom(row, ref)));
    ofService('schedules', (s, row, ref) => s.schedules.push(scheduleFrom(row, ref, errors)));
    ofService('languages', (s, row, ref) => s.languages.push(languageFrom(row, ref)));
    ofService('cost_options', (s, row, ref) => s.cost_options.push(costFrom(row, ref, errors)));
    ofService('attributes', (s, row, ref) =>
      s.terms.push(attributeFrom(row, ref, str(row.taxonomy_term_id))),
    );

    batch.organizations = [...orgs.values()];
    batch.locations = [...locations.values()];
    batch.services = [...services.values()];
    return batch;
  },
};

function msg(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 300);
}
