import type { Kysely } from 'kysely';
import { clean, groupBy, type HsdsObject, locationObject, type Paged, type Scope } from './hsds.ts';
import * as locationsRepo from './hsds-locations-repo.ts';
import { METRES_PER_DEGREE, type ServiceAtLocationFilter } from './hsds-locations-repo.ts';
import type { DirectoryTables } from './tables.ts';

type Db = Kysely<DirectoryTables>;

export type { ServiceAtLocationFilter } from './hsds-locations-repo.ts';

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
  const { count, ids } = await locationsRepo.serviceAtLocationPage(db, scope, f, page);
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
  const rows = await locationsRepo.serviceAtLocationDistances(db, scope, f);
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
  const rows = await locationsRepo.serviceAtLocationRows(db, scope, ids);
  const locationIds = [...new Set(rows.map((r) => r.location_id))];
  const addresses = locationIds.length ? await locationsRepo.addressesOf(db, locationIds) : [];
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
