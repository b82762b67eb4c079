import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { DEMO_PASSWORD, seedDemoOnce } from './demo/seed.ts';
import { loadConfig } from './platform/config.ts';
import type { Engine } from './platform/db/index.ts';
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
