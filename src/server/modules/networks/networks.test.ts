import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../platform/db/testing.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '../../testing.ts';
import { createNetwork } from './service.ts';

const ADMIN = 'beheerder@demo.knooppunt.be';
const VIEWER = 'bestuur@demo.knooppunt.be';

describe.each(testEngines())('networks on %s', (engine) => {
  let k: TestApp;
  let admin: Session;

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
  });
  afterAll(() => k.destroy());

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
});
