// The directory search: candidates from the index, filtered by place and opening hours, ranked, counted.

import { sql } from 'kysely';
import { engineOf } from '../../../platform/db/index.ts';
import { degreesAround, haversineKm } from '../../../platform/geo.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { maskForLog } from '../../../platform/search/normalise.ts';
import { parseQuery } from '../../../platform/search/query.ts';
import type { Language } from '../../../platform/search/stem.ts';
import type { MatchPlan } from './backend.ts';
import { FACET_NAMES, type FacetName, filterToken } from './document.ts';
import { cellsAround } from './geo.ts';
import { backendFor } from './indexer.ts';
import { cardsOf, docRows, explain, facetsOf, reasonSentence, type Scored } from './ranking.ts';
import { isOpenAt, localMoment, type OpeningHours } from './schedule.ts';
import { cacheFor, readIndexState, type SearchCache } from './state.ts';
import type { DirDb, TextPlan } from './text-plan.ts';
import { planText } from './text-plan.ts';
import type { FacetCount, ServiceSearchParams, ServiceSearchResult } from './types.ts';

export type * from './types.ts';
export { reasonSentence };

/** Candidates taken in static order per tier; the ranking only ever scores this many documents. */
const POOL = 240;
const NAME_POOL = 120;
/** When results must be checked one by one (distance, opening hours), scan at most this many. */
const MAX_SCAN = 3000;
/** Counted exactly up to here; beyond, the total is estimated from how deep in the static order the pool reached. */
const COUNT_CAP = 1000;
const SKIP_COUNT_FACTOR = 3;
const PLAN_CACHE = 5000;
const MAX_PER_PAGE = 100;
const MAX_PAGES_DEEP = 1000;
const TIME_BUDGET_MS = 1500;

async function postcodeCentre(db: DirDb, postcode: string): Promise<{ lat: number; lon: number } | null> {
  const row = await db
    .selectFrom('directory_addresses as a')
    .innerJoin('directory_locations as l', 'l.id', 'a.location_id')
    .select((eb) => [eb.fn.avg<number>('l.latitude').as('lat'), eb.fn.avg<number>('l.longitude').as('lon')])
    .where('a.postal_code', '=', postcode)
    .where('l.latitude', 'is not', null)
    .executeTakeFirst();
  return row?.lat != null && row.lon != null ? { lat: Number(row.lat), lon: Number(row.lon) } : null;
}

function clampInt(v: number | undefined, min: number, max: number, fallback: number): number {
  if (v === undefined || !Number.isFinite(v)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(v)));
}

/**
 * Searches the social map. Retrieval runs in the index's static-rank order and stops early, so broad words cost
 * no more than narrow ones; only a bounded pool of candidates is scored, checked and explained (decision 021).
 */
export async function searchServices(db: DirDb, params: ServiceSearchParams): Promise<ServiceSearchResult> {
  if (engineOf(db) === 'postgres') {
    // One connection, and BEGIN with its settings in one round trip: on a busy server each round trip costs.
    // No parallel plans: the windowed match relies on UNION ALL branches running in order (postgres.ts).
    return db.connection().execute(async (conn) => {
      await sql
        .raw(
          `BEGIN; SET LOCAL statement_timeout = ${TIME_BUDGET_MS}; SET LOCAL max_parallel_workers_per_gather = 0`,
        )
        .execute(conn);
      try {
        const result = await runSearch(conn, params);
        await sql.raw('COMMIT').execute(conn);
        return result;
      } catch (e) {
        await sql.raw('ROLLBACK').execute(conn);
        if ((e as { code?: string }).code === '57014') return emptyResult(params, true);
        throw e;
      }
    });
  }
  return runSearch(db, params);
}

function emptyResult(params: ServiceSearchParams, timedOut: boolean): ServiceSearchResult {
  const perPage = clampInt(params.perPage, 1, MAX_PER_PAGE, 20);
  return {
    items: [],
    page: clampInt(params.page, 1, MAX_PAGES_DEEP, 1),
    per_page: perPage,
    total: 0,
    total_exact: !timedOut,
    total_pages: 0,
    facets: Object.fromEntries(FACET_NAMES.map((f) => [f, []])) as unknown as Record<FacetName, FacetCount[]>,
    facets_exact: !timedOut,
    query: { words: [], corrections: [], synonyms: [], completions: [], unknown: [], truncated: false },
    timed_out: timedOut,
  };
}

/** Documents' nearest point within the radius, from the few grid cells around the origin. */
async function pointsNear(
  db: DirDb,
  origin: { lat: number; lon: number },
  radius: number,
  cells: number[] | null,
): Promise<Map<number, number>> {
  const { dLat, dLon } = degreesAround(origin.lat, radius);
  let q = db
    .selectFrom('directory_search_points')
    .select(['docno', 'lat', 'lon'])
    .where('lat', '>=', origin.lat - dLat)
    .where('lat', '<=', origin.lat + dLat)
    .where('lon', '>=', origin.lon - dLon)
    .where('lon', '<=', origin.lon + dLon);
  if (cells) q = q.where('cell', 'in', cells);
  return nearest(await q.execute(), origin, radius);
}

function nearest(
  points: { docno: number; lat: number; lon: number }[],
  origin: { lat: number; lon: number },
  radius: number,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of points) {
    const d = haversineKm(origin.lat, origin.lon, p.lat, p.lon);
    if (d > radius) continue;
    const docno = Number(p.docno);
    const before = out.get(docno);
    if (before === undefined || d < before) out.set(docno, d);
  }
  return out;
}

async function pointsOf(db: DirDb, docnos: number[], origin: { lat: number; lon: number }) {
  if (docnos.length === 0) return new Map<number, number>();
  const rows = await db
    .selectFrom('directory_search_points')
    .select(['docno', 'lat', 'lon'])
    .where('docno', 'in', docnos)
    .execute();
  return nearest(rows, origin, Number.POSITIVE_INFINITY);
}

/** The candidates that are open at the moment, checked from their stored hours. */
async function openAmong(db: DirDb, docnos: number[], moment: ReturnType<typeof localMoment>) {
  if (docnos.length === 0) return new Set<number>();
  const rows = await db
    .selectFrom('directory_search_cards')
    .select(['docno', 'hours_json'])
    .where('docno', 'in', docnos)
    .execute();
  return new Set(
    rows
      .filter((r) => isOpenAt(JSON.parse(r.hours_json) as OpeningHours, moment))
      .map((r) => Number(r.docno)),
  );
}

async function runSearch(db: DirDb, params: ServiceSearchParams): Promise<ServiceSearchResult> {
  const started = Date.now();
  const backend = backendFor(db);
  const state = await readIndexState(db);
  const cache = cacheFor(state.stamp);
  const page = clampInt(params.page, 1, MAX_PAGES_DEEP, 1);
  const perPage = clampInt(params.perPage, 1, MAX_PER_PAGE, 20);
  const parsed = parseQuery(params.text);
  const langs: Language[] = [...new Set<Language>(['nl', params.lang ?? 'nl'])];
  const text: TextPlan = await cache.memo(
    'plan',
    `${params.networkId ?? ''}\u0000${langs.join(',')}\u0000${parsed.words.join(' ')}`,
    PLAN_CACHE,
    () => planText(db, cache, parsed.words, langs, params.networkId),
  );

  const filters = filtersOf(params);

  const { origin, inRadius } = await locate(db, cache, params, filters);

  const plan: MatchPlan = {
    groups: text.groups.map((g) => g.alts.map((a) => a.stems)),
    filters,
    network: params.networkId,
    maxDocno: state.maxDocno,
  };
  const queryInfo = {
    words: text.groups.map((g) => g.word),
    corrections: text.corrections,
    synonyms: text.synonymsUsed,
    completions: text.completions,
    unknown: text.unknown,
    truncated: parsed.truncated,
  };
  const moment = params.openAt ? localMoment(params.openAt === 'now' ? new Date() : params.openAt) : null;
  const byDistance = origin !== null && text.groups.length === 0;
  const needed = page * perPage;
  const wantPool = Math.max(POOL, needed);

  // The candidate stream: matches in static order, or, for a distance search, every match near the origin.
  // Both retrieval tiers in one call (one round trip on PostgreSQL): all text, then the name alone.
  const tiers = await backend.matchTiers(db, plan, [
    { nameOnly: false, after: 0, limit: inRadius || byDistance ? MAX_SCAN : wantPool },
    ...(text.groups.length > 0 ? [{ nameOnly: true, after: 0, limit: NAME_POOL }] : []),
  ]);
  const all = tiers[0] ?? [];
  let nameHits = tiers[1] ?? [];
  let stream: number[];
  let complete: boolean;
  let distances: Map<number, number> | null = inRadius;
  if (inRadius || byDistance) {
    complete = all.length < MAX_SCAN;
    stream = inRadius ? all.filter((d) => inRadius.has(d)) : all;
    if (byDistance) {
      distances ??= await pointsOf(db, stream, origin!);
      const far = Number.POSITIVE_INFINITY;
      const dist = distances;
      stream.sort((a, b) => (dist.get(a) ?? far) - (dist.get(b) ?? far) || a - b);
    }
  } else {
    stream = all;
    complete = stream.length < wantPool;
  }
  if (inRadius) nameHits = nameHits.filter((d) => inRadius.has(d));

  let pool = stream.slice(0, wantPool);
  let checked = stream.length;
  let timedOut = false;
  if (moment) {
    const found = await openPool(db, plan, moment, stream, complete, wantPool, started, backend);
    ({ pool, checked, timedOut, complete } = found);
    const open = await openAmong(db, nameHits, moment);
    nameHits = nameHits.filter((d) => open.has(d));
  }
  const exhausted =
    complete && checked >= stream.length && pool.length === (moment ? pool.length : stream.length);

  const candidates = [...new Set([...pool, ...nameHits])];
  const rows = await docRows(db, cache, candidates);
  if (origin && !distances) distances = await pointsOf(db, candidates, origin);
  const hits: Scored[] = rows.map((row) => {
    const distance = distances?.get(row.docno) ?? null;
    const { score, reasons } = explain(row, text.groups);
    const proximity = distance === null ? 0 : 2 / (1 + distance / 2);
    return { row, distance, reasons, score: score + 1.5 * row.quality + proximity };
  });
  hits.sort((a, b) =>
    byDistance
      ? (a.distance ?? Number.POSITIVE_INFINITY) - (b.distance ?? Number.POSITIVE_INFINITY) ||
        a.row.docno - b.row.docno
      : b.score - a.score || a.row.docno - b.row.docno,
  );

  const { total, totalExact } = exhausted
    ? { total: hits.length, totalExact: !timedOut }
    : await estimateTotal(db, backend, plan, state.maxDocno, {
        hits: hits.length,
        stream,
        pool: pool.length,
        checked,
        complete,
        nearby: Boolean(inRadius || byDistance),
        moment: moment !== null,
        timedOut,
      });

  const facets = await facetsOf(db, cache, hits, params.lang ?? 'nl');

  const items = await cardsOf(db, hits.slice((page - 1) * perPage, page * perPage));

  if (total === 0 && page === 1) await logMiss(db, params, parsed.text);
  return {
    items,
    page,
    per_page: perPage,
    total,
    total_exact: totalExact,
    total_pages: Math.ceil(total / perPage),
    facets,
    facets_exact: exhausted,
    query: queryInfo,
    timed_out: timedOut,
  };
}

/** The index tokens every hit must carry, one list per condition (any token of a list will do). */
function filtersOf(params: ServiceSearchParams): string[][] {
  const filters: string[][] = [];
  if (params.postcode) filters.push([filterToken.postcode(params.postcode)]);
  if (params.municipality) filters.push([filterToken.municipality(params.municipality)]);
  for (const t of [...new Set(params.taxonomyTermIds ?? [])].slice(0, 20))
    filters.push([filterToken.term(t)]);
  if (params.age !== undefined && Number.isFinite(params.age)) {
    filters.push([filterToken.age(params.age), filterToken.anyAge]);
  }
  if (params.language) filters.push([filterToken.language(params.language)]);
  if (params.free) filters.push([filterToken.free]);
  if (params.capacityAvailable) filters.push([filterToken.capacity]);
  if (params.openAt) filters.push([filterToken.hasHours]);
  return filters;
}

/** Where the searcher is, and (with a radius) the services within it; adds the radius's cells to the filters. */
async function locate(db: DirDb, cache: SearchCache, params: ServiceSearchParams, filters: string[][]) {
  let origin: { lat: number; lon: number } | null = null;
  if (params.near) {
    const near = params.near;
    origin =
      'postcode' in near
        ? await cache.memo('centre', near.postcode, 1000, () => postcodeCentre(db, near.postcode))
        : near;
    if (origin && !(Number.isFinite(origin.lat) && Number.isFinite(origin.lon))) origin = null;
  }
  const radius = params.radiusKm !== undefined && params.radiusKm > 0 ? Math.min(params.radiusKm, 500) : null;
  let inRadius: Map<number, number> | null = null;
  if (origin && radius !== null) {
    const cells = cellsAround(origin.lat, origin.lon, radius);
    if (cells) filters.push(cells.map(filterToken.cell));
    inRadius = await pointsNear(db, origin, radius, cells);
  }
  return { origin, inRadius };
}

/**
 * Opening hours are checked in code: takes candidates in order until the page is full, fetching more of the
 * stream (which it extends in place) while time allows.
 */
async function openPool(
  db: DirDb,
  plan: MatchPlan,
  moment: NonNullable<ReturnType<typeof localMoment>>,
  stream: number[],
  complete: boolean,
  wantPool: number,
  started: number,
  backend: ReturnType<typeof backendFor>,
) {
  const pool: number[] = [];
  let timedOut = false;
  let i = 0;
  for (;;) {
    while (i < stream.length && pool.length < wantPool) {
      const batch = stream.slice(i, i + POOL);
      i += batch.length;
      const open = await openAmong(db, batch, moment);
      pool.push(...batch.filter((d) => open.has(d)));
    }
    if (pool.length >= wantPool || complete || i >= MAX_SCAN) break;
    if (Date.now() - started > TIME_BUDGET_MS) {
      timedOut = true;
      break;
    }
    const next = await backend.match(db, plan, { nameOnly: false, after: stream.at(-1) ?? 0, limit: POOL });
    complete = next.length < POOL;
    stream.push(...next);
  }
  return { pool, checked: i, timedOut, complete };
}

/** How far the search got when the candidates did not run out. */
interface SearchDepth {
  hits: number;
  stream: number[];
  pool: number;
  checked: number;
  complete: boolean;
  nearby: boolean;
  moment: boolean;
  timedOut: boolean;
}

/** The total of a search whose candidates did not run out: exact where it can be, an estimate otherwise. */
async function estimateTotal(
  db: DirDb,
  backend: ReturnType<typeof backendFor>,
  plan: MatchPlan,
  maxDocno: number,
  d: SearchDepth,
): Promise<{ total: number; totalExact: boolean }> {
  if (d.complete && d.nearby) {
    // Every match near the origin is known; only an opening-hours check makes the total an estimate.
    return {
      total: d.moment
        ? Math.max(d.hits, Math.round((d.stream.length * d.pool) / Math.max(1, d.checked)))
        : d.stream.length,
      totalExact: !d.moment && !d.timedOut,
    };
  }
  // The stream is the first matches in static order, so how deep it reached tells the density. When that
  // already says there are several times the cap, counting up to the cap would only confirm it.
  const last = d.stream.at(-1) ?? 0;
  const projected = last > 0 ? Math.round((d.stream.length * maxDocno) / last) : 0;
  const counted =
    projected >= SKIP_COUNT_FACTOR * COUNT_CAP ? COUNT_CAP : await backend.count(db, plan, COUNT_CAP);
  const estimate = counted < COUNT_CAP ? counted : Math.max(COUNT_CAP, projected);
  return {
    total: d.moment ? Math.max(d.hits, Math.round((estimate * d.pool) / Math.max(1, d.checked))) : estimate,
    totalExact: !d.moment && counted < COUNT_CAP,
  };
}

async function logMiss(db: DirDb, params: ServiceSearchParams, foldedText: string): Promise<void> {
  const filters = {
    postcode: params.postcode,
    municipality: params.municipality,
    near: params.near
      ? 'postcode' in params.near
        ? { postcode: params.near.postcode }
        : 'point'
      : undefined,
    radius_km: params.radiusKm,
    taxonomy_term_ids: params.taxonomyTermIds,
    age: params.age,
    language: params.language,
    free: params.free,
    capacity_available: params.capacityAvailable,
    open_at: params.openAt ? 'set' : undefined,
  };
  await db
    .insertInto('directory_search_misses')
    .values({
      id: newId(),
      network_id: params.networkId,
      at: nowIso(),
      query: maskForLog(foldedText),
      filters_json: JSON.stringify(filters),
      lang: params.lang ?? 'nl',
    })
    .execute();
}
