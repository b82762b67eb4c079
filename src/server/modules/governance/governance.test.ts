import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../platform/db/testing.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '../../testing.ts';

const SLUG = 'elz-regio-aalst';
const API = `/api/networks/${SLUG}/governance`;

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;
const anyDb = (k: TestApp) => k.t.db as unknown as AnyDb;

/** Rows of the governance tables and the audit log: a refused request must leave them exactly as they were. */
async function snapshot(k: TestApp) {
  const out: Record<string, unknown> = {};
  for (const table of [
    'gov_bodies',
    'gov_members',
    'gov_meetings',
    'gov_decisions',
    'gov_votes',
    'audit_log',
  ]) {
    out[table] = await anyDb(k).selectFrom(table).selectAll().orderBy('id').execute();
  }
  out.gov_attendance = await anyDb(k).selectFrom('gov_attendance').selectAll().orderBy('member_id').execute();
  return out;
}

const CLUSTERS = ['care', 'welfare', 'local_government', 'care_need'] as const;

describe.each(testEngines())('governance on %s', (engine) => {
  let k: TestApp;
  let staff: Session;
  let viewer: Session;
  let partner: Session;
  let partnerIds: string[];

  beforeAll(async () => {
    k = await createTestApp(engine);
    [staff, viewer, partner] = await Promise.all([
      loginAs(k.app, 'medewerker@demo.knooppunt.be'),
      loginAs(k.app, 'bestuur@demo.knooppunt.be'),
      loginAs(k.app, 'partner@demo.knooppunt.be'),
    ]);
    partnerIds = (
      await anyDb(k)
        .selectFrom('network_partners as p')
        .innerJoin('networks as n', 'n.id', 'p.network_id')
        .select('p.id')
        .where('n.slug', '=', SLUG)
        .where('p.archived_at', 'is', null)
        .orderBy('p.id')
        .limit(8)
        .execute()
    ).map((r) => r.id as string);
  }, 120_000);
  afterAll(() => k.destroy());

  const post = (url: string, payload: Record<string, unknown>, who: Session = staff, lang = 'nl') =>
    k.app.inject({ method: 'POST', url, headers: { ...as(who), 'accept-language': lang }, payload });
  const created = async (url: string, payload: Record<string, unknown>) => {
    const res = await post(url, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const meeting = async (id: string) =>
    (await k.app.inject({ method: 'GET', url: `${API}/meetings/${id}`, headers: as(viewer) })).json();
  const attend = (id: string, present: string[]) =>
    k.app.inject({
      method: 'PUT',
      url: `${API}/meetings/${id}/attendance`,
      headers: as(staff),
      payload: { present },
    });

  /** A board of eight: two members per cluster, plus one whose mandate ended before the meeting. */
  async function board() {
    const bodyId = await created(`${API}/bodies`, { kind: 'board', name: 'Testbestuur', quorumShare: 0.5 });
    const members: Record<string, string[]> = {};
    for (const [i, cluster] of CLUSTERS.entries()) {
      members[cluster] = [];
      for (const n of [0, 1]) {
        members[cluster].push(
          await created(`${API}/bodies/${bodyId}/members`, {
            partnerId: cluster === 'care_need' ? null : partnerIds[i * 2 + n],
            personName: `Lid ${cluster} ${n}`,
            cluster,
            role: i === 0 && n === 0 ? 'chair' : 'member',
            mandateFrom: '2024-01-01',
            mandateTo: null,
          }),
        );
      }
    }
    const former = await created(`${API}/bodies/${bodyId}/members`, {
      personName: 'Oud lid',
      cluster: 'care',
      role: 'member',
      mandateFrom: '2020-01-01',
      mandateTo: '2023-12-31',
    });
    const meetingId = await created(`${API}/bodies/${bodyId}/meetings`, {
      heldOn: '2026-10-15',
      agenda: ['Goedkeuring verslag', 'Jaaractieplan 2027'],
      minutes: 'Het bestuur keurt het jaaractieplan goed.',
    });
    return { bodyId, members, former, meetingId };
  }

  it('records a board with members by cluster, a meeting with attendance and quorum, for viewers to read', async () => {
    const { bodyId, members, former, meetingId } = await board();
    const bodies = (await k.app.inject({ method: 'GET', url: `${API}/bodies`, headers: as(viewer) })).json();
    const mine = bodies.bodies.find((b: { id: string }) => b.id === bodyId);
    expect(mine.members).toHaveLength(9);
    expect(mine.members.filter((m: { partnerName: string | null }) => m.partnerName).length).toBe(6);

    let view = await meeting(meetingId);
    expect(view.attendance.map((a: { id: string }) => a.id)).not.toContain(former);
    expect(view.quorum).toEqual({ members: 8, present: 0, required: 4, share: 0.5, met: false });

    const present = [...(members.care ?? []), ...(members.welfare ?? [])].slice(0, 3);
    const res = await attend(meetingId, present);
    expect(res.statusCode, res.body).toBe(200);
    view = res.json();
    expect(view.quorum).toMatchObject({ present: 3, met: false });
    expect(view.attendance.filter((a: { present: boolean }) => a.present)).toHaveLength(3);
    const meetings = await k.app.inject({
      method: 'GET',
      url: `${API}/bodies/${bodyId}/meetings`,
      headers: as(viewer),
    });
    expect(meetings.json().meetings[0]).toMatchObject({ id: meetingId, heldOn: '2026-10-15', decisions: 0 });
  });

  it('refuses a decision at a meeting without quorum, and attendance of a non-member, writing nothing', async () => {
    const { members, former, meetingId } = await board();
    expect((await attend(meetingId, [(members.care ?? [])[0] as string])).statusCode).toBe(200);
    const before = await snapshot(k);
    const noQuorum = await post(
      `${API}/meetings/${meetingId}/decisions`,
      { title: 'X', rule: 'simple_majority' },
      staff,
      'en',
    );
    expect(noQuorum.statusCode).toBe(409);
    expect(noQuorum.json().error.message).toBe(
      'This meeting has no quorum: 1 of 8 members present, 4 needed.',
    );
    const fr = await post(
      `${API}/meetings/${meetingId}/decisions`,
      { title: 'X', rule: 'simple_majority' },
      staff,
      'fr',
    );
    expect(fr.json().error.message).toContain('quorum');
    const formerPresent = await attend(meetingId, [former]);
    expect(formerPresent.statusCode).toBe(400);
    expect(formerPresent.json().error.code).toBe('governance_not_in_office');
    expect(await snapshot(k)).toEqual(before);
  });

  it('computes the outcome from the votes under the rule of majority in every cluster', async () => {
    const { members, meetingId } = await board();
    const everyone = CLUSTERS.flatMap((c) => members[c] ?? []);
    expect((await attend(meetingId, everyone)).statusCode).toBe(200);
    const decisionId = await created(`${API}/meetings/${meetingId}/decisions`, {
      title: 'Goedkeuring jaaractieplan 2027',
      text: 'Het bestuur keurt het jaaractieplan 2027 goed.',
      rule: 'majority_every_cluster',
    });
    const [care0, care1] = members.care as string[];
    const [wel0, wel1] = members.welfare as string[];
    const [lg0, lg1] = members.local_government as string[];
    const [cn0, cn1] = members.care_need as string[];
    const first = await post(`${API}/decisions/${decisionId}/votes`, {
      votes: [
        { memberId: care0, choice: 'for' },
        { memberId: care1, choice: 'for' },
        { memberId: wel0, choice: 'for' },
        { memberId: wel1, choice: 'abstain' },
        { memberId: lg0, choice: 'for' },
        { memberId: lg1, choice: 'for' },
        { memberId: cn0, choice: 'against' },
      ],
    });
    expect(first.statusCode, first.body).toBe(201);
    // Five for, one against: a plain majority, but the cluster of persons with a care need is against.
    expect(first.json()).toMatchObject({ totals: { for: 5, against: 1, abstain: 1 }, outcome: 'rejected' });
    expect(first.json().clusters.find((c: { cluster: string }) => c.cluster === 'care_need')).toMatchObject({
      for: 0,
      against: 1,
      carried: false,
    });
    const second = await post(`${API}/decisions/${decisionId}/votes`, {
      votes: [{ memberId: cn1, choice: 'for' }],
    });
    expect(second.json().clusters.find((c: { cluster: string }) => c.cluster === 'care_need')).toMatchObject({
      for: 1,
      against: 1,
      carried: false,
    });
    expect(second.json().outcome).toBe('rejected');

    const view = await meeting(meetingId);
    expect(view.decisions[0]).toMatchObject({ id: decisionId, outcome: 'rejected' });
    expect(view.decisions[0].votes).toHaveLength(8);
    const audit = await anyDb(k)
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', decisionId)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'governance.decision.create',
      'governance.votes.cast',
      'governance.votes.cast',
    ]);
  });

  it('refuses a vote by a non-member, by an absent member, and a second vote, all or nothing', async () => {
    const { members, former, meetingId } = await board();
    const other = await board();
    const [care0, care1] = members.care as string[];
    const [wel0, wel1] = members.welfare as string[];
    const lg0 = (members.local_government ?? [])[0] as string;
    expect((await attend(meetingId, [care0, care1, wel0, lg0] as string[])).statusCode).toBe(200);
    const decisionId = await created(`${API}/meetings/${meetingId}/decisions`, {
      title: 'Begroting',
      rule: 'two_thirds',
    });
    const vote = (votes: { memberId: string; choice: string }[], lang = 'nl') =>
      post(`${API}/decisions/${decisionId}/votes`, { votes }, staff, lang);
    expect((await vote([{ memberId: care0 as string, choice: 'for' }])).statusCode).toBe(201);
    const before = await snapshot(k);

    const stranger = await vote([
      { memberId: care1 as string, choice: 'for' },
      { memberId: (other.members.care ?? [])[0] as string, choice: 'for' },
    ]);
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.message).toBe(
      'Alleen leden van het orgaan die aanwezig waren, kunnen stemmen.',
    );
    expect((await vote([{ memberId: former, choice: 'for' }])).statusCode).toBe(400);
    expect((await vote([{ memberId: wel1 as string, choice: 'for' }])).json().error.code).toBe(
      'governance_vote_not_member',
    );
    const twice = await vote(
      [
        { memberId: wel0 as string, choice: 'for' },
        { memberId: care0 as string, choice: 'against' },
      ],
      'en',
    );
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('Lid care 0 has already voted on this decision.');
    const sameTwiceInOne = await vote([
      { memberId: care1 as string, choice: 'for' },
      { memberId: care1 as string, choice: 'against' },
    ]);
    expect(sameTwiceInOne.statusCode).toBe(409);
    const badChoice = await vote([{ memberId: care1 as string, choice: 'maybe' }]);
    expect(badChoice.statusCode).toBe(400);
    expect(await snapshot(k)).toEqual(before);
  });

  it('refuses bad input and other networks, and lets only staff write', async () => {
    const { bodyId, meetingId } = await board();
    const before = await snapshot(k);
    const badKind = await post(`${API}/bodies`, { kind: 'senate', name: 'X' });
    expect(badKind.statusCode).toBe(400);
    const order = await post(
      `${API}/bodies/${bodyId}/members`,
      {
        personName: 'X',
        cluster: 'care',
        role: 'member',
        mandateFrom: '2026-01-01',
        mandateTo: '2025-01-01',
      },
      staff,
      'en',
    );
    expect(order.json().error.message).toBe('A mandate must end after it starts.');
    const stranger = await post(`${API}/bodies/${bodyId}/members`, {
      partnerId: '00000000-0000-4000-8000-000000000000',
      personName: 'X',
      cluster: 'care',
      role: 'member',
      mandateFrom: '2026-01-01',
    });
    expect(stranger.json().error.code).toBe('governance_unknown_partner');
    const noBody = await post(`${API}/bodies/00000000-0000-4000-8000-000000000000/meetings`, {
      heldOn: '2026-01-01',
    });
    expect(noBody.statusCode).toBe(404);
    const badDay = await post(`${API}/bodies/${bodyId}/meetings`, { heldOn: '15/10/2026' });
    expect(badDay.statusCode).toBe(400);
    for (const who of [viewer, partner]) {
      expect((await post(`${API}/bodies`, { kind: 'forum', name: 'Forum' }, who)).statusCode).toBe(403);
      expect(
        (await post(`${API}/meetings/${meetingId}/decisions`, { title: 'X', rule: 'two_thirds' }, who))
          .statusCode,
      ).toBe(403);
    }
    const partnerReads = await k.app.inject({ method: 'GET', url: `${API}/bodies`, headers: as(partner) });
    expect(partnerReads.statusCode).toBe(200);
    const anonymous = await k.app.inject({ method: 'GET', url: `${API}/decisions` });
    expect(anonymous.statusCode).toBe(401);
    expect(await snapshot(k)).toEqual(before);
  });

  it('finds decisions by words of their title or text, with their outcome', async () => {
    const { members, meetingId } = await board();
    const everyone = CLUSTERS.flatMap((c) => members[c] ?? []);
    expect((await attend(meetingId, everyone)).statusCode).toBe(200);
    const carried = await created(`${API}/meetings/${meetingId}/decisions`, {
      title: 'Samenwerking met het woonzorgcentrum',
      text: 'Een protocol 100% gedeeld_zorgpad.',
      rule: 'simple_majority',
    });
    await post(`${API}/decisions/${carried}/votes`, {
      votes: everyone.map((memberId) => ({ memberId, choice: 'for' })),
    });
    await created(`${API}/meetings/${meetingId}/decisions`, { title: 'Begroting 2027', rule: 'two_thirds' });
    const search = async (q: string) =>
      (
        await k.app.inject({
          method: 'GET',
          url: `${API}/decisions?q=${encodeURIComponent(q)}`,
          headers: as(viewer),
        })
      ).json().decisions as { id: string; outcome: string; bodyName: string }[];
    const found = await search('WOONZORG');
    expect(found.map((d) => d.id)).toEqual([carried]);
    expect(found[0]).toMatchObject({ outcome: 'carried', bodyName: 'Testbestuur' });
    expect((await search('100%')).map((d) => d.id)).toEqual([carried]);
    expect(await search('1000%')).toEqual([]);
    expect(await search('d_z')).toHaveLength(1);
    expect((await search('begroting 2027')).every((d) => d.outcome === 'pending')).toBe(true);
  });

  it('has the bodies of the demo, with a past board decision carried by a majority in every cluster', async () => {
    const bodies = (await k.app.inject({ method: 'GET', url: `${API}/bodies`, headers: as(viewer) })).json()
      .bodies as { kind: string; name: string; members: { cluster: string }[] }[];
    expect(new Set(bodies.map((b) => b.kind))).toEqual(
      new Set(['general_assembly', 'board', 'daily_board', 'forum', 'cluster']),
    );
    const demoBoard = bodies.find((b) => b.name === 'Bestuursorgaan');
    expect(new Set(demoBoard?.members.map((m) => m.cluster))).toEqual(new Set(CLUSTERS));
    const decisions = (
      await k.app.inject({ method: 'GET', url: `${API}/decisions?q=jaaractieplan`, headers: as(viewer) })
    ).json().decisions as { id: string; meetingId: string; outcome: string }[];
    const plan = decisions.find((d) => d.outcome === 'carried');
    const view = await meeting(plan?.meetingId as string);
    expect(view.quorum).toMatchObject({ members: 12, present: 10, met: true });
    const decision = view.decisions.find((d: { id: string }) => d.id === plan?.id);
    expect(decision.rule).toBe('majority_every_cluster');
    expect(decision.clusters.every((c: { carried: boolean }) => c.carried)).toBe(true);
  });
});
