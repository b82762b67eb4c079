// Helpers every analysis use case shares: the analysis tables' view of the database and the search stamp.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import { bumpSearchVersion } from '../search/state.ts';
import './messages.ts';
import { directoryDb, tablesOf } from '../db.ts';
import type { AnalysisTables } from './repo.ts';

export type Db = Kysely<PlatformTables>;

export function adb(db: Db): Kysely<AnalysisTables> {
  return tablesOf<AnalysisTables>(db);
}

/** Renews the search stamp: cached synonym expansions and term labels are stale after these writes. */
export const bump = (db: Db) => bumpSearchVersion(directoryDb(db));
