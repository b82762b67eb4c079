// The plan module's public face: plans here; the tree, links, indicators and requests in their own files.
import type { z } from 'zod';
import { type Actor, actorOf } from '../../platform/audit.ts';
import { inTransaction } from '../../platform/db/index.ts';
import { badRequest } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import type { TenantContext } from '../../platform/tenancy.ts';
import './messages.ts';
import { audit, type Db, json, readablePlan, requireStaff } from './access.ts';
import { checkTargetInPlan } from './indicators.ts';
import * as repo from './repo.ts';
import { CreatePlanBody, type CreatePlanInput, type UpdatePlanBody } from './schema.ts';
import type { PlanTable } from './tables.ts';

export { FIGURE_SOURCE, FIGURE_UNITS, isStaff, readablePlan, today } from './access.ts';
export {
  addMeasurement,
  createIndicator,
  refreshLatest,
  setTargets,
  syncFigures,
  updateIndicator,
} from './indicators.ts';
export * from './links.ts';
export * from './requests.ts';
export * from './tree.ts';
export type { Actor };
export { actorOf };

// Plans.

export function planRow(
  networkId: string,
  input: z.output<typeof CreatePlanBody>,
  now = nowIso(),
): PlanTable {
  return {
    id: newId(),
    network_id: networkId,
    kind: input.kind,
    title: json(input.title),
    description: input.description ? json(input.description) : null,
    period_start: input.periodStart,
    period_end: input.periodEnd,
    level_names: json(input.levelNames),
    action_level: input.actionLevel ?? input.levelNames.length - 1,
    on_track_at: input.statusRules.onTrackAt,
    at_risk_at: input.statusRules.atRiskAt,
    published: input.published ? 1 : 0,
    is_example: input.isExample ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
}

export async function createPlan(db: Db, tenant: TenantContext, actor: Actor, raw: CreatePlanInput) {
  requireStaff(tenant);
  const row = planRow(tenant.network.id, CreatePlanBody.parse(raw));
  await inTransaction(db, async (trx) => {
    await repo.insertPlan(trx, row);
    await audit(trx, tenant, actor, 'plan.created', 'plan', row.id, null, row);
  });
  return row;
}

export async function updatePlan(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  patch: z.output<typeof UpdatePlanBody>,
) {
  requireStaff(tenant);
  await inTransaction(db, async (trx) => {
    const plan = await readablePlan(trx, tenant, planId);
    const changes: Partial<PlanTable> = { updated_at: nowIso() };
    if (patch.title) changes.title = json(patch.title);
    if (patch.description !== undefined)
      changes.description = patch.description ? json(patch.description) : null;
    if (patch.periodStart) changes.period_start = patch.periodStart;
    if (patch.periodEnd) changes.period_end = patch.periodEnd;
    if (patch.levelNames) changes.level_names = json(patch.levelNames);
    if (patch.actionLevel !== undefined) changes.action_level = patch.actionLevel;
    if (patch.statusRules) {
      changes.on_track_at = patch.statusRules.onTrackAt;
      changes.at_risk_at = patch.statusRules.atRiskAt;
    }
    if (patch.published !== undefined) changes.published = patch.published ? 1 : 0;
    if (patch.isExample !== undefined) changes.is_example = patch.isExample ? 1 : 0;
    const after = { ...plan, ...changes };
    if (after.period_start > after.period_end)
      throw badRequest('validation_failed', { details: 'periodEnd' });
    if (after.action_level >= (JSON.parse(after.level_names) as unknown[]).length)
      throw badRequest('plan_action_level');
    if (patch.periodStart || patch.periodEnd) {
      for (const target of await repo.listTargets(trx, tenant.network.id, planId))
        checkTargetInPlan(after, target.period_start, target.period_end);
    }
    await repo.updatePlan(trx, tenant.network.id, planId, changes);
    await audit(trx, tenant, actor, 'plan.updated', 'plan', planId, plan, after);
  });
}
