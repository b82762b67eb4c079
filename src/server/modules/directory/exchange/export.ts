import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import {
  type HsdsObject,
  hsdsId,
  LOCATION_COLUMNS,
  listOrganizations,
  SCHEDULE_COLUMNS,
  servicesByIds,
} from '../hsds.ts';
import type { DirectoryTables } from '../tables.ts';
import { writeCsv } from './text.ts';

type Db = Kysely<PlatformTables>;
const dir = (db: Db) => db.withTables<DirectoryTables>() as unknown as Kysely<DirectoryTables>;

/** The columns we write, in HSDS order; the package's datapackage.json describes exactly these. */
export const EXPORT_COLUMNS = {
  organizations: [
    'id',
    'name',
    'alternate_name',
    'description',
    'email',
    'website',
    'legal_status',
    'parent_organization_id',
  ],
  organization_identifiers: ['id', 'organization_id', 'identifier_scheme', 'identifier_type', 'identifier'],
  services: [
    'id',
    'organization_id',
    'name',
    'alternate_name',
    'description',
    'url',
    'email',
    'status',
    'interpretation_services',
    'application_process',
    'fees_description',
    'wait_time',
    'eligibility_description',
    'minimum_age',
    'maximum_age',
    'assured_date',
    'assurer_email',
    'alert',
  ],
  locations: LOCATION_COLUMNS,
  addresses: [
    'id',
    'location_id',
    'attention',
    'address_1',
    'address_2',
    'city',
    'region',
    'state_province',
    'postal_code',
    'country',
    'address_type',
  ],
  service_at_location: ['id', 'service_id', 'location_id', 'description'],
  phones: ['id', 'service_id', 'number', 'type', 'description'],
  schedules: SCHEDULE_COLUMNS,
  languages: ['id', 'service_id', 'name', 'code', 'note'],
  cost_options: [
    'id',
    'service_id',
    'valid_from',
    'valid_to',
    'option',
    'currency',
    'amount',
    'amount_description',
  ],
  attributes: ['id', 'link_id', 'taxonomy_term_id', 'link_type', 'link_entity', 'value', 'label'],
  taxonomies: ['id', 'name', 'description', 'uri', 'version'],
  taxonomy_terms: ['id', 'code', 'name', 'description', 'parent_id', 'taxonomy', 'taxonomy_id', 'term_uri'],
} as const;
type Table = keyof typeof EXPORT_COLUMNS;

const NUMBER_FIELDS = new Set([
  'latitude',
  'longitude',
  'minimum_age',
  'maximum_age',
  'count',
  'interval',
  'amount',
]);
const byId = (a: HsdsObject, b: HsdsObject) => String(a.id).localeCompare(String(b.id));

/**
 * The social map as a tenant sees it (published; shared plus the network's own), as HSDS service objects in
 * id order. It reuses the public API's serialisation; last_modified is left out, because it is the time of
 * our write, not of the content, and an export must be the same after a round trip through another install.
 */
export async function exportServices(db: Db, networkId: string | null): Promise<HsdsObject[]> {
  const d = dir(db);
  const ids = (
    await d
      .selectFrom('directory_services')
      .select('id')
      .where('published', '=', 1)
      .where((eb) =>
        networkId === null
          ? eb('network_id', 'is', null)
          : eb.or([eb('network_id', 'is', null), eb('network_id', '=', networkId)]),
      )
      .orderBy('id')
      .execute()
  ).map((r) => r.id);
  const out: HsdsObject[] = [];
  for (let i = 0; i < ids.length; i += 200) {
    for (const s of await servicesByIds(d, ids.slice(i, i + 200), { networkId }, { withAssurer: true })) {
      const { last_modified: _, ...rest } = s;
      out.push(rest);
    }
  }
  return out;
}

/** The HSDS tabular package: file name → content (CSV files and datapackage.json), deterministic. */
export async function exportTabular(db: Db, networkId: string | null): Promise<Map<string, string>> {
  const d = dir(db);
  const services = await exportServices(db, networkId);
  const t: Record<Table, HsdsObject[]> = Object.fromEntries(
    Object.keys(EXPORT_COLUMNS).map((k) => [k, []]),
  ) as never;
  const orgs: HsdsObject[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await listOrganizations(d, { networkId }, { offset, limit: 1000 });
    orgs.push(...page.items);
    if (page.items.length < 1000) break;
  }
  t.organizations = orgs.sort(byId);
  const orgIds = orgs.map((o) => String(o.id));
  for (let i = 0; i < orgIds.length; i += 500) {
    const rows = await d
      .selectFrom('directory_identifiers')
      .selectAll()
      .where('entity_type', '=', 'organization')
      .where('entity_id', 'in', orgIds.slice(i, i + 500))
      // Our own bookkeeping (a source's ids, merged records) is not an identifier of the organisation.
      .where('scheme', 'not like', 'hsds:%')
      .where('scheme', '!=', 'merged')
      .execute();
    for (const r of rows)
      t.organization_identifiers.push({
        id: r.id,
        organization_id: r.entity_id,
        identifier_scheme: r.scheme === 'kbo' ? 'BE-BCE_KBO' : r.scheme,
        identifier_type: r.scheme === 'kbo' ? 'KBO' : null,
        identifier: r.identifier,
      });
  }
  const locations = new Map<string, HsdsObject>();
  const termIds = new Set<string>();
  for (const s of services) {
    t.services.push({ ...s, organization_id: s.organization_id });
    const list = (k: string) => (s[k] as HsdsObject[] | undefined) ?? [];
    for (const p of list('phones')) t.phones.push({ ...p, service_id: s.id });
    for (const p of list('schedules')) t.schedules.push({ ...p, service_id: s.id });
    for (const p of list('languages')) t.languages.push({ ...p, service_id: s.id });
    for (const p of list('cost_options')) t.cost_options.push({ ...p, service_id: s.id });
    for (const a of list('attributes')) {
      t.attributes.push(a);
      termIds.add(String(a.taxonomy_term_id));
    }
    for (const sal of list('service_at_locations')) {
      t.service_at_location.push(sal);
      const loc = sal.location as HsdsObject;
      if (!locations.has(String(loc.id))) locations.set(String(loc.id), loc);
    }
  }
  for (const loc of locations.values()) {
    t.locations.push(loc);
    for (const a of (loc.addresses as HsdsObject[] | undefined) ?? []) t.addresses.push(a);
  }
  // The vocabulary the attributes use, so that the package can be read without our taxonomy.
  const terms = await d.selectFrom('directory_taxonomy_terms').selectAll().execute();
  const used = terms.filter((term) => termIds.has(hsdsId(term.id)));
  const taxonomyIds = new Set(used.map((term) => term.taxonomy_id));
  for (const term of used)
    t.taxonomy_terms.push({
      id: hsdsId(term.id),
      code: term.code,
      name: term.name,
      description: term.description ?? '',
      parent_id: hsdsId(term.parent_id),
      taxonomy: term.taxonomy_id,
      taxonomy_id: hsdsId(term.taxonomy_id),
      term_uri: term.term_uri,
    });
  for (const tx of await d.selectFrom('directory_taxonomies').selectAll().execute())
    if (taxonomyIds.has(tx.id))
      t.taxonomies.push({
        id: hsdsId(tx.id),
        name: tx.name,
        description: tx.description,
        uri: tx.uri,
        version: tx.version,
      });

  const files = new Map<string, string>();
  const resources: unknown[] = [];
  for (const [name, columns] of Object.entries(EXPORT_COLUMNS) as [Table, readonly string[]][]) {
    files.set(`${name}.csv`, writeCsv(columns, t[name].sort(byId)));
    resources.push({
      name,
      path: `${name}.csv`,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: columns.map((c) => ({ name: c, type: NUMBER_FIELDS.has(c) ? 'number' : 'string' })),
        primaryKey: 'id',
      },
    });
  }
  files.set(
    'datapackage.json',
    `${JSON.stringify({ name: 'knooppunt-social-map', profile: 'tabular-data-package', title: 'Knooppunt social map (HSDS 3.1)', resources }, null, 2)}\n`,
  );
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

/** HSDS JSON: the list of full service objects, as the examples' service_full.json, in id order. */
export async function exportJson(db: Db, networkId: string | null): Promise<string> {
  return `${JSON.stringify(await exportServices(db, networkId), null, 2)}\n`;
}
