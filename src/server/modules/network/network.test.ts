import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../platform/db/testing.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '../../testing.ts';
import { createUser } from '../accounts/service.ts';
import { grantRole } from '../networks/service.ts';
import { addSpokesperson, replaceDerivedTies } from './service.ts';

// The cluster network has no demo partners, so every count here is the test's own.
const SLUG = 'zorginnovatiecluster';
const BASE = `/api/networks/${SLUG}/network`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const scores = (v: number) => ({
  reliability: v,
  mission: v,
  openness: v,
  power: v,
  involvement: v,
  resources: v,
});

describe.each(testEngines())('partner network on %s', (engine) => {
  let k: TestApp;
  let staff: Session;
  let viewer: Session;
  const ids: Record<string, string> = {};
  const speakers: Session[] = [];

  async function post(s: Session, url: string, payload: unknown) {
    return k.app.inject({ method: 'POST', url, headers: as(s), payload: payload as object });
  }

  beforeAll(async () => {
    k = await createTestApp(engine);
    staff = await loginAs(k.app, 'beheerder@demo.knooppunt.be');
    await grantRole(k.t.db, { userId: null, requestId: null }, SLUG, 'bestuur@demo.knooppunt.be', 'viewer');
    viewer = await loginAs(k.app, 'bestuur@demo.knooppunt.be');
    const partners = [
      {
        key: 'zorgraad',
        name: 'Zorgraad Regio Aalst (demo)',
        sector: 'care',
        isHub: true,
        themes: ['netwerk'],
      },
      {
        key: 'caw',
        name: 'CAW Oost (demo)',
        sector: 'welfare',
        themes: ['armoede', 'wonen'],
        targetGroups: ['jongeren'],
      },
      {
        key: 'ocmw',
        name: 'OCMW Lede (demo)',
        sector: 'local_government',
        themes: ['armoede'],
        targetGroups: ['ouderen'],
      },
      {
        key: 'school',
        name: 'Basisschool De Linde (demo)',
        sector: 'education',
        themes: ['wonen'],
        targetGroups: ['jongeren'],
      },
      {
        key: 'thuiszorg',
        name: 'Thuiszorg Dender (demo)',
        sector: 'care',
        themes: ['mantelzorg'],
        targetGroups: ['ouderen'],
      },
    ];
    for (const p of partners) {
      const { key, ...body } = p;
      const res = await post(staff, `${BASE}/partners`, body);
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
    }
    // A star around the zorgraad, plus CAW – OCMW.
    for (const [a, b] of [
      ['zorgraad', 'caw'],
      ['zorgraad', 'ocmw'],
      ['zorgraad', 'school'],
      ['zorgraad', 'thuiszorg'],
      ['caw', 'ocmw'],
    ] as const) {
      const res = await post(staff, `${BASE}/ties`, {
        sourceId: ids[a],
        targetId: ids[b],
        type: 'collaboration',
        startDate: '2024-01-01',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    // Three spokespersons, one each for CAW, OCMW and the school.
    const ctx = {
      network: await k.t.db
        .selectFrom('networks')
        .selectAll()
        .where('slug', '=', SLUG)
        .executeTakeFirstOrThrow(),
      role: 'admin' as const,
    };
    for (const key of ['caw', 'ocmw', 'school']) {
      const email = `${key}@demo.knooppunt.be`;
      const user = await createUser(k.t.db, {
        email,
        name: `Spreker ${key}`,
        password: 'knooppunt-demo-2026',
        // Demo accounts with the published demo password (the password rule exempts only those).
        isDemo: true,
      });
      await grantRole(k.t.db, { userId: null, requestId: null }, SLUG, email, 'partner');
      await addSpokesperson(k.t.db, ctx, { userId: null, requestId: null }, ids[key]!, user.id);
      speakers.push(await loginAs(k.app, email));
    }
  });
  afterAll(() => k.destroy());

  it('computes metrics on the network view: the hub is the broker of the star', async () => {
    const m = (await k.app.inject({ url: `${BASE}/metrics`, headers: as(viewer) })).json();
    expect(m.network.nodes).toBe(5);
    expect(m.network.edges).toBe(5);
    // Zorgraad lies on the shortest paths of school–caw, school–ocmw, school–thuiszorg, caw–thuiszorg, ocmw–thuiszorg.
    expect(m.nodes[ids.zorgraad!].betweenness).toBeCloseTo(5, 9);
    expect(m.nodes[ids.caw!].betweenness).toBeCloseTo(0, 9);
    expect(m.network.articulationPoints).toEqual([ids.zorgraad]);
    expect(m.network.hub.id).toBe(ids.zorgraad);
    expect(m.partners[ids.caw!].name).toBe('CAW Oost (demo)');
  });

  it('filters the view by type, sector, time window and weight', async () => {
    const onlyCare = (await k.app.inject({ url: `${BASE}/ties?sectors=care`, headers: as(viewer) })).json();
    expect(onlyCare.partners).toHaveLength(2);
    expect(onlyCare.ties).toHaveLength(1);
    const before = (await k.app.inject({ url: `${BASE}/ties?to=2023-06-01`, headers: as(viewer) })).json();
    expect(before.ties).toHaveLength(0);
    const referrals = (
      await k.app.inject({ url: `${BASE}/ties?types=referral`, headers: as(viewer) })
    ).json();
    expect(referrals.ties).toHaveLength(0);
    const bad = await k.app.inject({ url: `${BASE}/ties?types=friendship`, headers: as(viewer) });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses ties to itself, to unknown partners and to partners of another network, and changes nothing', async () => {
    const foreign = await post(staff, '/api/networks/elz-regio-aalst/network/partners', {
      name: 'Hogeschool (demo)',
      sector: 'education',
    });
    expect(foreign.statusCode).toBe(201);
    const count = async () =>
      (
        await k.t.db
          .selectFrom('network_ties' as never)
          .selectAll()
          .execute()
      ).length;
    const before = await count();
    for (const payload of [
      { sourceId: ids.caw, targetId: ids.caw, type: 'referral', startDate: '2024-01-01' },
      { sourceId: ids.caw, targetId: foreign.json().id, type: 'referral', startDate: '2024-01-01' },
      {
        sourceId: ids.caw,
        targetId: '00000000-0000-4000-8000-000000000000',
        type: 'referral',
        startDate: '2024-01-01',
      },
      {
        sourceId: ids.caw,
        targetId: ids.ocmw,
        type: 'referral',
        startDate: '2024-01-01',
        endDate: '2023-01-01',
      },
      { sourceId: ids.caw, targetId: ids.ocmw, type: 'referral', startDate: '2024-01-01', weight: 0 },
    ]) {
      const res = await post(staff, `${BASE}/ties`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(
      (
        await post(viewer, `${BASE}/ties`, {
          sourceId: ids.caw,
          targetId: ids.ocmw,
          type: 'referral',
          startDate: '2024-01-01',
        })
      ).statusCode,
    ).toBe(403);
    expect(await count()).toBe(before);
  });

  it('replaces derived ties when their source changes, and drops them when the type is switched off', async () => {
    const networkId = (
      await k.t.db.selectFrom('networks').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow()
    ).id;
    const tie = {
      a: ids.school!,
      b: ids.thuiszorg!,
      weight: 2,
      startDate: '2025-01-01',
      endDate: null,
      ref: 'plan-node:1',
    };
    expect(await replaceDerivedTies(k.t.db, networkId, 'shared_project', 'plan-node:', [tie])).toBe(1);
    expect(
      await replaceDerivedTies(k.t.db, networkId, 'shared_project', 'plan-node:', [
        tie,
        { ...tie, a: ids.caw!, ref: 'plan-node:2' },
      ]),
    ).toBe(2);
    let view = (await k.app.inject({ url: `${BASE}/ties?origins=derived`, headers: as(viewer) })).json();
    expect(view.ties).toHaveLength(2);
    const derivedId = view.ties[0].id;
    expect(
      (await k.app.inject({ method: 'DELETE', url: `${BASE}/ties/${derivedId}`, headers: as(staff) }))
        .statusCode,
    ).toBe(409);
    const off = await k.app.inject({
      method: 'PUT',
      url: `${BASE}/tie-settings`,
      headers: as(staff),
      payload: { derive: { shared_project: false } },
    });
    expect(off.json().derive.shared_project).toBe(false);
    view = (await k.app.inject({ url: `${BASE}/ties?origins=derived`, headers: as(viewer) })).json();
    expect(view.ties).toHaveLength(0);
    expect(await replaceDerivedTies(k.t.db, networkId, 'shared_project', 'plan-node:', [tie])).toBe(0);
  });

  it('runs a trust and value survey: invitations, one answer per partner, scores only from three raters', async () => {
    const opened = await post(staff, `${BASE}/surveys`, {
      title: 'Bevraging 2026',
      opensOn: day(-1),
      closesOn: day(30),
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const roundId = opened.json().id;
    const mails = await k.t.db
      .selectFrom('outbox')
      .select(['to_address', 'subject'])
      .where('kind', '=', 'survey.invitation')
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual([
      'caw@demo.knooppunt.be',
      'ocmw@demo.knooppunt.be',
      'school@demo.knooppunt.be',
    ]);
    expect(mails[0]!.subject).toContain('Bevraging 2026');

    const [caw, ocmw, school] = speakers as [Session, Session, Session];
    const url = (partner: string) => `${BASE}/surveys/${roundId}/responses/${ids[partner]}`;
    const form = (await k.app.inject({ url: url('caw'), headers: as(caw) })).json();
    expect(form.suggested.map((p: { id: string }) => p.id).sort()).toEqual([ids.ocmw, ids.zorgraad].sort());
    expect(form.answer).toBeNull();

    const answer = {
      ratings: [{ partnerId: ids.zorgraad, ...scores(4) }],
      contributes: ['expertise'],
      outcomes: ['better_access'],
    };
    expect((await post(caw, url('caw'), answer)).statusCode).toBe(204);
    const twice = await post(caw, url('caw'), answer);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('already_answered');
    expect((await post(caw, url('ocmw'), answer)).statusCode).toBe(403);
    expect(
      (await post(ocmw, url('ocmw'), { ...answer, ratings: [{ partnerId: ids.zorgraad, ...scores(5) }] }))
        .statusCode,
    ).toBe(400);
    expect(
      (await post(ocmw, url('ocmw'), { ...answer, ratings: [{ partnerId: ids.ocmw, ...scores(3) }] }))
        .statusCode,
    ).toBe(400);
    expect((await post(ocmw, url('ocmw'), answer)).statusCode).toBe(204);

    let results = (
      await k.app.inject({ url: `${BASE}/surveys/${roundId}/results`, headers: as(viewer) })
    ).json();
    const hub = () => results.partners.find((p: { partnerId: string }) => p.partnerId === ids.zorgraad);
    expect(hub().raters).toBe(2);
    expect(hub().trust).toBeNull();

    expect(
      (await post(school, url('school'), { ...answer, ratings: [{ partnerId: ids.zorgraad, ...scores(2) }] }))
        .statusCode,
    ).toBe(204);
    results = (await k.app.inject({ url: `${BASE}/surveys/${roundId}/results`, headers: as(viewer) })).json();
    // (4 + 4 + 2) / 3 = 3.33 of 4 = 83.3 %.
    expect(hub().trust).toBeCloseTo(83.3, 1);
    expect(results.network.respondents).toBe(3);
    expect(results.contributions.expertise).toBe(3);

    // Changing one's own answer is an update, not a second answer.
    const change = await k.app.inject({
      method: 'PUT',
      url: url('school'),
      headers: as(school),
      payload: { ...answer, ratings: [{ partnerId: ids.zorgraad, ...scores(4) }] },
    });
    expect(change.statusCode).toBe(204);
    results = (await k.app.inject({ url: `${BASE}/surveys/${roundId}/results`, headers: as(viewer) })).json();
    expect(hub().trust).toBe(100);
  });

  it('refuses answers to a closed round', async () => {
    const opened = await post(staff, `${BASE}/surveys`, {
      title: 'Bevraging 2025',
      opensOn: '2025-01-01',
      closesOn: '2025-02-01',
    });
    const res = await post(speakers[0]!, `${BASE}/surveys/${opened.json().id}/responses/${ids.caw}`, {
      ratings: [],
      contributes: [],
      outcomes: [],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('afgesloten');
  });

  it('suggests untied partners with shared themes and says why, and turns one into an introduction', async () => {
    const { suggestions } = (await k.app.inject({ url: `${BASE}/suggestions`, headers: as(staff) })).json();
    const cawSchool = suggestions.find(
      (s: { partnerAId: string; partnerBId: string }) =>
        [s.partnerAId, s.partnerBId].sort().join() === [ids.caw, ids.school].sort().join(),
    );
    expect(cawSchool.reasons.map((r: { code: string }) => r.code)).toEqual([
      'shared_themes',
      'shared_target_groups',
      'complementary_sectors',
      'structural_hole',
    ]);
    expect(
      suggestions.some((s: { partnerAId: string; partnerBId: string }) =>
        [s.partnerAId, s.partnerBId].includes(ids.zorgraad!),
      ),
    ).toBe(false);
    const intro = await post(staff, `${BASE}/introductions`, {
      partnerAId: ids.caw,
      partnerBId: ids.school,
      reason: 'Beiden werken rond wonen met jongeren',
    });
    expect(intro.statusCode).toBe(201);
    const list = (await k.app.inject({ url: `${BASE}/introductions`, headers: as(staff) })).json()
      .introductions;
    expect(list[0].status).toBe('open');
  });

  it('exports GEXF, GraphML and CSV without spreadsheet formulas', async () => {
    await k.app.inject({
      method: 'PATCH',
      url: `${BASE}/partners/${ids.school}`,
      headers: as(staff),
      payload: { name: '=HYPERLINK("x")' },
    });
    const gexf = await k.app.inject({ url: `${BASE}/export/gexf`, headers: as(viewer) });
    expect(gexf.headers['content-type']).toContain('gexf');
    expect(gexf.body.match(/<node /g)).toHaveLength(5);
    expect(gexf.body).toContain('label="=HYPERLINK(&quot;x&quot;)"');
    const graphml = await k.app.inject({ url: `${BASE}/export/graphml`, headers: as(viewer) });
    expect(graphml.body.match(/<edge /g)?.length).toBeGreaterThanOrEqual(5);
    const csv = await k.app.inject({ url: `${BASE}/export/partners.csv`, headers: as(viewer) });
    expect(csv.body).toContain(`"'=HYPERLINK(""x"")"`);
    expect((await k.app.inject({ url: `${BASE}/export/gexf` })).statusCode).toBe(401);
  });
});
