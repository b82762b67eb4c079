// The queries of the HSDS service_at_location list (hsds-locations.ts shapes their rows).
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Scope } from './hsds.ts';
import type { DirectoryTables } from './tables.ts';

type Db = Kysely<DirectoryTables>;

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
export const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

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

/**
 * The ids of one page of records with their distance² (when an origin is given, by distance with records without
 * coordinates last; else by id), and the count of all that pass the filter.
 */
export async function serviceAtLocationPage(
  db: Db,
  scope: Scope,
  f: ServiceAtLocationFilter,
  page: { offset: number; limit: number },
) {
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
  return { count, ids };
}

/** Every record of the filter with its service, distance² and coordinates (a search ranks them). */
export async function serviceAtLocationDistances(db: Db, scope: Scope, f: ServiceAtLocationFilter) {
  const { q, distance2 } = serviceAtLocationQuery(db, scope, f);
  return q.select(['sal.id', 'sal.service_id', distance2.as('d2'), 'l.latitude', 'l.longitude']).execute();
}

/** The visible records with these ids, with their service's and location's fields. */
export async function serviceAtLocationRows(db: Db, scope: Scope, ids: string[]) {
  const { q } = serviceAtLocationQuery(db, scope, {});
  return q
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
}

/** The addresses of these locations. */
export const addressesOf = (db: Db, locationIds: string[]) =>
  db.selectFrom('directory_addresses').selectAll().where('location_id', 'in', locationIds).execute();
