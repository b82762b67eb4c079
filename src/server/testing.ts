import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from './app.ts';
import { DEMO_PASSWORD, seedDemoOnce } from './demo/seed.ts';
import { loadConfig } from './platform/config.ts';
import { type Engine, engineOf } from './platform/db/index.ts';
import { createTestDb, type TestDb } from './platform/db/testing.ts';

export interface TestApp {
  app: FastifyInstance;
  t: TestDb;
  destroy(): Promise<void>;
}

/** The whole app over a fresh, migrated database with the demo region, driven with `app.inject`. */
export async function createTestApp(
  engine: Engine,
  opts: { seed?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const t = await createTestDb(engine);
  const config = loadConfig(
    { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent', ...opts.env },
    'test',
  );
  if (opts.seed !== false) await seedDemoOnce(t.db);
  const app = await buildApp(config, t);
  await app.ready();
  return {
    app,
    t,
    destroy: async () => {
      await app.close();
      await t.destroy();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function loginAs(
  app: FastifyInstance,
  email: string,
  password = DEMO_PASSWORD,
): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'kp_session');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `kp_session=${cookie.value}`, csrf: res.json().csrfToken };
}

/** Headers of an authenticated request; writes carry the CSRF token as the web UI sends it. */
export const as = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

/**
 * Row counts of every table of a test's own database or schema (others are created and dropped in parallel),
 * to prove that a refused request changed nothing. Sessions and login counters may move on any request to the
 * login route; they hold no one's data.
 */
export async function rowCounts(k: TestApp): Promise<Record<string, number>> {
  const tables =
    engineOf(k.t.db) === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(k.t.db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(k.t.db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    if (/session|attempt|kysely_|sqlite_/.test(name)) continue;
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(k.t.db);
    counts[name] = Number(row.rows[0]?.n ?? 0);
  }
  return counts;
}

/** Every operation of the OpenAPI description: the app's route table as clients see it. */
export function operations(app: FastifyInstance): { path: string; method: string }[] {
  const spec = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ path, method: method.toUpperCase() })),
  );
}
