import { CompiledQuery, type Kysely, sql } from 'kysely';
import { engineOf } from '../../platform/db/index.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import type { InsightIndicatorTable, InsightTables, InsightValueTable } from './tables.ts';

type Db = Kysely<PlatformTables>;
const t = (db: Db) => db.withTables<InsightTables>();

// Reference geography.

export const allMunicipalities = (db: Db) =>
  db.selectFrom('municipalities').select(['nis_code', 'name_nl', 'population_2020']).execute();

export const allMergers = (db: Db) => t(db).selectFrom('municipal_mergers').selectAll().execute();

// Indicators.

export const listIndicators = (db: Db, networkId: string) =>
  t(db)
    .selectFrom('insight_indicators')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('key')
    .execute();

export const findIndicator = (db: Db, networkId: string, key: string) =>
  t(db)
    .selectFrom('insight_indicators')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('key', '=', key)
    .executeTakeFirst();

export async function insertIndicator(db: Db, row: InsightIndicatorTable): Promise<void> {
  await t(db).insertInto('insight_indicators').values(row).execute();
}

export async function updateIndicator(
  db: Db,
  networkId: string,
  id: string,
  patch: Partial<Pick<InsightIndicatorTable, 'name' | 'source' | 'licence' | 'year' | 'updated_at'>>,
): Promise<void> {
  await t(db)
    .updateTable('insight_indicators')
    .set(patch)
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .execute();
}

// Values.

const VALUE_COLUMNS = ['network_id', 'indicator_id', 'nis_code', 'nis_current', 'period', 'value'] as const;
const ON_CONFLICT =
  'on conflict (indicator_id, nis_code, period) do update set value = excluded.value, nis_current = excluded.nis_current';
/** Rows per statement: 6 parameters each stays under SQLite's 32,766 bound parameters. */
const SQLITE_BATCH = 5000;
/** PostgreSQL gets one array per column (unnest), so a batch is bounded by memory, not by parameters. */
const PG_BATCH = 20_000;

/**
 * Writes values in large batches inside the caller's transaction; a value already there for the same
 * indicator, place and period is replaced. The statement text is built once per batch size, because the
 * query builder's per-row work would dominate an import of millions of values.
 */
export async function upsertValues(db: Db, rows: readonly InsightValueTable[]): Promise<void> {
  if (engineOf(db) === 'postgres') {
    const text = `insert into insight_values (${VALUE_COLUMNS.join(', ')})
      select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[]) ${ON_CONFLICT}`;
    for (let i = 0; i < rows.length; i += PG_BATCH) {
      const batch = rows.slice(i, i + PG_BATCH);
      const columns = VALUE_COLUMNS.map((c) => batch.map((r) => r[c]));
      await db.executeQuery(CompiledQuery.raw(text, columns));
    }
    return;
  }
  const texts = new Map<number, string>();
  for (let i = 0; i < rows.length; i += SQLITE_BATCH) {
    const batch = rows.slice(i, i + SQLITE_BATCH);
    let text = texts.get(batch.length);
    if (!text) {
      text = `insert into insight_values (${VALUE_COLUMNS.join(', ')}) values ${Array.from(
        { length: batch.length },
        () => '(?, ?, ?, ?, ?, ?)',
      ).join(', ')} ${ON_CONFLICT}`;
      texts.set(batch.length, text);
    }
    const params: unknown[] = new Array(batch.length * 6);
    let p = 0;
    for (const r of batch) {
      params[p++] = r.network_id;
      params[p++] = r.indicator_id;
      params[p++] = r.nis_code;
      params[p++] = r.nis_current;
      params[p++] = r.period;
      params[p++] = r.value;
    }
    await db.executeQuery(CompiledQuery.raw(text, params));
  }
}

/**
 * Recomputes the per-period means of the given indicators: over every Flemish municipality with a value and
 * over the network's municipalities (`networkPlaces`), both weighted by population (values on a pre-merger
 * code weigh with the municipality it became part of). The network's places are a list of constants, so
 * the aggregate is one pass over the indicators' rows (by the primary key) without a join per row.
 */
export async function refreshStats(
  db: Db,
  networkId: string,
  indicatorIds: string[],
  networkPlaces: string[],
) {
  if (indicatorIds.length === 0) return;
  await t(db)
    .deleteFrom('insight_period_stats')
    .where('network_id', '=', networkId)
    .where('indicator_id', 'in', indicatorIds)
    .execute();
  const inNetwork = networkPlaces.length ? sql`v.nis_current in (${sql.join(networkPlaces)})` : sql`1 = 0`;
  await sql`
    insert into insight_period_stats
      (network_id, indicator_id, period, flanders_mean, flanders_count, network_mean, network_count)
    select ${networkId}, v.indicator_id, v.period,
      sum(v.value * m.population_2020) / nullif(sum(m.population_2020), 0),
      count(*),
      sum(case when ${inNetwork} then v.value * m.population_2020 end)
        / nullif(sum(case when ${inNetwork} then m.population_2020 end), 0),
      sum(case when ${inNetwork} then 1 else 0 end)
    from insight_values v
    join municipalities m on m.nis_code = v.nis_current
    where v.indicator_id in (${sql.join(indicatorIds)}) and v.network_id = ${networkId}
    group by v.indicator_id, v.period`.execute(db);
}

export const valuesOf = (db: Db, networkId: string, indicatorId: string, places: string[]) =>
  places.length === 0
    ? Promise.resolve([])
    : t(db)
        .selectFrom('insight_values')
        .select(['nis_code', 'nis_current', 'period', 'value'])
        .where('network_id', '=', networkId)
        .where('indicator_id', '=', indicatorId)
        .where('nis_current', 'in', places)
        .orderBy('nis_code')
        .orderBy('period')
        .execute();

/** Every value of one municipality in the network, for its profile. */
export const valuesOfPlace = (db: Db, networkId: string, nis: string) =>
  t(db)
    .selectFrom('insight_values')
    .select(['indicator_id', 'nis_code', 'period', 'value'])
    .where('nis_current', '=', nis)
    .where('network_id', '=', networkId)
    .execute();

export const statsOf = (db: Db, networkId: string, indicatorIds?: string[]) => {
  let q = t(db).selectFrom('insight_period_stats').selectAll().where('network_id', '=', networkId);
  if (indicatorIds) {
    if (indicatorIds.length === 0) return Promise.resolve([]);
    q = q.where('indicator_id', 'in', indicatorIds);
  }
  return q.orderBy('period').execute();
};

/** The latest value per municipality of one indicator (for rankings and the gap map). */
export const latestValues = (db: Db, networkId: string, indicatorId: string, places: string[]) =>
  places.length === 0
    ? Promise.resolve([])
    : t(db)
        .selectFrom('insight_values as v')
        .select(['v.nis_current', 'v.period', 'v.value'])
        .where('v.network_id', '=', networkId)
        .where('v.indicator_id', '=', indicatorId)
        .where('v.nis_current', 'in', places)
        .where('v.nis_code', '=', sql<string>`v.nis_current`)
        .where('v.period', '=', (eb) =>
          eb
            .selectFrom('insight_values as w')
            .select((e) => e.fn.max('w.period').as('p'))
            .where('w.indicator_id', '=', indicatorId)
            .where('w.nis_code', '=', eb.ref('v.nis_code')),
        )
        .execute();

export const populationRows = (db: Db, codes: string[]) =>
  codes.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('population_by_age')
        .selectAll()
        .where('nis_code', 'in', codes)
        .orderBy('reference_date')
        .execute();

export const municipalitiesIn = (db: Db, codes: string[]) =>
  codes.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('municipalities')
        .select(['nis_code', 'name_nl', 'name_fr', 'population_2020'])
        .where('nis_code', 'in', codes)
        .orderBy('name_nl')
        .execute();
