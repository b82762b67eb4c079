import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { directoryDb } from './db.ts';
import * as hsds from './hsds.ts';
import * as hsdsLocations from './hsds-locations.ts';
import * as repo from './repo.ts';
import { type ServiceSearchParams, type ServiceSearchResult, searchServices } from './search/engine.ts';
import { rebuildSearchIndex, reindexServices } from './search/indexer.ts';
import { BoundedMap, readIndexState } from './search/state.ts';
import type { DirectoryTables } from './tables.ts';

export type { NewService } from './repo.ts';
export type { ServiceSearchParams, ServiceSearchResult } from './search/engine.ts';

/** The directory's view of any database handle: it only ever touches its own tables. */
function dir(db: Kysely<PlatformTables>): Kysely<DirectoryTables> {
  return directoryDb(db);
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

/**
 * How many ranked services a /service_at_locations search considers (decision 022): the records of the best
 * 1,000 matches are answered, paged per record; the total counts the records of those services only.
 */
export const SAL_SEARCH_CAP = 1000;
/** The engine's largest page; the ranking is read in pages of this size up to the cap. */
const ENGINE_PAGE = 100;
const RANKING_TTL_MS = 60_000;
/** Recent rankings of this process, keyed by index stamp: paging through one search ranks it once. */
const rankings = new BoundedMap<string, { at: number; ids: string[]; truncated: boolean; timedOut: boolean }>(
  200,
);

export interface ServiceAtLocationQuery {
  search?: string | undefined;
  lang?: ServiceSearchParams['lang'];
  postcode?: string | undefined;
  termIds?: string[] | undefined;
  modifiedAfter?: string | undefined;
  near?: { lat: number; lon: number } | undefined;
  radiusM?: number | undefined;
  /** The records from this position in the list on (HSDS pages, or the chunks of an NDJSON stream). */
  offset: number;
  limit: number;
}

/** The ids of the services that match the text, best first, up to SAL_SEARCH_CAP; null when the text has no words. */
async function rankServices(
  db: Kysely<PlatformTables>,
  networkId: string | null,
  q: ServiceAtLocationQuery,
): Promise<{ ids: string[]; truncated: boolean; timedOut: boolean } | null> {
  const params: ServiceSearchParams = {
    networkId,
    text: q.search,
    lang: q.lang,
    // The engine narrows by the same postcode and terms, so the cap counts matching services only. Its distance
    // test is its own, so its radius gets a margin; the records' own test (in SQL) is the exact one.
    postcode: q.postcode,
    taxonomyTermIds: q.termIds,
    near: q.radiusM !== undefined ? q.near : undefined,
    radiusKm: q.radiusM !== undefined ? (q.radiusM * 1.02 + 100) / 1000 : undefined,
    perPage: ENGINE_PAGE,
  };
  const key = `${await searchStamp(db)}\u0000${JSON.stringify(params)}`;
  const cached = rankings.get(key);
  if (cached && Date.now() - cached.at < RANKING_TTL_MS) return cached;
  const ids: string[] = [];
  const seen = new Set<string>();
  let truncated = false;
  let timedOut = false;
  for (let page = 1; ; page++) {
    const r = await searchServices(dir(db), { ...params, page });
    // A text of punctuation only has no words: the engine would list the whole map, so it is no search.
    if (r.query.words.length === 0) return null;
    timedOut ||= r.timed_out;
    for (const hit of r.items) {
      if (seen.has(hit.id)) continue;
      seen.add(hit.id);
      ids.push(hit.id);
    }
    if (r.items.length < ENGINE_PAGE || page * ENGINE_PAGE >= r.total) break;
    if (page * ENGINE_PAGE >= SAL_SEARCH_CAP) {
      truncated = true;
      break;
    }
  }
  const ranking = { at: Date.now(), ids, truncated, timedOut };
  // A ranking cut short by the engine's time limit is not kept: the next request tries again.
  if (!timedOut) rankings.set(key, ranking);
  return ranking;
}

/**
 * The HSDS /service_at_locations list: filtered in SQL on the record's location; with a search, the records of
 * the engine's ranked matches in rank order.
 */
export async function hsdsServiceAtLocations(
  db: Kysely<PlatformTables>,
  networkId: string | null,
  q: ServiceAtLocationQuery,
): Promise<{ total: number; items: hsds.HsdsObject[]; extension?: Record<string, unknown> }> {
  const scope = { networkId };
  const termIds =
    q.termIds && (await hsds.resolveTaxonomyIds(dir(db), 'directory_taxonomy_terms', q.termIds));
  const filter = {
    postcode: q.postcode,
    termIds,
    modifiedAfter: q.modifiedAfter,
    near: q.near,
    radiusM: q.radiusM,
  };
  const { offset, limit } = q;
  const ranking = q.search?.trim() ? await rankServices(db, networkId, { ...q, termIds }) : null;
  if (!ranking) {
    return hsdsLocations.listServiceAtLocations(dir(db), scope, filter, { offset, limit });
  }
  const all = await hsdsLocations.rankedServiceAtLocationIds(dir(db), scope, {
    ...filter,
    serviceIds: ranking.ids,
  });
  const shown = all.slice(offset, offset + limit);
  return {
    total: all.length,
    items: await hsdsLocations.serviceAtLocationsByIds(
      dir(db),
      scope,
      shown.map((r) => r.id),
      new Map(shown.map((r) => [r.id, r.distance_km])),
    ),
    extension: {
      ranked_services: ranking.ids.length,
      ranked_services_cap: SAL_SEARCH_CAP,
      ranked_services_truncated: ranking.truncated,
      timed_out: ranking.timedOut,
    },
  };
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
