/** The exchange's own table (migration 0102_directory_exchange). */
export interface ImportJobTable {
  id: string;
  network_id: string;
  created_by: string | null;
  file_name: string;
  kind: string;
  file_size: number;
  /** The uploaded file, base64; null once the job has ended or was abandoned. */
  file_data: string | null;
  mapping_json: string | null;
  skip_rejected: number;
  /** uploaded | running | done | failed */
  status: string;
  /** validating | writing while running. */
  phase: string | null;
  processed: number;
  total: number;
  /** JSON of ImportReport. */
  result_json: string | null;
  created_at: string;
  updated_at: string;
}

export type ExchangeTables = {
  directory_import_jobs: ImportJobTable;
};
