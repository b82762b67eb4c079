export interface NetworkPartnerTable {
  id: string;
  network_id: string;
  organization_id: string | null;
  name: string;
  sector: string;
  role: string | null;
  themes_json: string;
  target_groups_json: string;
  is_hub: number;
  is_demo: number;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface NetworkPartnerUserTable {
  network_id: string;
  partner_id: string;
  user_id: string;
}

export interface NetworkTieTable {
  id: string;
  network_id: string;
  source_partner_id: string;
  target_partner_id: string;
  type: string;
  directed: number;
  weight: number;
  start_date: string;
  end_date: string | null;
  origin: string;
  origin_ref: string | null;
  note: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface NetworkTieTypeSettingTable {
  network_id: string;
  type: string;
  derive: number;
}

export interface NetworkSurveyRoundTable {
  id: string;
  network_id: string;
  title: string;
  opens_on: string;
  closes_on: string;
  created_by: string | null;
  created_at: string;
}

export interface NetworkSurveyRatingTable {
  network_id: string;
  round_id: string;
  rater_partner_id: string;
  rated_partner_id: string;
  reliability: number;
  mission: number;
  openness: number;
  power: number;
  involvement: number;
  resources: number;
  updated_at: string;
}

export interface NetworkSurveyAnswerTable {
  network_id: string;
  round_id: string;
  partner_id: string;
  contributes_json: string;
  outcomes_json: string;
  submitted_by: string;
  submitted_at: string;
}

export interface NetworkIntroductionTable {
  id: string;
  network_id: string;
  partner_a_id: string;
  partner_b_id: string;
  reason: string;
  status: string;
  assigned_to: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

// A type alias, not an interface: Kysely's withTables needs an index-compatible type.
export type NetworkTables = {
  network_partners: NetworkPartnerTable;
  network_partner_users: NetworkPartnerUserTable;
  network_ties: NetworkTieTable;
  network_tie_type_settings: NetworkTieTypeSettingTable;
  network_survey_rounds: NetworkSurveyRoundTable;
  network_survey_ratings: NetworkSurveyRatingTable;
  network_survey_answers: NetworkSurveyAnswerTable;
  network_introductions: NetworkIntroductionTable;
};
