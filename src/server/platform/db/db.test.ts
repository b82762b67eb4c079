import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, testEngines } from './testing.ts';

describe.each(testEngines())('database platform on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  afterAll(() => t.destroy());

  it('loads the 285 Flemish municipalities with their 2020 population', async () => {
    const rows = await t.db.selectFrom('municipalities').select(['nis_code', 'population_2020']).execute();
    expect(rows).toHaveLength(285);
    expect(rows.reduce((s, r) => s + r.population_2020, 0)).toBe(6_629_143);
  });

  it('loads the Aalst boundaries, age figures 2017–2026 and the 29 postcodes of the region', async () => {
    const b = await t.db
      .selectFrom('municipality_boundaries')
      .select('nis_code')
      .orderBy('nis_code')
      .execute();
    expect(b.map((r) => r.nis_code)).toEqual(['41002', '41011', '41024', '41034', '41082']);
    const aalst2026 = await t.db
      .selectFrom('population_by_age')
      .selectAll()
      .where('nis_code', '=', '41002')
      .where('reference_date', '=', '2026-01-01')
      .executeTakeFirstOrThrow();
    expect(aalst2026.age_0_14 + aalst2026.age_15_64 + aalst2026.age_65_plus).toBe(aalst2026.total);
    const pc = await t.db
      .selectFrom('postcodes')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(pc?.n)).toBe(29);
  });
});
