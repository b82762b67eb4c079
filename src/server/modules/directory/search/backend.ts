import type { Kysely } from 'kysely';
import type { DirectoryTables } from '../tables.ts';

/**
 * A query as the index sees it: an AND of groups, each group an OR of alternatives, each alternative an AND of
 * tokens (a synonym may be several words); an AND of filter clauses, each an OR of filter tokens; and the
 * network scope. Every token matches [a-z0-9_]+ and was built by our code: no user text reaches an engine's
 * query syntax.
 */
export interface MatchPlan {
  groups: string[][][];
  filters: string[][];
  /** The network whose local additions are visible; null: the shared map only. */
  network: string | null;
  /** The highest document number in the index, for engines that match in windows of the static order. */
  maxDocno: number;
}

export interface MatchOptions {
  /** Only the service name counts (the first retrieval tier). */
  nameOnly: boolean;
  /** Only documents numbered above this one (continuing a scan). */
  after: number;
  limit: number;
}

export interface IndexEntry {
  docno: number;
  tokens: string[];
}

/** The engine-specific half of the search: matching in document order, counting, and keeping the index. */
export interface SearchBackend {
  /** Document numbers that match, ascending: the static rank order, so the engine may stop after `limit`. */
  match(db: Kysely<DirectoryTables>, plan: MatchPlan, opts: MatchOptions): Promise<number[]>;
  /** Several matches of one plan at once (the retrieval tiers), each as `match` would answer it. */
  matchTiers(db: Kysely<DirectoryTables>, plan: MatchPlan, tiers: MatchOptions[]): Promise<number[][]>;
  /** How many documents match, counting no further than `cap`. */
  count(db: Kysely<DirectoryTables>, plan: MatchPlan, cap: number): Promise<number>;
  /** Adds documents' tokens to the match index. */
  add(db: Kysely<DirectoryTables>, entries: IndexEntry[]): Promise<void>;
  /** Removes documents from the match index. */
  remove(db: Kysely<DirectoryTables>, docnos: number[]): Promise<void>;
  /** Empties the match index (before a rebuild). */
  clear(db: Kysely<DirectoryTables>): Promise<void>;
  /** After a rebuild: compacts the index and refreshes the planner's statistics. */
  optimize(db: Kysely<DirectoryTables>): Promise<void>;
}
