import type { Kysely } from 'kysely';
import { engineOf } from './index.ts';

/** Column types that mean the same on both engines (see tables.ts for the conventions). */
export function columnTypes(db: Kysely<unknown>) {
  const pg = engineOf(db) === 'postgres';
  return {
    /** A double on both: SQLite REAL is 8 bytes, PostgreSQL "real" is only 4. */
    float: pg ? ('double precision' as const) : ('real' as const),
    autoId: pg ? ('serial' as const) : ('integer' as const),
  };
}
