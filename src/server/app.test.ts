import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logSafeUrl } from './app.ts';
import { createNetwork } from './modules/networks/service.ts';
import { testEngines } from './platform/db/testing.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from './testing.ts';

const ADMIN = 'beheerder@demo.knooppunt.be';
const STAFF = 'medewerker@demo.knooppunt.be';
const VIEWER = 'bestuur@demo.knooppunt.be';

/** Row counts of every table that a write endpoint may touch: a rejected request must leave them all unchanged. */
async function snapshot(t: TestApp['t']) {
  const tables = ['networks', 'network_municipalities', 'users', 'memberships', 'audit_log'] as const;
  const out: Record<string, unknown> = {};
  for (const table of tables) out[table] = await t.db.selectFrom(table).selectAll().execute();
  return out;
}

describe.each(testEngines())('Knooppunt API on %s', (engine) => {
  let k: TestApp;
  let admin: Session;
  let staff: Session;
  let viewer: Session;

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
    admin = await loginAs(k.app, ADMIN);
    staff = await loginAs(k.app, STAFF);
    viewer = await loginAs(k.app, VIEWER);
  });
  afterAll(() => k.destroy());

  it('reports health with the engine in use', async () => {
    const res = await k.app.inject({ url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', db: engine, version: 'test' });
  });

  it('serves the OpenAPI description with the platform routes', async () => {
    const doc = (await k.app.inject({ url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/networks/{slug}/audit']),
    );
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const without = await k.app.inject({
      method: 'PUT',
      url: '/api/auth/me/language',
      headers: { cookie: viewer.cookie },
      payload: { language: 'en' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const withToken = await k.app.inject({
      method: 'PUT',
      url: '/api/auth/me/language',
      headers: as(viewer),
      payload: { language: 'en' },
    });
    expect(withToken.statusCode).toBe(204);
    const me = await k.app.inject({ url: '/api/auth/me', headers: as(viewer) });
    expect(me.json().user.preferredLanguage).toBe('en');
  });

  it('never lets a request read or write another network: every scoped route of a foreign network fails', async () => {
    const before = await snapshot(k.t);
    // The staff member of ELZ Regio Aalst tries the cluster (published, not a member) and Kempenland (unpublished).
    const attempts = [
      { method: 'GET', url: '/api/networks/zorginnovatiecluster/audit' },
      { method: 'GET', url: '/api/networks/zorginnovatiecluster/members' },
      { method: 'GET', url: '/api/networks/zorginnovatiecluster/outbox' },
      { method: 'GET', url: '/api/admin/outbox' },
      { method: 'GET', url: '/api/admin/audit' },
      { method: 'PATCH', url: '/api/networks/zorginnovatiecluster', payload: { name: 'Overgenomen' } },
      {
        method: 'PUT',
        url: '/api/networks/zorginnovatiecluster/municipalities',
        payload: { municipalities: [{ nisCode: '41002', validFrom: '2020-01-01' }] },
      },
      {
        method: 'POST',
        url: '/api/networks/zorginnovatiecluster/members',
        payload: { email: STAFF, role: 'admin' },
      },
      { method: 'GET', url: '/api/networks/elz-kempenland' },
      { method: 'GET', url: '/api/networks/elz-kempenland/audit' },
      { method: 'PATCH', url: '/api/networks/elz-kempenland', payload: { published: true } },
      {
        method: 'POST',
        url: '/api/networks/elz-kempenland/members',
        payload: { email: STAFF, role: 'admin' },
      },
      // Staff of its own network is not admin either.
      { method: 'PATCH', url: '/api/networks/elz-regio-aalst', payload: { name: 'Gewijzigd' } },
      { method: 'GET', url: '/api/networks/elz-regio-aalst/audit' },
      {
        method: 'POST',
        url: '/api/admin/networks',
        payload: {
          slug: 'x-net',
          name: 'Ander netwerk',
          kind: 'elz',
          municipalities: [{ nisCode: '41002', validFrom: '2020-01-01' }],
        },
      },
    ] as const;
    for (const a of attempts) {
      const res = await k.app.inject({ ...a, headers: as(staff) });
      expect([403, 404], `${a.method} ${a.url}`).toContain(res.statusCode);
    }
    // And the public, without a session.
    for (const a of attempts) {
      const res = await k.app.inject({ ...a });
      expect([401, 404], `public ${a.method} ${a.url}`).toContain(res.statusCode);
    }
    expect(await snapshot(k.t)).toEqual(before);
  });

  it('rejects malformed bodies on every write endpoint and changes nothing', async () => {
    const bad: {
      method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      url: string;
      payload?: unknown;
      body?: string;
      headers?: Record<string, string>;
    }[] = [
      { method: 'POST', url: '/api/auth/login', payload: { email: 'not-an-email', password: 'x' } },
      { method: 'POST', url: '/api/auth/login', payload: { email: ADMIN, password: 'x', admin: true } },
      {
        method: 'POST',
        url: '/api/auth/login',
        body: '{"email":',
        headers: { 'content-type': 'application/json' },
      },
      { method: 'POST', url: '/api/auth/login', payload: { email: ADMIN, password: 'x'.repeat(2000) } },
      { method: 'PUT', url: '/api/auth/me/language', payload: { language: 'de' } },
      { method: 'PUT', url: '/api/auth/me/language', payload: [] },
      { method: 'PATCH', url: '/api/networks/elz-regio-aalst', payload: {} },
      { method: 'PATCH', url: '/api/networks/elz-regio-aalst', payload: { name: 'x' } },
      { method: 'PATCH', url: '/api/networks/elz-regio-aalst', payload: { published: 'yes' } },
      { method: 'PATCH', url: '/api/networks/elz-regio-aalst', payload: { description: 'x'.repeat(6000) } },
      { method: 'PUT', url: '/api/networks/elz-regio-aalst/municipalities', payload: { municipalities: [] } },
      {
        method: 'PUT',
        url: '/api/networks/elz-regio-aalst/municipalities',
        payload: { municipalities: [{ nisCode: '99999', validFrom: '2020-01-01' }] },
      },
      {
        method: 'PUT',
        url: '/api/networks/elz-regio-aalst/municipalities',
        payload: {
          municipalities: [
            { nisCode: '41002', validFrom: '2020-01-01' },
            { nisCode: '41002', validFrom: '2024-01-01' },
          ],
        },
      },
      {
        method: 'PUT',
        url: '/api/networks/elz-regio-aalst/municipalities',
        payload: { municipalities: [{ nisCode: '41002', validFrom: '2025-01-01', validTo: '2024-01-01' }] },
      },
      {
        method: 'POST',
        url: '/api/networks/elz-regio-aalst/members',
        payload: { email: 'nobody@example.org', role: 'staff' },
      },
      {
        method: 'POST',
        url: '/api/networks/elz-regio-aalst/members',
        payload: { email: STAFF, role: 'owner' },
      },
      {
        method: 'POST',
        url: '/api/networks/elz-regio-aalst/members',
        payload: { email: STAFF, role: 'staff' },
      },
      {
        method: 'PATCH',
        url: '/api/networks/elz-regio-aalst/members/not-a-uuid',
        payload: { role: 'staff' },
      },
      { method: 'DELETE', url: '/api/networks/elz-regio-aalst/members/00000000-0000-4000-8000-000000000000' },
      {
        method: 'POST',
        url: '/api/admin/networks',
        payload: { slug: 'Bad Slug', name: 'X', kind: 'elz', municipalities: [] },
      },
      {
        method: 'POST',
        url: '/api/admin/networks',
        payload: {
          slug: 'elz-regio-aalst',
          name: 'Dubbel',
          kind: 'elz',
          municipalities: [{ nisCode: '41002', validFrom: '2020-01-01' }],
        },
      },
      {
        method: 'POST',
        url: '/api/admin/networks',
        payload: {
          slug: 'new-net',
          name: 'N',
          kind: 'zone',
          municipalities: [{ nisCode: '41002', validFrom: '2020-01-01' }],
        },
      },
    ];
    const before = await snapshot(k.t);
    for (const b of bad) {
      const res = await k.app.inject({
        method: b.method,
        url: b.url,
        payload: b.payload ?? b.body,
        headers: { ...as(admin), ...b.headers },
      });
      expect(
        res.statusCode,
        `${b.method} ${b.url} ${String(JSON.stringify(b.payload ?? b.body)).slice(0, 80)}`,
      ).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      const body = res.json();
      expect(typeof body.error.code).toBe('string');
      expect(body.error.message.length).toBeGreaterThan(5);
    }
    expect(await snapshot(k.t)).toEqual(before);
  });

  it('validates in the user’s language and bounds body size', async () => {
    const nl = await k.app.inject({
      method: 'PATCH',
      url: '/api/networks/elz-regio-aalst',
      headers: as(admin),
      payload: { published: 'ja' },
    });
    expect(nl.json().error.message).toMatch(/^De gegevens zijn niet geldig: published:/);
    const big = await k.app.inject({
      method: 'PATCH',
      url: '/api/networks/elz-regio-aalst',
      headers: { ...as(admin), 'content-type': 'application/json' },
      payload: JSON.stringify({ description: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
  });

  it('answers unknown API routes with the error shape', async () => {
    const res = await k.app.inject({ url: '/api/nothing-here', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'route_not_found', message: 'This page or API does not exist.' },
    });
  });
});

describe('request logging', () => {
  it('keeps the single-use tokens of mailed links out of the logged URL', () => {
    expect(logSafeUrl('/api/networks/elz-regio-aalst/directory/curate/assurance/AbC-123_x?lang=fr')).toBe(
      '/api/networks/elz-regio-aalst/directory/curate/assurance/[token]?lang=fr',
    );
    expect(logSafeUrl('/n/elz-regio-aalst/sociale-kaart/bevestigen/AbC-123_x')).toBe(
      '/n/elz-regio-aalst/sociale-kaart/bevestigen/[token]',
    );
    expect(logSafeUrl('/api/hsds/services?search=assurance')).toBe('/api/hsds/services?search=assurance');
  });
});
