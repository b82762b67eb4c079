/**
 * The plan module's tables (migration 0300_plan), reached through `db.withTables<PlanTables>()`.
 * Column conventions are the platform's: text ids, ISO text dates and timestamps, 0/1 integers, JSON as text.
 */

interface SoftDeleted {
  deleted_at: string | null;
  deleted_by: string | null;
  /** Groups the rows removed by one delete, so that an undo restores exactly that set. */
  deletion_id: string | null;
}

export interface PlanTable {
  id: string;
  network_id: string;
  /** policy_plan | action_programme */
  kind: string;
  /** JSON Localized */
  title: string;
  /** JSON Localized */
  description: string | null;
  period_start: string;
  period_end: string;
  /** JSON Localized[]: the network's name of each depth (pillar, strategic goal, ...). */
  level_names: string;
  /** The depth (0-based) whose nodes are the actions of a yearly action plan. */
  action_level: number;
  /** Status rules: achieved share of the target (in %) at which an indicator is on track, resp. at risk. */
  on_track_at: number;
  at_risk_at: number;
  published: number;
  is_example: number;
  created_at: string;
  updated_at: string;
}

export interface PlanNodeTable extends SoftDeleted {
  id: string;
  network_id: string;
  plan_id: string;
  parent_id: string | null;
  position: number;
  code: string | null;
  title: string;
  description: string | null;
  owner_user_id: string | null;
  lead_partner: string | null;
  /** JSON string[] */
  partners: string;
  /** JSON string[] */
  core_group: string;
  start_date: string | null;
  end_date: string | null;
  weight: number | null;
  progress: number | null;
  status: string | null;
  status_on: string | null;
  status_note: string | null;
  budget_planned: number | null;
  budget_spent: number | null;
  staff_hours_planned: number | null;
  staff_hours_spent: number | null;
  /** JSON QuintupleAim[] */
  aims: string;
  /** JSON {kind, value}[] */
  tags: string;
  /** JSON Smart | null */
  smart: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlanStatusHistoryTable {
  id: string;
  network_id: string;
  plan_id: string;
  node_id: string;
  status: string;
  status_on: string;
  note: string | null;
  set_by: string | null;
  set_at: string;
}

export interface PlanLinkTable {
  id: string;
  network_id: string;
  plan_id: string;
  from_node_id: string;
  to_node_id: string;
  note: string | null;
  created_at: string;
}

export interface PlanAttachmentTable {
  id: string;
  network_id: string;
  plan_id: string;
  node_id: string;
  /** link | file */
  kind: string;
  title: string;
  url: string;
  added_by: string | null;
  created_at: string;
}

export interface PlanIndicatorTable extends SoftDeleted {
  id: string;
  network_id: string;
  plan_id: string;
  node_id: string;
  position: number;
  /** population | how_much | how_well | better_off */
  kind: string;
  title: string;
  description: string | null;
  unit: string;
  /** up (higher is better) | down (lower is better) */
  polarity: string;
  frequency: string;
  baseline_value: number | null;
  baseline_on: string | null;
  /** A platform figure the values come from (e.g. share65plus), or null for entered values. */
  figure: string | null;
  latest_value: number | null;
  latest_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlanTargetTable {
  id: string;
  network_id: string;
  plan_id: string;
  indicator_id: string;
  period_start: string;
  period_end: string;
  value: number;
}

export interface PlanMeasurementTable extends SoftDeleted {
  id: string;
  network_id: string;
  plan_id: string;
  indicator_id: string;
  measured_on: string;
  value: number;
  source: string | null;
  entered_by: string | null;
  entered_at: string;
  request_id: string | null;
}

export interface PlanMeasurementRequestTable {
  id: string;
  network_id: string;
  plan_id: string;
  indicator_id: string;
  requested_from: string;
  requested_by: string | null;
  requested_at: string;
  message: string | null;
  due_on: string;
  remind_on: string | null;
  reminded_at: string | null;
  fulfilled_at: string | null;
  measurement_id: string | null;
}

/** A type alias, not an interface: Kysely's withTables needs an index-signature-compatible record. */
export type PlanTables = {
  plan_plans: PlanTable;
  plan_nodes: PlanNodeTable;
  plan_status_history: PlanStatusHistoryTable;
  plan_links: PlanLinkTable;
  plan_attachments: PlanAttachmentTable;
  plan_indicators: PlanIndicatorTable;
  plan_targets: PlanTargetTable;
  plan_measurements: PlanMeasurementTable;
  plan_measurement_requests: PlanMeasurementRequestTable;
};
