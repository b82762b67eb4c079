import type { Kysely } from 'kysely';
import { type Actor, writeAudit } from '../../../platform/audit.ts';
import { inTransaction } from '../../../platform/db/index.ts';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { hsdsId } from '../hsds.ts';
import { rebuildIndex, reindex } from '../service.ts';
import type { DirectoryTables } from '../tables.ts';
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

/** Belgium's bounding box, with a small margin for addresses on the border. */
export const BELGIUM = { south: 49.49, north: 51.51, west: 2.54, east: 6.41 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DAY = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;
const STATUSES = new Set(['active', 'inactive', 'defunct', 'temporarily closed']);
const FREQS = new Set(['WEEKLY', 'MONTHLY']);
const KBO_SCHEMES = /^(kbo|be-bce_kbo|be-bce|bce|kbo-bce)$/i;

/**
 * Lets other requests in every so many records: checking and matching a 100,000-row file takes seconds, and
 * the database calls alone would never give the event loop a turn (SQLite answers synchronously).
 */
const YIELD_EVERY = 250;
const breathe = (i: number) =>
  i % YIELD_EVERY === YIELD_EVERY - 1 ? new Promise<void>((resolve) => setImmediate(resolve)) : undefined;
/** File order without the locale machinery: reports of 100,000 rows are sorted in one go. */
const byFileAndLine = (a: SourceRef, b: SourceRef) =>
  a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1;

/** The scheme under which a source's own ids are kept when they could not become ours (another owner has it). */
const hsdsScheme = (t: ImportTarget) => `hsds:${t.networkId ?? 'shared'}`;
const owned = (t: ImportTarget) => (t.networkId === null ? null : t.networkId);

interface Resolved {
  orgId: Map<string, { id: string; action: Action }>;
  serviceId: Map<string, { id: string; action: Action }>;
  locationId: Map<string, { id: string; action: Action }>;
  termId: Map<ServiceIn['terms'][number], string>;
}

/** Checks every record of a batch; the errors are rows with line and reason. Reads the taxonomy only. */
async function validate(
  db: Dir,
  batch: ImportBatch,
  onProgress?: (done: number) => Promise<void>,
): Promise<{
  errors: RowError[];
  termId: Resolved['termId'];
}> {
  const errors: RowError[] = [...batch.errors];
  const err = (ref: SourceRef, code: string, params: Record<string, string | number> = {}) =>
    errors.push({ file: ref.file, line: ref.line, code, params });
  const required = (ref: SourceRef, field: string, v: string | null) => {
    if (v === null || v.trim() === '') err(ref, 'exchange_required', { field });
  };
  const orgKeys = new Set(batch.organizations.map((o) => o.key));
  // One record per outside id: a second row with the same id would overwrite the first.
  for (const list of [batch.locations, batch.services]) {
    const seen = new Set<string>();
    for (const r of list) {
      if (seen.has(r.key)) err(r.ref, 'exchange_duplicate_id', { value: r.ids[0]?.identifier ?? r.key });
      seen.add(r.key);
    }
  }
  const locKeys = new Set(batch.locations.map((l) => l.key));
  for (const [i, o] of batch.organizations.entries()) {
    await breathe(i);
    required(o.ref, 'name', o.name);
    if (o.email && !EMAIL.test(o.email)) err(o.ref, 'exchange_bad_email', { value: o.email });
    for (const idf of o.identifiers) {
      if (!KBO_SCHEMES.test(idf.scheme)) continue;
      const kbo = normaliseKbo(idf.identifier);
      if (!kbo) err(o.ref, 'exchange_bad_kbo', { value: idf.identifier });
      else if (!o.ids.some((i) => i.scheme === 'kbo')) o.ids.push({ scheme: 'kbo', identifier: kbo });
    }
  }
  for (const [i, l] of batch.locations.entries()) {
    await breathe(i);
    if (l.organization_key && !orgKeys.has(l.organization_key))
      err(l.ref, 'exchange_unknown_reference', { field: 'organization_id', value: l.organization_key });
    if ((l.latitude === null) !== (l.longitude === null)) err(l.ref, 'exchange_coordinates_pair');
    else if (
      l.latitude !== null &&
      l.longitude !== null &&
      !(
        l.latitude >= BELGIUM.south &&
        l.latitude <= BELGIUM.north &&
        l.longitude >= BELGIUM.west &&
        l.longitude <= BELGIUM.east
      )
    )
      err(l.ref, 'exchange_outside_belgium', { lat: l.latitude, lon: l.longitude });
    for (const a of l.addresses) {
      required(l.ref, 'address_1', a.address_1);
      required(l.ref, 'city', a.city);
      required(l.ref, 'postal_code', a.postal_code);
      if (a.country.toUpperCase() === 'BE' && a.postal_code && !/^[1-9]\d{3}$/.test(a.postal_code))
        err(l.ref, 'exchange_bad_postcode', { value: a.postal_code });
    }
  }
  const terms = await db.selectFrom('directory_taxonomy_terms').select(['id', 'code', 'name']).execute();
  const byKey = new Map<string, string>();
  const ambiguous = new Set<string>();
  const add = (k: string, id: string) => {
    const key = k.toLowerCase();
    if (byKey.has(key) && byKey.get(key) !== id) ambiguous.add(key);
    else byKey.set(key, id);
  };
  for (const t of terms) {
    byKey.set(t.id.toLowerCase(), t.id);
    byKey.set(hsdsId(t.id), t.id);
  }
  for (const t of terms) {
    add(t.code, t.id);
    add(t.name, t.id);
  }
  const termId: Resolved['termId'] = new Map();
  let done = 0;
  for (const s of batch.services) {
    await breathe(done);
    required(s.ref, 'name', s.name);
    if (!orgKeys.has(s.organization_key))
      err(s.ref, 'exchange_unknown_reference', { field: 'organization_id', value: s.organization_key });
    if (!STATUSES.has(s.status)) err(s.ref, 'exchange_bad_value', { field: 'status', value: s.status });
    if (s.email && !EMAIL.test(s.email)) err(s.ref, 'exchange_bad_email', { value: s.email });
    for (const [f, v] of [
      ['minimum_age', s.minimum_age],
      ['maximum_age', s.maximum_age],
    ] as const)
      if (v !== null && (v < 0 || v > 130)) err(s.ref, 'exchange_bad_value', { field: f, value: v });
    if (s.minimum_age !== null && s.maximum_age !== null && s.minimum_age > s.maximum_age)
      err(s.ref, 'exchange_bad_value', { field: 'maximum_age', value: s.maximum_age });
    for (const sal of s.at_locations)
      if (!locKeys.has(sal.location_key))
        err(sal.ref, 'exchange_unknown_reference', { field: 'location_id', value: sal.location_key });
    for (const p of s.phones) {
      if ((p.number.match(/\d/g)?.length ?? 0) < 6) err(p.ref, 'exchange_bad_phone', { value: p.number });
    }
    for (const l of s.languages)
      if (!/^[a-z]{2,3}$/i.test(l.code)) err(l.ref, 'exchange_bad_value', { field: 'code', value: l.code });
    for (const c of s.cost_options)
      if (c.amount !== null && c.amount < 0)
        err(c.ref, 'exchange_bad_value', { field: 'amount', value: c.amount });
    for (const sc of s.schedules) {
      if (!FREQS.has(sc.freq)) err(sc.ref, 'exchange_bad_hours', { value: `freq=${sc.freq}` });
      const times = [sc.opens_at, sc.closes_at].filter((v) => v !== null);
      // Opening at 25:00, or closing when it opens, is a typing error, not a schedule.
      if (times.some((v) => !HHMM.test(v)) || (sc.opens_at !== null && sc.opens_at === sc.closes_at))
        err(sc.ref, 'exchange_bad_hours', { value: `${sc.opens_at ?? ''}-${sc.closes_at ?? ''}` });
      if (sc.byday && !sc.byday.split(',').every((d) => DAY.test(d)))
        err(sc.ref, 'exchange_bad_hours', { value: `byday=${sc.byday}` });
    }
    for (const t of s.terms) {
      const given = t.term.toLowerCase();
      const viaPackage = batch.termCodes.get(t.term)?.toLowerCase();
      const id = ambiguous.has(given)
        ? undefined
        : (byKey.get(given) ??
          (viaPackage && !ambiguous.has(viaPackage) ? byKey.get(viaPackage) : undefined));
      if (id) termId.set(t, id);
      else err(t.ref, 'exchange_unknown_term', { value: t.term });
    }
    done++;
    if (onProgress && done % 200 === 0) await onProgress(done);
  }
  // Errors in file order, so that a report reads top to bottom.
  errors.sort(byFileAndLine);
  return { errors, termId };
}

async function findByIds(
  db: Dir,
  table: 'directory_organizations' | 'directory_services' | 'directory_locations',
  entity: 'organization' | 'service' | 'location',
  ids: ExternalId[],
  target: ImportTarget,
): Promise<{ id: string; network_id: string | null } | null> {
  const row = async (id: string) =>
    (await db.selectFrom(table).select(['id', 'network_id']).where('id', '=', id).executeTakeFirst()) ?? null;
  // Another network's own additions do not exist for this import: never matched, updated or linked to.
  const seen = (r: { network_id: string | null } | null) =>
    r !== null && (r.network_id === null || r.network_id === owned(target));
  for (const x of ids) {
    if (x.scheme === 'hsds') {
      const same = await row(x.identifier);
      if (same && same.network_id === owned(target)) return same;
      const mapped = await db
        .selectFrom('directory_identifiers')
        .select('entity_id')
        .where('entity_type', '=', entity)
        .where('scheme', '=', hsdsScheme(target))
        .where('identifier', '=', x.identifier)
        .executeTakeFirst();
      if (mapped) {
        const r = await row(mapped.entity_id);
        if (seen(r)) return r;
      }
    } else {
      const hits = await db
        .selectFrom('directory_identifiers')
        .select('entity_id')
        .where('entity_type', '=', entity)
        .where('scheme', '=', x.scheme)
        .where('identifier', '=', x.identifier)
        .execute();
      for (const hit of hits) {
        const r = await row(hit.entity_id);
        if (seen(r)) return r;
      }
    }
  }
  return null;
}

/**
 * Finds what each record updates: by the source's ids (HSDS id, KBO, Sociale Kaart), and for spreadsheets
 * by name. A match outside the target may only be linked to (an organisation of the shared map); a service
 * or location of someone else is an error, never overwritten.
 */
async function match(
  db: Dir,
  batch: ImportBatch,
  target: ImportTarget,
  errors: RowError[],
): Promise<Omit<Resolved, 'termId'>> {
  const inScope = (n: string | null) => n === owned(target);
  const orgId: Resolved['orgId'] = new Map();
  for (const [i, o] of batch.organizations.entries()) {
    await breathe(i);
    let hit = await findByIds(db, 'directory_organizations', 'organization', o.ids, target);
    if (!hit && batch.matchByName && o.name) {
      const rows = await db
        .selectFrom('directory_organizations')
        .select(['id', 'network_id', 'name'])
        .where((eb) => eb(eb.fn('lower', ['name']), '=', o.name.toLowerCase()))
        .where((eb) =>
          eb.or([
            eb('network_id', 'is', null),
            ...(target.networkId ? [eb('network_id', '=', target.networkId)] : []),
          ]),
        )
        .execute();
      hit = rows.find((r) => inScope(r.network_id)) ?? rows[0] ?? null;
    }
    orgId.set(
      o.key,
      hit
        ? { id: hit.id, action: inScope(hit.network_id) ? 'update' : 'link' }
        : { id: '', action: 'create' },
    );
  }
  const serviceId: Resolved['serviceId'] = new Map();
  for (const [i, s] of batch.services.entries()) {
    await breathe(i);
    let hit = await findByIds(db, 'directory_services', 'service', s.ids, target);
    const org = orgId.get(s.organization_key);
    if (!hit && batch.matchByName && s.ids.length === 0 && org?.id) {
      hit =
        (await db
          .selectFrom('directory_services')
          .select(['id', 'network_id'])
          .where('organization_id', '=', org.id)
          .where((eb) => eb(eb.fn('lower', ['name']), '=', s.name.toLowerCase()))
          .where((eb) =>
            target.networkId === null
              ? eb('network_id', 'is', null)
              : eb('network_id', '=', target.networkId),
          )
          .executeTakeFirst()) ?? null;
    }
    if (hit && !inScope(hit.network_id))
      errors.push({ ...s.ref, code: 'exchange_not_yours', params: { name: s.name } });
    serviceId.set(s.key, hit ? { id: hit.id, action: 'update' } : { id: '', action: 'create' });
  }
  const locationId: Resolved['locationId'] = new Map();
  const matchedLocations = new Set<string>();
  for (const [i, l] of batch.locations.entries()) {
    await breathe(i);
    let hit = await findByIds(db, 'directory_locations', 'location', l.ids, target);
    const a = l.addresses[0];
    if (!hit && batch.matchByName && a) {
      // A spreadsheet's address is its location's identity: the same street at the same postcode is the same place.
      const owner = orgId.get(l.organization_key ?? '')?.id;
      hit =
        (owner &&
          (await db
            .selectFrom('directory_locations as l')
            .innerJoin('directory_addresses as a', 'a.location_id', 'l.id')
            .select(['l.id', 'l.network_id'])
            .where('l.organization_id', '=', owner)
            .where('a.postal_code', '=', a.postal_code)
            .where((eb) => eb(eb.fn('lower', ['a.address_1']), '=', a.address_1.toLowerCase()))
            .where((eb) =>
              target.networkId === null
                ? eb('l.network_id', 'is', null)
                : eb('l.network_id', '=', target.networkId),
            )
            .executeTakeFirst())) ||
        null;
    }
    // Two records of one source never become one location.
    if (hit && matchedLocations.has(hit.id)) hit = null;
    if (hit) matchedLocations.add(hit.id);
    if (hit && !inScope(hit.network_id))
      errors.push({ ...l.ref, code: 'exchange_not_yours', params: { name: l.name ?? l.key } });
    locationId.set(l.key, hit ? { id: hit.id, action: 'update' } : { id: '', action: 'create' });
  }
  return { orgId, serviceId, locationId };
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
