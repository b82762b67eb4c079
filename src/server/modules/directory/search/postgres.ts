import { sql } from 'kysely';
import type { IndexEntry, MatchOptions, MatchPlan, SearchBackend } from './backend.ts';
import { filterToken, nameToken } from './document.ts';

/**
 * GIN cannot return matches in document order, so a LIMIT would still read every match. Each document also
 * carries the token of its rank bucket (2,048 documents); a search first asks for matches in the first
 * buckets, which the GIN index intersects without touching the table, and widens the window only when that
 * did not fill the pool (decision 022).
 */
const BUCKET_SHIFT = 11;
/** Window sizes in buckets; after the last one the rest of the index is matched at once. */
const WINDOWS = [2, 14];

export const bucketToken = (docno: number) => `r_${docno >> BUCKET_SHIFT}`;

const q = (t: string) => `'${t}'`;
const and = (parts: string[]) => parts.map((p) => `(${p})`).join(' & ');
const or = (parts: string[]) => parts.map((p) => `(${p})`).join(' | ');

/**
 * Renders a plan as a tsquery over the token vector. Every lexeme was built as [a-z0-9_]+ by our code and is
 * quoted; the vector has no weights or positions, so the GIN index answers exactly and rows are not rechecked.
 */
export function tsqueryExpression(plan: MatchPlan, nameOnly: boolean, buckets?: [number, number]): string {
  const token = nameOnly ? (t: string) => q(nameToken(t)) : q;
  const parts = plan.groups.map((g) => or(g.map((alt) => and(alt.map(token)))));
  for (const f of plan.filters) parts.push(or(f.map(q)));
  if (parts.length === 0) parts.push(q(filterToken.all));
  if (buckets) {
    const list: string[] = [];
    for (let b = buckets[0]; b <= buckets[1]; b++) list.push(q(`r_${b}`));
    parts.push(list.join(' | '));
  }
  parts.push(
    plan.network === null
      ? `!${q(filterToken.local)}`
      : `!(${q(filterToken.local)} & !${q(filterToken.network(plan.network))})`,
  );
  return and(parts);
}

/**
 * The windows and the rest of the index as UNION ALL branches over disjoint, ascending ranges of documents:
 * a LIMIT around them stops the Append as soon as the first branches filled it.
 */
function windowed(plan: MatchPlan, opts: MatchOptions) {
  const last = plan.maxDocno >> BUCKET_SHIFT;
  const branch = (window: [number, number] | undefined, after: number) =>
    sql`(SELECT docno FROM directory_search_index
      WHERE tsv @@ ${tsqueryExpression(plan, opts.nameOnly, window)}::tsquery AND docno > ${after}
      ORDER BY docno LIMIT ${opts.limit})`;
  const branches = [];
  let from = (opts.after + 1) >> BUCKET_SHIFT;
  for (const size of WINDOWS) {
    if (from + size - 1 >= last) break;
    branches.push(branch([from, from + size - 1], opts.after));
    from += size;
  }
  branches.push(branch(undefined, Math.max(opts.after, (from << BUCKET_SHIFT) - 1)));
  return sql.join(branches, sql` UNION ALL `);
}

export const postgresBackend: SearchBackend = {
  async match(db, plan: MatchPlan, opts: MatchOptions) {
    const [docnos] = await postgresBackend.matchTiers(db, plan, [opts]);
    return docnos ?? [];
  },

  async matchTiers(db, plan: MatchPlan, tiers: MatchOptions[]) {
    const parts = tiers.map(
      (t, i) => sql`(SELECT ${sql.lit(i)} AS tier, docno FROM (${windowed(plan, t)}) AS w LIMIT ${t.limit})`,
    );
    const { rows } = await sql<{ tier: number; docno: number }>`${sql.join(parts, sql` UNION ALL `)}`.execute(
      db,
    );
    const out: number[][] = tiers.map(() => []);
    for (const r of rows) out[r.tier]!.push(Number(r.docno));
    return out;
  },

  async count(db, plan, cap) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*) AS n FROM (
        SELECT 1 FROM directory_search_index WHERE tsv @@ ${tsqueryExpression(plan, false)}::tsquery
        LIMIT ${cap}) s`.execute(db);
    return Number(rows[0]?.n ?? 0);
  },

  async add(db, entries: IndexEntry[]) {
    for (let i = 0; i < entries.length; i += 1000) {
      const part = entries.slice(i, i + 1000);
      await sql`INSERT INTO directory_search_index (docno, tsv)
        SELECT u.d, array_to_tsvector(string_to_array(u.t, ' '))
        FROM unnest(${part.map((e) => e.docno)}::int[], ${part.map((e) => [...e.tokens, bucketToken(e.docno)].join(' '))}::text[]) AS u(d, t)`.execute(
        db,
      );
    }
  },

  async remove(db, docnos) {
    if (docnos.length === 0) return;
    await sql`DELETE FROM directory_search_index WHERE docno = ANY(${docnos}::int[])`.execute(db);
  },

  async clear(db) {
    await sql`DELETE FROM directory_search_index`.execute(db);
  },

  async optimize(db) {
    for (const t of [
      'directory_search_index',
      'directory_search_docs',
      'directory_search_cards',
      'directory_search_points',
      'directory_search_words',
      'directory_search_word_variants',
    ])
      await sql`ANALYZE ${sql.table(t)}`.execute(db);
  },
};
