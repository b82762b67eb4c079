import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../platform/db/testing.ts';
import { as, createTestApp, loginAs, type TestApp } from '../../testing.ts';
import { createNetwork } from '../networks/service.ts';
import { ATTEMPTS_PER_ADDRESS } from './service.ts';

const ADMIN = 'beheerder@demo.knooppunt.be';
const STAFF = 'medewerker@demo.knooppunt.be';
const VIEWER = 'bestuur@demo.knooppunt.be';

describe.each(testEngines())('accounts and sessions on %s', (engine) => {
  let k: TestApp;

  beforeAll(async () => {
    k = await createTestApp(engine);
    // A third network that nobody of the demo region belongs to and that is not published.
    await createNetwork(
      k.t.db,
      { userId: null, requestId: null },
      {
        slug: 'elz-kempenland',
        name: 'ELZ Kempenland',
        kind: 'elz',
        municipalities: [{ nisCode: '13008', validFrom: '2020-01-01' }],
      },
    );
  });
  afterAll(() => k.destroy());

  it('logs in with an httpOnly SameSite session cookie and tells who is logged in', async () => {
    const res = await k.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: ' Beheerder@Demo.Knooppunt.be ', password: 'knooppunt-demo-2026' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'kp_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await k.app.inject({
      url: '/api/auth/me',
      headers: { cookie: `kp_session=${cookie?.value}` },
    });
    expect(me.json().user.email).toBe(ADMIN);
    expect(
      me
        .json()
        .memberships.map((m: { networkSlug: string }) => m.networkSlug)
        .sort(),
    ).toEqual(['elz-regio-aalst', 'zorginnovatiecluster']);
  });

  it('answers a wrong password in the language of the request', async () => {
    const nl = await k.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: VIEWER, password: 'nope' },
    });
    expect(nl.statusCode).toBe(401);
    expect(nl.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'E-mailadres of wachtwoord is onjuist.' },
    });
    const fr = await k.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'fr-BE,fr;q=0.9' },
      payload: { email: 'nobody@example.org', password: 'nope' },
    });
    expect(fr.json().error.message).toBe('Adresse e-mail ou mot de passe incorrect.');
  });

  it('rate-limits login attempts from one address across accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= ATTEMPTS_PER_ADDRESS; i++) {
      const r = await k.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { email: `unknown-${i}@example.org`, password: 'x' },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, ATTEMPTS_PER_ADDRESS).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('logs out and the session stops working', async () => {
    const s = await loginAs(k.app, STAFF);
    expect((await k.app.inject({ method: 'POST', url: '/api/auth/logout', headers: as(s) })).statusCode).toBe(
      204,
    );
    expect((await k.app.inject({ url: '/api/auth/me', headers: as(s) })).statusCode).toBe(401);
  });
});
