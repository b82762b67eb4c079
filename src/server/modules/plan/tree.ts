// Use cases of the plan tree: nodes, their place, status and weights, deleting and undoing.
import type { z } from 'zod';
import type { Actor } from '../../platform/audit.ts';
import { inTransaction } from '../../platform/db/index.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import type { TenantContext } from '../../platform/tenancy.ts';
import {
  activeIndicator,
  activeNode,
  audit,
  type Db,
  editablePlan,
  isStaff,
  json,
  requireMember,
  requireNodeEditor,
  requireStaff,
  today,
  WEIGHT_TOLERANCE,
} from './access.ts';
import { refreshLatest } from './indicators.ts';
import * as repo from './repo.ts';
import {
  CreateNodeBody,
  type CreateNodeInput,
  type MoveNodeBody,
  type SetStatusBody,
  type SetWeightsBody,
  type UpdateNodeInput,
} from './schema.ts';
import type { PlanNodeTable } from './tables.ts';

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
