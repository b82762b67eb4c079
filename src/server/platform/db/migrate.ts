import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { engineOf } from './index.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/**
 * Migrations are the numbered files in src/server/migrations (append-only). They are found by listing the
 * folder so that a new module adds its migration file and nothing else.
 */
class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    // .ts in the sources, .js in the compiled build (dist/server); the name without it is the migration's.
    const files = (await fs.readdir(MIGRATIONS_DIR))
      .filter((f) => /^\d{4}_[a-z0-9_]+\.[jt]s$/.test(f))
      .sort();
    const out: Record<string, Migration> = {};
    for (const f of files) {
      out[f.replace(/\.[jt]s$/, '')] = (await import(
        pathToFileURL(path.join(MIGRATIONS_DIR, f)).href
      )) as Migration;
    }
    return out;
  }
}

/**
 * Kysely's introspector reads the catalogue of every schema in the database, which fails now and then while
 * another schema is being dropped (parallel test files each drop theirs). The migrator only asks whether its
 * own bookkeeping tables exist, so it gets an introspector that looks at our schema alone.
 */
function scopedIntrospection<DB>(db: Kysely<DB>, schema: string): Kysely<DB> {
  const introspection = {
    getSchemas: async () => [{ name: schema }],
    getTables: async () => {
      const rows = await sql<{ name: string; type: string }>`
        select table_name as name, table_type as type from information_schema.tables
        where table_schema = ${schema}`.execute(db);
      return rows.rows.map((r) => ({ name: r.name, schema, isView: r.type === 'VIEW', columns: [] }));
    },
    getMetadata: async () => ({ tables: await introspection.getTables() }),
  };
  return new Proxy(db, {
    get: (target, prop) => {
      if (prop === 'introspection') return introspection;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  // Kysely looks for its bookkeeping tables across every schema of the database; pinned to the schema
  // we work in, another installation (or a parallel test) in the same database cannot mislead it.
  const schema =
    engineOf(db) === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    // biome-ignore lint/suspicious/noExplicitAny: the migrator works below the typed schema
    db: (schema ? scopedIntrospection(db, schema) : db) as Kysely<any>,
    provider: new FolderMigrationProvider(),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed on ${engineOf(db)}: ${String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
