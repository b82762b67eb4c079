// SQL of the analysis: the tables it adds, the records in an area, dismissals, misses and coverage; merging and the vocabulary in their own files.
import { type Kysely, sql } from 'kysely';
import type { PostcodeTable } from '../../../platform/db/tables.ts';
import type { DirectoryTables } from '../tables.ts';

export * from './merge-repo.ts';
export * from './vocabulary-repo.ts';

export interface DuplicateDismissalTable {
  network_id: string;
  entity_type: string;
  record_a: string;
  record_b: string;
  dismissed_by: string | null;
  created_at: string;
}

/** The directory's tables, this area's own (migration 0103) and the postcode reference (geography). */
export type AnalysisTables = DirectoryTables & {
  directory_duplicate_dismissals: DuplicateDismissalTable;
  postcodes: PostcodeTable;
};

export type Db = Kysely<AnalysisTables>;
export type RecordKind = 'organization' | 'service';

const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Runs a lookup per chunk of ids, so that no statement exceeds the engines' parameter limits. */
async function inChunks<T>(ids: string[], load: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunks([...new Set(ids)])) out.push(...(await load(part)));
  return out;
}

// ------------------------------------------------------------------------------------------------ scope

export async function postcodesOf(db: Db, nisCodes: string[]): Promise<string[]> {
  if (nisCodes.length === 0) return [];
  const rows = await db
    .selectFrom('postcodes')
    .select('postcode')
    .where('nis_code', 'in', nisCodes)
    .execute();
  return [...new Set(rows.map((r) => r.postcode))];
}

export async function postcodeMunicipalities(db: Db, postcodes: string[]) {
  if (postcodes.length === 0) return [];
  return db
    .selectFrom('postcodes')
    .select(['postcode', 'nis_code'])
    .where('postcode', 'in', postcodes)
    .execute();
}

/**
 * The records a network's duplicate scan looks at: its own additions, and shared records with a location in
 * its municipalities (by NIS code or postcode); for organisations also its partners and the owners of the
 * services found. Never another network's additions.
 */
export async function recordsInArea(
  db: Db,
  kind: RecordKind,
  networkId: string,
  nisCodes: string[],
  postcodes: string[],
): Promise<string[]> {
  const locations = await db
    .selectFrom('directory_locations as l')
    .leftJoin('directory_addresses as a', 'a.location_id', 'l.id')
    .select(['l.id', 'l.organization_id'])
    .where((eb) => eb.or([eb('l.network_id', 'is', null), eb('l.network_id', '=', networkId)]))
    .where((eb) => {
      const inArea = [eb('l.network_id', '=', networkId)];
      if (nisCodes.length > 0) inArea.push(eb('l.nis_code', 'in', nisCodes));
      if (postcodes.length > 0) inArea.push(eb('a.postal_code', 'in', postcodes));
      return eb.or(inArea);
    })
    .execute();
  const locationIds = locations.map((l) => l.id);
  const atLocations = await inChunks(locationIds, (part) =>
    db
      .selectFrom('directory_service_at_locations as sal')
      .innerJoin('directory_services as s', 's.id', 'sal.service_id')
      .select(['s.id', 's.organization_id'])
      .where('sal.location_id', 'in', part)
      .where((eb) => eb.or([eb('s.network_id', 'is', null), eb('s.network_id', '=', networkId)]))
      .execute(),
  );
  const localServices = await db
    .selectFrom('directory_services')
    .select(['id', 'organization_id'])
    .where('network_id', '=', networkId)
    .execute();
  const services = [...atLocations, ...localServices];
  if (kind === 'service') return [...new Set(services.map((s) => s.id))];

  const partners = await db
    .selectFrom('directory_network_partners')
    .select('organization_id')
    .where('network_id', '=', networkId)
    .execute();
  const localOrgs = await db
    .selectFrom('directory_organizations')
    .select('id')
    .where('network_id', '=', networkId)
    .execute();
  const candidates = [
    ...locations.flatMap((l) => (l.organization_id ? [l.organization_id] : [])),
    ...services.map((s) => s.organization_id),
    ...partners.map((p) => p.organization_id),
    ...localOrgs.map((o) => o.id),
  ];
  const visible = await inChunks(candidates, (part) =>
    db
      .selectFrom('directory_organizations')
      .select('id')
      .where('id', 'in', part)
      .where((eb) => eb.or([eb('network_id', 'is', null), eb('network_id', '=', networkId)]))
      .execute(),
  );
  return visible.map((o) => o.id);
}

/**
 * Records that might match a new entry, found through indexed or narrow lookups (never the whole map):
 * identifiers in any of their written forms, phones ending in the same digits, the same postcode, a name
 * containing its most telling word. Visible to the network only.
 */
export async function possibleMatches(
  db: Db,
  kind: RecordKind,
  networkId: string | null,
  keys: { identifiers: string[]; phoneTail: string | null; postcode: string | null; nameWord: string | null },
): Promise<string[]> {
  const visible = (column: 'network_id' | 's.network_id' | 'o.network_id') =>
    sql<boolean>`(${sql.ref(column)} is null${networkId ? sql` or ${sql.ref(column)} = ${networkId}` : sql``})`;
  const ids = new Set<string>();
  if (keys.identifiers.length > 0) {
    const rows = await db
      .selectFrom('directory_identifiers')
      .select('entity_id')
      .where('entity_type', '=', kind)
      .where('identifier', 'in', keys.identifiers)
      .execute();
    for (const r of rows) ids.add(r.entity_id);
  }
  if (keys.phoneTail) {
    // Digits with anything between them: matches "053 21 00 00" and "053/21.00.00" alike; checked exactly later.
    const pattern = `%${keys.phoneTail.split('').join('%')}`;
    const column = kind === 'organization' ? 'organization_id' : 'service_id';
    const rows = await db
      .selectFrom('directory_phones')
      .select(column)
      .where(column, 'is not', null)
      .where('number', 'like', pattern)
      .limit(200)
      .execute();
    for (const r of rows) {
      const id = (r as Record<string, string | null>)[column];
      if (id) ids.add(id);
    }
  }
  if (keys.postcode) {
    const rows =
      kind === 'organization'
        ? await db
            .selectFrom('directory_addresses as a')
            .innerJoin('directory_locations as l', 'l.id', 'a.location_id')
            .select('l.organization_id as id')
            .where('a.postal_code', '=', keys.postcode)
            .where('l.organization_id', 'is not', null)
            .limit(2000)
            .execute()
        : await db
            .selectFrom('directory_addresses as a')
            .innerJoin('directory_service_at_locations as sal', 'sal.location_id', 'a.location_id')
            .select('sal.service_id as id')
            .where('a.postal_code', '=', keys.postcode)
            .limit(2000)
            .execute();
    for (const r of rows) if (r.id) ids.add(r.id);
  }
  if (keys.nameWord) {
    const table = kind === 'organization' ? 'directory_organizations' : 'directory_services';
    const rows = await db
      .selectFrom(table)
      .select('id')
      .where(sql<boolean>`lower(name) like ${`%${keys.nameWord}%`}`)
      .where(visible('network_id'))
      .limit(500)
      .execute();
    for (const r of rows) ids.add(r.id);
  }
  if (ids.size === 0) return [];
  const table = kind === 'organization' ? 'directory_organizations' : 'directory_services';
  const rows = await inChunks([...ids], (part) =>
    db.selectFrom(table).select('id').where('id', 'in', part).where(visible('network_id')).execute(),
  );
  return rows.map((r) => r.id);
}

export interface MatchRecord {
  kind: RecordKind;
  id: string;
  networkId: string | null;
  name: string;
  organizationId: string | null;
  organizationName: string | null;
  identifiers: { scheme: string; identifier: string }[];
  phones: string[];
  addresses: { address_1: string; postal_code: string; city: string }[];
}

/** The keys of the given records that duplicates are judged on. */
export async function loadMatchRecords(db: Db, kind: RecordKind, ids: string[]): Promise<MatchRecord[]> {
  const base =
    kind === 'organization'
      ? await inChunks(ids, (part) =>
          db
            .selectFrom('directory_organizations')
            .select(['id', 'name', 'network_id'])
            .where('id', 'in', part)
            .execute(),
        ).then((rows) =>
          rows.map((r) => ({ ...r, organization_id: null as string | null, organization_name: null })),
        )
      : await inChunks(ids, (part) =>
          db
            .selectFrom('directory_services as s')
            .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
            .select(['s.id', 's.name', 's.network_id', 's.organization_id', 'o.name as organization_name'])
            .where('s.id', 'in', part)
            .execute(),
        );
  const live = base.map((b) => b.id);
  const identifiers = await inChunks(live, (part) =>
    db
      .selectFrom('directory_identifiers')
      .select(['entity_id', 'scheme', 'identifier'])
      .where('entity_type', '=', kind)
      .where('entity_id', 'in', part)
      .execute(),
  );
  const phones = await inChunks(live, (part) =>
    kind === 'organization'
      ? db
          .selectFrom('directory_phones')
          .select(['organization_id as owner', 'number'])
          .where('organization_id', 'in', part)
          .execute()
      : db
          .selectFrom('directory_phones')
          .select(['service_id as owner', 'number'])
          .where('service_id', 'in', part)
          .execute(),
  );
  const addresses = await inChunks(live, (part) =>
    kind === 'organization'
      ? db
          .selectFrom('directory_locations as l')
          .innerJoin('directory_addresses as a', 'a.location_id', 'l.id')
          .select(['l.organization_id as owner', 'a.address_1', 'a.postal_code', 'a.city'])
          .where('l.organization_id', 'in', part)
          .execute()
      : db
          .selectFrom('directory_service_at_locations as sal')
          .innerJoin('directory_addresses as a', 'a.location_id', 'sal.location_id')
          .select(['sal.service_id as owner', 'a.address_1', 'a.postal_code', 'a.city'])
          .where('sal.service_id', 'in', part)
          .execute(),
  );
  const group = <T extends { owner: string | null }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      if (!r.owner) continue;
      const list = m.get(r.owner) ?? [];
      list.push(r);
      m.set(r.owner, list);
    }
    return m;
  };
  const idsBy = group(identifiers.map((i) => ({ ...i, owner: i.entity_id })));
  const phonesBy = group(phones);
  const addressesBy = group(addresses);
  return base.map((b) => ({
    kind,
    id: b.id,
    networkId: b.network_id,
    name: b.name,
    organizationId: b.organization_id,
    organizationName: b.organization_name,
    identifiers: (idsBy.get(b.id) ?? []).map((i) => ({ scheme: i.scheme, identifier: i.identifier })),
    phones: (phonesBy.get(b.id) ?? []).map((p) => p.number),
    addresses: (addressesBy.get(b.id) ?? []).map((a) => ({
      address_1: a.address_1,
      postal_code: a.postal_code,
      city: a.city,
    })),
  }));
}

// ------------------------------------------------------------------------------------------------ dismissals

export async function dismissedPairs(db: Db, networkId: string, kind: RecordKind): Promise<Set<string>> {
  const rows = await db
    .selectFrom('directory_duplicate_dismissals')
    .select(['record_a', 'record_b'])
    .where('network_id', '=', networkId)
    .where('entity_type', '=', kind)
    .execute();
  return new Set(rows.map((r) => `${r.record_a}|${r.record_b}`));
}

export async function insertDismissal(db: Db, row: DuplicateDismissalTable): Promise<boolean> {
  const existing = await db
    .selectFrom('directory_duplicate_dismissals')
    .select('record_a')
    .where('network_id', '=', row.network_id)
    .where('entity_type', '=', row.entity_type)
    .where('record_a', '=', row.record_a)
    .where('record_b', '=', row.record_b)
    .executeTakeFirst();
  if (existing) return false;
  await db.insertInto('directory_duplicate_dismissals').values(row).execute();
  return true;
}

export async function deleteDismissalsOf(db: Db, recordId: string): Promise<void> {
  await db
    .deleteFrom('directory_duplicate_dismissals')
    .where((eb) => eb.or([eb('record_a', '=', recordId), eb('record_b', '=', recordId)]))
    .execute();
}

// ------------------------------------------------------------------------------------------------ misses

export async function groupedMisses(db: Db, networkId: string, since: string, limit: number) {
  return db
    .selectFrom('directory_search_misses')
    .select((eb) => [
      'query',
      'filters_json',
      eb.fn.countAll<number | string>().as('count'),
      eb.fn.max('at').as('last_seen'),
    ])
    .where('network_id', '=', networkId)
    .where('at', '>=', since)
    .groupBy(['query', 'filters_json'])
    .orderBy(sql`count(*)`, 'desc')
    .orderBy(sql`max(at)`, 'desc')
    .limit(limit)
    .execute();
}

// ------------------------------------------------------------------------------------------------ coverage

/** Published, active services visible to a network that carry one of these rubric terms. */
export async function servicesWithRubrics(db: Db, networkId: string, termIds: string[]) {
  if (termIds.length === 0) return [];
  return db
    .selectFrom('directory_attributes as at')
    .innerJoin('directory_services as s', 's.id', 'at.link_id')
    .select(['s.id', 'at.taxonomy_term_id'])
    .where('at.link_entity', '=', 'service')
    .where('at.taxonomy_term_id', 'in', termIds)
    .where('s.published', '=', 1)
    .where('s.status', '=', 'active')
    .where((eb) => eb.or([eb('s.network_id', 'is', null), eb('s.network_id', '=', networkId)]))
    .execute();
}

export const serviceAreasOf = (db: Db, ids: string[]) =>
  inChunks(ids, (part) =>
    db
      .selectFrom('directory_service_areas')
      .select(['service_id', 'nis_code'])
      .where('service_id', 'in', part)
      .where('nis_code', 'is not', null)
      .execute(),
  );

export const serviceLocationsOf = (db: Db, ids: string[]) =>
  inChunks(ids, (part) =>
    db
      .selectFrom('directory_service_at_locations as sal')
      .innerJoin('directory_locations as l', 'l.id', 'sal.location_id')
      .leftJoin('directory_addresses as a', 'a.location_id', 'l.id')
      .select(['sal.service_id', 'l.nis_code', 'a.postal_code'])
      .where('sal.service_id', 'in', part)
      .execute(),
  );
