// Turning the typed words into groups of alternatives: word forms, synonyms, typo corrections, completions.
import type { Kysely } from 'kysely';
import { words as foldedWords } from '../../../platform/search/normalise.ts';
import { type Language, stem } from '../../../platform/search/stem.ts';
import {
  deletionVariants,
  deletionVariants2,
  editDistance,
  maxEdits,
} from '../../../platform/search/typo.ts';
import type { DirectoryTables } from '../tables.ts';
import type { SearchCache } from './state.ts';
import type { MatchKind } from './types.ts';

export const TYPO_CORRECTIONS = 3;
export const PREFIX_COMPLETIONS = 5;

export interface Alternative {
  stems: string[];
  kind: MatchKind;
  matched: string;
}
export interface Group {
  word: string;
  alts: Alternative[];
}

export function stemsOfPhrase(phrase: string, langs: Language[]): string[][] {
  const ws = foldedWords(phrase);
  return langs.map((l) => [...new Set(ws.map((w) => stem(w, l)))]);
}

export function dedupeAlts(alts: Alternative[]): Alternative[] {
  const seen = new Set<string>();
  return alts.filter((a) => {
    const key = a.stems.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type DirDb = Kysely<DirectoryTables>;

export async function loadSynonyms(db: DirDb, networkId: string | null): Promise<Map<string, Set<string>>> {
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

export type TextPlan = Awaited<ReturnType<typeof planText>>;

/** Turns the typed words into groups of alternatives: own stems, completions, typo corrections, synonyms. */
export async function planText(
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
