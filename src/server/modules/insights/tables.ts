/**
 * The insights module's tables (migration 0600_insights), reached through `db.withTables<InsightTables>()`.
 * Column conventions are the platform's: text ids, ISO text dates, 0/1 integers, JSON as text.
 */

export interface MunicipalMergerTable {
  old_nis: string;
  effective_date: string;
  old_name: string;
  new_nis: string;
  new_name_nl: string;
}

export interface InsightIndicatorTable {
  id: string;
  network_id: string;
  key: string;
  /** JSON {nl, fr, en} */
  name: string;
  unit: string;
  source: string;
  licence: string;
  year: number | null;
  /** JSON QuintupleAim[] */
  aims: string;
  /** up: higher is better; down: lower is better. */
  polarity: string;
  /** 1 for invented demonstration series, shown as such everywhere. */
  fictional: number;
  created_at: string;
  updated_at: string;
}

export interface InsightValueTable {
  network_id: string;
  indicator_id: string;
  nis_code: string;
  nis_current: string;
  period: string;
  value: number;
}

export interface InsightPeriodStatsTable {
  network_id: string;
  indicator_id: string;
  period: string;
  flanders_mean: number | null;
  flanders_count: number;
  network_mean: number | null;
  network_count: number;
}

export type InsightTables = {
  municipal_mergers: MunicipalMergerTable;
  insight_indicators: InsightIndicatorTable;
  insight_values: InsightValueTable;
  insight_period_stats: InsightPeriodStatsTable;
};
