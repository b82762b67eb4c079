import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as hsdsRepo from './hsds-repo.ts';
import type { DirectoryTables } from './tables.ts';

export { LOCATION_COLUMNS, listServiceIds, SCHEDULE_COLUMNS, visible } from './hsds-repo.ts';

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
  const all = await hsdsRepo.allIds(db, table);
  const byHsds = new Map(all.map((id) => [hsdsId(id), id]));
  return given.map((g) => byHsds.get(g.toLowerCase()) ?? g);
}

/** Drops null and undefined fields. */
export function clean(o: Record<string, unknown>): HsdsObject {
  const out: HsdsObject = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

export function groupBy<T>(rows: T[], key: (r: T) => string | null): Map<string, T[]> {
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

export function organizationObject(o: {
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

export function locationObject(
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
  const services = await hsdsRepo.visibleServices(db, scope, ids);
  if (services.length === 0) return [];
  const { orgs, sal, phones, schedules, languages, costs, attributes, locations, addresses } =
    await hsdsRepo.serviceParts(db, scope, services);
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

export async function listOrganizations(
  db: Db,
  scope: Scope,
  page: { offset: number; limit: number },
): Promise<Paged<HsdsObject>> {
  const { count, rows } = await hsdsRepo.organizationsPage(db, scope, page);
  return { total: Number(count?.n ?? 0), items: rows.map(organizationObject) };
}

/** One organisation with its published services (id and name, as HSDS lists them). */
export async function organizationById(db: Db, id: string, scope: Scope): Promise<HsdsObject | null> {
  const org = await hsdsRepo.findOrganization(db, scope, id);
  if (!org) return null;
  const services = await hsdsRepo.servicesOfOrganization(db, scope, id);
  return { ...organizationObject(org), services: services.map((s) => clean({ ...s, organization_id: id })) };
}

export async function listTaxonomies(
  db: Db,
  page: { offset: number; limit: number },
): Promise<Paged<HsdsObject>> {
  const { count, rows } = await hsdsRepo.taxonomiesPage(db, page);
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((r) => clean({ ...r, id: hsdsId(r.id), code: r.id })),
  };
}

export async function listTaxonomyTerms(
  db: Db,
  f: { taxonomyId?: string; offset: number; limit: number },
): Promise<Paged<HsdsObject>> {
  const taxonomyId = f.taxonomyId
    ? (await resolveTaxonomyIds(db, 'directory_taxonomies', [f.taxonomyId]))[0]
    : undefined;
  const { count, rows } = await hsdsRepo.taxonomyTermsPage(db, taxonomyId, f);
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
