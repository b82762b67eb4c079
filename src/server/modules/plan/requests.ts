// Use cases of measurement requests to partners, mailed through the outbox.
import type { z } from 'zod';
import type { Actor } from '../../platform/audit.ts';
import { inTransaction } from '../../platform/db/index.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { appLink, queueMail } from '../../platform/outbox.ts';
import type { TenantContext } from '../../platform/tenancy.ts';
import { contactsByIds } from '../accounts/service.ts';
import {
  activeIndicator,
  activeNode,
  audit,
  type Db,
  editablePlan,
  requireMember,
  requireNodeEditor,
} from './access.ts';
import * as repo from './repo.ts';
import type { CreateRequestBody } from './schema.ts';

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
