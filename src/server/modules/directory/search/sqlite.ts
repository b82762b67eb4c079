import { type Kysely, sql } from 'kysely';
import type { DirectoryTables } from '../tables.ts';
import type { IndexEntry, MatchOptions, MatchPlan, SearchBackend } from './backend.ts';
import { filterToken, nameToken } from './document.ts';

const q = (t: string) => `"${t}"`;
const and = (parts: string[]) => parts.map((p) => `(${p})`).join(' AND ');
const or = (parts: string[]) => parts.map((p) => `(${p})`).join(' OR ');

/**
 * Renders a plan as an FTS5 expression over the single token column; every token is quoted and was built as
 * [a-z0-9_]+ by our code. Local additions of other networks are cut with NOT, so the shared map needs no token
 * that every document carries (an AND with it would walk the whole index).
 */
export function fts5Expression(plan: MatchPlan, nameOnly: boolean): string {
  const token = nameOnly ? (t: string) => q(nameToken(t)) : q;
  const parts = plan.groups.map((g) => or(g.map((alt) => and(alt.map(token)))));
  for (const f of plan.filters) parts.push(or(f.map(q)));
  const positive = parts.length > 0 ? and(parts) : q(filterToken.all);
  const others =
    plan.network === null
      ? q(filterToken.local)
      : `${q(filterToken.local)} NOT ${q(filterToken.network(plan.network))}`;
  return `(${positive}) NOT (${others})`;
}

export const sqliteBackend: SearchBackend = {
  async match(db, plan, opts: MatchOptions) {
    const { rows } = await sql<{ rowid: number }>`
      SELECT rowid FROM directory_search_fts
      WHERE directory_search_fts MATCH ${fts5Expression(plan, opts.nameOnly)} AND rowid > ${opts.after}
      ORDER BY rowid LIMIT ${opts.limit}`.execute(db);
    return rows.map((r) => r.rowid);
  },

  async matchTiers(db, plan, tiers) {
    const out: number[][] = [];
    for (const t of tiers) out.push(await sqliteBackend.match(db, plan, t));
    return out;
  },

  async count(db, plan, cap) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*) AS n FROM (
        SELECT rowid FROM directory_search_fts WHERE directory_search_fts MATCH ${fts5Expression(plan, false)}
        LIMIT ${cap})`.execute(db);
    return Number(rows[0]?.n ?? 0);
  },

  async add(db, entries: IndexEntry[]) {
    for (let i = 0; i < entries.length; i += 500) {
      const part = entries.slice(i, i + 500);
      await sql`INSERT INTO directory_search_fts (rowid, tokens) VALUES ${sql.join(
        part.map((e) => sql`(${e.docno}, ${e.tokens.join(' ')})`),
      )}`.execute(db);
    }
  },

  async remove(db, docnos) {
    if (docnos.length === 0) return;
    // contentless_delete=1: the index forgets a row by its rowid alone.
    await sql`DELETE FROM directory_search_fts WHERE rowid IN (${sql.join(docnos)})`.execute(db);
  },

  async clear(db: Kysely<DirectoryTables>) {
    await sql`INSERT INTO directory_search_fts (directory_search_fts) VALUES ('delete-all')`.execute(db);
  },

  async optimize(db) {
    await sql`INSERT INTO directory_search_fts (directory_search_fts) VALUES ('optimize')`.execute(db);
  },
};
