import { createHash } from 'node:crypto';
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { DirectoryTables } from './tables.ts';

/** HSDS 3.1 location and schedule fields, in the standard's order: the API's objects and the tabular export share them. */
export const LOCATION_COLUMNS = [
  'id',
  'location_type',
  'organization_id',
  'name',
  'alternate_name',
  'description',
  'transportation',
  'latitude',
  'longitude',
] as const;

export const SCHEDULE_COLUMNS = [
  'id',
  'service_id',
  'valid_from',
  'valid_to',
  'dtstart',
  'until',
  'count',
  'wkst',
  'freq',
  'interval',
  'byday',
  'byweekno',
  'bymonthday',
  'byyearday',
  'description',
  'opens_at',
  'closes_at',
  'schedule_link',
  'attending_type',
  'notes',
] as const;

/**
 * Reads the social map as HSDS 3.1 objects for the public API. Only published records, and of local additions
 * only those of the given network. HSDS has no nulls (its schemas type every field as a plain string or
 * number), so absent values are left out.
 */
type Db = Kysely<DirectoryTables>;
export type HsdsObject = Record<string, unknown>;

export interface Scope {
  /** The published network whose local additions are visible; null: the shared map only. */
  networkId: string | null;
}

export interface Paged<T> {
  total: number;
  items: T[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Namespace of the name-based UUIDs below (a fixed random UUID; changing it would change every mapped id). */
const NAMESPACE = Buffer.from('6f1c2b0e9d4a4f7e8a3b5c1d2e3f4a5b', 'hex');

/**
 * HSDS ids are UUIDs. Our seeded taxonomy uses readable ids ("rubric-mondzorg", decision 020), so the API gives
 * those as name-based UUIDs (RFC 4122 version 5), stable across installations; UUIDs pass unchanged.
 */
export function hsdsId(id: string): string;
export function hsdsId(id: string | null): string | null;
export function hsdsId(id: string | null): string | null {
  if (id === null || UUID.test(id)) return id;
  const h = createHash('sha1').update(NAMESPACE).update(id).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** Our ids of taxonomy terms (or taxonomies) given by their own id or their HSDS UUID. */
export async function resolveTaxonomyIds(
  db: Db,
  table: 'directory_taxonomy_terms' | 'directory_taxonomies',
  given: string[],
): Promise<string[]> {
  if (!given.some((g) => UUID.test(g))) return given;
  const all = await db.selectFrom(table).select('id').execute();
  const byHsds = new Map(all.map((r) => [hsdsId(r.id), r.id]));
  return given.map((g) => byHsds.get(g.toLowerCase()) ?? g);
}

/** Drops null and undefined fields. */
function clean(o: Record<string, unknown>): HsdsObject {
  const out: HsdsObject = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

function groupBy<T>(rows: T[], key: (r: T) => string | null): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/**
 * Published, and either shared or the given network's own. Written as an expression on purpose: `network_id IS
 * NULL` holds for nearly every row, and an index on it would lead the planner away from the primary key.
 */
export function visible(scope: Scope) {
  return sql<SqlBool>`published = 1 AND coalesce(network_id, '') IN ('', ${scope.networkId ?? ''})`;
}

function organizationObject(o: {
  id: string;
  name: string;
  alternate_name: string | null;
  description: string | null;
  email: string | null;
  website: string | null;
  legal_status: string | null;
  parent_organization_id: string | null;
}): HsdsObject {
  // description is required by HSDS; an organisation without one gets an empty text.
  return clean({ ...o, description: o.description ?? '' });
}

function locationObject(
  l: {
    id: string;
    location_type: string;
    organization_id: string | null;
    name: string | null;
    alternate_name: string | null;
    description: string | null;
    transportation: string | null;
    latitude: number | null;
    longitude: number | null;
  },
  addresses: {
    id: string;
    location_id: string;
    attention: string | null;
    address_1: string;
    address_2: string | null;
    city: string;
    region: string | null;
    state_province: string | null;
    postal_code: string;
    country: string;
    address_type: string;
  }[],
): HsdsObject {
  return clean({
    ...l,
    latitude: l.latitude === null ? null : Number(l.latitude),
    longitude: l.longitude === null ? null : Number(l.longitude),
    // state_province is required by HSDS; Belgian addresses often leave it out.
    addresses: addresses.map((a) => clean({ ...a, state_province: a.state_province ?? '' })),
  });
}

/** Full HSDS service objects (with organisation, locations, phones, schedules…) in the order of `ids`. */
/** `withAssurer`: only the staff's export carries who vouched for a record; the public API never does. */
export async function servicesByIds(
  db: Db,
  ids: string[],
  scope: Scope,
  opts: { withAssurer?: boolean } = {},
): Promise<HsdsObject[]> {
  if (ids.length === 0) return [];
  const services = await db
    .selectFrom('directory_services')
    .where(visible(scope))
    .selectAll()
    .where('id', 'in', ids)
    .execute();
  if (services.length === 0) return [];
  const live = services.map((s) => s.id);
  const [orgs, sal, phones, schedules, languages, costs, attributes] = await Promise.all([
    db
      .selectFrom('directory_organizations')
      .select([
        'id',
        'name',
        'alternate_name',
        'description',
        'email',
        'website',
        'legal_status',
        'parent_organization_id',
      ])
      // A published service may sit under an organisation that is not published (or not in scope).
      .where(visible(scope))
      .where('id', 'in', [...new Set(services.map((s) => s.organization_id))])
      .execute(),
    db.selectFrom('directory_service_at_locations').selectAll().where('service_id', 'in', live).execute(),
    db
      .selectFrom('directory_phones')
      .select(['id', 'service_id', 'number', 'type', 'description'])
      .where('service_id', 'in', live)
      .execute(),
    db.selectFrom('directory_schedules').select(SCHEDULE_COLUMNS).where('service_id', 'in', live).execute(),
    db
      .selectFrom('directory_languages')
      .select(['id', 'service_id', 'name', 'code', 'note'])
      .where('service_id', 'in', live)
      .execute(),
    db.selectFrom('directory_cost_options').selectAll().where('service_id', 'in', live).execute(),
    db
      .selectFrom('directory_attributes')
      .select(['id', 'link_id', 'link_type', 'link_entity', 'taxonomy_term_id', 'value', 'label'])
      .where('link_entity', '=', 'service')
      .where('link_id', 'in', live)
      .execute(),
  ]);
  const locationIds = [...new Set(sal.map((r) => r.location_id))];
  const [locations, addresses] = locationIds.length
    ? await Promise.all([
        db
          .selectFrom('directory_locations')
          .where(visible(scope))
          .select(LOCATION_COLUMNS)
          .where('id', 'in', locationIds)
          .execute(),
        db.selectFrom('directory_addresses').selectAll().where('location_id', 'in', locationIds).execute(),
      ])
    : [[], []];
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const locById = new Map(locations.map((l) => [l.id, l]));
  const addrByLoc = groupBy(addresses, (a) => a.location_id);
  const salBy = groupBy(sal, (r) => r.service_id);
  const phonesBy = groupBy(phones, (r) => r.service_id);
  const schedulesBy = groupBy(schedules, (r) => r.service_id);
  const languagesBy = groupBy(languages, (r) => r.service_id);
  const costsBy = groupBy(costs, (r) => r.service_id);
  const attributesBy = groupBy(attributes, (r) => r.link_id);
  const byId = new Map(
    services.map((s) => {
      const org = orgById.get(s.organization_id);
      return [
        s.id,
        clean({
          id: s.id,
          organization_id: s.organization_id,
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
          minimum_age: s.minimum_age === null ? null : Number(s.minimum_age),
          maximum_age: s.maximum_age === null ? null : Number(s.maximum_age),
          assured_date: s.assured_date,
          assurer_email: opts.withAssurer ? s.assurer_email : null,
          alert: s.alert,
          last_modified: new Date(s.updated_at).toISOString(),
          organization: org ? organizationObject(org) : null,
          phones: (phonesBy.get(s.id) ?? []).map((p) => clean(p)),
          // HSDS types schedules' timezone as a number (a UTC offset); ours are IANA names, so it is left out.
          schedules: (schedulesBy.get(s.id) ?? []).map((r) => clean(r)),
          languages: (languagesBy.get(s.id) ?? []).map((r) => clean(r)),
          cost_options: (costsBy.get(s.id) ?? []).map((r) =>
            clean({ ...r, amount: r.amount === null ? null : Number(r.amount) }),
          ),
          attributes: (attributesBy.get(s.id) ?? []).map((r) =>
            clean({ ...r, taxonomy_term_id: hsdsId(r.taxonomy_term_id) }),
          ),
          service_at_locations: (salBy.get(s.id) ?? []).flatMap((r) => {
            const l = locById.get(r.location_id);
            if (!l) return [];
            return [
              clean({
                id: r.id,
                service_id: r.service_id,
                location_id: r.location_id,
                description: r.description,
                location: locationObject(l, addrByLoc.get(l.id) ?? []),
              }),
            ];
          }),
        }),
      ];
    }),
  );
  return ids.flatMap((id) => {
    const s = byId.get(id);
    return s ? [s] : [];
  });
}

/** Published services in order of last change, for syncing clients (modified_after) and plain listings. */
export async function listServiceIds(
  db: Db,
  scope: Scope,
  f: { modifiedAfter?: string; postcode?: string; termIds?: string[]; offset: number; limit: number },
): Promise<Paged<string>> {
  let q = db.selectFrom('directory_services').where(visible(scope)).where('status', '=', 'active');
  if (f.modifiedAfter) q = q.where('updated_at', '>', f.modifiedAfter);
  if (f.postcode) {
    const postcode = f.postcode;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('directory_service_at_locations as sal')
          .innerJoin('directory_addresses as a', 'a.location_id', 'sal.location_id')
          .select('sal.id')
          .whereRef('sal.service_id', '=', 'directory_services.id')
          .where('a.postal_code', '=', postcode),
      ),
    );
  }
  for (const term of f.termIds ?? []) {
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('directory_attributes as at')
          .select('at.id')
          .whereRef('at.link_id', '=', 'directory_services.id')
          .where('at.link_entity', '=', 'service')
          .where('at.taxonomy_term_id', '=', term),
      ),
    );
  }
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    q.select('id').orderBy('updated_at').orderBy('id').offset(f.offset).limit(f.limit).execute(),
  ]);
  return { total: Number(count?.n ?? 0), items: rows.map((r) => r.id) };
}

/** Filters of the HSDS /service_at_locations list; each applies to the location of the record. */
export interface ServiceAtLocationFilter {
  postcode?: string | undefined;
  /** Our taxonomy term ids (already resolved from HSDS UUIDs): every one must apply to the service. */
  termIds?: string[] | undefined;
  /** An ISO date or timestamp: the service or the location changed after it. */
  modifiedAfter?: string | undefined;
  /** The origin of a distance order; with radiusM, also a filter (locations within that many metres). */
  near?: { lat: number; lon: number } | undefined;
  radiusM?: number | undefined;
  /** Only the records of these services (the ranked matches of a search). */
  serviceIds?: string[] | undefined;
}

/** Metres per degree of latitude (mean Earth radius 6,371,008.8 m). */
const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

/**
 * The published service-at-location records in scope that pass the filter, as a query on `sal` joined with its
 * service `s` and location `l`. Distances are equirectangular in degrees², with cos(lat) of the origin passed as
 * a parameter, so that SQLite and PostgreSQL run the same SQL without trigonometry: within 1 % up to a few tens
 * of kilometres at Belgian latitudes, a few per cent at the 500 km limit (a bounding box narrows first; a box that
 * crosses the antimeridian keeps only its latitude band).
 */
function serviceAtLocationQuery(db: Db, scope: Scope, f: ServiceAtLocationFilter) {
  let q = db
    .selectFrom('directory_service_at_locations as sal')
    .innerJoin('directory_services as s', 's.id', 'sal.service_id')
    .innerJoin('directory_locations as l', 'l.id', 'sal.location_id')
    .where('s.published', '=', 1)
    .where('l.published', '=', 1)
    .where((eb) =>
      scope.networkId
        ? eb.and([
            eb.or([eb('s.network_id', 'is', null), eb('s.network_id', '=', scope.networkId)]),
            eb.or([eb('l.network_id', 'is', null), eb('l.network_id', '=', scope.networkId)]),
          ])
        : eb.and([eb('s.network_id', 'is', null), eb('l.network_id', 'is', null)]),
    );
  if (f.serviceIds) {
    if (f.serviceIds.length === 0) q = q.where(sql<SqlBool>`1 = 0`);
    else q = q.where('sal.service_id', 'in', f.serviceIds);
  }
  if (f.postcode) {
    const postcode = f.postcode;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('directory_addresses as a')
          .select('a.id')
          .whereRef('a.location_id', '=', 'sal.location_id')
          .where('a.postal_code', '=', postcode),
      ),
    );
  }
  for (const term of new Set(f.termIds ?? [])) {
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('directory_attributes as at')
          .select('at.id')
          .whereRef('at.link_id', '=', 'sal.service_id')
          .where('at.link_entity', '=', 'service')
          .where('at.taxonomy_term_id', '=', term),
      ),
    );
  }
  if (f.modifiedAfter) {
    // Stored timestamps are UTC ISO texts: the bound is normalised to the same form to compare as text.
    const after = new Date(f.modifiedAfter).toISOString();
    q = q.where((eb) => eb.or([eb('s.updated_at', '>', after), eb('l.updated_at', '>', after)]));
  }
  const near = f.near;
  const cosLat = near ? Math.max(Math.cos((near.lat * Math.PI) / 180), 1e-6) : 1;
  const distance2 = near
    ? sql<number>`((l.longitude - ${near.lon}) * ${cosLat}) * ((l.longitude - ${near.lon}) * ${cosLat}) + (l.latitude - ${near.lat}) * (l.latitude - ${near.lat})`
    : sql<number>`0`;
  if (near && f.radiusM !== undefined) {
    const dLat = f.radiusM / METRES_PER_DEGREE;
    const dLon = dLat / cosLat;
    q = q
      .where('l.latitude', 'is not', null)
      .where('l.longitude', 'is not', null)
      .where('l.latitude', '>=', near.lat - dLat)
      .where('l.latitude', '<=', near.lat + dLat);
    if (near.lon - dLon >= -180 && near.lon + dLon <= 180) {
      q = q.where('l.longitude', '>=', near.lon - dLon).where('l.longitude', '<=', near.lon + dLon);
    }
    q = q.where(sql<SqlBool>`${distance2} <= ${dLat * dLat}`);
  }
  return { q, distance2 };
}

/** Distance in km from the equirectangular degrees² of serviceAtLocationQuery, to 10 m. */
const kmOf = (d2: number | string | null) =>
  d2 === null ? undefined : Math.round((Math.sqrt(Number(d2)) * METRES_PER_DEGREE) / 10) / 100;

/**
 * One page of service-at-location records: in order of distance when an origin is given (records without
 * coordinates last), else by id, a stable order for paging.
 */
export async function listServiceAtLocations(
  db: Db,
  scope: Scope,
  f: ServiceAtLocationFilter,
  page: { offset: number; limit: number },
): Promise<Paged<HsdsObject>> {
  const { q, distance2 } = serviceAtLocationQuery(db, scope, f);
  let rows = q.select(['sal.id', distance2.as('d2')]);
  if (f.near)
    rows = rows
      .orderBy(sql`CASE WHEN l.latitude IS NULL OR l.longitude IS NULL THEN 1 ELSE 0 END`)
      .orderBy('d2');
  const [count, ids] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    rows.orderBy('sal.id').offset(page.offset).limit(page.limit).execute(),
  ]);
  const distance = new Map(ids.map((r) => [r.id, f.near ? kmOf(r.d2) : undefined]));
  return {
    total: Number(count?.n ?? 0),
    items: await serviceAtLocationsByIds(
      db,
      scope,
      ids.map((r) => r.id),
      distance,
    ),
  };
}

/**
 * The records of the given services that pass the filter, in the order of `serviceIds` (a search's ranking),
 * each service's records by distance when an origin is given, else by id.
 */
export async function rankedServiceAtLocationIds(
  db: Db,
  scope: Scope,
  f: ServiceAtLocationFilter & { serviceIds: string[] },
): Promise<{ id: string; distance_km: number | undefined }[]> {
  const { q, distance2 } = serviceAtLocationQuery(db, scope, f);
  const rows = await q
    .select(['sal.id', 'sal.service_id', distance2.as('d2'), 'l.latitude', 'l.longitude'])
    .execute();
  const rank = new Map(f.serviceIds.map((id, i) => [id, i]));
  const far = Number.POSITIVE_INFINITY;
  const d2 = (r: (typeof rows)[number]) =>
    f.near && r.latitude !== null && r.longitude !== null ? Number(r.d2) : far;
  rows.sort(
    (a, b) =>
      (rank.get(a.service_id) ?? far) - (rank.get(b.service_id) ?? far) ||
      d2(a) - d2(b) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return rows.map((r) => ({ id: r.id, distance_km: f.near && d2(r) !== far ? kmOf(r.d2) : undefined }));
}

/** HSDS service_at_location objects in the order of `ids`; `distanceKm` adds x_knooppunt.distance_km. */
export async function serviceAtLocationsByIds(
  db: Db,
  scope: Scope,
  ids: string[],
  distanceKm?: Map<string, number | undefined>,
): Promise<HsdsObject[]> {
  if (ids.length === 0) return [];
  const { q } = serviceAtLocationQuery(db, scope, {});
  const rows = await q
    .select([
      'sal.id',
      'sal.service_id',
      'sal.location_id',
      'sal.description',
      's.name as service_name',
      's.status as service_status',
      's.organization_id',
      'l.location_type',
      'l.name as location_name',
      'l.latitude',
      'l.longitude',
    ])
    .where('sal.id', 'in', ids)
    .execute();
  const locationIds = [...new Set(rows.map((r) => r.location_id))];
  const addresses = locationIds.length
    ? await db.selectFrom('directory_addresses').selectAll().where('location_id', 'in', locationIds).execute()
    : [];
  const addrByLoc = groupBy(addresses, (a) => a.location_id);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const km = distanceKm?.get(id);
    return [
      clean({
        id: r.id,
        service_id: r.service_id,
        location_id: r.location_id,
        description: r.description,
        service: { id: r.service_id, name: r.service_name, status: r.service_status },
        location: locationObject(
          {
            id: r.location_id,
            location_type: r.location_type,
            organization_id: null,
            name: r.location_name,
            alternate_name: null,
            description: null,
            transportation: null,
            latitude: r.latitude,
            longitude: r.longitude,
          },
          addrByLoc.get(r.location_id) ?? [],
        ),
        x_knooppunt: km === undefined ? null : { distance_km: km },
      }),
    ];
  });
}

export async function listOrganizations(
  db: Db,
  scope: Scope,
  page: { offset: number; limit: number },
): Promise<Paged<HsdsObject>> {
  const base = db.selectFrom('directory_organizations').where(visible(scope));
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    base
      .select([
        'id',
        'name',
        'alternate_name',
        'description',
        'email',
        'website',
        'legal_status',
        'parent_organization_id',
      ])
      .orderBy('name')
      .orderBy('id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  ]);
  return { total: Number(count?.n ?? 0), items: rows.map(organizationObject) };
}

/** One organisation with its published services (id and name, as HSDS lists them). */
export async function organizationById(db: Db, id: string, scope: Scope): Promise<HsdsObject | null> {
  const org = await db
    .selectFrom('directory_organizations')
    .where(visible(scope))
    .select([
      'id',
      'name',
      'alternate_name',
      'description',
      'email',
      'website',
      'legal_status',
      'parent_organization_id',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!org) return null;
  const services = await db
    .selectFrom('directory_services')
    .where(visible(scope))
    .select(['id', 'name', 'status', 'description'])
    .where('organization_id', '=', id)
    .orderBy('name')
    .limit(1000)
    .execute();
  return { ...organizationObject(org), services: services.map((s) => clean({ ...s, organization_id: id })) };
}

export async function listTaxonomies(
  db: Db,
  page: { offset: number; limit: number },
): Promise<Paged<HsdsObject>> {
  const [count, rows] = await Promise.all([
    db
      .selectFrom('directory_taxonomies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    db
      .selectFrom('directory_taxonomies')
      .select(['id', 'name', 'description', 'uri', 'version'])
      .orderBy('id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  ]);
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((r) => clean({ ...r, id: hsdsId(r.id), code: r.id })),
  };
}

export async function listTaxonomyTerms(
  db: Db,
  f: { taxonomyId?: string; offset: number; limit: number },
): Promise<Paged<HsdsObject>> {
  let base = db.selectFrom('directory_taxonomy_terms');
  if (f.taxonomyId) {
    const [taxonomyId] = await resolveTaxonomyIds(db, 'directory_taxonomies', [f.taxonomyId]);
    base = base.where('taxonomy_id', '=', taxonomyId!);
  }
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    base
      .select(['id', 'code', 'name', 'description', 'parent_id', 'taxonomy_id', 'term_uri'])
      .orderBy('taxonomy_id')
      .orderBy('code')
      .offset(f.offset)
      .limit(f.limit)
      .execute(),
  ]);
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((r) =>
      clean({
        ...r,
        id: hsdsId(r.id),
        parent_id: hsdsId(r.parent_id),
        taxonomy_id: hsdsId(r.taxonomy_id),
        taxonomy: r.taxonomy_id,
        description: r.description ?? '',
      }),
    ),
  };
}
