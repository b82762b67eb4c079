import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { columnTypes } from '../platform/db/columns.ts';

const MERGERS = new URL('../../../data/nis_municipal_mergers_2019_2025.csv', import.meta.url);

/**
 * Regional figures (docs/decisions/060-signals-and-figures.md): a network's indicators and their values per
 * municipality and period, the network and Flemish means per period kept beside them (computed by every
 * import, so a profile reads a few hundred rows instead of aggregating millions), and the municipal mergers
 * of 2019 and 2025 as global reference data, so that codes from before a merger are still recognised.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { float } = columnTypes(db);

  await db.schema
    .createTable('municipal_mergers')
    .addColumn('old_nis', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('old_name', 'text', (c) => c.notNull())
    .addColumn('new_nis', 'text', (c) => c.notNull())
    .addColumn('new_name_nl', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('municipal_mergers_pk', ['old_nis', 'effective_date'])
    .execute();

  await db.schema
    .createTable('insight_indicators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('licence', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('aims', 'text', (c) => c.notNull())
    .addColumn('polarity', 'text', (c) => c.notNull())
    .addColumn('fictional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('insight_indicators_key', ['network_id', 'key'])
    .execute();

  await db.schema
    .createTable('insight_values')
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) =>
      c.notNull().references('insight_indicators.id').onDelete('cascade'),
    )
    // The code of the period's geography (a pre-merger code for a year before its merger) ...
    .addColumn('nis_code', 'text', (c) => c.notNull())
    // ... and the municipality it is part of today, which networks and maps are drawn on.
    .addColumn('nis_current', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', float, (c) => c.notNull())
    .addPrimaryKeyConstraint('insight_values_pk', ['indicator_id', 'nis_code', 'period'])
    .execute();
  // A profile reads one municipality's values; a narrow index keeps millions of inserts cheap.
  await db.schema.createIndex('insight_values_place').on('insight_values').column('nis_current').execute();

  await db.schema
    .createTable('insight_period_stats')
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) =>
      c.notNull().references('insight_indicators.id').onDelete('cascade'),
    )
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('flanders_mean', float)
    .addColumn('flanders_count', 'integer', (c) => c.notNull())
    .addColumn('network_mean', float)
    .addColumn('network_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('insight_period_stats_pk', ['indicator_id', 'period'])
    .execute();
  await db.schema
    .createIndex('insight_period_stats_network')
    .on('insight_period_stats')
    .column('network_id')
    .execute();

  const rows = (
    parse(fs.readFileSync(MERGERS), { columns: true, skip_empty_lines: true, bom: true }) as Record<
      string,
      string
    >[]
  ).map((r) => ({
    old_nis: r.old_nis!,
    effective_date: r.effective_date!,
    old_name: r.old_name!,
    new_nis: r.new_nis!,
    new_name_nl: r.new_name_nl!,
  }));
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
  await (db as Kysely<any>).insertInto('municipal_mergers').values(rows).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['insight_period_stats', 'insight_values', 'insight_indicators', 'municipal_mergers']) {
    await db.schema.dropTable(t).execute();
  }
}
