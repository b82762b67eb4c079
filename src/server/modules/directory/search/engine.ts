import { type Kysely, sql } from 'kysely';
import { engineOf } from '../../../platform/db/index.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { words as foldedWords, maskForLog } from '../../../platform/search/normalise.ts';
import { parseQuery } from '../../../platform/search/query.ts';
import { type Language, stem } from '../../../platform/search/stem.ts';
import {
  deletionVariants,
  deletionVariants2,
  editDistance,
  maxEdits,
} from '../../../platform/search/typo.ts';
import type { DirectoryTables } from '../tables.ts';
import type { MatchPlan } from './backend.ts';
import { FACET_NAMES, type FacetName, filterToken, type SearchCard } from './document.ts';
import { cellsAround, haversineKm } from './geo.ts';
import { backendFor } from './indexer.ts';
import { isOpenAt, localMoment, type OpeningHours } from './schedule.ts';
import { cacheFor, readIndexState, type SearchCache } from './state.ts';

export interface ServiceSearchParams {
  /** The network whose map is searched: its local additions join the shared map. Null: the shared map only. */
  networkId: string | null;
  text?: string | undefined;
  /** The searcher's language: query words are also stemmed in it. */
  lang?: Language | undefined;
  postcode?: string | undefined;
  /** NIS code */
  municipality?: string | undefined;
  /** Distance search: from a point, or from the centre of a postcode's services. */
  near?: { lat: number; lon: number } | { postcode: string } | undefined;
  radiusKm?: number | undefined;
  /** Every term must apply (rubric, target group, accessibility, sector…). */
  taxonomyTermIds?: string[] | undefined;
  age?: number | undefined;
  /** ISO 639-1 code of a language the service is offered in. */
  language?: string | undefined;
  free?: boolean | undefined;
  capacityAvailable?: boolean | undefined;
  /** Open at this moment ('now' is the time of the search). */
  openAt?: Date | 'now' | undefined;
  page?: number | undefined;
  perPage?: number | undefined;
}

export type MatchKind = 'exact' | 'word_form' | 'prefix' | 'synonym' | 'typo';
export type MatchField = 'name' | 'terms' | 'org' | 'place' | 'description';

export interface MatchReason {
  /** The word as typed (folded). */
  word: string;
  kind: MatchKind;
  field: MatchField;
  /** The word that was found: the correction of a typo, the synonym, the completed prefix. */
  matched: string;
}

export interface ServiceSearchHit {
  id: string;
  name: string;
  organization: string;
  description: string;
  address: string | null;
  phone: string | null;
  points: { lat: number; lon: number }[];
  distance_km: number | null;
  score: number;
  reasons: MatchReason[];
  /** The reasons as one English sentence, for logs and API clients without their own wording. */
  reason: string;
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export interface ServiceSearchResult {
  items: ServiceSearchHit[];
  page: number;
  per_page: number;
  total: number;
  /** False when the total is counted up to a cap or estimated from a sample (very broad searches). */
  total_exact: boolean;
  total_pages: number;
  facets: Record<FacetName, FacetCount[]>;
  /** False when facets were counted over the best-ranked matches only. */
  facets_exact: boolean;
  query: {
    words: string[];
    corrections: { from: string; to: string }[];
    synonyms: { word: string; synonym: string }[];
    completions: { from: string; to: string }[];
    /** Words that matched nothing in the vocabulary, not even as a typo. */
    unknown: string[];
    truncated: boolean;
  };
  timed_out: boolean;
}

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
const TYPO_CORRECTIONS = 3;
const PREFIX_COMPLETIONS = 5;

const FIELD_WEIGHT: Record<MatchField, number> = { name: 4, terms: 2.5, org: 2, place: 1.5, description: 1 };
const KIND_WEIGHT: Record<MatchKind, number> = {
  exact: 1,
  word_form: 0.9,
  synonym: 0.8,
  prefix: 0.75,
  typo: 0.7,
};
const FIELDS: MatchField[] = ['name', 'terms', 'org', 'place', 'description'];

interface Alternative {
  stems: string[];
  kind: MatchKind;
  matched: string;
}
interface Group {
  word: string;
  alts: Alternative[];
}

function stemsOfPhrase(phrase: string, langs: Language[]): string[][] {
  const ws = foldedWords(phrase);
  return langs.map((l) => [...new Set(ws.map((w) => stem(w, l)))]);
}

function dedupeAlts(alts: Alternative[]): Alternative[] {
  const seen = new Set<string>();
  return alts.filter((a) => {
    const key = a.stems.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type DirDb = Kysely<DirectoryTables>;

async function loadSynonyms(db: DirDb, networkId: string | null): Promise<Map<string, Set<string>>> {
  const rows = await db
    .selectFrom('directory_search_synonyms')
    .select(['network_id', 'term', 'synonym', 'enabled'])
    .where((eb) =>
      networkId
        ? eb.or([eb('network_id', 'is', null), eb('network_id', '=', networkId)])
        : eb('network_id', 'is', null),
    )
    .execute();
  // A network's row for a pair wins over the global one, so a network can switch a global synonym off.
  const pairs = new Map<string, boolean>();
  for (const r of rows.sort((a, b) => (a.network_id === null ? 0 : 1) - (b.network_id === null ? 0 : 1))) {
    pairs.set(`${foldedWords(r.term).join(' ')}\u0000${foldedWords(r.synonym).join(' ')}`, r.enabled === 1);
  }
  const out = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    const set = out.get(a) ?? new Set<string>();
    set.add(b);
    out.set(a, set);
  };
  for (const [key, enabled] of pairs) {
    if (!enabled) continue;
    const [a, b] = key.split('\u0000') as [string, string];
    add(a, b);
    add(b, a);
  }
  return out;
}

type TextPlan = Awaited<ReturnType<typeof planText>>;

/** Turns the typed words into groups of alternatives: own stems, completions, typo corrections, synonyms. */
async function planText(
  db: DirDb,
  cache: SearchCache,
  wordsTyped: string[],
  langs: Language[],
  networkId: string | null,
) {
  const corrections: { from: string; to: string }[] = [];
  const completions: { from: string; to: string }[] = [];
  const synonymsUsed: { word: string; synonym: string }[] = [];
  const unknown: string[] = [];
  if (wordsTyped.length === 0)
    return { groups: [] as Group[], corrections, completions, synonymsUsed, unknown };

  const [known, synonyms] = await Promise.all([
    db.selectFrom('directory_search_words').select(['word', 'df']).where('word', 'in', wordsTyped).execute(),
    cache.memo('synonyms', networkId ?? '', 100, () => loadSynonyms(db, networkId)),
  ]);
  const knownSet = new Set(known.map((k) => k.word));
  const groups: Group[] = [];
  for (let i = 0; i < wordsTyped.length; i++) {
    const word = wordsTyped[i]!;
    const alts: Alternative[] = stemsOfPhrase(word, langs).map((stems) => ({
      stems,
      kind: 'exact' as const,
      matched: word,
    }));
    const spellings = [word];
    if (!knownSet.has(word) && !/^\d+$/.test(word)) {
      const completed =
        word.length >= 3
          ? await db
              .selectFrom('directory_search_words')
              .select(['word', 'df'])
              .where('word', '>', word)
              .where('word', '<', `${word}{`)
              .orderBy('df', 'desc')
              .limit(PREFIX_COMPLETIONS)
              .execute()
          : [];
      for (const c of completed) {
        alts.push({ stems: [stem(c.word, 'nl')], kind: 'prefix', matched: c.word });
        completions.push({ from: word, to: c.word });
      }
      const edits = maxEdits(word.length);
      if (completed.length === 0 && edits > 0) {
        const variants = edits >= 2 ? deletionVariants2(word) : deletionVariants(word);
        const candidates = await db
          .selectFrom('directory_search_word_variants as v')
          .innerJoin('directory_search_words as w', 'w.word', 'v.word')
          .select(['w.word', 'w.df'])
          .distinct()
          .where('v.variant', 'in', variants.slice(0, 400))
          .execute();
        const ranked = candidates
          .map((c) => ({ word: c.word, df: Number(c.df), d: editDistance(word, c.word, edits) }))
          .filter((c) => c.d <= edits)
          .sort((a, b) => a.d - b.d || b.df - a.df || (a.word < b.word ? -1 : 1))
          .slice(0, TYPO_CORRECTIONS);
        for (const c of ranked) {
          alts.push({ stems: [stem(c.word, 'nl')], kind: 'typo', matched: c.word });
          corrections.push({ from: word, to: c.word });
          spellings.push(c.word);
        }
        if (ranked.length === 0 && completed.length === 0) unknown.push(word);
      }
    }
    for (const spelling of spellings) {
      for (const syn of synonyms.get(spelling) ?? []) {
        for (const stems of stemsOfPhrase(syn, langs)) alts.push({ stems, kind: 'synonym', matched: syn });
        synonymsUsed.push({ word, synonym: syn });
      }
    }
    groups.push({ word, alts: dedupeAlts(alts) });
  }
  // Two- and three-word synonyms ("eten aan huis"): the words may together stand for another phrase.
  for (let n = 3; n >= 2; n--) {
    for (let i = 0; i + n <= groups.length; i++) {
      const phrase = wordsTyped.slice(i, i + n).join(' ');
      const syns = synonyms.get(phrase);
      if (!syns) continue;
      const combined: Alternative[] = [
        {
          stems: [...new Set(groups.slice(i, i + n).flatMap((g) => g.alts[0]!.stems))],
          kind: 'exact',
          matched: phrase,
        },
      ];
      for (const syn of syns) {
        for (const stems of stemsOfPhrase(syn, langs))
          combined.push({ stems, kind: 'synonym', matched: syn });
        synonymsUsed.push({ word: phrase, synonym: syn });
      }
      groups.splice(i, n, { word: phrase, alts: dedupeAlts(combined) });
    }
  }
  return { groups, corrections, completions, synonymsUsed, unknown };
}

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

/** What scoring needs of a document; immutable for an index stamp, so each process keeps the recent ones. */
interface DocRow {
  docno: number;
  quality: number;
  /** Stems per field, in FIELDS order, space-separated. */
  fields: string[];
  /** Surface words, space-separated. */
  words: string;
  facets: Record<FacetName, string[]>;
}
const ROW_CACHE = 10_000;

interface Scored {
  row: DocRow;
  distance: number | null;
  score: number;
  reasons: MatchReason[];
}

/** Whether a space-separated token list holds this token (no allocation: called for every candidate). */
function holds(list: string, token: string): boolean {
  const end = list.length;
  for (let at = list.indexOf(token); at >= 0; at = list.indexOf(token, at + 1)) {
    const after = at + token.length;
    if ((at === 0 || list.charCodeAt(at - 1) === 32) && (after === end || list.charCodeAt(after) === 32))
      return true;
  }
  return false;
}

function explain(row: DocRow, groups: Group[]): { score: number; reasons: MatchReason[] } {
  let score = 0;
  const reasons: MatchReason[] = [];
  for (const g of groups) {
    let best: { w: number; reason: MatchReason } | null = null;
    for (const alt of g.alts) {
      for (let k = 0; k < FIELDS.length; k++) {
        const field = FIELDS[k]!;
        const text = row.fields[k]!;
        if (!alt.stems.every((s) => holds(text, s))) continue;
        const kind: MatchKind =
          alt.kind === 'exact' && !holds(row.words, alt.matched) ? 'word_form' : alt.kind;
        const w = FIELD_WEIGHT[field] * KIND_WEIGHT[kind];
        if (!best || w > best.w) best = { w, reason: { word: g.word, kind, field, matched: alt.matched } };
      }
    }
    if (best) {
      score += best.w;
      reasons.push(best.reason);
    }
  }
  return { score, reasons };
}

const FIELD_WORDS: Record<MatchField, string> = {
  name: 'name',
  terms: 'rubric or target group',
  org: 'organisation',
  place: 'place',
  description: 'description',
};

export function reasonSentence(reasons: MatchReason[]): string {
  return reasons
    .map((r) => {
      const where = FIELD_WORDS[r.field];
      switch (r.kind) {
        case 'typo':
          return `"${r.matched}" in ${where} (typo corrected from "${r.word}")`;
        case 'synonym':
          return `"${r.matched}" in ${where} (synonym of "${r.word}")`;
        case 'prefix':
          return `"${r.matched}" in ${where} (completed from "${r.word}")`;
        case 'word_form':
          return `a form of "${r.word}" in ${where}`;
        default:
          return `"${r.word}" in ${where}`;
      }
    })
    .join('; ');
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

const collators = { nl: new Intl.Collator('nl'), fr: new Intl.Collator('fr'), en: new Intl.Collator('en') };

/** The scoring rows of these documents: from this process's cache, the rest in one read. */
async function docRows(db: DirDb, cache: SearchCache, docnos: number[]): Promise<DocRow[]> {
  const rows = cache.area<number, DocRow>('rows', ROW_CACHE);
  const missing = docnos.filter((d) => !rows.has(d));
  if (missing.length > 0) {
    const read = await db
      .selectFrom('directory_search_docs')
      .select(['docno', 'quality', 'name', 'org', 'terms', 'description', 'place', 'words', 'facets_json'])
      .where('docno', 'in', missing)
      .execute();
    for (const r of read) {
      const docno = Number(r.docno);
      rows.set(docno, {
        docno,
        quality: Number(r.quality),
        fields: [r.name, r.org, r.terms, r.description, r.place],
        words: r.words,
        facets: JSON.parse(r.facets_json) as Record<FacetName, string[]>,
      });
    }
  }
  return docnos.flatMap((d) => {
    const row = rows.get(d);
    return row ? [row] : [];
  });
}

/** Documents' nearest point within the radius, from the few grid cells around the origin. */
async function pointsNear(
  db: DirDb,
  origin: { lat: number; lon: number },
  radius: number,
  cells: number[] | null,
): Promise<Map<number, number>> {
  const dLat = radius / 111.2;
  const dLon = radius / (111.2 * Math.max(0.01, Math.cos((origin.lat * Math.PI) / 180)));
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

  let pool: number[];
  let checked = stream.length;
  let timedOut = false;
  if (moment) {
    // Opening hours are checked in code: take candidates in order until the page is full.
    pool = [];
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
    checked = i;
    const open = await openAmong(db, nameHits, moment);
    nameHits = nameHits.filter((d) => open.has(d));
  } else {
    pool = stream.slice(0, wantPool);
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

  let total = hits.length;
  let totalExact = exhausted && !timedOut;
  if (!exhausted) {
    if (complete && (inRadius || byDistance)) {
      // Every match near the origin is known; only an opening-hours check makes the total an estimate.
      total = moment
        ? Math.max(hits.length, Math.round((stream.length * pool.length) / Math.max(1, checked)))
        : stream.length;
      totalExact = !moment && !timedOut;
    } else {
      // The stream is the first matches in static order, so how deep it reached tells the density. When that
      // already says there are several times the cap, counting up to the cap would only confirm it.
      const last = stream.at(-1) ?? 0;
      const projected = last > 0 ? Math.round((stream.length * state.maxDocno) / last) : 0;
      const counted =
        projected >= SKIP_COUNT_FACTOR * COUNT_CAP ? COUNT_CAP : await backend.count(db, plan, COUNT_CAP);
      const estimate = counted < COUNT_CAP ? counted : Math.max(COUNT_CAP, projected);
      total = moment
        ? Math.max(hits.length, Math.round((estimate * pool.length) / Math.max(1, checked)))
        : estimate;
      totalExact = !moment && counted < COUNT_CAP;
    }
  }

  const facetCounts = Object.fromEntries(FACET_NAMES.map((f) => [f, new Map<string, number>()])) as Record<
    FacetName,
    Map<string, number>
  >;
  for (const h of hits) {
    for (const f of FACET_NAMES)
      for (const v of h.row.facets[f] ?? []) facetCounts[f].set(v, (facetCounts[f].get(v) ?? 0) + 1);
  }
  const labelLang = params.lang ?? 'nl';
  const labels = await cache.memo('labels', labelLang, 3, () => loadLabels(db, labelLang));
  const collator = collators[labelLang];
  const facets = Object.fromEntries(
    FACET_NAMES.map((f) => [
      f,
      [...facetCounts[f]]
        .map(([value, count]) => ({ value, count, label: labels.get(value) ?? value }))
        .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label)),
    ]),
  ) as Record<FacetName, FacetCount[]>;

  const shown = hits.slice((page - 1) * perPage, page * perPage);
  const cards = new Map<number, SearchCard>();
  if (shown.length > 0) {
    const cardRows = await db
      .selectFrom('directory_search_cards')
      .select(['docno', 'card_json'])
      .where(
        'docno',
        'in',
        shown.map((h) => h.row.docno),
      )
      .execute();
    for (const r of cardRows) cards.set(Number(r.docno), JSON.parse(r.card_json) as SearchCard);
  }
  const items = shown.flatMap((h) => {
    const card = cards.get(h.row.docno);
    if (!card) return [];
    return [
      {
        id: card.id,
        name: card.name,
        organization: card.organization,
        description: card.description,
        address: card.address,
        phone: card.phone,
        points: card.points,
        distance_km: h.distance === null ? null : Math.round(h.distance * 100) / 100,
        score: Math.round(h.score * 1000) / 1000,
        reasons: h.reasons,
        reason: reasonSentence(h.reasons),
      },
    ];
  });

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

/**
 * Labels of facet values: taxonomy term names in the searcher's language (Dutch where a term has no name in
 * it) and municipality names (a few hundred rows, cached per language).
 */
async function loadLabels(db: DirDb, lang: Language): Promise<Map<string, string>> {
  const out = new Map<string, string>([
    ['free', 'free'],
    ['available', 'places available'],
  ]);
  for (const r of await db.selectFrom('directory_taxonomy_terms').select(['id', 'name']).execute())
    out.set(r.id, r.name);
  if (lang !== 'nl')
    for (const r of await db
      .selectFrom('directory_translations')
      .select(['entity_id', 'value'])
      .where('entity_type', '=', 'taxonomy_term')
      .where('field', '=', 'name')
      .where('lang', '=', lang)
      .execute())
      out.set(r.entity_id, r.value);
  const municipalities = await (
    db as unknown as Kysely<{ municipalities: { nis_code: string; name_nl: string } }>
  )
    .selectFrom('municipalities')
    .select(['nis_code', 'name_nl'])
    .execute();
  for (const r of municipalities) out.set(r.nis_code, r.name_nl);
  return out;
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
