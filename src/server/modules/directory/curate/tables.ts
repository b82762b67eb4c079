import type { DirectoryTables } from '../tables.ts';

/** Curation's own tables (migration 0101_directory_curation), beside the directory's. */
export interface ChangeSuggestionTable {
  id: string;
  network_id: string;
  service_id: string;
  proposed_json: string;
  comment: string | null;
  proposer_user_id: string | null;
  proposer_email: string | null;
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
  created_at: string;
}

export interface AssuranceRequestTable {
  id: string;
  network_id: string;
  organization_id: string;
  token_hash: string;
  to_address: string;
  sent_at: string;
  expires_at: string;
  used_at: string | null;
  created_by: string | null;
}

export interface SuggestionAttemptTable {
  network_id: string;
  key: string;
  at: string;
}

/** The directory's tables plus curation's own (a type alias: withTables needs a record type). */
export type CurateTables = DirectoryTables & {
  directory_change_suggestions: ChangeSuggestionTable;
  directory_assurance_requests: AssuranceRequestTable;
  directory_suggestion_attempts: SuggestionAttemptTable;
};
