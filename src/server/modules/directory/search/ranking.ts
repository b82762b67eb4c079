import type { Language } from '../../../platform/search/stem.ts';
import { platformDb } from '../db.ts';
import { FACET_NAMES, type FacetName, type SearchCard } from './document.ts';
import type { SearchCache } from './state.ts';
import type { DirDb, Group } from './text-plan.ts';
import type { FacetCount, MatchField, MatchKind, MatchReason } from './types.ts';

export const FIELD_WEIGHT: Record<MatchField, number> = {
  name: 4,
  terms: 2.5,
  org: 2,
  place: 1.5,
  description: 1,
};
export const KIND_WEIGHT: Record<MatchKind, number> = {
  exact: 1,
  word_form: 0.9,
  synonym: 0.8,
  prefix: 0.75,
  typo: 0.7,
};
export const FIELDS: MatchField[] = ['name', 'terms', 'org', 'place', 'description'];

/** What scoring needs of a document; immutable for an index stamp, so each process keeps the recent ones. */
export interface DocRow {
  docno: number;
  quality: number;
  /** Stems per field, in FIELDS order, space-separated. */
  fields: string[];
  /** Surface words, space-separated. */
  words: string;
  facets: Record<FacetName, string[]>;
}
export const ROW_CACHE = 10_000;

export interface Scored {
  row: DocRow;
  distance: number | null;
  score: number;
  reasons: MatchReason[];
}

/** Whether a space-separated token list holds this token (no allocation: called for every candidate). */
export function holds(list: string, token: string): boolean {
  const end = list.length;
  for (let at = list.indexOf(token); at >= 0; at = list.indexOf(token, at + 1)) {
    const after = at + token.length;
    if ((at === 0 || list.charCodeAt(at - 1) === 32) && (after === end || list.charCodeAt(after) === 32))
      return true;
  }
  return false;
}

export function explain(row: DocRow, groups: Group[]): { score: number; reasons: MatchReason[] } {
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

export const FIELD_WORDS: Record<MatchField, string> = {
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

export const collators = {
  nl: new Intl.Collator('nl'),
  fr: new Intl.Collator('fr'),
  en: new Intl.Collator('en'),
};

/** The scoring rows of these documents: from this process's cache, the rest in one read. */
export async function docRows(db: DirDb, cache: SearchCache, docnos: number[]): Promise<DocRow[]> {
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

/** Facet counts over every hit, labelled in the searcher's language. */
export async function facetsOf(
  db: DirDb,
  cache: SearchCache,
  hits: Scored[],
  labelLang: Language,
): Promise<Record<FacetName, FacetCount[]>> {
  const facetCounts = Object.fromEntries(FACET_NAMES.map((f) => [f, new Map<string, number>()])) as Record<
    FacetName,
    Map<string, number>
  >;
  for (const h of hits) {
    for (const f of FACET_NAMES)
      for (const v of h.row.facets[f] ?? []) facetCounts[f].set(v, (facetCounts[f].get(v) ?? 0) + 1);
  }
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
  return facets;
}

/** The result cards of the hits on the page, from the index's stored cards. */
export async function cardsOf(db: DirDb, shown: Scored[]) {
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
  return items;
}

/**
 * Labels of facet values: taxonomy term names in the searcher's language (Dutch where a term has no name in
 * it) and municipality names (a few hundred rows, cached per language).
 */
export async function loadLabels(db: DirDb, lang: Language): Promise<Map<string, string>> {
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
  const municipalities = await platformDb(db)
    .selectFrom('municipalities')
    .select(['nis_code', 'name_nl'])
    .execute();
  for (const r of municipalities) out.set(r.nis_code, r.name_nl);
  return out;
}
