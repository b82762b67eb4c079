import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logSafeUrl } from './app.ts';
import { ATTEMPTS_PER_ADDRESS } from './modules/accounts/service.ts';
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

  it('lets the public see only published networks, members also their own', async () => {
    const pub = (await k.app.inject({ url: '/api/networks' }))
      .json()
      .networks.map((n: { slug: string }) => n.slug);
    expect(pub).toEqual(expect.arrayContaining(['elz-regio-aalst', 'zorginnovatiecluster']));
    expect(pub).not.toContain('elz-kempenland');
    expect((await k.app.inject({ url: '/api/networks/elz-kempenland' })).statusCode).toBe(404);
    expect(
      (await k.app.inject({ url: '/api/networks/elz-kempenland/figures', headers: as(admin) })).statusCode,
    ).toBe(404);
  });

  it('gives the network home its municipalities, figures with their source, and boundaries', async () => {
    const detail = (await k.app.inject({ url: '/api/networks/elz-regio-aalst' })).json();
    expect(detail.municipalities.map((m: { nameNl: string }) => m.nameNl).sort()).toEqual([
      'Aalst',
      'Denderleeuw',
      'Erpe-Mere',
      'Haaltert',
      'Lede',
    ]);
    const figures = (await k.app.inject({ url: '/api/networks/elz-regio-aalst/figures' })).json();
    expect(figures.source).toBe('Statbel (Algemene Directie Statistiek)');
    expect(figures.referenceDate).toBe('2026-01-01');
    expect(figures.series).toHaveLength(10);
    const sum = figures.municipalities.reduce((s: number, m: { population: number }) => s + m.population, 0);
    expect(figures.totals.population).toBe(sum);
    expect(figures.totals.complete).toBe(true);
    // The cluster reaches beyond the municipalities with an age series: no made-up zeros, no partial totals.
    const cluster = (await k.app.inject({ url: '/api/networks/zorginnovatiecluster/figures' })).json();
    const withoutAges = cluster.municipalities.filter(
      (m: { age65plus: number | null }) => m.age65plus === null,
    );
    expect(withoutAges.length).toBeGreaterThan(0);
    expect(
      withoutAges.every(
        (m: { share65plus: null; referenceDate: string }) =>
          m.share65plus === null && m.referenceDate === '2020-01-01',
      ),
    ).toBe(true);
    expect(cluster.totals).toMatchObject({ complete: false, age65plus: null, share65plus: null });
    const geo = (await k.app.inject({ url: '/api/networks/elz-regio-aalst/boundaries' })).json();
    expect(geo.features).toHaveLength(5);
    expect(geo.features[0].geometry.type).toMatch(/Polygon/);
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

  it('audits writes with before and after, and shows the log only to admins of that network', async () => {
    const res = await k.app.inject({
      method: 'PATCH',
      url: '/api/networks/elz-regio-aalst',
      headers: as(admin),
      payload: { description: 'Nieuwe beschrijving' },
    });
    expect(res.statusCode).toBe(200);
    const log = (
      await k.app.inject({ url: '/api/networks/elz-regio-aalst/audit?perPage=5', headers: as(admin) })
    ).json();
    const entry = log.items.find((i: { action: string }) => i.action === 'network.updated');
    expect(entry.actor.name).toBe('An Beheerder (demo)');
    expect(entry.after.description).toBe('Nieuwe beschrijving');
    expect(entry.before.description).not.toBe('Nieuwe beschrijving');
    const cluster = (
      await k.app.inject({ url: '/api/networks/zorginnovatiecluster/audit?perPage=200', headers: as(admin) })
    ).json();
    expect(
      cluster.items.some(
        (i: { action: string; after: { description?: string } | null }) =>
          i.action === 'network.updated' && i.after?.description === 'Nieuwe beschrijving',
      ),
    ).toBe(false);
    expect(
      (await k.app.inject({ url: '/api/networks/elz-regio-aalst/audit', headers: as(viewer) })).statusCode,
    ).toBe(403);
    const secrets = await k.t.db.selectFrom('audit_log').select(['before_json', 'after_json']).execute();
    expect(JSON.stringify(secrets)).not.toMatch(/argon2|password/);
  });

  it('manages members and keeps at least one admin', async () => {
    const members = (
      await k.app.inject({ url: '/api/networks/elz-regio-aalst/members', headers: as(admin) })
    ).json().members;
    const me = members.find((m: { email: string }) => m.email === ADMIN);
    const demote = await k.app.inject({
      method: 'PATCH',
      url: `/api/networks/elz-regio-aalst/members/${me.userId}`,
      headers: as(admin),
      payload: { role: 'staff' },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('last_admin');
    const viewerId = members.find((m: { email: string }) => m.email === VIEWER).userId;
    const promote = await k.app.inject({
      method: 'PATCH',
      url: `/api/networks/elz-regio-aalst/members/${viewerId}`,
      headers: as(admin),
      payload: { role: 'partner' },
    });
    expect(promote.json().members.find((m: { userId: string }) => m.userId === viewerId).role).toBe(
      'partner',
    );
  });

  it('follows municipality periods over time (zone borders changed on 1 January 2025)', async () => {
    const res = await k.app.inject({
      method: 'PUT',
      url: '/api/networks/zorginnovatiecluster/municipalities',
      headers: as(admin),
      payload: {
        municipalities: [
          { nisCode: '41002', validFrom: '2020-01-01', validTo: null },
          { nisCode: '41011', validFrom: '2020-01-01', validTo: '2025-01-01' },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    const figures = (await k.app.inject({ url: '/api/networks/zorginnovatiecluster/figures' })).json();
    expect(figures.municipalities.map((m: { nisCode: string }) => m.nisCode)).toEqual(['41002']);
  });

  it('logs out and the session stops working', async () => {
    const s = await loginAs(k.app, STAFF);
    expect((await k.app.inject({ method: 'POST', url: '/api/auth/logout', headers: as(s) })).statusCode).toBe(
      204,
    );
    expect((await k.app.inject({ url: '/api/auth/me', headers: as(s) })).statusCode).toBe(401);
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
