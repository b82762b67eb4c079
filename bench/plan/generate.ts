import type { Kysely } from 'kysely';
import * as repo from '../../src/server/modules/plan/repo.ts';
import { CreatePlanBody } from '../../src/server/modules/plan/schema.ts';
import { planRow } from '../../src/server/modules/plan/service.ts';
import type {
  PlanIndicatorTable,
  PlanMeasurementTable,
  PlanNodeTable,
  PlanStatusHistoryTable,
  PlanTargetTable,
} from '../../src/server/modules/plan/tables.ts';
import { inTransaction } from '../../src/server/platform/db/index.ts';
import type { PlatformTables } from '../../src/server/platform/db/tables.ts';
import { newId } from '../../src/server/platform/ids.ts';

export interface PlanSize {
  nodes: number;
  indicators: number;
  measurements: number;
}

/** Deterministic numbers (mulberry32), so every run and both engines get the same plan. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES = ['on_track', 'on_track', 'on_track', 'at_risk', 'off_track', 'done'] as const;
const day = (start: number, offset: number) =>
  new Date(start + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * A plan shaped like a real one, scaled up: 5 pillars × 5 goals × 5 operational goals × 8 actions, and the
 * remaining nodes as milestones under the actions; indicators on actions and goals with yearly targets;
 * measurements spread over 2024 to October 2026. Written straight through the repo in one transaction.
 */
export async function generatePlan(
  db: Kysely<PlatformTables>,
  networkId: string,
  size: PlanSize,
): Promise<string> {
  const random = rng(2024);
  const now = '2024-01-01T00:00:00.000Z';
  const plan = planRow(
    networkId,
    CreatePlanBody.parse({
      title: { nl: 'Benchmarkplan' },
      periodStart: '2024-01-01',
      periodEnd: '2026-12-31',
      levelNames: ['Pijler', 'Strategisch doel', 'Operationeel doel', 'Actie', 'Mijlpaal'].map((nl) => ({
        nl,
      })),
      actionLevel: 3,
    }),
    now,
  );
  const nodes: PlanNodeTable[] = [];
  const add = (parent: PlanNodeTable | null, position: number, depth: number): PlanNodeTable => {
    const leafish = depth >= 3;
    const row: PlanNodeTable = {
      id: newId(),
      network_id: networkId,
      plan_id: plan.id,
      parent_id: parent?.id ?? null,
      position,
      code: `${parent?.code ? `${parent.code}.` : ''}${position + 1}`,
      title: JSON.stringify({ nl: `Onderdeel ${nodes.length + 1}`, fr: null, en: null }),
      description: null,
      owner_user_id: null,
      lead_partner: null,
      partners: '[]',
      core_group: '[]',
      start_date: leafish ? day(Date.UTC(2024, 0, 1), Math.floor(random() * 700)) : null,
      end_date: leafish ? day(Date.UTC(2026, 0, 1), Math.floor(random() * 360)) : null,
      weight: null,
      progress: leafish ? Math.round(random() * 100) : null,
      status: leafish ? STATUSES[Math.floor(random() * STATUSES.length)]! : null,
      status_on: leafish ? '2025-06-30' : null,
      status_note: null,
      budget_planned: leafish ? Math.round(random() * 10_000) : null,
      budget_spent: leafish ? Math.round(random() * 8_000) : null,
      staff_hours_planned: null,
      staff_hours_spent: null,
      aims: '["better_health"]',
      tags: '[]',
      smart: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      deleted_by: null,
      deletion_id: null,
    };
    nodes.push(row);
    return row;
  };
  const fanOut = [5, 5, 5, 8];
  let level: PlanNodeTable[] = [];
  for (let i = 0; i < fanOut[0]!; i++) level.push(add(null, i, 0));
  for (let depth = 1; depth < fanOut.length; depth++) {
    const next: PlanNodeTable[] = [];
    for (const parent of level) for (let i = 0; i < fanOut[depth]!; i++) next.push(add(parent, i, depth));
    level = next;
  }
  const actions = level;
  const milestones = new Map<string, number>();
  for (let k = 0; nodes.length < size.nodes; k++) {
    // Milestones carry the progress; the action above them rolls up.
    const parent = actions[k % actions.length]!;
    parent.progress = null;
    const position = milestones.get(parent.id) ?? 0;
    milestones.set(parent.id, position + 1);
    add(parent, position, 4);
  }

  const history: PlanStatusHistoryTable[] = [];
  for (const n of nodes) {
    if (!n.status) continue;
    history.push({
      id: newId(),
      network_id: networkId,
      plan_id: plan.id,
      node_id: n.id,
      status: n.status,
      status_on: n.status_on!,
      note: 'Stand van zaken',
      set_by: null,
      set_at: now,
    });
  }

  const carriers = nodes.filter((n) => n.code && n.code.split('.').length >= 3);
  const indicators: PlanIndicatorTable[] = [];
  const targets: PlanTargetTable[] = [];
  for (let i = 0; i < size.indicators; i++) {
    const node = carriers[Math.floor(random() * carriers.length)]!;
    indicators.push({
      id: newId(),
      network_id: networkId,
      plan_id: plan.id,
      node_id: node.id,
      position: i,
      kind: (['how_much', 'how_well', 'better_off', 'population'] as const)[i % 4]!,
      title: JSON.stringify({ nl: `Indicator ${i + 1}`, fr: null, en: null }),
      description: null,
      unit: 'aantal',
      polarity: i % 5 === 0 ? 'down' : 'up',
      frequency: 'monthly',
      baseline_value: 50,
      baseline_on: '2023-12-31',
      figure: null,
      latest_value: null,
      latest_on: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      deleted_by: null,
      deletion_id: null,
    });
    for (const year of [2024, 2025, 2026]) {
      targets.push({
        id: newId(),
        network_id: networkId,
        plan_id: plan.id,
        indicator_id: indicators[i]!.id,
        period_start: `${year}-01-01`,
        period_end: `${year}-12-31`,
        value: 60 + (year - 2024) * 10,
      });
    }
  }
  const measurements: PlanMeasurementTable[] = [];
  const perIndicator = Math.ceil(size.measurements / size.indicators);
  const span = 1034; // 2024-01-01 to 2026-10-31
  for (const indicator of indicators) {
    for (let j = 0; j < perIndicator && measurements.length < size.measurements; j++) {
      const on = day(Date.UTC(2024, 0, 1), Math.floor((j * span) / perIndicator));
      const value = Math.round(40 + random() * 60);
      measurements.push({
        id: newId(),
        network_id: networkId,
        plan_id: plan.id,
        indicator_id: indicator.id,
        measured_on: on,
        value,
        source: 'benchmark',
        entered_by: null,
        entered_at: now,
        request_id: null,
        deleted_at: null,
        deleted_by: null,
        deletion_id: null,
      });
      indicator.latest_value = value;
      indicator.latest_on = on;
    }
  }

  await inTransaction(db, async (trx) => {
    await repo.insertPlan(trx, plan);
    await repo.insertNodes(trx, nodes);
    await repo.insertStatuses(trx, history);
    await repo.insertIndicators(trx, indicators);
    await repo.insertTargets(trx, targets);
    await repo.insertMeasurements(trx, measurements);
  });
  return plan.id;
}
