import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import * as repo from './repo.ts';
import {
  type BoundaryCollection,
  type PopulationFigures,
  STATBEL_LICENCE,
  STATBEL_SOURCE,
} from './schema.ts';

type Db = Kysely<PlatformTables>;

/** The date of the population totals on 2025 borders, used where no age series exists. */
const POPULATION_TOTAL_DATE = '2020-01-01';

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

/**
 * Population by broad age for a set of municipalities: the latest year per municipality (from the age
 * series where it exists, else the 2020 total on 2025 borders) and the summed series over the years that
 * every municipality has, so a total is never a sum over a different set of places.
 */
export async function populationFigures(db: Db, nisCodes: string[]): Promise<PopulationFigures> {
  const [municipalities, rows] = await Promise.all([
    repo.municipalitiesByCode(db, nisCodes),
    repo.populationByAge(db, nisCodes),
  ]);
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.nis_code, r);

  const perMunicipality = municipalities.map((m) => {
    const r = latest.get(m.nis_code);
    return {
      nisCode: m.nis_code,
      nameNl: m.name_nl,
      nameFr: m.name_fr,
      population: r?.total ?? m.population_2020,
      age0to14: r?.age_0_14 ?? null,
      age15to64: r?.age_15_64 ?? null,
      age65plus: r?.age_65_plus ?? null,
      share65plus: r ? share(r.age_65_plus, r.total) : null,
      referenceDate: r?.reference_date ?? POPULATION_TOTAL_DATE,
    };
  });

  const byDate = new Map<string, { total: number; age65plus: number; count: number }>();
  for (const r of rows) {
    const acc = byDate.get(r.reference_date) ?? { total: 0, age65plus: 0, count: 0 };
    acc.total += r.total;
    acc.age65plus += r.age_65_plus;
    acc.count += 1;
    byDate.set(r.reference_date, acc);
  }
  const years = [...byDate.entries()].filter(([, v]) => v.count === municipalities.length);
  const series = years.map(([referenceDate, v]) => ({
    referenceDate,
    total: v.total,
    age65plus: v.age65plus,
    share65plus: share(v.age65plus, v.total),
  }));

  const population = perMunicipality.reduce((s, m) => s + m.population, 0);
  const complete = perMunicipality.every((m) => m.age65plus !== null);
  const age65plus = complete ? perMunicipality.reduce((s, m) => s + (m.age65plus ?? 0), 0) : null;
  const dates = [...new Set(perMunicipality.map((m) => m.referenceDate))];
  return {
    source: STATBEL_SOURCE,
    licence: STATBEL_LICENCE,
    referenceDate: dates.length === 1 ? (dates[0] ?? null) : null,
    municipalities: perMunicipality,
    series,
    totals: {
      population,
      age65plus,
      share65plus: age65plus === null ? null : share(age65plus, population),
      complete,
    },
  };
}

export async function boundaryCollection(db: Db, nisCodes: string[]): Promise<BoundaryCollection> {
  const [municipalities, shapes] = await Promise.all([
    repo.municipalitiesByCode(db, nisCodes),
    repo.boundaries(db, nisCodes),
  ]);
  const names = new Map(municipalities.map((m) => [m.nis_code, m]));
  return {
    type: 'FeatureCollection',
    features: shapes.map((s) => ({
      type: 'Feature' as const,
      properties: {
        nisCode: s.nis_code,
        nameNl: names.get(s.nis_code)?.name_nl ?? s.nis_code,
        nameFr: names.get(s.nis_code)?.name_fr ?? null,
      },
      geometry: JSON.parse(s.geojson) as unknown,
    })),
  };
}

export const knownMunicipalities = (db: Db, nisCodes: string[]) => repo.municipalityExists(db, nisCodes);

export const municipalityNames = (db: Db, nisCodes: string[]) => repo.municipalitiesByCode(db, nisCodes);
