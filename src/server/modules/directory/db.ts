import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import type { DirectoryTables } from './tables.ts';

/**
 * The directory's typed views of the database. Kysely's database type is invariant (a handle over more tables
 * is not assignable to one over fewer, nor the other way), so moving between the platform's handle and the
 * directory's needs a cast: it is made here, once, and nowhere else in the directory.
 */
export type DirectoryDb = Kysely<DirectoryTables>;

/** The directory's tables on the platform's handle, or on a wider directory handle. */
export function directoryDb<T>(db: Kysely<T>): DirectoryDb {
  return db as unknown as DirectoryDb;
}

/** The directory's tables with those of one of its parts (curation, analysis) or the platform tables it reads. */
export function tablesOf<T>(db: Kysely<PlatformTables>): Kysely<T> {
  return db as unknown as Kysely<T>;
}

/** A directory handle as the platform and other modules see it (audit, outbox, their services). */
export function platformDb<T>(db: Kysely<T>): Kysely<PlatformTables> {
  return db as unknown as Kysely<PlatformTables>;
}
