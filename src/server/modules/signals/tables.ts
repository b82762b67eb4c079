/**
 * The signals module's tables (migration 0500_signals), reached through `db.withTables<SignalTables>()`.
 * Column conventions are the platform's: text ids, ISO text dates and timestamps, 0/1 integers, JSON as text.
 */

export interface SignalSettingsTable {
  network_id: string;
  /** 1 when citizens may report through the public form. */
  public_form: number;
  /** JSON Record<Phase, days> */
  deadlines: string;
  updated_at: string;
}

export interface SignalTable {
  id: string;
  network_id: string;
  /** partner | citizen */
  channel: string;
  reporter_user_id: string | null;
  /** A citizen's address for feedback; never shown beyond staff. */
  reporter_email: string | null;
  /** 1: other partners do not see who reported. */
  anonymous: number;
  title: string;
  description: string;
  /** JSON string[] of NIS codes */
  municipalities: string;
  target_group: string | null;
  affected_count: number | null;
  since: string | null;
  theme: string;
  sector: string | null;
  evidence: string | null;
  phase: string;
  phase_since: string;
  phase_due: string;
  dossier_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface SignalDossierTable {
  id: string;
  network_id: string;
  title: string;
  analysis: string | null;
  proposal: string | null;
  /** municipality | province | flemish_agency */
  addressee_kind: string | null;
  addressee_name: string | null;
  answer: string | null;
  answer_on: string | null;
  phase: string;
  phase_since: string;
  phase_due: string;
  plan_id: string | null;
  plan_node_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SignalHistoryTable {
  id: string;
  network_id: string;
  signal_id: string | null;
  dossier_id: string | null;
  from_phase: string | null;
  to_phase: string;
  note: string;
  actor_user_id: string | null;
  at: string;
}

export interface SignalCosignatureTable {
  dossier_id: string;
  network_id: string;
  user_id: string;
  note: string | null;
  at: string;
}

export type SignalTables = {
  signal_settings: SignalSettingsTable;
  signals: SignalTable;
  signal_dossiers: SignalDossierTable;
  signal_history: SignalHistoryTable;
  signal_cosignatures: SignalCosignatureTable;
};
