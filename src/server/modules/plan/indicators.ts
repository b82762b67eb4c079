// Use cases of indicators, their targets and measurements, and figures taken from the platform.
import type { z } from 'zod';
import type { Actor } from '../../platform/audit.ts';
import { inTransaction } from '../../platform/db/index.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import type { TenantContext } from '../../platform/tenancy.ts';
import * as geography from '../geography/service.ts';
import * as networks from '../networks/service.ts';
import {
  activeIndicator,
  activeNode,
  audit,
  type Db,
  editablePlan,
  FIGURE_SOURCE,
  FIGURE_UNITS,
  isStaff,
  json,
  requireNodeEditor,
  today,
} from './access.ts';
import * as repo from './repo.ts';
import {
  CreateIndicatorBody,
  type CreateIndicatorInput,
  CreateMeasurementBody,
  type CreateMeasurementInput,
  type SetTargetsBody,
  type UpdateIndicatorBody,
} from './schema.ts';
import type { PlanIndicatorTable, PlanNodeTable, PlanTable } from './tables.ts';

// Indicators, targets and measurements.

function checkFigureUnit(figure: string | null, unit: string) {
  const expected = figure ? FIGURE_UNITS[figure as keyof typeof FIGURE_UNITS] : undefined;
  if (expected && expected !== unit) throw badRequest('plan_measurement_unit', { expected, given: unit });
}

export async function createIndicator(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  raw: CreateIndicatorInput,
) {
  const input = CreateIndicatorBody.parse(raw);
  checkFigureUnit(input.figure, input.unit);
  return inTransaction(db, async (trx) => {
    await editablePlan(trx, tenant, planId);
    requireNodeEditor(tenant, actor, await activeNode(trx, tenant, planId, input.nodeId));
    const siblings = await repo.listIndicators(trx, tenant.network.id, planId, { nodeId: input.nodeId });
    const now = nowIso();
    const row: PlanIndicatorTable = {
      id: newId(),
      network_id: tenant.network.id,
      plan_id: planId,
      node_id: input.nodeId,
      position: siblings.length,
      kind: input.kind,
      title: json(input.title),
      description: input.description ? json(input.description) : null,
      unit: input.unit,
      polarity: input.polarity,
      frequency: input.frequency,
      baseline_value: input.baselineValue,
      baseline_on: input.baselineOn,
      figure: input.figure,
      latest_value: null,
      latest_on: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      deleted_by: null,
      deletion_id: null,
    };
    await repo.insertIndicators(trx, [row]);
    await audit(trx, tenant, actor, 'plan.indicator_created', 'plan_indicator', row.id, null, row);
    return row.id;
  });
}

export async function updateIndicator(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  indicatorId: string,
  patch: z.output<typeof UpdateIndicatorBody>,
) {
  await inTransaction(db, async (trx) => {
    await editablePlan(trx, tenant, planId);
    const indicator = await activeIndicator(trx, tenant, planId, indicatorId);
    requireNodeEditor(tenant, actor, await activeNode(trx, tenant, planId, indicator.node_id));
    if (patch.nodeId && patch.nodeId !== indicator.node_id)
      requireNodeEditor(tenant, actor, await activeNode(trx, tenant, planId, patch.nodeId));
    if (patch.unit && patch.unit !== indicator.unit && indicator.latest_on)
      throw badRequest('plan_unit_locked', { unit: indicator.unit });
    const changes: Partial<PlanIndicatorTable> = { updated_at: nowIso() };
    if (patch.nodeId) changes.node_id = patch.nodeId;
    if (patch.kind) changes.kind = patch.kind;
    if (patch.title) changes.title = json(patch.title);
    if (patch.description !== undefined)
      changes.description = patch.description ? json(patch.description) : null;
    if (patch.unit) changes.unit = patch.unit;
    if (patch.polarity) changes.polarity = patch.polarity;
    if (patch.frequency) changes.frequency = patch.frequency;
    if (patch.baselineValue !== undefined) changes.baseline_value = patch.baselineValue;
    if (patch.baselineOn !== undefined) changes.baseline_on = patch.baselineOn;
    if (patch.figure !== undefined) changes.figure = patch.figure;
    const after = { ...indicator, ...changes };
    checkFigureUnit(after.figure, after.unit);
    await repo.updateIndicator(trx, tenant.network.id, indicatorId, changes);
    await audit(
      trx,
      tenant,
      actor,
      'plan.indicator_updated',
      'plan_indicator',
      indicatorId,
      indicator,
      after,
    );
  });
}

export function checkTargetInPlan(
  plan: Pick<PlanTable, 'period_start' | 'period_end'>,
  from: string,
  to: string,
) {
  if (from < plan.period_start || to > plan.period_end)
    throw badRequest('plan_target_outside_period', {
      from,
      to,
      start: plan.period_start,
      end: plan.period_end,
    });
}

export async function setTargets(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  indicatorId: string,
  body: z.output<typeof SetTargetsBody>,
) {
  await inTransaction(db, async (trx) => {
    const plan = await editablePlan(trx, tenant, planId);
    const indicator = await activeIndicator(trx, tenant, planId, indicatorId);
    requireNodeEditor(tenant, actor, await activeNode(trx, tenant, planId, indicator.node_id));
    const sorted = [...body.targets].sort((a, b) => a.periodStart.localeCompare(b.periodStart));
    for (const [i, target] of sorted.entries()) {
      checkTargetInPlan(plan, target.periodStart, target.periodEnd);
      const prev = sorted[i - 1];
      if (prev && prev.periodEnd >= target.periodStart) {
        throw badRequest('plan_targets_overlap', {
          a: `${prev.periodStart}/${prev.periodEnd}`,
          b: `${target.periodStart}/${target.periodEnd}`,
        });
      }
    }
    const before = await repo.listTargets(trx, tenant.network.id, planId, indicatorId);
    await repo.deleteTargets(trx, tenant.network.id, indicatorId);
    await repo.insertTargets(
      trx,
      sorted.map((target) => ({
        id: newId(),
        network_id: tenant.network.id,
        plan_id: planId,
        indicator_id: indicatorId,
        period_start: target.periodStart,
        period_end: target.periodEnd,
        value: target.value,
      })),
    );
    await audit(trx, tenant, actor, 'plan.targets_set', 'plan_indicator', indicatorId, before, sorted);
  });
}

/** Keeps the indicator's latest value in step with its measurements (the tree reads only this). */
export async function refreshLatest(db: Db, networkId: string, indicatorId: string) {
  const latest = await repo.latestMeasurement(db, networkId, indicatorId);
  await repo.updateIndicator(db, networkId, indicatorId, {
    latest_value: latest?.value ?? null,
    latest_on: latest?.measured_on ?? null,
  });
}

export async function addMeasurement(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  indicatorId: string,
  raw: CreateMeasurementInput,
) {
  const input = CreateMeasurementBody.parse(raw);
  return inTransaction(db, async (trx) => {
    await editablePlan(trx, tenant, planId);
    const indicator = await activeIndicator(trx, tenant, planId, indicatorId);
    const node = await activeNode(trx, tenant, planId, indicator.node_id);
    const request = await answerableRequest(trx, tenant, actor, planId, indicatorId, node, input.requestId);
    if (input.unit !== indicator.unit)
      throw badRequest('plan_measurement_unit', { expected: indicator.unit, given: input.unit });
    if (input.measuredOn > today()) throw badRequest('plan_measurement_future', { date: input.measuredOn });
    const row = {
      id: newId(),
      network_id: tenant.network.id,
      plan_id: planId,
      indicator_id: indicatorId,
      measured_on: input.measuredOn,
      value: input.value,
      source: input.source,
      entered_by: actor.userId,
      entered_at: nowIso(),
      request_id: request?.id ?? null,
      deleted_at: null,
      deleted_by: null,
      deletion_id: null,
    };
    await repo.insertMeasurements(trx, [row]);
    if (!indicator.latest_on || row.measured_on >= indicator.latest_on) {
      await repo.updateIndicator(trx, tenant.network.id, indicatorId, {
        latest_value: row.value,
        latest_on: row.measured_on,
      });
    }
    if (request) {
      await repo.updateRequest(trx, tenant.network.id, request.id, {
        fulfilled_at: row.entered_at,
        measurement_id: row.id,
      });
    }
    await audit(trx, tenant, actor, 'plan.measurement_added', 'plan_measurement', row.id, null, row);
    return row.id;
  });
}

/**
 * Who may report a measurement: staff and the node's owner always; anyone else only against an open
 * request addressed to them. A request named by staff or the owner is closed by their measurement too.
 */
async function answerableRequest(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  indicatorId: string,
  node: PlanNodeTable,
  requestId: string | undefined,
) {
  const privileged = isStaff(tenant) || (actor.userId !== null && node.owner_user_id === actor.userId);
  if (!requestId) {
    if (privileged) return null;
    const mine = (await repo.listRequests(db, tenant.network.id, planId, { indicatorId })).find(
      (r) => r.requested_from === actor.userId && !r.fulfilled_at,
    );
    if (!mine) throw new AppError(403, 'plan_not_owner');
    return mine;
  }
  const request = await repo.findRequest(db, tenant.network.id, planId, requestId);
  if (!request || request.indicator_id !== indicatorId) throw notFound();
  if (!privileged && request.requested_from !== actor.userId)
    throw new AppError(403, 'plan_request_not_yours');
  if (request.fulfilled_at) throw conflict('plan_request_done');
  return request;
}

/** Takes the indicator's values from the platform's population figures of the network's municipalities. */
export async function syncFigures(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  indicatorId: string,
) {
  return inTransaction(db, async (trx) => {
    await editablePlan(trx, tenant, planId);
    const indicator = await activeIndicator(trx, tenant, planId, indicatorId);
    requireNodeEditor(tenant, actor, await activeNode(trx, tenant, planId, indicator.node_id));
    const figure = indicator.figure as keyof typeof FIGURE_UNITS | null;
    if (!figure) throw badRequest('plan_no_figure');
    const figures = await geography.populationFigures(
      trx,
      await networks.municipalityCodesOn(trx, tenant.network.id),
    );
    const points = figures.series.length
      ? figures.series.map((s) => ({
          on: s.referenceDate,
          value: figure === 'population' ? s.total : figure === 'age65plus' ? s.age65plus : s.share65plus,
        }))
      : figures.referenceDate
        ? [
            {
              on: figures.referenceDate,
              value:
                figures.totals[
                  figure === 'age65plus'
                    ? 'age65plus'
                    : figure === 'population'
                      ? 'population'
                      : 'share65plus'
                ],
            },
          ]
        : [];
    const known = new Set(
      (await repo.listMeasurements(trx, tenant.network.id, planId, { indicatorId })).map(
        (m) => m.measured_on,
      ),
    );
    const now = nowIso();
    const rows = points
      // An incomplete age breakdown gives no total: such a year is skipped rather than recorded as zero.
      .flatMap((p) => (p.value === null ? [] : [{ on: p.on, value: p.value }]))
      .filter((p) => p.on <= today() && !known.has(p.on))
      .map((p) => ({
        id: newId(),
        network_id: tenant.network.id,
        plan_id: planId,
        indicator_id: indicatorId,
        measured_on: p.on,
        value: p.value,
        source: `${FIGURE_SOURCE}: ${figures.source}, ${figures.licence}`,
        entered_by: actor.userId,
        entered_at: now,
        request_id: null,
        deleted_at: null,
        deleted_by: null,
        deletion_id: null,
      }));
    await repo.insertMeasurements(trx, rows);
    await refreshLatest(trx, tenant.network.id, indicatorId);
    await audit(trx, tenant, actor, 'plan.figures_synced', 'plan_indicator', indicatorId, null, {
      added: rows.map((r) => ({ on: r.measured_on, value: r.value })),
    });
    return rows.length;
  });
}
