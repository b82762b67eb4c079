/**
 * Tables owned by the platform. Modules describe their own tables next to their repo and reach them
 * through `db.withTables<ModuleTables>()`, so the platform never imports a module.
 *
 * Portable column conventions (both engines): ids are text (UUIDs), timestamps are ISO-8601 text in UTC,
 * booleans are integers 0/1, JSON is text. That keeps every query identical on SQLite and PostgreSQL.
 */
export interface NetworkTable {
  id: string;
  slug: string;
  name: string;
  kind: string;
  description: string | null;
  published: number;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface NetworkMunicipalityTable {
  network_id: string;
  nis_code: string;
  valid_from: string;
  valid_to: string | null;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_platform_admin: number;
  preferred_language: string;
  failed_login_count: number;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface MembershipTable {
  network_id: string;
  user_id: string;
  role: string;
  organisation_id: string | null;
  created_at: string;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

/** Login throttling: attempts of a key and, in epoch milliseconds, when its window ends or its delay is over. */
export interface LoginAttemptCounterTable {
  key: string;
  attempts: number;
  until_ms: number;
}

export interface AuditLogTable {
  id: string;
  network_id: string | null;
  actor_user_id: string | null;
  at: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
}

export interface MunicipalityTable {
  nis_code: string;
  name_nl: string;
  name_fr: string | null;
  arrondissement_nis: string;
  arrondissement_nl: string;
  province_nl: string;
  constituent_pre2025: string;
  population_2020: number;
}

export interface MunicipalityBoundaryTable {
  nis_code: string;
  situation_date: string;
  geojson: string;
}

export interface PopulationByAgeTable {
  nis_code: string;
  reference_date: string;
  age_0_14: number;
  age_15_64: number;
  age_65_plus: number;
  total: number;
  note: string | null;
}

export interface PostcodeTable {
  postcode: string;
  place_nl: string;
  nis_code: string;
}

export interface OutboxTable {
  id: string;
  network_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  /** What caused the mail (e.g. survey.invitation), so the outbox can be filtered and read. */
  kind: string;
  /** pending → sent, or failed after the last attempt; captured when no SMTP server is configured. */
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
  send_after: string;
  sent_at: string | null;
  claimed_by: string | null;
  /** JSON MailAttachment[] (text content), or null. */
  attachments: string | null;
}

export interface PlatformStateTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface PlatformTables {
  platform_state: PlatformStateTable;
  outbox: OutboxTable;
  networks: NetworkTable;
  network_municipalities: NetworkMunicipalityTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  login_attempt_counters: LoginAttemptCounterTable;
  audit_log: AuditLogTable;
  municipalities: MunicipalityTable;
  municipality_boundaries: MunicipalityBoundaryTable;
  population_by_age: PopulationByAgeTable;
  postcodes: PostcodeTable;
}
