import { type Kysely, sql } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import type {
  AttendanceTable,
  BodyTable,
  DecisionTable,
  GovernanceTables,
  MeetingTable,
  MemberTable,
  VoteTable,
} from './tables.ts';

export type Db = Kysely<PlatformTables>;
const t = (db: Db) => db.withTables<GovernanceTables>();

// Bodies and members.

export const insertBody = (db: Db, row: BodyTable) => t(db).insertInto('gov_bodies').values(row).execute();

export const findBody = (db: Db, networkId: string, id: string) =>
  t(db)
    .selectFrom('gov_bodies')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();

export const listBodies = (db: Db, networkId: string) =>
  t(db).selectFrom('gov_bodies').selectAll().where('network_id', '=', networkId).orderBy('name').execute();

export const insertMember = (db: Db, row: MemberTable) =>
  t(db).insertInto('gov_members').values(row).execute();

export function listMembers(db: Db, networkId: string, bodyId?: string) {
  let q = t(db).selectFrom('gov_members').selectAll().where('network_id', '=', networkId);
  if (bodyId) q = q.where('body_id', '=', bodyId);
  return q.orderBy('cluster').orderBy('person_name').execute();
}

/** The members of a body whose mandate covers the given day. */
export const membersInOffice = (db: Db, networkId: string, bodyId: string, onDay: string) =>
  t(db)
    .selectFrom('gov_members')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('body_id', '=', bodyId)
    .where('mandate_from', '<=', onDay)
    .where((eb) => eb.or([eb('mandate_to', 'is', null), eb('mandate_to', '>=', onDay)]))
    .orderBy('cluster')
    .orderBy('person_name')
    .execute();

// Meetings and attendance.

export const insertMeeting = (db: Db, row: MeetingTable) =>
  t(db).insertInto('gov_meetings').values(row).execute();

export const findMeeting = (db: Db, networkId: string, id: string) =>
  t(db)
    .selectFrom('gov_meetings')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();

export const listMeetings = (db: Db, networkId: string, bodyId: string) =>
  t(db)
    .selectFrom('gov_meetings')
    .selectAll()
    .select((eb) =>
      eb
        .selectFrom('gov_decisions')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('gov_decisions.meeting_id', '=', 'gov_meetings.id')
        .as('decisions'),
    )
    .where('network_id', '=', networkId)
    .where('body_id', '=', bodyId)
    .orderBy('held_on', 'desc')
    .execute();

/**
 * The first statement of a change to a meeting: an UPDATE of its own row, so that attendance, decisions and
 * votes of one meeting are written one after the other on both engines (quorum and "one vote each" hold).
 */
export const lockMeeting = (db: Db, networkId: string, id: string, at: string) =>
  t(db)
    .updateTable('gov_meetings')
    .set({ updated_at: at })
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();

export const presentMemberIds = async (db: Db, networkId: string, meetingId: string) =>
  (
    await t(db)
      .selectFrom('gov_attendance')
      .select('member_id')
      .where('network_id', '=', networkId)
      .where('meeting_id', '=', meetingId)
      .execute()
  ).map((r) => r.member_id);

export async function replaceAttendance(
  db: Db,
  networkId: string,
  meetingId: string,
  rows: AttendanceTable[],
) {
  await t(db)
    .deleteFrom('gov_attendance')
    .where('network_id', '=', networkId)
    .where('meeting_id', '=', meetingId)
    .execute();
  if (rows.length > 0) await t(db).insertInto('gov_attendance').values(rows).execute();
}

// Decisions and votes.

export const insertDecision = (db: Db, row: DecisionTable) =>
  t(db).insertInto('gov_decisions').values(row).execute();

export const findDecision = (db: Db, networkId: string, id: string) =>
  t(db)
    .selectFrom('gov_decisions')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();

export const decisionsOfMeeting = (db: Db, networkId: string, meetingId: string) =>
  t(db)
    .selectFrom('gov_decisions')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const insertVotes = (db: Db, rows: VoteTable[]) =>
  t(db).insertInto('gov_votes').values(rows).execute();

export function votesOf(db: Db, networkId: string, decisionIds: string[]) {
  if (decisionIds.length === 0) return Promise.resolve([]);
  return t(db)
    .selectFrom('gov_votes')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('decision_id', 'in', decisionIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Like-pattern of a search word: its own % and _ are matched literally. */
const containing = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The network's decisions, newest meeting first, optionally those whose title or text holds the search. */
export function searchDecisions(db: Db, networkId: string, q: string | undefined) {
  let query = t(db)
    .selectFrom('gov_decisions as d')
    .innerJoin('gov_meetings as m', 'm.id', 'd.meeting_id')
    .innerJoin('gov_bodies as b', 'b.id', 'm.body_id')
    .selectAll('d')
    .select(['m.held_on', 'm.body_id', 'b.name as body_name'])
    .where('d.network_id', '=', networkId);
  if (q) {
    const p = containing(q);
    query = query.where(
      sql<boolean>`(lower(d.title) like ${p} escape '\\' or lower(coalesce(d.text, '')) like ${p} escape '\\')`,
    );
  }
  return query.orderBy('m.held_on', 'desc').orderBy('d.created_at').limit(500).execute();
}
