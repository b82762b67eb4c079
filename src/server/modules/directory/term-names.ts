import type { Kysely } from 'kysely';
import type { Language } from '../../platform/i18n.ts';
import { termTranslations } from './repo.ts';
import type { DirectoryTables } from './tables.ts';

/**
 * Names of taxonomy terms in a reader's language. The term row holds the Dutch name; French and English
 * live in directory_translations (entity_type 'taxonomy_term', field 'name'), where the seed (migration 0105)
 * and the vocabulary page's rename (analysis) write them. A term without a name in that language keeps Dutch.
 */
export async function termNamesIn(
  db: Kysely<DirectoryTables>,
  termIds: string[],
  lang: Language,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = [...new Set(termIds)];
  if (lang === 'nl' || ids.length === 0) return out;
  for (const r of await termTranslations(db, ids, lang)) out.set(r.entity_id, r.value);
  return out;
}

/** The terms with their names in the reader's language, sorted by that name when they came sorted by name. */
export async function localiseTerms<T extends { id: string; name: string }>(
  db: Kysely<DirectoryTables>,
  terms: T[],
  lang: Language,
  { sort = false }: { sort?: boolean } = {},
): Promise<T[]> {
  if (lang === 'nl') return terms;
  const names = await termNamesIn(
    db,
    terms.map((t) => t.id),
    lang,
  );
  const out = terms.map((t) => ({ ...t, name: names.get(t.id) ?? t.name }));
  if (sort) {
    const collator = new Intl.Collator(lang, { sensitivity: 'base' });
    out.sort((a, b) => collator.compare(a.name, b.name));
  }
  return out;
}
