import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { type Actor, actorOf, auditTenantWrite } from '../../platform/audit.ts';
import { inTransaction } from '../../platform/db/index.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { appLink, queueMail } from '../../platform/outbox.ts';
import { hasRole, type TenantContext } from '../../platform/tenancy.ts';
import { contactsByIds } from '../accounts/service.ts';
import * as geography from '../geography/service.ts';
import * as networks from '../networks/service.ts';
import './messages.ts';
import * as repo from './repo.ts';
import {
  type CreateAttachmentBody,
  CreateIndicatorBody,
  type CreateIndicatorInput,
  type CreateLinkBody,
  CreateMeasurementBody,
  type CreateMeasurementInput,
  CreateNodeBody,
  type CreateNodeInput,
  CreatePlanBody,
  type CreatePlanInput,
  type CreateRequestBody,
  type MoveNodeBody,
  type PLATFORM_FIGURES,
  type SetStatusBody,
  type SetTargetsBody,
  type SetWeightsBody,
  type UpdateIndicatorBody,
  type UpdateNodeInput,
  type UpdatePlanBody,
} from './schema.ts';
import type { PlanIndicatorTable, PlanNodeTable, PlanTable } from './tables.ts';

type Db = Kysely<PlatformTables>;

export type { Actor };
export { actorOf };

/** The unit a platform figure is expressed in; an indicator fed by the figure must use the same. */
export const FIGURE_UNITS: Record<(typeof PLATFORM_FIGURES)[number], string> = {
  population: 'inwoners',
  age65plus: 'inwoners',
  share65plus: '%',
};
export const FIGURE_SOURCE = 'Statbel (via Knooppunt)';

export const today = () => new Date().toISOString().slice(0, 10);
const json = (v: unknown) => JSON.stringify(v);
const WEIGHT_TOLERANCE = 0.01;

const audit = auditTenantWrite;

// Access.

export const isStaff = (tenant: TenantContext) => hasRole(tenant, 'staff');

/** Members read every plan; others (the public, non-members) only a published plan of a published network. */
export async function readablePlan(db: Db, tenant: TenantContext, planId: string): Promise<PlanTable> {
  const plan = await repo.findPlan(db, tenant.network.id, planId);
  if (!plan || (!hasRole(tenant, 'viewer') && plan.published !== 1)) throw notFound();
  return plan;
}

async function editablePlan(db: Db, tenant: TenantContext, planId: string): Promise<PlanTable> {
  const plan = await readablePlan(db, tenant, planId);
  if (!hasRole(tenant, 'viewer')) throw forbidden();
  return plan;
}

function requireStaff(tenant: TenantContext) {
  if (!isStaff(tenant)) throw forbidden();
}

/** Staff edit every node; a member edits the nodes they own. */
function requireNodeEditor(tenant: TenantContext, actor: Actor, node: PlanNodeTable) {
  if (isStaff(tenant)) return;
  if (actor.userId && node.owner_user_id === actor.userId && hasRole(tenant, 'viewer')) return;
  throw new AppError(403, 'plan_not_owner');
}

async function activeNode(db: Db, tenant: TenantContext, planId: string, nodeId: string) {
  const node = await repo.findNode(db, tenant.network.id, planId, nodeId);
  if (!node) throw new AppError(404, 'plan_unknown_node');
  return node;
}

async function activeIndicator(db: Db, tenant: TenantContext, planId: string, indicatorId: string) {
  const indicator = await repo.findIndicator(db, tenant.network.id, planId, indicatorId);
  if (!indicator) throw new AppError(404, 'plan_unknown_indicator');
  return indicator;
}

async function requireMember(db: Db, tenant: TenantContext, userId: string | null | undefined) {
  if (!userId) return;
  const members = await networks.listMembers(db, tenant);
  if (!members.some((m) => m.userId === userId)) throw badRequest('plan_person_not_member');
}

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

// Tree structure.

/** The ids of a node and everything below it (active nodes only). */
function subtree(nodes: readonly PlanNodeTable[], rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.parent_id) children.set(n.parent_id, [...(children.get(n.parent_id) ?? []), n.id]);
  }
  const out = [rootId];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]!) ?? []));
  return out;
}

/**
 * The weights rule: a sibling group is either unweighted (all equal) or weighted, and then the weights
 * entered for it add up to 100. A node joining a weighted group (or given a weight) brings the weights of
 * the whole group: its own as `weight`, its new siblings' as `siblingWeights`.
 */
function joinWeights(
  siblings: readonly PlanNodeTable[],
  weight: number | null,
  siblingWeights: Record<string, number> | undefined,
): Map<string, number> | null {
  const weighted = siblings.some((s) => s.weight !== null);
  if (!weighted && weight === null && !siblingWeights) return null;
  const ids = new Set(siblings.map((s) => s.id));
  const mismatch = () => badRequest('plan_weights_mismatch', { expected: siblings.length + 1 });
  if (weight === null || (siblingWeights && Object.keys(siblingWeights).some((id) => !ids.has(id))))
    throw mismatch();
  const out = new Map<string, number>();
  for (const s of siblings) {
    const w = siblingWeights?.[s.id] ?? s.weight;
    if (w === null || w === undefined) throw mismatch();
    out.set(s.id, w);
  }
  checkSum([...out.values(), weight]);
  return out;
}

function checkSum(weights: readonly number[]) {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (Math.abs(sum - 100) > WEIGHT_TOLERANCE)
    throw badRequest('plan_weights_sum', { sum: Math.round(sum * 100) / 100 });
}

/** Puts `nodeId` at `position` among its siblings and numbers the group 0..n-1 again. */
async function placeInGroup(
  db: Db,
  networkId: string,
  siblings: readonly PlanNodeTable[],
  nodeId: string,
  position: number | undefined,
) {
  const order = siblings.filter((s) => s.id !== nodeId).map((s) => s.id);
  order.splice(Math.min(position ?? order.length, order.length), 0, nodeId);
  for (const [i, id] of order.entries()) {
    const current = siblings.find((s) => s.id === id)?.position;
    if (current !== i) await repo.updateNode(db, networkId, id, { position: i });
  }
}

export function nodeRow(
  networkId: string,
  planId: string,
  input: z.output<typeof CreateNodeBody>,
  position: number,
  now = nowIso(),
): PlanNodeTable {
  return {
    id: newId(),
    network_id: networkId,
    plan_id: planId,
    parent_id: input.parentId,
    position,
    code: input.code,
    title: json(input.title),
    description: input.description ? json(input.description) : null,
    owner_user_id: input.ownerUserId,
    lead_partner: input.leadPartner,
    partners: json(input.partners),
    core_group: json(input.coreGroup),
    start_date: input.startDate,
    end_date: input.endDate,
    weight: input.weight,
    progress: input.progress,
    status: null,
    status_on: null,
    status_note: null,
    budget_planned: input.budgetPlanned,
    budget_spent: input.budgetSpent,
    staff_hours_planned: input.staffHoursPlanned,
    staff_hours_spent: input.staffHoursSpent,
    aims: json(input.aims),
    tags: json(input.tags),
    smart: input.smart ? json(input.smart) : null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    deleted_by: null,
    deletion_id: null,
  };
}

export async function createNode(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  raw: CreateNodeInput,
): Promise<string> {
  requireStaff(tenant);
  const input = CreateNodeBody.parse(raw);
  await requireMember(db, tenant, input.ownerUserId);
  return inTransaction(db, async (trx) => {
    await editablePlan(trx, tenant, planId);
    const nodes = await repo.listNodes(trx, tenant.network.id, planId);
    if (input.parentId && !nodes.some((n) => n.id === input.parentId)) throw badRequest('plan_unknown_node');
    const siblings = nodes.filter((n) => n.parent_id === input.parentId);
    const weights = joinWeights(siblings, input.weight, input.siblingWeights);
    const row = nodeRow(tenant.network.id, planId, input, siblings.length);
    await repo.insertNodes(trx, [row]);
    if (weights) await repo.setWeights(trx, tenant.network.id, weights);
    await placeInGroup(trx, tenant.network.id, [...siblings, row], row.id, input.position);
    await audit(trx, tenant, actor, 'plan.node_created', 'plan_node', row.id, null, {
      ...row,
      siblingWeights: weights ? Object.fromEntries(weights) : undefined,
    });
    return row.id;
  });
}

export async function updateNode(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  nodeId: string,
  patch: UpdateNodeInput,
) {
  await inTransaction(db, async (trx) => {
    await editablePlan(trx, tenant, planId);
    const node = await activeNode(trx, tenant, planId, nodeId);
    requireNodeEditor(tenant, actor, node);
    // Who answers for an item is the network's choice, not the owner's own.
    if (patch.ownerUserId !== undefined && patch.ownerUserId !== node.owner_user_id) {
      if (!isStaff(tenant)) throw new AppError(403, 'plan_not_owner');
      await requireMember(trx, tenant, patch.ownerUserId);
    }
    if (patch.progress !== undefined && patch.progress !== null) {
      const nodes = await repo.listNodes(trx, tenant.network.id, planId);
      if (nodes.some((n) => n.parent_id === nodeId)) throw badRequest('plan_progress_on_parent');
    }
    const changes: Partial<PlanNodeTable> = { updated_at: nowIso() };
    if (patch.code !== undefined) changes.code = patch.code;
    if (patch.title) changes.title = json(patch.title);
    if (patch.description !== undefined)
      changes.description = patch.description ? json(patch.description) : null;
    if (patch.ownerUserId !== undefined) changes.owner_user_id = patch.ownerUserId;
    if (patch.leadPartner !== undefined) changes.lead_partner = patch.leadPartner;
    if (patch.partners) changes.partners = json(patch.partners);
    if (patch.coreGroup) changes.core_group = json(patch.coreGroup);
    if (patch.startDate !== undefined) changes.start_date = patch.startDate;
    if (patch.endDate !== undefined) changes.end_date = patch.endDate;
    if (patch.progress !== undefined) changes.progress = patch.progress;
    if (patch.budgetPlanned !== undefined) changes.budget_planned = patch.budgetPlanned;
    if (patch.budgetSpent !== undefined) changes.budget_spent = patch.budgetSpent;
    if (patch.staffHoursPlanned !== undefined) changes.staff_hours_planned = patch.staffHoursPlanned;
    if (patch.staffHoursSpent !== undefined) changes.staff_hours_spent = patch.staffHoursSpent;
    if (patch.aims) changes.aims = json(patch.aims);
    if (patch.tags) changes.tags = json(patch.tags);
    if (patch.smart !== undefined) changes.smart = patch.smart ? json(patch.smart) : null;
    const after = { ...node, ...changes };
    if (after.start_date && after.end_date && after.start_date > after.end_date)
      throw badRequest('validation_failed', { details: 'endDate: endDate must not be before startDate' });
    await repo.updateNode(trx, tenant.network.id, nodeId, changes);
    await audit(trx, tenant, actor, 'plan.node_updated', 'plan_node', nodeId, node, after);
  });
}

export async function setStatus(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  nodeId: string,
  body: z.output<typeof SetStatusBody>,
) {
  const on = body.on ?? today();
  if (on > today()) throw badRequest('plan_status_future', { date: on });
  await inTransaction(db, async (trx) => {
    await editablePlan(trx, tenant, planId);
    const node = await activeNode(trx, tenant, planId, nodeId);
    requireNodeEditor(tenant, actor, node);
    const entry = {
      id: newId(),
      network_id: tenant.network.id,
      plan_id: planId,
      node_id: nodeId,
      status: body.status,
      status_on: on,
      note: body.note,
      set_by: actor.userId,
      set_at: nowIso(),
    };
    await repo.insertStatuses(trx, [entry]);
    // A status entered for an earlier date completes the history without replacing the current one.
    if (!node.status_on || on >= node.status_on) {
      await repo.updateNode(trx, tenant.network.id, nodeId, {
        status: body.status,
        status_on: on,
        status_note: body.note,
        updated_at: entry.set_at,
      });
    }
    await audit(
      trx,
      tenant,
      actor,
      'plan.status_set',
      'plan_node',
      nodeId,
      {
        status: node.status,
        on: node.status_on,
        note: node.status_note,
      },
      { status: body.status, on, note: body.note },
    );
  });
}

export async function moveNode(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  nodeId: string,
  body: z.output<typeof MoveNodeBody>,
) {
  requireStaff(tenant);
  await inTransaction(db, async (trx) => {
    await editablePlan(trx, tenant, planId);
    const nodes = await repo.listNodes(trx, tenant.network.id, planId);
    const node = nodes.find((n) => n.id === nodeId);
    if (!node) throw new AppError(404, 'plan_unknown_node');
    if (body.parentId && !nodes.some((n) => n.id === body.parentId)) throw badRequest('plan_unknown_node');
    if (body.parentId && subtree(nodes, nodeId).includes(body.parentId)) throw badRequest('plan_tree_cycle');
    const siblings = nodes.filter((n) => n.parent_id === body.parentId && n.id !== nodeId);
    const sameGroup = node.parent_id === body.parentId;
    const weights = sameGroup ? null : joinWeights(siblings, body.weight, body.siblingWeights);
    await repo.updateNode(trx, tenant.network.id, nodeId, {
      parent_id: body.parentId,
      ...(sameGroup ? {} : { weight: body.weight }),
      updated_at: nowIso(),
    });
    if (weights) await repo.setWeights(trx, tenant.network.id, weights);
    await placeInGroup(trx, tenant.network.id, [...siblings, node], nodeId, body.position);
    if (!sameGroup) {
      const former = nodes.filter((n) => n.parent_id === node.parent_id && n.id !== nodeId);
      for (const [i, s] of former.entries())
        if (s.position !== i) await repo.updateNode(trx, tenant.network.id, s.id, { position: i });
    }
    await audit(
      trx,
      tenant,
      actor,
      'plan.node_moved',
      'plan_node',
      nodeId,
      {
        parentId: node.parent_id,
        position: node.position,
        weight: node.weight,
      },
      {
        parentId: body.parentId,
        position: body.position ?? null,
        weight: body.weight,
        siblingWeights: weights ? Object.fromEntries(weights) : null,
      },
    );
  });
}

export async function setWeights(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  body: z.output<typeof SetWeightsBody>,
) {
  requireStaff(tenant);
  await inTransaction(db, async (trx) => {
    await editablePlan(trx, tenant, planId);
    const nodes = await repo.listNodes(trx, tenant.network.id, planId);
    if (body.parentId && !nodes.some((n) => n.id === body.parentId)) throw badRequest('plan_unknown_node');
    const group = nodes.filter((n) => n.parent_id === body.parentId);
    const next = new Map<string, number | null>();
    if (body.weights === null) {
      for (const n of group) next.set(n.id, null);
    } else {
      const given = Object.keys(body.weights);
      if (given.length !== group.length || group.some((n) => body.weights![n.id] === undefined))
        throw badRequest('plan_weights_mismatch', { expected: group.length });
      checkSum(Object.values(body.weights));
      for (const n of group) next.set(n.id, body.weights[n.id]!);
    }
    await repo.setWeights(trx, tenant.network.id, next);
    await audit(
      trx,
      tenant,
      actor,
      'plan.weights_set',
      'plan_node',
      body.parentId ?? planId,
      Object.fromEntries(group.map((n) => [n.id, n.weight])),
      Object.fromEntries(next),
    );
  });
}

// Deleting and undoing.

export async function deleteNode(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  nodeId: string,
  confirm: boolean,
) {
  requireStaff(tenant);
  return inTransaction(db, async (trx) => {
    await editablePlan(trx, tenant, planId);
    const nodes = await repo.listNodes(trx, tenant.network.id, planId);
    const node = nodes.find((n) => n.id === nodeId);
    if (!node) throw new AppError(404, 'plan_unknown_node');
    const ids = subtree(nodes, nodeId);
    const idSet = new Set(ids);
    const indicatorIds = (await repo.listIndicators(trx, tenant.network.id, planId))
      .filter((i) => idSet.has(i.node_id))
      .map((i) => i.id);
    const measurementIds = await repo.measurementIdsOf(trx, tenant.network.id, indicatorIds);
    if ((ids.length > 1 || measurementIds.length > 0) && !confirm) {
      throw new AppError(409, 'plan_delete_needs_confirm', {
        children: ids.length - 1,
        indicators: indicatorIds.length,
        measurements: measurementIds.length,
      });
    }
    const deletion = { id: newId(), at: nowIso(), by: actor.userId };
    await repo.softDelete(trx, tenant.network.id, 'plan_nodes', ids, deletion);
    await repo.softDelete(trx, tenant.network.id, 'plan_indicators', indicatorIds, deletion);
    await repo.softDelete(trx, tenant.network.id, 'plan_measurements', measurementIds, deletion);
    const result = {
      deletionId: deletion.id,
      nodes: ids.length,
      indicators: indicatorIds.length,
      measurements: measurementIds.length,
    };
    await audit(trx, tenant, actor, 'plan.node_deleted', 'plan_node', nodeId, node, {
      ...result,
      nodeIds: ids,
      indicatorIds,
    });
    return result;
  });
}

export async function deleteIndicator(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  indicatorId: string,
  confirm: boolean,
) {
  requireStaff(tenant);
  return inTransaction(db, async (trx) => {
    await editablePlan(trx, tenant, planId);
    const indicator = await activeIndicator(trx, tenant, planId, indicatorId);
    const measurementIds = await repo.measurementIdsOf(trx, tenant.network.id, [indicatorId]);
    if (measurementIds.length > 0 && !confirm)
      throw new AppError(409, 'plan_indicator_delete_needs_confirm', { measurements: measurementIds.length });
    const deletion = { id: newId(), at: nowIso(), by: actor.userId };
    await repo.softDelete(trx, tenant.network.id, 'plan_indicators', [indicatorId], deletion);
    await repo.softDelete(trx, tenant.network.id, 'plan_measurements', measurementIds, deletion);
    const result = { deletionId: deletion.id, nodes: 0, indicators: 1, measurements: measurementIds.length };
    await audit(
      trx,
      tenant,
      actor,
      'plan.indicator_deleted',
      'plan_indicator',
      indicatorId,
      indicator,
      result,
    );
    return result;
  });
}

export async function deleteMeasurement(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  indicatorId: string,
  measurementId: string,
) {
  return inTransaction(db, async (trx) => {
    await editablePlan(trx, tenant, planId);
    const indicator = await activeIndicator(trx, tenant, planId, indicatorId);
    requireNodeEditor(tenant, actor, await activeNode(trx, tenant, planId, indicator.node_id));
    const measurement = await repo.findMeasurement(trx, tenant.network.id, indicatorId, measurementId);
    if (!measurement) throw notFound();
    const deletion = { id: newId(), at: nowIso(), by: actor.userId };
    await repo.softDelete(trx, tenant.network.id, 'plan_measurements', [measurementId], deletion);
    await refreshLatest(trx, tenant.network.id, indicatorId);
    const result = { deletionId: deletion.id, nodes: 0, indicators: 0, measurements: 1 };
    await audit(
      trx,
      tenant,
      actor,
      'plan.measurement_deleted',
      'plan_measurement',
      measurementId,
      measurement,
      result,
    );
    return result;
  });
}

export async function undoDeletion(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  deletionId: string,
) {
  requireStaff(tenant);
  await inTransaction(db, async (trx) => {
    await editablePlan(trx, tenant, planId);
    const indicatorIds = await repo.indicatorsOfDeletion(trx, tenant.network.id, planId, deletionId);
    const restored = await repo.restoreDeletion(trx, tenant.network.id, planId, deletionId);
    if (restored === 0) throw new AppError(404, 'plan_deletion_not_found');
    for (const id of indicatorIds) await refreshLatest(trx, tenant.network.id, id);
    await audit(trx, tenant, actor, 'plan.deletion_undone', 'plan_deletion', deletionId, null, { restored });
  });
}

// Links and attachments.

export async function createLink(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  body: z.output<typeof CreateLinkBody>,
) {
  return inTransaction(db, async (trx) => {
    await editablePlan(trx, tenant, planId);
    const from = await activeNode(trx, tenant, planId, body.fromNodeId);
    const to = await activeNode(trx, tenant, planId, body.toNodeId);
    requireNodeEditor(tenant, actor, from);
    if (from.id === to.id) throw badRequest('plan_link_self');
    const links = await repo.listLinks(trx, tenant.network.id, planId);
    if (links.some((l) => l.from_node_id === from.id && l.to_node_id === to.id))
      throw conflict('plan_link_exists');
    if (reaches(links, to.id, from.id)) {
      const title = (n: PlanNodeTable) => (JSON.parse(n.title) as { nl: string }).nl;
      throw badRequest('plan_link_cycle', { from: title(from), to: title(to) });
    }
    const row = {
      id: newId(),
      network_id: tenant.network.id,
      plan_id: planId,
      from_node_id: from.id,
      to_node_id: to.id,
      note: body.note,
      created_at: nowIso(),
    };
    await repo.insertLinks(trx, [row]);
    await audit(trx, tenant, actor, 'plan.link_created', 'plan_link', row.id, null, row);
    return row.id;
  });
}

/** Whether the directed links lead from `start` to `goal`. */
function reaches(
  links: readonly { from_node_id: string; to_node_id: string }[],
  start: string,
  goal: string,
) {
  const out = new Map<string, string[]>();
  for (const l of links) out.set(l.from_node_id, [...(out.get(l.from_node_id) ?? []), l.to_node_id]);
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    const at = queue.pop()!;
    if (at === goal) return true;
    for (const next of out.get(at) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

export async function deleteLink(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  linkId: string,
) {
  await inTransaction(db, async (trx) => {
    await editablePlan(trx, tenant, planId);
    const link = (await repo.listLinks(trx, tenant.network.id, planId)).find((l) => l.id === linkId);
    if (!link) throw notFound();
    requireNodeEditor(tenant, actor, await activeNode(trx, tenant, planId, link.from_node_id));
    await repo.deleteLink(trx, tenant.network.id, planId, linkId);
    await audit(trx, tenant, actor, 'plan.link_deleted', 'plan_link', linkId, link, null);
  });
}

export async function addAttachment(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  nodeId: string,
  body: z.output<typeof CreateAttachmentBody>,
) {
  return inTransaction(db, async (trx) => {
    await editablePlan(trx, tenant, planId);
    requireNodeEditor(tenant, actor, await activeNode(trx, tenant, planId, nodeId));
    const row = {
      id: newId(),
      network_id: tenant.network.id,
      plan_id: planId,
      node_id: nodeId,
      kind: body.kind,
      title: body.title,
      url: body.url,
      added_by: actor.userId,
      created_at: nowIso(),
    };
    await repo.insertAttachments(trx, [row]);
    await audit(trx, tenant, actor, 'plan.attachment_added', 'plan_attachment', row.id, null, row);
    return row.id;
  });
}

export async function deleteAttachment(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  nodeId: string,
  attachmentId: string,
) {
  await inTransaction(db, async (trx) => {
    await editablePlan(trx, tenant, planId);
    requireNodeEditor(tenant, actor, await activeNode(trx, tenant, planId, nodeId));
    const before = (await repo.listAttachments(trx, tenant.network.id, planId, nodeId)).find(
      (a) => a.id === attachmentId,
    );
    if (!before) throw notFound();
    await repo.deleteAttachment(trx, tenant.network.id, nodeId, attachmentId);
    await audit(trx, tenant, actor, 'plan.attachment_deleted', 'plan_attachment', attachmentId, before, null);
  });
}

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

function checkTargetInPlan(plan: Pick<PlanTable, 'period_start' | 'period_end'>, from: string, to: string) {
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

// Measurement requests.

/** Mails the partner asked for a measurement, in its own language, through the outbox (same transaction). */
async function mailRequest(
  db: Db,
  tenant: TenantContext,
  request: { requested_from: string; message: string | null; due_on: string; plan_id: string },
  indicator: { id: string; title: string; unit: string },
  kind: 'request' | 'reminder',
) {
  const contact = (await contactsByIds(db, [request.requested_from])).get(request.requested_from);
  if (!contact) return;
  const params = {
    name: contact.name,
    network: tenant.network.name,
    indicator: indicator.title,
    unit: indicator.unit,
    due: request.due_on,
    message: request.message ?? '',
    link: appLink(`/n/${tenant.network.slug}/beleidsplan/${request.plan_id}/indicatoren/${indicator.id}`),
  };
  await queueMail(db, {
    networkId: tenant.network.id,
    to: contact.email,
    kind: `plan.measurement_${kind}`,
    subject: translate(
      contact.language,
      kind === 'request' ? 'plan_request_subject' : 'plan_reminder_subject',
      params,
    ),
    text: translate(contact.language, 'plan_request_body', params),
  });
}

export async function createRequest(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  indicatorId: string,
  body: z.output<typeof CreateRequestBody>,
) {
  await requireMember(db, tenant, body.requestedFrom);
  return inTransaction(db, async (trx) => {
    await editablePlan(trx, tenant, planId);
    const indicator = await activeIndicator(trx, tenant, planId, indicatorId);
    requireNodeEditor(tenant, actor, await activeNode(trx, tenant, planId, indicator.node_id));
    const row = {
      id: newId(),
      network_id: tenant.network.id,
      plan_id: planId,
      indicator_id: indicatorId,
      requested_from: body.requestedFrom,
      requested_by: actor.userId,
      requested_at: nowIso(),
      message: body.message,
      due_on: body.dueOn,
      remind_on: body.remindOn,
      reminded_at: null,
      fulfilled_at: null,
      measurement_id: null,
    };
    await repo.insertRequests(trx, [row]);
    await mailRequest(trx, tenant, row, indicator, 'request');
    await audit(trx, tenant, actor, 'plan.request_created', 'plan_measurement_request', row.id, null, row);
    return row.id;
  });
}

/** Reminds the partner by mail and records when. */
export async function remindRequest(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  planId: string,
  requestId: string,
) {
  await inTransaction(db, async (trx) => {
    await editablePlan(trx, tenant, planId);
    const request = await repo.findRequest(trx, tenant.network.id, planId, requestId);
    if (!request) throw notFound();
    const indicator = await activeIndicator(trx, tenant, planId, request.indicator_id);
    requireNodeEditor(tenant, actor, await activeNode(trx, tenant, planId, indicator.node_id));
    if (request.fulfilled_at) throw conflict('plan_request_done');
    const at = nowIso();
    await repo.updateRequest(trx, tenant.network.id, requestId, { reminded_at: at });
    await mailRequest(trx, tenant, request, indicator, 'reminder');
    await audit(
      trx,
      tenant,
      actor,
      'plan.request_reminded',
      'plan_measurement_request',
      requestId,
      {
        remindedAt: request.reminded_at,
      },
      { remindedAt: at },
    );
  });
}
