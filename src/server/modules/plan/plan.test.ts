import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../platform/db/testing.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '../../testing.ts';
import { findNetwork } from '../networks/service.ts';
import { exportPlans, importPlans, planCommand } from './exchange.ts';

const AALST = '/api/networks/elz-regio-aalst/plans';
const PLAN_TABLES = [
  'plan_plans',
  'plan_nodes',
  'plan_status_history',
  'plan_links',
  'plan_attachments',
  'plan_indicators',
  'plan_targets',
  'plan_measurements',
  'plan_measurement_requests',
] as const;

interface TreeNodeJson {
  id: string;
  code: string | null;
  depth: number;
  title: { nl: string };
  weight: number | null;
  effectiveWeight: number;
  rolledProgress: number;
  rolledStatus: string;
  owner: { id: string; name: string } | null;
  indicatorIds: string[];
}

/** Every row of the plan tables and the audit log: a refused request must leave all of them as they were. */
async function snapshot(k: TestApp) {
  const out: Record<string, unknown> = {};
  const db = k.t.db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
  for (const table of [...PLAN_TABLES, 'audit_log']) {
    out[table] = await db.selectFrom(table).selectAll().orderBy('id').execute();
  }
  return out;
}

/** Replaces every UUID by its order of first appearance, so documents that differ only in ids compare equal. */
function canonicalIds(value: unknown): unknown {
  const ids = new Map<string, string>();
  const text = JSON.stringify(value).replace(
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
    (id) => {
      if (!ids.has(id)) ids.set(id, `id-${ids.size}`);
      return ids.get(id)!;
    },
  );
  return JSON.parse(text);
}

describe.each(testEngines())('policy plans on %s', (engine) => {
  let k: TestApp;
  let admin: Session;
  let staff: Session;
  let partner: Session;
  let viewer: Session;
  let aalstPlanId: string;
  let userIds: Record<string, string>;

  const get = (url: string, s?: Session) => k.app.inject({ url, headers: s ? as(s) : {} });
  const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, s: Session, payload?: unknown) =>
    k.app.inject({
      method,
      url,
      headers: as(s),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    k = await createTestApp(engine);
    [admin, staff, partner, viewer] = await Promise.all([
      loginAs(k.app, 'beheerder@demo.knooppunt.be'),
      loginAs(k.app, 'medewerker@demo.knooppunt.be'),
      loginAs(k.app, 'partner@demo.knooppunt.be'),
      loginAs(k.app, 'bestuur@demo.knooppunt.be'),
    ]);
    const plans = (await get(AALST, viewer)).json().plans;
    aalstPlanId = plans[0].id;
    const members = (await get('/api/networks/elz-regio-aalst/members', admin)).json().members as {
      userId: string;
      email: string;
    }[];
    userIds = Object.fromEntries(members.map((m) => [m.email.split('@')[0]!, m.userId]));
  });
  afterAll(() => k.destroy());

  it('holds the demo policy plan of ELZ Regio Aalst with its real structure, rolled up', async () => {
    const res = await get(`${AALST}/${aalstPlanId}/tree`, viewer);
    expect(res.statusCode).toBe(200);
    const tree = res.json();
    expect(tree.plan.title.nl).toBe('Beleidsplan Zorgraad Regio Aalst 2024–2026');
    expect(tree.plan.statusRules.text).toContain('≥ 90 %');
    const nodes = tree.nodes as TreeNodeJson[];
    const atDepth = (d: number) => nodes.filter((n) => n.depth === d);
    expect(atDepth(0).map((n) => n.code)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    expect(atDepth(1).map((n) => n.code)).toEqual(['SD1', 'SD2', 'SD3', 'SD4', 'SD5']);
    expect(atDepth(2)).toHaveLength(15);
    expect(atDepth(3).map((n) => n.title.nl)).toEqual(
      expect.arrayContaining(['Sociale kaart', 'Klankbordgroep PZON', 'Halt2Diabetes', 'Signalenbeleid']),
    );
    const od41 = nodes.find((n) => n.code === 'OD4.1')!;
    expect([od41.weight, od41.effectiveWeight]).toEqual([60, 60]);
    // Participation in screening (46.1 against a target of 50: 92 %) puts the prevention goal at risk.
    const sd4 = nodes.find((n) => n.code === 'SD4')!;
    expect(sd4.rolledStatus).toBe('at_risk');
    expect(nodes.find((n) => n.code === 'SD1')!.rolledStatus).toBe('off_track');
    expect(sd4.rolledProgress).toBeGreaterThan(0);
    const share = tree.indicators.find((i: { figure: string | null }) => i.figure === 'share65plus');
    expect(share.latest.value).toBeGreaterThan(15);
    expect(share.unit).toBe('%');
  });

  it('holds the Kempen welfare programme in the SMART template as an example plan', async () => {
    const plans = (await get('/api/networks/zorginnovatiecluster/plans', admin)).json().plans;
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ kind: 'action_programme', isExample: true });
    const tree = (await get(`/api/networks/zorginnovatiecluster/plans/${plans[0].id}/tree`, admin)).json();
    const cluster = tree.nodes.find((n: TreeNodeJson) => n.code === 'AC1');
    const detail = (
      await get(`/api/networks/zorginnovatiecluster/plans/${plans[0].id}/nodes/${cluster.id}`, admin)
    ).json();
    expect(detail.node.smart.map((f: { key: string }) => f.key)).toEqual([
      'challenges',
      'goals',
      'ambition',
      'projects',
      'partnersApproach',
      'results',
      'planning',
      'resources',
      'monitoring',
      'smartCombinations',
    ]);
    expect(detail.node.smart[2].text.nl).toContain('voorbeeldregio');
    expect(detail.node.coreGroup).toContain('CAW De Kempen');
  });

  it('shows a published plan to the public without people, and nothing more', async () => {
    const tree = (await get(`${AALST}/${aalstPlanId}/tree`)).json();
    expect(tree.nodes.length).toBeGreaterThan(30);
    expect(tree.nodes.every((n: TreeNodeJson) => n.owner === null)).toBe(true);
    expect(tree.canEdit).toBe(false);
    expect((await get(`${AALST}/${aalstPlanId}/export.json`)).statusCode).toBe(401);
    expect((await get(`${AALST}/${aalstPlanId}/requests`)).statusCode).toBe(401);
    await send('PATCH', `${AALST}/${aalstPlanId}`, staff, { published: false });
    expect((await get(`${AALST}/${aalstPlanId}/tree`)).statusCode).toBe(404);
    expect((await get(AALST)).json().plans).toEqual([]);
    await send('PATCH', `${AALST}/${aalstPlanId}`, staff, { published: true });
  });

  it('gives the yearly action plan, "my actions", the CSV export and the overdue requests', async () => {
    const acties = (await get(`${AALST}/${aalstPlanId}/action-plan?year=2025`, viewer)).json();
    expect(acties.groups.map((g: { root: { code: string } }) => g.root.code)).toEqual([
      'P1',
      'P2',
      'P3',
      'P4',
      'P5',
    ]);
    expect(acties.groups[0].actions[0].path).toEqual(['P1', 'SD1', 'OD1.1']);
    expect((await get(`${AALST}/${aalstPlanId}/action-plan?year=2019`, viewer)).json().groups).toEqual([]);

    const mine = (await get(`${AALST}/${aalstPlanId}/my-actions`, partner)).json();
    expect(mine.nodes.map((n: TreeNodeJson) => n.title.nl)).toEqual(['Val- en fractuurpreventie']);
    expect(mine.requests).toHaveLength(1);
    expect(mine.requests[0]).toMatchObject({ state: 'overdue', reminderDue: true });

    const overdue = (await get(`${AALST}/${aalstPlanId}/requests?state=overdue`, staff)).json().requests;
    expect(overdue).toHaveLength(1);
    expect(
      (await send('POST', `${AALST}/${aalstPlanId}/requests/${overdue[0].id}/remind`, staff)).statusCode,
    ).toBe(204);
    expect((await get(`${AALST}/${aalstPlanId}/requests?state=reminders`, staff)).json().requests).toEqual(
      [],
    );

    const csv = await get(`${AALST}/${aalstPlanId}/export.csv?table=nodes`, viewer);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toContain('code,level,depth,title_nl');
    expect(lines).toHaveLength(1 + (await get(`${AALST}/${aalstPlanId}/tree`, viewer)).json().nodes.length);
    const measurements = await get(`${AALST}/${aalstPlanId}/export.csv?table=measurements`, viewer);
    expect(measurements.body).toContain('46.1');
  });

  it('exports CSV whose texts a spreadsheet does not run as formulas', async () => {
    const planRes = await send('POST', AALST, staff, {
      title: { nl: 'Werkplan formules' },
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      levelNames: [{ nl: 'Pijler' }],
    });
    expect(planRes.statusCode).toBe(201);
    const base = `${AALST}/${planRes.json().id}`;
    for (const nl of ['=HYPERLINK("https://evil.example";"klik")', "'t Buurthuis", '-1+1'])
      expect((await send('POST', `${base}/nodes`, staff, { title: { nl } })).statusCode).toBe(201);
    const csv = (await get(`${base}/export.csv?table=nodes`, viewer)).body;
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"";""klik"")"`);
    expect(csv).toContain(",'-1+1,");
    expect(csv).toContain(",'t Buurthuis,");
    expect(csv).not.toMatch(/(^|,)"?[=+@-]/m);
  });

  it('lets staff build a plan, a partner report on request, and the board see the status turn', async () => {
    const planRes = await send('POST', AALST, staff, {
      title: { nl: 'Werkplan 2026' },
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      levelNames: [{ nl: 'Pijler' }, { nl: 'Doel' }, { nl: 'Actie' }],
    });
    expect(planRes.statusCode).toBe(201);
    const base = `${AALST}/${planRes.json().id}`;
    const create = async (body: object) => {
      const r = await send('POST', `${base}/nodes`, staff, body);
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    const pillar = await create({ title: { nl: 'Zorgzame buurten' } });
    const goal = await create({ parentId: pillar, title: { nl: 'Elke buurt een aanspreekpunt' } });
    const a1 = await create({
      parentId: goal,
      title: { nl: 'Buurtpunten' },
      ownerUserId: userIds.partner,
      weight: 100,
    });
    const a2 = await create({
      parentId: goal,
      title: { nl: 'Vrijwilligerspool' },
      weight: 40,
      siblingWeights: { [a1]: 60 },
      startDate: '2026-02-01',
      endDate: '2026-10-31',
    });
    const ind = await send('POST', `${base}/indicators`, staff, {
      nodeId: a1,
      kind: 'how_much',
      title: { nl: 'Actieve buurtpunten' },
      unit: 'buurtpunten',
    });
    expect(ind.statusCode).toBe(201);
    const indicator = `${base}/indicators/${ind.json().id}`;
    expect(
      (
        await send('PUT', `${indicator}/targets`, staff, {
          targets: [{ periodStart: '2026-01-01', periodEnd: '2026-12-31', value: 10 }],
        })
      ).statusCode,
    ).toBe(200);

    // The viewer (not the owner of a2, not staff) may not report on it without a request.
    const noRequest = await send('POST', `${indicator}/measurements`, viewer, {
      measuredOn: '2026-03-31',
      value: 10,
      unit: 'buurtpunten',
    });
    expect(noRequest.statusCode).toBe(403);
    expect(noRequest.json().error.code).toBe('plan_not_owner');

    const request = await send('POST', `${indicator}/requests`, staff, {
      requestedFrom: userIds.bestuur,
      dueOn: '2026-11-30',
      message: 'Hoeveel buurtpunten zijn actief?',
    });
    expect(request.statusCode).toBe(201);
    const asked = await get(`${base}/requests?mine=true`, viewer);
    expect(asked.json().requests.map((r: { id: string }) => r.id)).toEqual([request.json().id]);
    const reported = await send('POST', `${indicator}/measurements`, viewer, {
      measuredOn: '2026-03-31',
      value: 10,
      unit: 'buurtpunten',
      source: 'Telling buurtwerk',
      requestId: request.json().id,
    });
    expect(reported.statusCode, reported.body).toBe(201);
    expect(reported.json().indicator.status).toBe('on_track');
    expect(reported.json().requests[0].state).toBe('fulfilled');
    expect(reported.json().measurements[0].enteredBy.name).toBe('Bert Bestuur (demo)');

    const before = (await get(`${base}/tree`, viewer)).json();
    const goalBefore = before.nodes.find((n: TreeNodeJson) => n.id === goal);
    expect(goalBefore.rolledStatus).toBe('on_track');
    expect(before.nodes.find((n: TreeNodeJson) => n.id === a2).effectiveWeight).toBe(40);

    // The owner (a partner) reports a lower figure: 9 of 10 is at risk by the plan's rules.
    const lower = await send('POST', `${indicator}/measurements`, partner, {
      measuredOn: '2026-09-30',
      value: 9,
      unit: 'buurtpunten',
    });
    expect(lower.statusCode, lower.body).toBe(201);
    expect(lower.json().indicator).toMatchObject({ status: 'at_risk', achievedPct: 90 });
    await send('PATCH', `${base}/nodes/${a1}`, partner, { progress: 50 });
    await send('PATCH', `${base}/nodes/${a2}`, staff, { progress: 100 });
    const after = (await get(`${base}/tree`, viewer)).json();
    const goalAfter = after.nodes.find((n: TreeNodeJson) => n.id === goal);
    expect(goalAfter).toMatchObject({ rolledStatus: 'at_risk', rolledProgress: 70 });

    const report = (await get(`${base}/report?from=2026-07-01&to=2026-10-31`, viewer)).json();
    const line = report.indicators.find((i: { id: string }) => i.id === ind.json().id);
    expect(line).toMatchObject({ startValue: 10, endValue: 9, status: 'at_risk', measurementsInPeriod: 1 });
    expect(report.goals.find((n: TreeNodeJson) => n.id === goal).rolledStatus).toBe('at_risk');
    // An action without dates runs the whole plan, so it is in every period's report.
    expect(report.actions.map((n: TreeNodeJson) => n.id)).toEqual([a1, a2]);
    // As of the end of March the same indicator was still on track.
    const march = (await get(`${base}/report?from=2026-01-01&to=2026-03-31`, viewer)).json();
    expect(march.indicators[0].status).toBe('on_track');
  });

  it('refuses bad input with a translated message and changes nothing', async () => {
    const tree = (await get(`${AALST}/${aalstPlanId}/tree`, staff)).json();
    const byCode = (code: string) => tree.nodes.find((n: TreeNodeJson) => n.code === code) as TreeNodeJson;
    const byTitle = (t: string) => tree.nodes.find((n: TreeNodeJson) => n.title.nl === t) as TreeNodeJson;
    const base = `${AALST}/${aalstPlanId}`;
    const bov = tree.indicators.find(
      (i: { kind: string; figure: string | null }) => i.kind === 'population' && i.figure === null,
    );
    const before = await snapshot(k);

    const cases: [
      string,
      Promise<{ statusCode: number; json(): { error: { code: string; message: string } } }>,
      number,
      string,
    ][] = [
      [
        'tree cycle',
        send('POST', `${base}/nodes/${byCode('P1').id}/move`, staff, { parentId: byCode('OD1.2').id }),
        400,
        'plan_tree_cycle',
      ],
      [
        'link cycle',
        send('POST', `${base}/links`, staff, {
          fromNodeId: byTitle('Geïntegreerd breed onthaal').id,
          toNodeId: byTitle('Sociale kaart').id,
        }),
        400,
        'plan_link_cycle',
      ],
      [
        'self link',
        send('POST', `${base}/links`, staff, { fromNodeId: byCode('P1').id, toNodeId: byCode('P1').id }),
        400,
        'plan_link_self',
      ],
      [
        'weights sum',
        send('PUT', `${base}/weights`, staff, {
          parentId: byCode('SD4').id,
          weights: { [byCode('OD4.1').id]: 60, [byCode('OD4.2').id]: 30 },
        }),
        400,
        'plan_weights_sum',
      ],
      [
        'weights of a group',
        send('PUT', `${base}/weights`, staff, {
          parentId: byCode('SD4').id,
          weights: { [byCode('OD4.1').id]: 100 },
        }),
        400,
        'plan_weights_mismatch',
      ],
      [
        'joining a weighted group',
        send('POST', `${base}/nodes`, staff, { parentId: byCode('SD4').id, title: { nl: 'OD4.3' } }),
        400,
        'plan_weights_mismatch',
      ],
      [
        'target outside the plan',
        send('PUT', `${base}/indicators/${bov.id}/targets`, staff, {
          targets: [{ periodStart: '2026-01-01', periodEnd: '2027-06-30', value: 55 }],
        }),
        400,
        'plan_target_outside_period',
      ],
      [
        'overlapping targets',
        send('PUT', `${base}/indicators/${bov.id}/targets`, staff, {
          targets: [
            { periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 1 },
            { periodStart: '2025-06-01', periodEnd: '2026-05-31', value: 2 },
          ],
        }),
        400,
        'plan_targets_overlap',
      ],
      [
        'future measurement',
        send('POST', `${base}/indicators/${bov.id}/measurements`, staff, {
          measuredOn: '2099-01-01',
          value: 50,
          unit: '%',
        }),
        400,
        'plan_measurement_future',
      ],
      [
        'wrong unit',
        send('POST', `${base}/indicators/${bov.id}/measurements`, staff, {
          measuredOn: '2026-01-01',
          value: 50,
          unit: 'personen',
        }),
        400,
        'plan_measurement_unit',
      ],
      [
        'progress on a parent',
        send('PATCH', `${base}/nodes/${byCode('OD1.1').id}`, staff, { progress: 50 }),
        400,
        'plan_progress_on_parent',
      ],
      [
        'partner edits a node of someone else',
        send('PATCH', `${base}/nodes/${byTitle('Sociale kaart').id}`, partner, { progress: 99 }),
        403,
        'plan_not_owner',
      ],
      [
        'owner hands over their node',
        send('PATCH', `${base}/nodes/${byTitle('Val- en fractuurpreventie').id}`, partner, {
          ownerUserId: userIds.bestuur,
        }),
        403,
        'plan_not_owner',
      ],
      [
        'viewer sets a status',
        send('POST', `${base}/nodes/${byCode('SD1').id}/status`, viewer, { status: 'done' }),
        403,
        'plan_not_owner',
      ],
      [
        'partner adds a node',
        send('POST', `${base}/nodes`, partner, { title: { nl: 'x' } }),
        403,
        'forbidden',
      ],
      [
        'owner outside the network',
        send('PATCH', `${base}/nodes/${byCode('SD1').id}`, staff, {
          ownerUserId: '00000000-0000-4000-8000-000000000000',
        }),
        400,
        'plan_person_not_member',
      ],
      [
        'delete with children unconfirmed',
        send('DELETE', `${base}/nodes/${byCode('P4').id}`, staff),
        409,
        'plan_delete_needs_confirm',
      ],
      [
        'delete of measured indicator unconfirmed',
        send('DELETE', `${base}/indicators/${bov.id}`, staff),
        409,
        'plan_indicator_delete_needs_confirm',
      ],
    ];
    for (const [name, pending, status, code] of cases) {
      const res = await pending;
      expect([name, res.statusCode, res.json().error.code]).toEqual([name, status, code]);
      expect(res.json().error.message).not.toBe(code);
    }
    expect(await snapshot(k)).toEqual(before);

    const fr = await k.app.inject({
      method: 'POST',
      url: `${base}/indicators/${bov.id}/measurements`,
      headers: { ...as(staff), 'accept-language': 'fr-BE' },
      payload: { measuredOn: '2026-01-01', value: 50, unit: 'personen' },
    });
    expect(fr.json().error.message).toBe('Cet indicateur se mesure en « % », pas en « personen ».');
  });

  it('deletes a node with children only when confirmed, softly, and undoes it', async () => {
    const base = `${AALST}/${aalstPlanId}`;
    const tree = (await get(`${base}/tree`, staff)).json();
    const p4 = tree.nodes.find((n: TreeNodeJson) => n.code === 'P4') as TreeNodeJson;
    const res = await send('DELETE', `${base}/nodes/${p4.id}?confirm=true`, staff);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ nodes: 10, indicators: 3, measurements: 5 });
    const after = (await get(`${base}/tree`, staff)).json();
    expect(after.nodes.map((n: TreeNodeJson) => n.code)).not.toContain('P4');
    expect(after.nodes).toHaveLength(tree.nodes.length - 10);
    const audit = (await get('/api/networks/elz-regio-aalst/audit', admin)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('plan.node_deleted');
    const trash = (await get(`${base}/deletions`, staff)).json().deletions;
    expect(trash[0]).toMatchObject({ deletionId: res.json().deletionId, what: { type: 'node', id: p4.id } });
    expect((await get(`${base}/deletions`, viewer)).statusCode).toBe(403);

    expect((await send('POST', `${base}/deletions/${res.json().deletionId}/undo`, staff)).statusCode).toBe(
      204,
    );
    const restored = (await get(`${base}/tree`, staff)).json();
    expect(restored.nodes).toEqual(tree.nodes);
    expect(restored.indicators).toEqual(tree.indicators);
    const again = await send('POST', `${base}/deletions/${res.json().deletionId}/undo`, staff);
    expect(again.json().error.code).toBe('plan_deletion_not_found');
  });

  it('exports and imports a plan into another network without losing anything', async () => {
    const db = k.t.db;
    const aalst = (await findNetwork(db, 'elz-regio-aalst'))!;
    const cluster = (await findNetwork(db, 'zorginnovatiecluster'))!;
    const operator = { userId: null, requestId: null };
    const base = `${AALST}/${aalstPlanId}`;
    // A soft-deleted measurement travels too.
    const bov = (await get(`${base}/tree`, staff))
      .json()
      .indicators.find(
        (i: { kind: string; figure: string | null }) => i.kind === 'population' && i.figure === null,
      );
    const detail = (await get(`${base}/indicators/${bov.id}`, staff)).json();
    await send('DELETE', `${base}/indicators/${bov.id}/measurements/${detail.measurements[0].id}`, staff);

    const first = await exportPlans(db, { network: aalst, role: 'admin' }, [aalstPlanId]);
    const { planIds } = await importPlans(db, { network: cluster, role: 'admin' }, operator, first);
    const second = await exportPlans(db, { network: cluster, role: 'admin' }, planIds);
    expect(second.plans[0]!.nodes.length).toBeGreaterThan(40);
    expect(second.plans[0]!.measurements.some((m) => m.deleted !== null)).toBe(true);
    expect(canonicalIds(second.plans)).toEqual(canonicalIds(first.plans));
    expect(second.plans[0]!.nodes[0]!.id).not.toBe(first.plans[0]!.nodes[0]!.id);

    // The imported plan reads the same as the original.
    const original = (await get(`${base}/tree`, admin)).json();
    const copy = (await get(`/api/networks/zorginnovatiecluster/plans/${planIds[0]}/tree`, admin)).json();
    expect(
      canonicalIds(
        copy.nodes.map((n: TreeNodeJson) => [n.code, n.rolledProgress, n.rolledStatus, n.effectiveWeight]),
      ),
    ).toEqual(
      canonicalIds(
        original.nodes.map((n: TreeNodeJson) => [
          n.code,
          n.rolledProgress,
          n.rolledStatus,
          n.effectiveWeight,
        ]),
      ),
    );
  });

  it('runs export plan and import plan from the command line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-cli-'));
    const lines: string[] = [];
    const io = { db: k.t.db, out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
    const file = path.join(dir, 'plan.json');
    expect(
      await planCommand(['export', 'plan', '--network', 'zorginnovatiecluster', '--out', file], io),
    ).toBe(0);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(doc.format).toBe('knooppunt.plan');
    const before = (await get(AALST, admin)).json().plans.length;
    expect(await planCommand(['import', 'plan', '--network', 'elz-regio-aalst', file], io)).toBe(0);
    expect((await get(AALST, admin)).json().plans).toHaveLength(before + doc.plans.length);

    doc.plans[0].nodes[0].owner = 'niemand@example.org';
    doc.plans[0].targets.push({
      id: 'x',
      indicatorId: 'nope',
      periodStart: '2016-09-01',
      periodEnd: '2016-12-31',
      value: 1,
    });
    fs.writeFileSync(file, JSON.stringify(doc));
    const rows = await snapshot(k);
    expect(await planCommand(['import', 'plan', '--network', 'elz-regio-aalst', file], io)).toBe(1);
    expect(await snapshot(k)).toEqual(rows);
    expect(lines.at(-1)).toMatch(/^ERR /);
    expect(await planCommand(['import', 'plan', file], io)).toBe(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
