/**
 * The governance module's tables (migration 0450_governance), reached through `db.withTables<GovernanceTables>()`.
 * Column conventions are the platform's: text ids, ISO text timestamps in UTC, dates as YYYY-MM-DD, JSON as text.
 */

export interface BodyTable {
  id: string;
  network_id: string;
  /** general_assembly | board | daily_board | forum | cluster | core_group */
  kind: string;
  name: string;
  description: string | null;
  /** The share of the members in office that must be present for the body to decide (0.5: half). */
  quorum_share: number;
  created_at: string;
  updated_at: string;
}

export interface MemberTable {
  id: string;
  network_id: string;
  body_id: string;
  /** The network partner the member represents; null for a person who speaks for themselves. */
  partner_id: string | null;
  person_name: string;
  /** care | welfare | local_government | care_need */
  cluster: string;
  /** chair | secretary | member */
  role: string;
  mandate_from: string;
  /** Null: the mandate runs on. */
  mandate_to: string | null;
  created_at: string;
}

export interface MeetingTable {
  id: string;
  network_id: string;
  body_id: string;
  held_on: string;
  /** JSON string[]: the agenda items in order. */
  agenda: string;
  minutes: string | null;
  created_at: string;
  updated_at: string;
}

export interface AttendanceTable {
  network_id: string;
  meeting_id: string;
  member_id: string;
}

export interface DecisionTable {
  id: string;
  network_id: string;
  meeting_id: string;
  title: string;
  text: string | null;
  /** simple_majority | two_thirds | majority_every_cluster */
  rule: string;
  created_at: string;
}

export interface VoteTable {
  id: string;
  network_id: string;
  decision_id: string;
  member_id: string;
  /** for | against | abstain */
  choice: string;
  created_at: string;
}

export type GovernanceTables = {
  gov_bodies: BodyTable;
  gov_members: MemberTable;
  gov_meetings: MeetingTable;
  gov_attendance: AttendanceTable;
  gov_decisions: DecisionTable;
  gov_votes: VoteTable;
};
