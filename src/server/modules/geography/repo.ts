import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';

type Db = Kysely<PlatformTables>;

export const municipalitiesByCode = (db: Db, codes: string[]) =>
  codes.length === 0
    ? Promise.resolve([])
    : db.selectFrom('municipalities').selectAll().where('nis_code', 'in', codes).orderBy('name_nl').execute();

export const populationByAge = (db: Db, codes: string[]) =>
  codes.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('population_by_age')
        .selectAll()
        .where('nis_code', 'in', codes)
        .orderBy('reference_date')
        .execute();

export const boundaries = (db: Db, codes: string[]) =>
  codes.length === 0
    ? Promise.resolve([])
    : db.selectFrom('municipality_boundaries').selectAll().where('nis_code', 'in', codes).execute();

export const municipalityExists = async (db: Db, codes: string[]) =>
  (await db.selectFrom('municipalities').select('nis_code').where('nis_code', 'in', codes).execute()).map(
    (r) => r.nis_code,
  );
