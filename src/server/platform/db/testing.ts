import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSchema, type DbHandle, dropSchema, type Engine, openDb } from './index.ts';
import { migrateToLatest } from './migrate.ts';

/**
 * The engines a test suite runs on: always a real SQLite file, and PostgreSQL when TEST_DATABASE_URL is set.
 * Use with `describe.each(testEngines())`.
 */
export function testEngines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDb extends DbHandle {
  /** Drops the schema (PostgreSQL) or deletes the file (SQLite). */
  destroy(): Promise<void>;
  /** What openDb needs to open this same database again (another connection, the app under test). */
  options: { url?: string; file?: string; schema?: string };
}

/** A fresh, migrated database of the given engine: a temp SQLite file, or a new PostgreSQL schema. */
export async function createTestDb(engine: Engine): Promise<TestDb> {
  const suffix = randomBytes(6).toString('hex');
  if (engine === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `t_${suffix}`;
    await createSchema(url, schema);
    const handle = openDb({ url, schema, poolSize: 4 });
    await migrateToLatest(handle.db);
    return {
      ...handle,
      options: { url, schema },
      destroy: async () => {
        await handle.close();
        await dropSchema(url, schema);
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knooppunt-test-'));
  const file = path.join(dir, 'test.db');
  const handle = openDb({ file });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    options: { file },
    destroy: async () => {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
