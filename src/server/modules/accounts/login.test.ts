import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/seed.ts';
import { testEngines } from '../../platform/db/testing.ts';
import { createTestApp, type TestApp } from '../../testing.ts';
import { ATTEMPTS_PER_ADDRESS, FREE_FAILURES } from './service.ts';

const PARTNER = 'partner@demo.knooppunt.be';
const VIEWER = 'bestuur@demo.knooppunt.be';
const STAFF = 'medewerker@demo.knooppunt.be';

const login = (k: TestApp, email: string, password: string, remoteAddress: string) =>
  k.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password } });

describe.each(testEngines())('login throttling on %s', (engine) => {
  let k: TestApp;
  beforeAll(async () => {
    k = await createTestApp(engine);
  });
  afterAll(() => k.destroy());

  const failedCount = async (email: string) =>
    (
      await k.t.db
        .selectFrom('users')
        .select('failed_login_count')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).failed_login_count;

  it('counts every one of 25 concurrent wrong passwords (atomic, not read-modify-write)', async () => {
    const res = await Promise.all(
      Array.from({ length: 25 }, (_, i) => login(k, VIEWER, `wrong-${i}`, `10.25.0.${i + 1}`)),
    );
    expect(res.map((r) => r.statusCode)).toEqual(Array(25).fill(401));
    expect(await failedCount(VIEWER)).toBe(25);
    // The owner is not locked out by them: the right password from the owner's own address still works.
    expect((await login(k, VIEWER, DEMO_PASSWORD, '10.25.1.1')).statusCode).toBe(200);
    expect(await failedCount(VIEWER)).toBe(0);
  });

  it('lets no more than the free failures of one address and account through, even all at once', async () => {
    const res = await Promise.all(
      Array.from({ length: 25 }, (_, i) => login(k, STAFF, `wrong-${i}`, '10.26.0.1')),
    );
    const statuses = res.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(FREE_FAILURES);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25 - FREE_FAILURES);
    expect(await failedCount(STAFF)).toBe(FREE_FAILURES);
  });

  it('never lets 80 concurrent logins of one address pass its limit', async () => {
    const res = await Promise.all(
      Array.from({ length: 80 }, (_, i) => login(k, `nobody-${i}@example.org`, 'x', '10.27.0.1')),
    );
    const statuses = res.map((r) => r.statusCode);
    expect(statuses.filter((s) => s !== 429)).toHaveLength(ATTEMPTS_PER_ADDRESS);
    expect(statuses.filter((s) => s === 429)).toHaveLength(80 - ATTEMPTS_PER_ADDRESS);
  });

  it('slows an attacker with a doubling delay instead of locking the owner out', async () => {
    const attacker = '10.28.0.1';
    for (let i = 0; i < FREE_FAILURES; i++) {
      expect((await login(k, PARTNER, `bad-${i}`, attacker)).statusCode).toBe(401);
    }
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const refused = await login(k, PARTNER, DEMO_PASSWORD, attacker);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('login_throttled');
      delays.push(Number(refused.headers['retry-after']));
      // Let the delay pass (as time would) and fail once more: the next wait is twice as long.
      await k.t.db
        .updateTable('login_attempt_counters')
        .set({ until_ms: Date.now() - 1 })
        .execute();
      expect((await login(k, PARTNER, `bad-again-${i}`, attacker)).statusCode).toBe(401);
    }
    expect(delays).toEqual([1, 2, 4]);
    // Meanwhile the owner, from another address, signs in as usual: no 423, no lock.
    expect((await login(k, PARTNER, DEMO_PASSWORD, '10.28.9.9')).statusCode).toBe(200);
  });

  it('answers a known and an unknown e-mail alike, in the language of the request', async () => {
    const trail = async (email: string, address: string) => {
      const out: { status: number; body: unknown; retryAfter: unknown }[] = [];
      for (let i = 0; i <= FREE_FAILURES; i++) {
        const r = await k.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: address,
          headers: { 'accept-language': 'fr' },
          payload: { email, password: `wrong-${i}` },
        });
        out.push({ status: r.statusCode, body: r.json(), retryAfter: r.headers['retry-after'] });
      }
      return out;
    };
    const known = await trail('beheerder@demo.knooppunt.be', '10.29.0.1');
    const unknown = await trail('niemand@demo.knooppunt.be', '10.29.0.2');
    expect(known).toEqual(unknown);
    expect(known.map((r) => r.status)).toEqual([...Array(FREE_FAILURES).fill(401), 429]);
    expect(known.at(-1)).toMatchObject({
      retryAfter: '1',
      body: { error: { code: 'login_throttled', message: expect.stringMatching(/après 1 s\./) } },
    });
  });
});

describe.each(testEngines())('trusted proxies on %s', (engine) => {
  // The attack: a client prepends addresses of its choice; the proxy appends the address it really saw.
  const spoofedLogins = async (k: TestApp, socket: string) => {
    const statuses: number[] = [];
    for (let i = 0; i <= ATTEMPTS_PER_ADDRESS; i++) {
      const r = await k.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: socket,
        headers: { 'x-forwarded-for': `198.51.100.${i}, 127.0.0.1, 203.0.113.5` },
        payload: { email: `unknown-${i}@example.org`, password: 'x' },
      });
      statuses.push(r.statusCode);
    }
    return statuses;
  };

  it.each([
    ['true', '127.0.0.1'],
    ['1', '127.0.0.1'],
    ['10.0.0.0/8, 127.0.0.1', '10.1.2.3'],
  ])('TRUST_PROXY=%s: a client cannot choose its own address', async (trustProxy, socket) => {
    const k = await createTestApp(engine, { seed: false, env: { TRUST_PROXY: trustProxy } });
    try {
      const statuses = await spoofedLogins(k, socket);
      expect(statuses.slice(0, ATTEMPTS_PER_ADDRESS).every((s) => s === 401)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await k.destroy();
    }
  });
});
