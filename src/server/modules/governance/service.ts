import { type Actor, actorOf, auditTenantWrite } from '../../platform/audit.ts';
import { inTransaction } from '../../platform/db/index.ts';
import { AppError, badRequest, forbidden } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { hasRole, type TenantContext } from '../../platform/tenancy.ts';
import * as network from '../network/service.ts';
import './messages.ts';
import { outcomeOf, quorumOf } from './outcome.ts';
import * as repo from './repo.ts';
import {
  AttendanceInput,
  BODY_KINDS,
  type Body,
  BodyInput,
  type CHOICES,
  type CLUSTERS,
  type Decision,
  DecisionInput,
  type DecisionListItem,
  type MEMBER_ROLES,
  MeetingInput,
  type MeetingView,
  type Member,
  MemberInput,
  type RULES,
  VotesInput,
} from './schema.ts';
import type { BodyTable, DecisionTable, MeetingTable, MemberTable } from './tables.ts';

type Db = repo.Db;
type Cluster = (typeof CLUSTERS)[number];
type Choice = (typeof CHOICES)[number];

export type { Actor };
export { actorOf };

const staffOnly = (ctx: TenantContext) => {
  if (!hasRole(ctx, 'staff')) throw forbidden();
};
// Board members are viewers of the network: they read everything of its governance.
const readersOnly = (ctx: TenantContext) => {
  if (!hasRole(ctx, 'viewer')) throw forbidden();
};

const bodyNotFound = () => new AppError(404, 'governance_body_not_found');
const meetingNotFound = () => new AppError(404, 'governance_meeting_not_found');
const decisionNotFound = () => new AppError(404, 'governance_decision_not_found');

async function partnerNames(db: Db, ctx: TenantContext): Promise<Map<string, string>> {
  return new Map((await network.listPartners(db, ctx)).map((p) => [p.id, p.name]));
}

function memberView(row: MemberTable, partners: Map<string, string>): Member {
  return {
    id: row.id,
    partnerId: row.partner_id,
    partnerName: row.partner_id ? (partners.get(row.partner_id) ?? null) : null,
    personName: row.person_name,
    cluster: row.cluster as Cluster,
    role: row.role as (typeof MEMBER_ROLES)[number],
    mandateFrom: row.mandate_from,
    mandateTo: row.mandate_to,
  };
}

// Bodies and members.

export async function listBodies(db: Db, ctx: TenantContext): Promise<Body[]> {
  readersOnly(ctx);
  const [bodies, members, partners] = await Promise.all([
    repo.listBodies(db, ctx.network.id),
    repo.listMembers(db, ctx.network.id),
    partnerNames(db, ctx),
  ]);
  // In the order of the seed's governance: the assembly first, then board, daily board, forum, clusters.
  const rank = (kind: string) => BODY_KINDS.indexOf(kind as (typeof BODY_KINDS)[number]);
  const ordered = [...bodies].sort((a, b) => rank(a.kind) - rank(b.kind) || a.name.localeCompare(b.name));
  return ordered.map((b) => ({
    id: b.id,
    kind: b.kind as (typeof BODY_KINDS)[number],
    name: b.name,
    description: b.description,
    quorumShare: b.quorum_share,
    members: members.filter((m) => m.body_id === b.id).map((m) => memberView(m, partners)),
  }));
}

export async function createBody(db: Db, ctx: TenantContext, actor: Actor, raw: BodyInput): Promise<string> {
  staffOnly(ctx);
  const input = BodyInput.parse(raw);
  const now = nowIso();
  const row: BodyTable = {
    id: newId(),
    network_id: ctx.network.id,
    kind: input.kind,
    name: input.name,
    description: input.description || null,
    quorum_share: input.quorumShare,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await repo.insertBody(trx, row);
    await auditTenantWrite(trx, ctx, actor, 'governance.body.create', 'gov_body', row.id, null, row);
  });
  return row.id;
}

export async function addMember(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  bodyId: string,
  raw: MemberInput,
): Promise<string> {
  staffOnly(ctx);
  const input = MemberInput.parse(raw);
  if (input.mandateTo && input.mandateTo < input.mandateFrom) throw badRequest('governance_mandate_order');
  if (input.partnerId && !(await partnerNames(db, ctx)).has(input.partnerId)) {
    throw badRequest('governance_unknown_partner');
  }
  const row: MemberTable = {
    id: newId(),
    network_id: ctx.network.id,
    body_id: bodyId,
    partner_id: input.partnerId || null,
    person_name: input.personName,
    cluster: input.cluster,
    role: input.role,
    mandate_from: input.mandateFrom,
    mandate_to: input.mandateTo || null,
    created_at: nowIso(),
  };
  await inTransaction(db, async (trx) => {
    if (!(await repo.findBody(trx, ctx.network.id, bodyId))) throw bodyNotFound();
    await repo.insertMember(trx, row);
    await auditTenantWrite(trx, ctx, actor, 'governance.member.add', 'gov_member', row.id, null, row);
  });
  return row.id;
}

// Meetings.

export async function listMeetings(db: Db, ctx: TenantContext, bodyId: string) {
  readersOnly(ctx);
  if (!(await repo.findBody(db, ctx.network.id, bodyId))) throw bodyNotFound();
  return (await repo.listMeetings(db, ctx.network.id, bodyId)).map((m) => ({
    id: m.id,
    bodyId: m.body_id,
    heldOn: m.held_on,
    agenda: JSON.parse(m.agenda) as string[],
    decisions: Number(m.decisions ?? 0),
  }));
}

export async function createMeeting(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  bodyId: string,
  raw: MeetingInput,
): Promise<string> {
  staffOnly(ctx);
  const input = MeetingInput.parse(raw);
  const now = nowIso();
  const row: MeetingTable = {
    id: newId(),
    network_id: ctx.network.id,
    body_id: bodyId,
    held_on: input.heldOn,
    agenda: JSON.stringify(input.agenda),
    minutes: input.minutes || null,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    if (!(await repo.findBody(trx, ctx.network.id, bodyId))) throw bodyNotFound();
    await repo.insertMeeting(trx, row);
    await auditTenantWrite(trx, ctx, actor, 'governance.meeting.create', 'gov_meeting', row.id, null, row);
  });
  return row.id;
}

/** The members in office on the meeting's day, who of them were present, and so the quorum. */
async function meetingState(db: Db, ctx: TenantContext, meeting: MeetingTable) {
  const body = await repo.findBody(db, ctx.network.id, meeting.body_id);
  if (!body) throw meetingNotFound();
  const [members, presentIds] = await Promise.all([
    repo.membersInOffice(db, ctx.network.id, meeting.body_id, meeting.held_on),
    repo.presentMemberIds(db, ctx.network.id, meeting.id),
  ]);
  const present = new Set(presentIds);
  const inOffice = new Set(members.map((m) => m.id));
  const quorum = quorumOf(
    members.length,
    presentIds.filter((id) => inOffice.has(id)).length,
    body.quorum_share,
  );
  return { body, members, present, quorum };
}

async function decisionViews(
  db: Db,
  ctx: TenantContext,
  decisions: DecisionTable[],
  members: MemberTable[],
): Promise<Decision[]> {
  const votes = await repo.votesOf(
    db,
    ctx.network.id,
    decisions.map((d) => d.id),
  );
  const clusterOf = new Map(members.map((m) => [m.id, m.cluster as Cluster]));
  const clustersInOffice = [...new Set(members.map((m) => m.cluster as Cluster))];
  return decisions.map((d) => {
    const own = votes.filter((v) => v.decision_id === d.id);
    const counted = own.map((v) => ({
      choice: v.choice as Choice,
      cluster: clusterOf.get(v.member_id) ?? 'care',
    }));
    return {
      id: d.id,
      meetingId: d.meeting_id,
      title: d.title,
      text: d.text,
      rule: d.rule as (typeof RULES)[number],
      ...outcomeOf(d.rule, counted, clustersInOffice),
      votes: own.map((v) => ({ memberId: v.member_id, choice: v.choice as Choice })),
    };
  });
}

export async function meetingView(db: Db, ctx: TenantContext, meetingId: string): Promise<MeetingView> {
  readersOnly(ctx);
  const meeting = await repo.findMeeting(db, ctx.network.id, meetingId);
  if (!meeting) throw meetingNotFound();
  const { body, members, present, quorum } = await meetingState(db, ctx, meeting);
  const partners = await partnerNames(db, ctx);
  const decisions = await repo.decisionsOfMeeting(db, ctx.network.id, meeting.id);
  return {
    id: meeting.id,
    heldOn: meeting.held_on,
    agenda: JSON.parse(meeting.agenda) as string[],
    minutes: meeting.minutes,
    body: { id: body.id, name: body.name, kind: body.kind as (typeof BODY_KINDS)[number] },
    attendance: members.map((m) => ({ ...memberView(m, partners), present: present.has(m.id) })),
    quorum,
    decisions: await decisionViews(db, ctx, decisions, members),
  };
}

/** Replaces who was present at a meeting; only members in office on its day can be. */
export async function setAttendance(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  meetingId: string,
  raw: { present: string[] },
) {
  staffOnly(ctx);
  const input = AttendanceInput.parse(raw);
  const wanted = [...new Set(input.present)];
  await inTransaction(db, async (trx) => {
    const meeting = await repo.lockMeeting(trx, ctx.network.id, meetingId, nowIso());
    if (!meeting) throw meetingNotFound();
    const members = await repo.membersInOffice(trx, ctx.network.id, meeting.body_id, meeting.held_on);
    const inOffice = new Set(members.map((m) => m.id));
    if (wanted.some((id) => !inOffice.has(id)))
      throw badRequest('governance_not_in_office', { date: meeting.held_on });
    const before = await repo.presentMemberIds(trx, ctx.network.id, meetingId);
    await repo.replaceAttendance(
      trx,
      ctx.network.id,
      meetingId,
      wanted.map((member_id) => ({ network_id: ctx.network.id, meeting_id: meetingId, member_id })),
    );
    await auditTenantWrite(
      trx,
      ctx,
      actor,
      'governance.attendance.set',
      'gov_meeting',
      meetingId,
      before,
      wanted,
    );
  });
}

// Decisions and votes.

/** A decision is taken only at a meeting that has its quorum. */
export async function createDecision(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  meetingId: string,
  raw: DecisionInput,
): Promise<string> {
  staffOnly(ctx);
  const input = DecisionInput.parse(raw);
  const row: DecisionTable = {
    id: newId(),
    network_id: ctx.network.id,
    meeting_id: meetingId,
    title: input.title,
    text: input.text || null,
    rule: input.rule,
    created_at: nowIso(),
  };
  await inTransaction(db, async (trx) => {
    const meeting = await repo.lockMeeting(trx, ctx.network.id, meetingId, row.created_at);
    if (!meeting) throw meetingNotFound();
    const { quorum } = await meetingState(trx, ctx, meeting);
    if (!quorum.met) {
      throw new AppError(409, 'governance_no_quorum', {
        present: quorum.present,
        members: quorum.members,
        required: quorum.required,
      });
    }
    await repo.insertDecision(trx, row);
    await auditTenantWrite(trx, ctx, actor, 'governance.decision.create', 'gov_decision', row.id, null, row);
  });
  return row.id;
}

/**
 * Records votes on a decision, all or none: each voter must be a member in office who was present, and may
 * vote once. The meeting's row is locked first, so two requests cannot both slip a member's vote in.
 */
export async function castVotes(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  decisionId: string,
  raw: VotesInput,
): Promise<Decision> {
  staffOnly(ctx);
  const input = VotesInput.parse(raw);
  return inTransaction(db, async (trx) => {
    const decision = await repo.findDecision(trx, ctx.network.id, decisionId);
    if (!decision) throw decisionNotFound();
    const meeting = await repo.lockMeeting(trx, ctx.network.id, decision.meeting_id, nowIso());
    if (!meeting) throw decisionNotFound();
    const { members, present } = await meetingState(trx, ctx, meeting);
    const byId = new Map(members.map((m) => [m.id, m]));
    const voted = new Set((await repo.votesOf(trx, ctx.network.id, [decisionId])).map((v) => v.member_id));
    const now = nowIso();
    const rows = input.votes.map((v) => {
      const member = byId.get(v.memberId);
      if (!member || !present.has(member.id)) throw badRequest('governance_vote_not_member');
      if (voted.has(member.id))
        throw new AppError(409, 'governance_vote_twice', { name: member.person_name });
      voted.add(member.id);
      return {
        id: newId(),
        network_id: ctx.network.id,
        decision_id: decisionId,
        member_id: member.id,
        choice: v.choice,
        created_at: now,
      };
    });
    await repo.insertVotes(trx, rows);
    await auditTenantWrite(trx, ctx, actor, 'governance.votes.cast', 'gov_decision', decisionId, null, rows);
    const [view] = await decisionViews(trx, ctx, [decision], members);
    return view as Decision;
  });
}

/** The network's decisions with their outcome, searchable by title and text. */
export async function searchDecisions(db: Db, ctx: TenantContext, q?: string): Promise<DecisionListItem[]> {
  readersOnly(ctx);
  const rows = await repo.searchDecisions(db, ctx.network.id, q || undefined);
  const byMeeting = new Map<string, typeof rows>();
  for (const r of rows) byMeeting.set(r.meeting_id, [...(byMeeting.get(r.meeting_id) ?? []), r]);
  const out: DecisionListItem[] = [];
  for (const [, group] of byMeeting) {
    const first = group[0] as (typeof rows)[number];
    const members = await repo.membersInOffice(db, ctx.network.id, first.body_id, first.held_on);
    const views = await decisionViews(db, ctx, group, members);
    group.forEach((r, i) => {
      out.push({
        id: r.id,
        title: r.title,
        rule: r.rule as (typeof RULES)[number],
        outcome: (views[i] as Decision).outcome,
        meetingId: r.meeting_id,
        heldOn: r.held_on,
        bodyName: r.body_name,
      });
    });
  }
  return out;
}
