import path from 'node:path';
import type { Config } from './platform/config.ts';
import { type DbHandle, openDb } from './platform/db/index.ts';

export const sqliteFile = (config: Config) => path.join(config.dataDir, 'knooppunt.db');

/** The database the configuration names: PostgreSQL when DATABASE_URL is set, else the embedded SQLite file. */
export function openConfiguredDb(config: Config): DbHandle {
  return config.databaseUrl ? openDb({ url: config.databaseUrl }) : openDb({ file: sqliteFile(config) });
}
