import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';

const DATA = new URL('../../../data/', import.meta.url);

function readCsv(name: string): Record<string, string>[] {
  return parse(fs.readFileSync(new URL(name, DATA)), { columns: true, skip_empty_lines: true, bom: true });
}

/**
 * Global reference geography (no network_id: it is the same for every tenant), loaded from the shipped
 * files in data/ so that every installation, test database included, has it without a seed step.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('municipalities')
    .addColumn('nis_code', 'text', (c) => c.primaryKey())
    .addColumn('name_nl', 'text', (c) => c.notNull())
    .addColumn('name_fr', 'text')
    .addColumn('arrondissement_nis', 'text', (c) => c.notNull())
    .addColumn('arrondissement_nl', 'text', (c) => c.notNull())
    .addColumn('province_nl', 'text', (c) => c.notNull())
    .addColumn('constituent_pre2025', 'text', (c) => c.notNull())
    .addColumn('population_2020', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('municipality_boundaries')
    .addColumn('nis_code', 'text', (c) => c.primaryKey())
    .addColumn('situation_date', 'text', (c) => c.notNull())
    .addColumn('geojson', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('population_by_age')
    .addColumn('nis_code', 'text', (c) => c.notNull())
    .addColumn('reference_date', 'text', (c) => c.notNull())
    .addColumn('age_0_14', 'integer', (c) => c.notNull())
    .addColumn('age_15_64', 'integer', (c) => c.notNull())
    .addColumn('age_65_plus', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('population_by_age_pk', ['nis_code', 'reference_date'])
    .execute();

  await db.schema
    .createTable('postcodes')
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('place_nl', 'text', (c) => c.notNull())
    .addColumn('nis_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('postcodes_pk', ['postcode', 'place_nl'])
    .execute();

  const geo = JSON.parse(
    fs.readFileSync(new URL('elz_regio_aalst_municipalities_2026.geojson', DATA), 'utf8'),
  ) as {
    metadata: { situation: string };
    features: { properties: { nis: string; name_fr: string }; geometry: unknown }[];
  };
  const frenchNames = new Map(geo.features.map((f) => [f.properties.nis, f.properties.name_fr]));

  const municipalities = readCsv('flanders_municipalities_2025.csv').map((r) => ({
    nis_code: r.nis_2025!,
    name_nl: r.name_nl!,
    name_fr: frenchNames.get(r.nis_2025!) ?? null,
    arrondissement_nis: r.arrondissement_nis!,
    arrondissement_nl: r.arrondissement_nl!,
    province_nl: r.province_nl!,
    constituent_pre2025: r.constituent_municipalities_pre2025!,
    population_2020: Number(r.population_2020_01_01_on_2025_borders),
  }));
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
  const anyDb = db as Kysely<any>;
  for (let i = 0; i < municipalities.length; i += 100) {
    await anyDb
      .insertInto('municipalities')
      .values(municipalities.slice(i, i + 100))
      .execute();
  }

  await anyDb
    .insertInto('municipality_boundaries')
    .values(
      geo.features.map((f) => ({
        nis_code: f.properties.nis,
        situation_date: geo.metadata.situation,
        geojson: JSON.stringify(f.geometry),
      })),
    )
    .execute();

  await anyDb
    .insertInto('population_by_age')
    .values(
      readCsv('arr_aalst_population_by_broad_age_2017_2026.csv').map((r) => ({
        nis_code: r.nis!,
        reference_date: r.reference_date!,
        age_0_14: Number(r.age_0_14),
        age_15_64: Number(r.age_15_64),
        age_65_plus: Number(r.age_65_plus),
        total: Number(r.total),
        note: r.note || null,
      })),
    )
    .execute();

  await anyDb
    .insertInto('postcodes')
    .values(
      readCsv('elz_regio_aalst_postcodes.csv').map((r) => ({
        postcode: r.postcode!,
        place_nl: r.place_nl!,
        nis_code: r.nis_2025!,
      })),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['postcodes', 'population_by_age', 'municipality_boundaries', 'municipalities']) {
    await db.schema.dropTable(t).execute();
  }
}
