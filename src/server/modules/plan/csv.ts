import type { Kysely } from 'kysely';
import { defuseFormula } from '../../platform/csv.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import type { TenantContext } from '../../platform/tenancy.ts';
import * as read from './read.ts';
import * as repo from './repo.ts';
import { readablePlan } from './service.ts';

type Db = Kysely<PlatformTables>;
type Cell = string | number | null | undefined;

/**
 * RFC 4180 with a byte-order mark (Excel then reads UTF-8). Text that a spreadsheet would run as a formula
 * (=, +, -, @ at the start) is prefixed with an apostrophe.
 */
function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  const cell = (v: Cell) => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return String(v);
    const safe = defuseFormula(v);
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export async function planCsv(
  db: Db,
  tenant: TenantContext,
  planId: string,
  table: 'nodes' | 'indicators' | 'measurements',
): Promise<string> {
  const tree = await read.planTree(db, tenant, planId, 'nl');
  const codeOf = new Map(tree.nodes.map((n) => [n.id, n.code ?? n.title.nl]));
  if (table === 'nodes') {
    return toCsv(
      [
        'code',
        'level',
        'depth',
        'title_nl',
        'title_fr',
        'title_en',
        'owner',
        'lead_partner',
        'start_date',
        'end_date',
        'weight',
        'effective_weight',
        'progress',
        'rolled_progress',
        'status',
        'status_on',
        'rolled_status',
        'budget_planned',
        'budget_spent',
        'staff_hours_planned',
        'staff_hours_spent',
        'aims',
        'tags',
        'indicators',
      ],
      tree.nodes.map((n) => [
        n.code,
        n.levelName?.nl,
        n.depth,
        n.title.nl,
        n.title.fr,
        n.title.en,
        n.owner?.name,
        n.leadPartner,
        n.startDate,
        n.endDate,
        n.weight,
        n.effectiveWeight,
        n.progress,
        n.rolledProgress,
        n.status,
        n.statusOn,
        n.rolledStatus,
        n.budgetPlanned,
        n.budgetSpent,
        n.staffHoursPlanned,
        n.staffHoursSpent,
        n.aims.join(' '),
        n.tags.map((t) => `${t.kind}:${t.value}`).join('; '),
        n.indicatorIds.length,
      ]),
    );
  }
  if (table === 'indicators') {
    return toCsv(
      [
        'node',
        'kind',
        'title_nl',
        'unit',
        'polarity',
        'frequency',
        'baseline',
        'baseline_on',
        'latest',
        'latest_on',
        'target',
        'target_from',
        'target_to',
        'achieved_pct',
        'status',
      ],
      tree.indicators.map((i) => [
        codeOf.get(i.nodeId),
        i.kind,
        i.title.nl,
        i.unit,
        i.polarity,
        i.frequency,
        i.baseline.value,
        i.baseline.on,
        i.latest?.value,
        i.latest?.on,
        i.target?.value,
        i.target?.periodStart,
        i.target?.periodEnd,
        i.achievedPct,
        i.status,
      ]),
    );
  }
  const plan = await readablePlan(db, tenant, planId);
  const indicators = new Map(tree.indicators.map((i) => [i.id, i]));
  const measurements = await repo.listMeasurements(db, tenant.network.id, plan.id);
  return toCsv(
    ['node', 'indicator', 'unit', 'measured_on', 'value', 'source'],
    measurements
      .filter((m) => indicators.has(m.indicator_id))
      .map((m) => {
        const i = indicators.get(m.indicator_id)!;
        return [codeOf.get(i.nodeId), i.title.nl, i.unit, m.measured_on, m.value, m.source];
      }),
  );
}
