// Use cases of the links between nodes and the attachments of a node.
import type { z } from 'zod';
import type { Actor } from '../../platform/audit.ts';
import { inTransaction } from '../../platform/db/index.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import type { TenantContext } from '../../platform/tenancy.ts';
import { activeNode, audit, type Db, editablePlan, requireNodeEditor } from './access.ts';
import * as repo from './repo.ts';
import type { CreateAttachmentBody, CreateLinkBody } from './schema.ts';
import type { PlanNodeTable } from './tables.ts';

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
