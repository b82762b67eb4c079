import type { Kysely } from 'kysely';
import { type Actor, writeAudit } from '../../../platform/audit.ts';
import { inTransaction } from '../../../platform/db/index.ts';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { rebuildIndex, reindex } from '../service.ts';
import type { DirectoryTables } from '../tables.ts';
import { byFileAndLine, KBO_SCHEMES, UUID, validate } from './check.ts';
import { hsdsScheme, match, type Resolved } from './match.ts';
import type { ExternalId, ImportBatch, OrganizationIn, RowError, ServiceIn, SourceRef } from './model.ts';
import { normaliseKbo } from './spreadsheet.ts';

type Db = Kysely<PlatformTables>;
type Dir = Kysely<DirectoryTables>;
const dir = (db: Db) => db.withTables<DirectoryTables>() as unknown as Dir;

/** Whose records an import writes: a network's own additions, or (the operator's command line) the shared map. */
export interface ImportTarget {
  networkId: string | null;
}

export type Action = 'create' | 'update' | 'link';
export interface PlannedRow extends SourceRef {
  entity: 'organization' | 'service' | 'location';
  name: string;
  action: Action;
}

/**
 * The rows of each kind a report lists one by one (the counts cover all): the page shows the first hundred,
 * and a list of 300,000 rows took seconds of the event loop to serialise.
 */
export const PLANNED_KEPT = 1000;

export interface ImportReport {
  ok: boolean;
  rows: number;
  errors: RowError[];
  planned: PlannedRow[];
  counts: Record<'organizations' | 'services' | 'locations', Record<Action, number>>;
}

function report(batch: ImportBatch, errors: RowError[], r: Omit<Resolved, 'termId'>): ImportReport {
  const counts: ImportReport['counts'] = {
    organizations: { create: 0, update: 0, link: 0 },
    services: { create: 0, update: 0, link: 0 },
    locations: { create: 0, update: 0, link: 0 },
  };
  const planned: PlannedRow[] = [];
  const note = (entity: PlannedRow['entity'], ref: SourceRef, name: string, action: Action) => {
    const count = counts[`${entity}s`];
    if (count.create + count.update + count.link < PLANNED_KEPT)
      planned.push({ file: ref.file, line: ref.line, entity, name, action });
    count[action]++;
  };
  for (const o of batch.organizations) note('organization', o.ref, o.name, r.orgId.get(o.key)!.action);
  for (const l of batch.locations)
    note('location', l.ref, l.addresses[0]?.address_1 ?? l.name ?? '', r.locationId.get(l.key)!.action);
  for (const s of batch.services) note('service', s.ref, s.name, r.serviceId.get(s.key)!.action);
  planned.sort(byFileAndLine);
  return { ok: errors.length === 0, rows: batch.rows, errors, planned, counts };
}

/** What an import would do, without writing anything: the preview. */
export async function previewImport(db: Db, batch: ImportBatch, target: ImportTarget): Promise<ImportReport> {
  const d = dir(db);
  const { errors } = await validate(d, batch);
  const matched = await match(d, batch, target, errors);
  return report(batch, errors, matched);
}

export interface ApplyOptions {
  actor: Actor;
  /** Called as rows are checked and written (outside the database: see decision 024). */
  onProgress?: (phase: 'validating' | 'writing', done: number, total: number) => Promise<void>;
}

/**
 * Checks everything and, only when no row is rejected, writes the whole batch in one transaction with its
 * provenance, identifiers, audit entry and search index. A rejected row means nothing is written.
 */
export async function applyImport(
  db: Db,
  batch: ImportBatch,
  target: ImportTarget,
  opts: ApplyOptions,
): Promise<ImportReport> {
  const total = batch.services.length;
  const { errors, termId } = await validate(
    dir(db),
    batch,
    opts.onProgress && ((n) => opts.onProgress!('validating', n, total)),
  );
  const pre = await match(dir(db), batch, target, errors);
  if (errors.length) return report(batch, errors, pre);
  await opts.onProgress?.('writing', 0, total);
  const big = batch.services.length > 500;
  const result = await inTransaction(db, async (trx) => {
    const d = dir(trx);
    // Matched again inside the transaction, so that a concurrent import cannot make us write a duplicate.
    const again: RowError[] = [];
    const r = await match(d, batch, target, again);
    if (again.length) return report(batch, again, r);
    await write(d, batch, target, { ...r, termId });
    const rep = report(batch, [], r);
    await writeAudit(trx, {
      networkId: target.networkId,
      actorUserId: opts.actor.userId,
      requestId: opts.actor.requestId,
      action: 'directory.import',
      entityType: 'directory_import',
      entityId: newId(),
      after: {
        source: batch.source,
        label: batch.label,
        counts: rep.counts,
        services: batch.services.map((s) => r.serviceId.get(s.key)!.id),
      },
    });
    if (!big)
      await reindex(
        trx,
        batch.services.map((s) => r.serviceId.get(s.key)!.id),
      );
    return rep;
  });
  // A big import rebuilds the whole index once, in static-rank order, rather than patching it row by row.
  if (result.ok && big) await rebuildIndex(db);
  return result;
}

/** Ids that are free in a table: a source's id is kept when nobody else has it (the round trip needs that). */
async function freeIds(d: Dir, table: keyof DirectoryTables, ids: (string | null)[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null && UUID.test(i)))];
  const taken = new Set<string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const chunk = wanted.slice(i, i + 500);
    const rows = (await d
      .selectFrom(table as 'directory_phones')
      .select('id')
      .where('id', 'in', chunk)
      .execute()) as { id: string }[];
    for (const row of rows) taken.add(row.id);
  }
  return new Set(wanted.filter((w) => !taken.has(w)));
}

function idFrom(free: Set<string>, wanted: string | null): string {
  if (wanted && free.has(wanted)) {
    free.delete(wanted);
    return wanted;
  }
  return newId();
}

async function insertMany<T extends keyof DirectoryTables>(
  d: Dir,
  table: T,
  rows: Record<string, unknown>[],
) {
  // Bounded batches: SQLite and PostgreSQL both limit the parameters of one statement.
  for (let i = 0; i < rows.length; i += 50) {
    const chunk = rows.slice(i, i + 50);
    if (chunk.length)
      await d
        .insertInto(table)
        .values(chunk as never)
        .execute();
  }
}

const ORG_FIELDS = ['name', 'alternate_name', 'description', 'email', 'website', 'legal_status'] as const;
const LOC_FIELDS = [
  'location_type',
  'name',
  'alternate_name',
  'description',
  'transportation',
  'latitude',
  'longitude',
] as const;
const SERVICE_FIELDS = [
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
  'alert',
  'assurer_email',
] as const;

async function write(d: Dir, batch: ImportBatch, target: ImportTarget, r: Resolved) {
  const at = nowIso();
  const source = `import:${batch.source}`;
  const provenance: Record<string, unknown>[] = [];
  const identifiers: Record<string, unknown>[] = [];
  const sources = (
    entity: string,
    id: string,
    ref: SourceRef,
    rec: Record<string, unknown>,
    fields: readonly string[],
  ) => {
    for (const f of fields)
      if (rec[f] !== null && rec[f] !== undefined)
        provenance.push({
          entity_type: entity,
          entity_id: id,
          field: f,
          source,
          source_ref: `${batch.label}:${ref.file}:${ref.line}`,
          assured_date: null,
          assured_by: null,
          updated_at: at,
        });
  };
  const ownedCols = (assured: string | null) => ({
    network_id: target.networkId,
    published: 1,
    is_demo: 0,
    assured_date: assured,
    assured_by: null,
    created_at: at,
    updated_at: at,
  });
  const keepIds = async (
    entity: 'organization' | 'service' | 'location',
    table: 'directory_organizations' | 'directory_services' | 'directory_locations',
    recs: { key: string; ids: ExternalId[] }[],
    map: Map<string, { id: string; action: Action }>,
  ) => {
    const fresh = recs.filter((x) => map.get(x.key)!.action === 'create');
    const free = await freeIds(
      d,
      table,
      fresh.map((x) => x.key),
    );
    for (const x of fresh) {
      const id = idFrom(free, x.key);
      map.get(x.key)!.id = id;
      const hsds = x.ids.find((i) => i.scheme === 'hsds');
      if (hsds && id !== hsds.identifier)
        identifiers.push({
          id: newId(),
          entity_type: entity,
          entity_id: id,
          scheme: hsdsScheme(target),
          identifier: hsds.identifier,
        });
    }
  };

  // Organisations.
  await keepIds('organization', 'directory_organizations', batch.organizations, r.orgId);
  const orgRows: Record<string, unknown>[] = [];
  for (const o of batch.organizations) {
    const m = r.orgId.get(o.key)!;
    const values = {
      name: o.name,
      alternate_name: o.alternate_name,
      description: o.description,
      email: o.email,
      website: o.website,
      legal_status: o.legal_status,
    };
    if (m.action === 'create')
      orgRows.push({ id: m.id, ...values, parent_organization_id: null, ...ownedCols(null) });
    else if (m.action === 'update')
      await d
        .updateTable('directory_organizations')
        .set({ ...values, updated_at: at })
        .where('id', '=', m.id)
        .execute();
    if (m.action !== 'link') sources('organization', m.id, o.ref, values, ORG_FIELDS);
  }
  await insertMany(d, 'directory_organizations', orgRows);
  const orgIdentifierRows: { o: OrganizationIn; idf: OrganizationIn['identifiers'][number]; kbo: boolean }[] =
    [];
  for (const o of batch.organizations)
    for (const idf of o.identifiers) orgIdentifierRows.push({ o, idf, kbo: KBO_SCHEMES.test(idf.scheme) });
  const freeIdf = await freeIds(
    d,
    'directory_identifiers',
    orgIdentifierRows.map((x) => x.idf.id),
  );
  const ensureIdentifier = async (
    entity: string,
    entityId: string,
    scheme: string,
    identifier: string,
    wantedId: string | null,
  ) => {
    const existing = await d
      .selectFrom('directory_identifiers')
      .select('entity_id')
      .where('entity_type', '=', entity)
      .where('scheme', '=', scheme)
      .where('identifier', '=', identifier)
      .executeTakeFirst();
    if (existing) return;
    if (
      identifiers.some((x) => x.entity_type === entity && x.scheme === scheme && x.identifier === identifier)
    )
      return;
    identifiers.push({
      id: idFrom(freeIdf, wantedId),
      entity_type: entity,
      entity_id: entityId,
      scheme,
      identifier,
    });
  };
  for (const { o, idf, kbo } of orgIdentifierRows) {
    const m = r.orgId.get(o.key)!;
    if (m.action === 'link') continue;
    const scheme = kbo ? 'kbo' : idf.scheme.toLowerCase();
    await ensureIdentifier(
      'organization',
      m.id,
      scheme,
      kbo ? normaliseKbo(idf.identifier)! : idf.identifier,
      idf.id,
    );
  }

  // Locations (with their addresses, replaced as a whole).
  await keepIds('location', 'directory_locations', batch.locations, r.locationId);
  const updatedLocations = batch.locations
    .filter((l) => r.locationId.get(l.key)!.action === 'update')
    .map((l) => r.locationId.get(l.key)!.id);
  if (updatedLocations.length)
    await d.deleteFrom('directory_addresses').where('location_id', 'in', updatedLocations).execute();
  const freeAddr = await freeIds(
    d,
    'directory_addresses',
    batch.locations.flatMap((l) => l.addresses.map((a) => a.id)),
  );
  const locRows: Record<string, unknown>[] = [];
  const addrRows: Record<string, unknown>[] = [];
  for (const l of batch.locations) {
    const m = r.locationId.get(l.key)!;
    const values: Record<string, unknown> = {
      organization_id: l.organization_key ? (r.orgId.get(l.organization_key)?.id ?? null) : null,
      location_type: l.location_type,
      name: l.name,
      alternate_name: l.alternate_name,
      description: l.description,
      transportation: l.transportation,
      latitude: l.latitude,
      longitude: l.longitude,
    };
    if (m.action === 'create') locRows.push({ id: m.id, ...values, nis_code: null, ...ownedCols(null) });
    else
      await d
        .updateTable('directory_locations')
        .set({ ...values, updated_at: at })
        .where('id', '=', m.id)
        .execute();
    sources('location', m.id, l.ref, values, LOC_FIELDS);
    for (const a of l.addresses)
      addrRows.push({
        ...a,
        id: idFrom(freeAddr, a.id),
        location_id: m.id,
        country: a.country.toUpperCase(),
      });
  }
  await insertMany(d, 'directory_locations', locRows);
  await insertMany(d, 'directory_addresses', addrRows);

  // Services and what hangs on them; an updated service's lists are replaced by the source's.
  await keepIds('service', 'directory_services', batch.services, r.serviceId);
  const updated = batch.services
    .filter((s) => r.serviceId.get(s.key)!.action === 'update')
    .map((s) => r.serviceId.get(s.key)!.id);
  for (let i = 0; i < updated.length; i += 500) {
    const chunk = updated.slice(i, i + 500);
    for (const t of [
      'directory_phones',
      'directory_schedules',
      'directory_languages',
      'directory_cost_options',
      'directory_service_at_locations',
    ] as const)
      await d.deleteFrom(t).where('service_id', 'in', chunk).execute();
    await d
      .deleteFrom('directory_attributes')
      .where('link_entity', '=', 'service')
      .where('link_id', 'in', chunk)
      .execute();
  }
  const child = async (table: keyof DirectoryTables, pick: (s: ServiceIn) => { id: string | null }[]) =>
    freeIds(
      d,
      table,
      batch.services.flatMap((s) => pick(s).map((x) => x.id)),
    );
  const [fSal, fPhone, fSched, fLang, fCost, fAttr] = await Promise.all([
    child('directory_service_at_locations', (s) => s.at_locations),
    child('directory_phones', (s) => s.phones),
    child('directory_schedules', (s) => s.schedules),
    child('directory_languages', (s) => s.languages),
    child('directory_cost_options', (s) => s.cost_options),
    child('directory_attributes', (s) => s.terms),
  ]);
  const rows = {
    svc: [] as Record<string, unknown>[],
    sal: [] as Record<string, unknown>[],
    phone: [] as Record<string, unknown>[],
    sched: [] as Record<string, unknown>[],
    lang: [] as Record<string, unknown>[],
    cost: [] as Record<string, unknown>[],
    attr: [] as Record<string, unknown>[],
  };
  for (const s of batch.services) {
    const m = r.serviceId.get(s.key)!;
    const values: Record<string, unknown> = {
      organization_id: r.orgId.get(s.organization_key)!.id,
      name: s.name,
      alternate_name: s.alternate_name,
      description: s.description,
      url: s.url,
      email: s.email,
      status: s.status,
      interpretation_services: s.interpretation_services,
      application_process: s.application_process,
      fees_description: s.fees_description,
      wait_time: s.wait_time,
      eligibility_description: s.eligibility_description,
      minimum_age: s.minimum_age,
      maximum_age: s.maximum_age,
      alert: s.alert,
      assurer_email: s.assurer_email,
    };
    if (m.action === 'create') rows.svc.push({ id: m.id, ...values, ...ownedCols(s.assured_date) });
    else
      await d
        .updateTable('directory_services')
        .set({ ...values, assured_date: s.assured_date, updated_at: at })
        .where('id', '=', m.id)
        .execute();
    sources('service', m.id, s.ref, values, SERVICE_FIELDS);
    for (const x of s.ids.filter((i) => i.scheme !== 'hsds'))
      await ensureIdentifier('service', m.id, x.scheme, x.identifier, null);
    for (const sal of s.at_locations)
      rows.sal.push({
        id: idFrom(fSal, sal.id),
        service_id: m.id,
        location_id: r.locationId.get(sal.location_key)!.id,
        description: sal.description,
      });
    for (const p of s.phones)
      rows.phone.push({
        id: idFrom(fPhone, p.id),
        organization_id: null,
        service_id: m.id,
        location_id: null,
        contact_id: null,
        service_at_location_id: null,
        number: p.number,
        extension: null,
        type: p.type,
        description: p.description,
      });
    for (const sc of s.schedules) {
      const { ref: _ref, id, ...fields } = sc;
      rows.sched.push({
        ...fields,
        id: idFrom(fSched, id),
        service_id: m.id,
        location_id: null,
        service_at_location_id: null,
        timezone: 'Europe/Brussels',
      });
    }
    for (const l of s.languages)
      rows.lang.push({
        id: idFrom(fLang, l.id),
        service_id: m.id,
        location_id: null,
        phone_id: null,
        name: l.name,
        code: l.code.toLowerCase(),
        note: l.note,
      });
    for (const c of s.cost_options) {
      const { ref: _ref, id, ...fields } = c;
      rows.cost.push({ ...fields, id: idFrom(fCost, id), service_id: m.id });
    }
    for (const t of s.terms)
      rows.attr.push({
        id: idFrom(fAttr, t.id),
        link_id: m.id,
        link_type: t.link_type,
        link_entity: 'service',
        taxonomy_term_id: r.termId.get(t)!,
        value: t.value,
        label: t.label,
      });
  }
  await insertMany(d, 'directory_services', rows.svc);
  await insertMany(d, 'directory_service_at_locations', rows.sal);
  await insertMany(d, 'directory_phones', rows.phone);
  await insertMany(d, 'directory_schedules', rows.sched);
  await insertMany(d, 'directory_languages', rows.lang);
  await insertMany(d, 'directory_cost_options', rows.cost);
  await insertMany(d, 'directory_attributes', rows.attr);
  await insertMany(d, 'directory_identifiers', identifiers);
  // Provenance per field: the latest import that wrote a field is its source.
  const byEntity = new Map<string, string[]>();
  for (const p of provenance) {
    const k = `${p.entity_type}\u0000${p.entity_id}`;
    byEntity.set(k, [...(byEntity.get(k) ?? []), p.field as string]);
  }
  for (const [k, fields] of byEntity) {
    const [entity, id] = k.split('\u0000') as [string, string];
    await d
      .deleteFrom('directory_field_sources')
      .where('entity_type', '=', entity)
      .where('entity_id', '=', id)
      .where('field', 'in', fields)
      .execute();
  }
  await insertMany(d, 'directory_field_sources', provenance);
}
