import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { AppError, badRequest, forbidden } from '../../platform/errors.ts';
import { type Language, translate } from '../../platform/i18n.ts';
import { hasRole, type TenantContext } from '../../platform/tenancy.ts';
import { coverage } from '../directory/analysis/service.ts';
import { openSignalCounts } from '../signals/service.ts';
import { BUILT_IN_KEYS } from './builtin.ts';
import './messages.ts';
import { networkPlaces } from './read.ts';
import * as repo from './repo.ts';
import type { GapMap } from './schema.ts';

type Db = Kysely<PlatformTables>;
const round = (n: number) => Math.round(n * 100) / 100;

/** Weights of the shortfall score (stated to the user with the result). */
export const GAP_WEIGHTS = { need: 100, supply: 100, signal: 10 };

/**
 * Where supply, need and signals meet: every municipality of the network with its value on the chosen need
 * indicator (shortfall against the network's mean, in the indicator's good direction), its services of the
 * chosen rubric per 10,000 inhabitants (the social map's coverage, shortfall against the network's
 * average) and its open signals, ranked by the weighted sum of the three.
 */
export async function gapMap(
  db: Db,
  tenant: TenantContext,
  input: { indicator: string; rubric?: string | undefined },
  lang: Language,
): Promise<GapMap> {
  if (!hasRole(tenant, 'viewer')) throw forbidden();
  if (BUILT_IN_KEYS.has(input.indicator)) throw badRequest('insights_gap_builtin');
  const indicator = await repo.findIndicator(db, tenant.network.id, input.indicator);
  if (!indicator) throw new AppError(404, 'insights_unknown_indicator');
  const places = await networkPlaces(db, tenant);
  const [municipalities, latest, stats, signals, supply] = await Promise.all([
    repo.municipalitiesIn(db, places),
    repo.latestValues(db, tenant.network.id, indicator.id, places),
    repo.statsOf(db, tenant.network.id, [indicator.id]),
    openSignalCounts(db, tenant.network.id),
    input.rubric ? coverage(db as never, tenant) : Promise.resolve(null),
  ]);
  const rubric = supply?.rubrics.find((r) => r.termId === input.rubric) ?? null;
  if (input.rubric && !rubric) throw badRequest('insights_unknown_rubric');
  const meanAt = new Map(stats.map((s) => [s.period, s.network_mean]));
  const needBy = new Map(latest.map((v) => [v.nis_current, v]));
  const cellBy = new Map((rubric?.cells ?? []).map((c) => [c.nisCode, c]));
  const up = indicator.polarity !== 'down';

  const rows = municipalities.map((m) => {
    const v = needBy.get(m.nis_code);
    const mean = v ? (meanAt.get(v.period) ?? null) : null;
    const needGap = v && mean ? Math.max(0, up ? 1 - v.value / mean : v.value / mean - 1) : 0;
    const cell = cellBy.get(m.nis_code);
    const supplyGap = cell && cell.ratio !== null ? Math.max(0, 1 - cell.ratio) : rubric ? 1 : 0;
    const open = signals.get(m.nis_code) ?? 0;
    return {
      nis: m.nis_code,
      name: m.name_nl,
      need: v
        ? {
            period: v.period,
            value: v.value,
            networkMean: mean === null ? null : round(mean),
            gap: round(needGap),
          }
        : null,
      supply: rubric
        ? {
            services: cell?.services ?? 0,
            per10k: cell?.per10k ?? 0,
            average: rubric.average,
            gap: round(supplyGap),
          }
        : null,
      signals: open,
      score: round(GAP_WEIGHTS.need * needGap + GAP_WEIGHTS.supply * supplyGap + GAP_WEIGHTS.signal * open),
    };
  });
  rows.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return {
    indicator: {
      key: indicator.key,
      name: JSON.parse(indicator.name),
      unit: indicator.unit,
      source: indicator.source,
    },
    rubric: rubric ? { termId: rubric.termId, names: rubric.names } : null,
    method: translate(lang, 'insights_gap_method'),
    municipalities: rows,
  };
}
