import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DirectoryTables } from '../tables.ts';

/**
 * Marks the search data as changed: every change to the index, the synonyms or the labels of taxonomy terms
 * must call this in its transaction. The stamp is random, so that two databases never share one.
 */
export async function bumpSearchVersion(db: Kysely<DirectoryTables>): Promise<void> {
  await sql`UPDATE directory_search_state SET stamp = ${randomUUID()} WHERE id = 1`.execute(db);
}

export interface IndexState {
  stamp: string;
  maxDocno: number;
}

export async function readIndexState(db: Kysely<DirectoryTables>): Promise<IndexState> {
  const { rows } = await sql<{ stamp: string; max_docno: number | null }>`
    SELECT stamp, (SELECT max(docno) FROM directory_search_docs) AS max_docno
    FROM directory_search_state WHERE id = 1`.execute(db);
  return { stamp: rows[0]?.stamp ?? '', maxDocno: Number(rows[0]?.max_docno ?? 0) };
}

/**
 * Derived data a process may keep while the stamp stays the same: query plans (vocabulary, typo and synonym
 * lookups), synonyms, labels, postcode centres. Several processes stay correct because each one compares the
 * stamp in the database before every search.
 */
export class SearchCache {
  private readonly areas = new Map<string, Map<string, Promise<unknown>>>();
  private readonly plain = new Map<string, BoundedMap<unknown, unknown>>();

  /** A bounded map for values that need no loading of their own (rows read in bulk). */
  area<K, V>(name: string, limit: number): BoundedMap<K, V> {
    let m = this.plain.get(name);
    if (!m) {
      m = new BoundedMap(limit);
      this.plain.set(name, m);
    }
    return m as BoundedMap<K, V>;
  }

  /** The cached value, or the loader's; at most `limit` entries per area, oldest dropped first. */
  memo<T>(area: string, key: string, limit: number, load: () => Promise<T>): Promise<T> {
    let m = this.areas.get(area);
    if (!m) {
      m = new Map();
      this.areas.set(area, m);
    }
    const hit = m.get(key);
    if (hit) return hit as Promise<T>;
    const value = load();
    // A failed lookup is not remembered: the next search tries again.
    value.catch(() => m.delete(key));
    m.set(key, value);
    if (m.size > limit) m.delete(m.keys().next().value as string);
    return value;
  }
}

/** A Map that forgets its oldest entries beyond `limit`. */
export class BoundedMap<K, V> {
  private readonly m = new Map<K, V>();
  constructor(private readonly limit: number) {}
  has(k: K): boolean {
    return this.m.has(k);
  }
  get(k: K): V | undefined {
    return this.m.get(k);
  }
  set(k: K, v: V): void {
    this.m.set(k, v);
    if (this.m.size > this.limit) this.m.delete(this.m.keys().next().value as K);
  }
}

/** A few stamps at once: several databases in one process (tests), or a stamp that just changed. */
const caches = new Map<string, SearchCache>();
const MAX_CACHES = 4;

export function cacheFor(stamp: string): SearchCache {
  let c = caches.get(stamp);
  if (!c) {
    c = new SearchCache();
    caches.set(stamp, c);
    if (caches.size > MAX_CACHES) caches.delete(caches.keys().next().value as string);
  }
  return c;
}
