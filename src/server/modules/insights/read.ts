import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/errors.ts';
import { type Language, translate } from '../../platform/i18n.ts';
import type { TenantContext } from '../../platform/tenancy.ts';
import { municipalityCodesOn } from '../networks/service.ts';
import { BUILT_IN_LICENCE, BUILT_IN_SOURCE, BUILT_INS, type BuiltIn } from './builtin.ts';
import './messages.ts';
import * as repo from './repo.ts';
import type { Comparison, FigureSeries, IndicatorView, Profile } from './schema.ts';
import type { InsightIndicatorTable } from './tables.ts';

type Db = Kysely<PlatformTables>;
type Point = { period: string; value: number };

/** Periods the projection fits its line through, and how far it looks ahead. */
export const PROJECTION_WINDOW = 5;
export const PROJECTION_AHEAD = 3;
/** The reference year of the population totals on 2025 borders (for municipalities without an age series). */
const TOTALS_PERIOD = '2020';

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export const networkPlaces = (db: Db, tenant: TenantContext) => municipalityCodesOn(db, tenant.network.id);

function importedView(row: InsightIndicatorTable, periods: string[]): IndicatorView {
  return {
    key: row.key,
    name: JSON.parse(row.name) as IndicatorView['name'],
    unit: row.unit,
    source: row.source,
    licence: row.licence,
    year: row.year,
    aims: JSON.parse(row.aims) as IndicatorView['aims'],
    polarity: row.polarity as IndicatorView['polarity'],
    fictional: row.fictional === 1,
    builtIn: false,
    periods,
  };
}

function builtInView(b: BuiltIn, periods: string[]): IndicatorView {
  return {
    key: b.key,
    name: b.name,
    unit: b.unit,
    source: BUILT_IN_SOURCE,
    licence: BUILT_IN_LICENCE,
    year: periods.length ? Number(periods[periods.length - 1]) : null,
    aims: [],
    polarity: 'up',
    fictional: false,
    builtIn: true,
    periods,
  };
}

/** A built-in series per municipality: the Statbel age series where shipped, else the 2020 total. */
async function builtInValues(db: Db, b: BuiltIn, places: string[]) {
  const [rows, municipalities] = await Promise.all([
    repo.populationRows(db, places),
    repo.municipalitiesIn(db, places),
  ]);
  const withSeries = new Set(rows.map((r) => r.nis_code));
  const out = rows.map((r) => ({ nis: r.nis_code, period: r.reference_date.slice(0, 4), value: b.pick(r) }));
  if (b.key === 'population') {
    for (const m of municipalities)
      if (!withSeries.has(m.nis_code))
        out.push({ nis: m.nis_code, period: TOTALS_PERIOD, value: m.population_2020 });
  }
  return { values: out, rows, municipalities };
}

async function indicatorOrBuiltIn(db: Db, tenant: TenantContext, key: string) {
  const builtIn = BUILT_INS.find((b) => b.key === key);
  if (builtIn) return { builtIn, row: null };
  const row = await repo.findIndicator(db, tenant.network.id, key);
  if (!row) throw new AppError(404, 'insights_unknown_indicator');
  return { builtIn: null, row };
}

export async function listIndicators(db: Db, tenant: TenantContext): Promise<IndicatorView[]> {
  const places = await networkPlaces(db, tenant);
  const [rows, stats, population] = await Promise.all([
    repo.listIndicators(db, tenant.network.id),
    repo.statsOf(db, tenant.network.id),
    repo.populationRows(db, places),
  ]);
  const periods = new Map<string, string[]>();
  for (const s of stats) periods.set(s.indicator_id, [...(periods.get(s.indicator_id) ?? []), s.period]);
  const agePeriods = [...new Set(population.map((r) => r.reference_date.slice(0, 4)))].sort();
  return [
    ...BUILT_INS.map((b) =>
      builtInView(b, b.key === 'population' && !agePeriods.length ? [TOTALS_PERIOD] : agePeriods),
    ),
    ...rows.map((r) => importedView(r, periods.get(r.id) ?? [])),
  ];
}

/** The public contract: every value of one indicator for the network's municipalities. */
export async function figureSeries(db: Db, tenant: TenantContext, key: string): Promise<FigureSeries> {
  const { builtIn, row } = await indicatorOrBuiltIn(db, tenant, key);
  const places = await networkPlaces(db, tenant);
  if (builtIn) {
    const { values, municipalities } = await builtInValues(db, builtIn, places);
    const names = new Map(municipalities.map((m) => [m.nis_code, m.name_nl]));
    return {
      indicator: key,
      unit: builtIn.unit,
      source: BUILT_IN_SOURCE,
      values: values
        .sort((a, b) => a.nis.localeCompare(b.nis) || a.period.localeCompare(b.period))
        .map((v) => ({
          municipality: { nis: v.nis, name: names.get(v.nis) ?? v.nis },
          period: v.period,
          value: v.value,
        })),
    };
  }
  const [values, municipalities, mergers] = await Promise.all([
    repo.valuesOf(db, tenant.network.id, row!.id, places),
    repo.municipalitiesIn(db, places),
    repo.allMergers(db),
  ]);
  const names = new Map<string, string>(mergers.map((m) => [m.old_nis, m.old_name]));
  for (const m of municipalities) names.set(m.nis_code, m.name_nl);
  return {
    indicator: key,
    unit: row!.unit,
    source: row!.source,
    values: values.map((v) => ({
      municipality: { nis: v.nis_code, name: names.get(v.nis_code) ?? v.nis_code },
      period: v.period,
      value: v.value,
    })),
  };
}

/** Least-squares line through the last periods of a yearly series, extended a few years. */
export function project(
  series: readonly Point[],
  window = PROJECTION_WINDOW,
  ahead = PROJECTION_AHEAD,
): Point[] {
  const yearly = series.filter((p) => /^\d{4}$/.test(p.period)).slice(-window);
  if (yearly.length < 2) return [];
  const xs = yearly.map((p) => Number(p.period));
  const ys = yearly.map((p) => p.value);
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const last = xs[n - 1]!;
  return Array.from({ length: ahead }, (_, i) => {
    const x = last + i + 1;
    return { period: String(x), value: round(my + slope * (x - mx)) };
  });
}

export async function comparison(
  db: Db,
  tenant: TenantContext,
  key: string,
  lang: Language,
): Promise<Comparison> {
  const { builtIn, row } = await indicatorOrBuiltIn(db, tenant, key);
  const places = await networkPlaces(db, tenant);
  const municipalities = await repo.municipalitiesIn(db, places);
  const indexMethod = translate(lang, 'insights_index_method');
  const projectionMethod = (n: number) =>
    translate(lang, 'insights_projection_method', { n, ahead: PROJECTION_AHEAD });

  if (builtIn) {
    const { values, rows } = await builtInValues(db, builtIn, places);
    const periods = [...new Set(values.map((v) => v.period))].sort();
    const complete = periods.filter((p) => values.filter((v) => v.period === p).length === places.length);
    const networkAt = (p: string) => {
      const at = rows.filter((r) => r.reference_date.startsWith(p));
      if (builtIn.aggregate === 'share65') {
        const total = at.reduce((s, r) => s + r.total, 0);
        return total > 0 ? round((at.reduce((s, r) => s + r.age_65_plus, 0) / total) * 100, 1) : null;
      }
      return values.filter((v) => v.period === p).reduce((s, v) => s + v.value, 0);
    };
    const trend = complete.map((p) => ({ period: p, network: networkAt(p), flanders: null }));
    const period = periods[periods.length - 1] ?? null;
    const series = trend.flatMap((t) => (t.network === null ? [] : [{ period: t.period, value: t.network }]));
    return {
      indicator: builtInView(builtIn, periods),
      period,
      indexMethod,
      flanders: null,
      flandersCount: 0,
      network: period && complete.includes(period) ? networkAt(period) : null,
      municipalities: municipalities.map((m) => ({
        nis: m.nis_code,
        name: m.name_nl,
        value: values.find((v) => v.nis === m.nis_code && v.period === period)?.value ?? null,
        index: null,
      })),
      trend,
      projection: {
        method: projectionMethod(Math.min(PROJECTION_WINDOW, series.length)),
        points: project(series),
      },
    };
  }

  const [values, stats] = await Promise.all([
    repo.valuesOf(db, tenant.network.id, row!.id, places),
    repo.statsOf(db, tenant.network.id, [row!.id]),
  ]);
  const periods = stats.map((s) => s.period);
  const period = periods[periods.length - 1] ?? null;
  const latest = stats[stats.length - 1];
  const flanders = latest?.flanders_mean ?? null;
  const trend = stats.map((s) => ({
    period: s.period,
    network: s.network_mean === null ? null : round(s.network_mean),
    flanders: s.flanders_mean === null ? null : round(s.flanders_mean),
  }));
  const series = trend.flatMap((t) => (t.network === null ? [] : [{ period: t.period, value: t.network }]));
  return {
    indicator: importedView(row!, periods),
    period,
    indexMethod,
    flanders: flanders === null ? null : round(flanders),
    flandersCount: latest?.flanders_count ?? 0,
    network: latest?.network_mean == null ? null : round(latest.network_mean),
    municipalities: municipalities.map((m) => {
      const value = values.find((v) => v.nis_code === m.nis_code && v.period === period)?.value ?? null;
      return {
        nis: m.nis_code,
        name: m.name_nl,
        value,
        index: value === null || !flanders ? null : round((value / flanders) * 100, 1),
      };
    }),
    trend,
    projection: {
      method: projectionMethod(Math.min(PROJECTION_WINDOW, series.length)),
      points: project(series),
    },
  };
}

/** Everything known about one municipality of the network: each indicator's series against network and Flanders. */
export async function profile(db: Db, tenant: TenantContext, nis: string, lang: Language): Promise<Profile> {
  const places = await networkPlaces(db, tenant);
  if (!places.includes(nis)) throw new AppError(404, 'insights_unknown_municipality');
  const networkId = tenant.network.id;
  const [municipality, indicators, values, stats, population] = await Promise.all([
    repo.municipalitiesIn(db, [nis]),
    repo.listIndicators(db, networkId),
    repo.valuesOfPlace(db, networkId, nis),
    repo.statsOf(db, networkId),
    repo.populationRows(db, [nis]),
  ]);
  const m = municipality[0]!;
  const seriesBy = new Map<string, Point[]>();
  for (const v of values) {
    if (v.nis_code !== nis) continue;
    const list = seriesBy.get(v.indicator_id) ?? [];
    list.push({ period: v.period, value: v.value });
    seriesBy.set(v.indicator_id, list);
  }
  const statsBy = new Map<string, Map<string, (typeof stats)[number]>>();
  for (const s of stats) {
    const map = statsBy.get(s.indicator_id) ?? new Map();
    map.set(s.period, s);
    statsBy.set(s.indicator_id, map);
  }
  const ageFigures = BUILT_INS.map((b) => {
    const series = population.map((r) => ({ period: r.reference_date.slice(0, 4), value: b.pick(r) }));
    if (b.key === 'population' && series.length === 0)
      series.push({ period: TOTALS_PERIOD, value: m.population_2020 });
    return {
      indicator: builtInView(
        b,
        series.map((p) => p.period),
      ),
      series,
      latest: series[series.length - 1] ?? null,
      network: null,
      flanders: null,
      index: null,
    };
  });
  const imported = indicators.map((row) => {
    const series = (seriesBy.get(row.id) ?? []).sort((a, b) => a.period.localeCompare(b.period));
    const latest = series[series.length - 1] ?? null;
    const at = latest ? statsBy.get(row.id)?.get(latest.period) : undefined;
    const flanders = at?.flanders_mean ?? null;
    return {
      indicator: importedView(row, [...(statsBy.get(row.id)?.keys() ?? [])]),
      series,
      latest,
      network: at?.network_mean == null ? null : round(at.network_mean),
      flanders: flanders === null ? null : round(flanders),
      index: latest && flanders ? round((latest.value / flanders) * 100, 1) : null,
    };
  });
  const latestPopulation = population[population.length - 1]?.total ?? m.population_2020;
  return {
    municipality: { nis, name: m.name_nl, population: latestPopulation },
    indexMethod: translate(lang, 'insights_index_method'),
    figures: [...ageFigures, ...imported],
  };
}
