import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import * as hsds from './hsds.ts';
import * as repo from './repo.ts';
import { type ServiceSearchParams, type ServiceSearchResult, searchServices } from './search/engine.ts';
import { rebuildSearchIndex, reindexServices } from './search/indexer.ts';
import { readIndexState } from './search/state.ts';
import type { DirectoryTables } from './tables.ts';

export type { NewService } from './repo.ts';
export type { ServiceSearchParams, ServiceSearchResult } from './search/engine.ts';

/** The directory's view of any database handle: it only ever touches its own tables. */
function dir(db: Kysely<PlatformTables>): Kysely<DirectoryTables> {
  return db.withTables<DirectoryTables>() as unknown as Kysely<DirectoryTables>;
}

/** Search the social map (the HSDS /services search and the map pages call this). */
export function findServices(
  db: Kysely<PlatformTables>,
  params: ServiceSearchParams,
): Promise<ServiceSearchResult> {
  return searchServices(dir(db), params);
}

export async function createOrganization(
  db: Kysely<PlatformTables>,
  o: { id?: string; name: string; network_id?: string | null; description?: string },
): Promise<string> {
  return repo.insertOrganization(dir(db), o);
}

/** Creates a service with its HSDS records and puts it in the search index at once. */
export async function createService(db: Kysely<PlatformTables>, s: repo.NewService): Promise<string> {
  const id = await repo.insertService(dir(db), s);
  await reindexServices(dir(db), [id]);
  return id;
}

/** Rebuilds the search index in static-rank order: after bulk imports. */
export function rebuildIndex(db: Kysely<PlatformTables>): Promise<{ documents: number }> {
  return rebuildSearchIndex(dir(db));
}

export function reindex(db: Kysely<PlatformTables>, serviceIds: string[]): Promise<void> {
  return reindexServices(dir(db), serviceIds);
}

export function searchMisses(db: Kysely<PlatformTables>, networkId: string | null) {
  return repo.listSearchMisses(dir(db), networkId);
}

export function addSynonym(
  db: Kysely<PlatformTables>,
  s: { network_id: string | null; term: string; synonym: string; enabled?: boolean },
): Promise<void> {
  return repo.addSynonym(dir(db), s);
}

/** Changes whenever the search index, synonyms or labels change: a key for caches of search answers. */
export async function searchStamp(db: Kysely<PlatformTables>): Promise<string> {
  return (await readIndexState(dir(db))).stamp;
}

/** HSDS service objects, in the order of the ids (unpublished and out-of-scope ones are left out). */
export async function hsdsService(db: Kysely<PlatformTables>, networkId: string | null, id: string) {
  return (await hsds.servicesByIds(dir(db), [id], { networkId }))[0] ?? null;
}

export async function hsdsServiceList(
  db: Kysely<PlatformTables>,
  networkId: string | null,
  f: { modifiedAfter?: string; postcode?: string; termIds?: string[]; offset: number; limit: number },
) {
  const scope = { networkId };
  const termIds =
    f.termIds && (await hsds.resolveTaxonomyIds(dir(db), 'directory_taxonomy_terms', f.termIds));
  const page = await hsds.listServiceIds(dir(db), scope, { ...f, termIds });
  return { total: page.total, items: await hsds.servicesByIds(dir(db), page.items, scope) };
}

/**
 * The HSDS /services search: our search engine finds and ranks, the page is answered as HSDS objects with our
 * reasons in x_knooppunt (HSDS allows extra fields; none of its own are replaced).
 */
export async function hsdsServiceSearch(
  db: Kysely<PlatformTables>,
  networkId: string | null,
  params: Omit<ServiceSearchParams, 'networkId'>,
) {
  const taxonomyTermIds =
    params.taxonomyTermIds &&
    (await hsds.resolveTaxonomyIds(dir(db), 'directory_taxonomy_terms', params.taxonomyTermIds));
  const r = await searchServices(dir(db), { ...params, taxonomyTermIds, networkId });
  const objects = await hsds.servicesByIds(
    dir(db),
    r.items.map((i) => i.id),
    { networkId },
  );
  const hitById = new Map(r.items.map((i) => [i.id, i]));
  return {
    total: r.total,
    items: objects.map((o) => {
      const hit = hitById.get(o.id as string);
      return {
        ...o,
        x_knooppunt: {
          score: hit?.score,
          distance_km: hit?.distance_km,
          reasons: hit?.reasons,
          reason: hit?.reason,
        },
      };
    }),
    extension: {
      total_exact: r.total_exact,
      facets: r.facets,
      facets_exact: r.facets_exact,
      query: r.query,
      timed_out: r.timed_out,
    },
  };
}

export function hsdsServiceAtLocations(
  db: Kysely<PlatformTables>,
  networkId: string | null,
  page: number,
  perPage: number,
) {
  return hsds.listServiceAtLocations(
    dir(db),
    { networkId },
    { offset: (page - 1) * perPage, limit: perPage },
  );
}

export function hsdsOrganizations(
  db: Kysely<PlatformTables>,
  networkId: string | null,
  page: number,
  perPage: number,
) {
  return hsds.listOrganizations(dir(db), { networkId }, { offset: (page - 1) * perPage, limit: perPage });
}

export function hsdsOrganization(db: Kysely<PlatformTables>, networkId: string | null, id: string) {
  return hsds.organizationById(dir(db), id, { networkId });
}

export function hsdsTaxonomies(db: Kysely<PlatformTables>, page: number, perPage: number) {
  return hsds.listTaxonomies(dir(db), { offset: (page - 1) * perPage, limit: perPage });
}

export function hsdsTaxonomyTerms(
  db: Kysely<PlatformTables>,
  taxonomyId: string | undefined,
  page: number,
  perPage: number,
) {
  return hsds.listTaxonomyTerms(dir(db), { taxonomyId, offset: (page - 1) * perPage, limit: perPage });
}
