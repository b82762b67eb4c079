// Reading an exchange document back in as new plans, all or nothing.
import type { Kysely } from 'kysely';
import { writeAudit } from '../../platform/audit.ts';
import { inTransaction } from '../../platform/db/index.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { badRequest, forbidden } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { hasRole, type TenantContext } from '../../platform/tenancy.ts';
import { findUserIdByEmail } from '../accounts/service.ts';
import { ExportDocument, type PlanDocument } from './exchange-document.ts';
import * as repo from './repo.ts';
import { type Actor, today } from './service.ts';
import type { PlanIndicatorTable, PlanMeasurementTable, PlanNodeTable } from './tables.ts';

type Db = Kysely<PlatformTables>;

export const formatError = (details: string) => badRequest('plan_import_format', { details });

/** Every id of the document replaced by a new one; unknown references are a format error. */
function remapper() {
  const ids = new Map<string, string>();
  return {
    assign(old: string) {
      if (ids.has(old)) throw formatError(`duplicate id ${old}`);
      const id = newId();
      ids.set(old, id);
      return id;
    },
    ref(old: string, what: string) {
      const id = ids.get(old);
      if (!id) throw formatError(`${what} ${old} is not in the file`);
      return id;
    },
    deletion(old: string) {
      const key = `deletion:${old}`;
      if (!ids.has(key)) ids.set(key, newId());
      return ids.get(key)!;
    },
  };
}

function checkDocument(doc: PlanDocument) {
  const parents = new Map(doc.nodes.map((n) => [n.id, n.parentId]));
  for (const n of doc.nodes) {
    const seen = new Set<string>();
    for (let at: string | null | undefined = n.id; at; at = parents.get(at)) {
      if (seen.has(at)) throw badRequest('plan_tree_cycle');
      seen.add(at);
    }
  }
  const out = new Map<string, string[]>();
  for (const l of doc.links) out.set(l.fromNodeId, [...(out.get(l.fromNodeId) ?? []), l.toNodeId]);
  const state = new Map<string, 1 | 2>();
  const visit = (id: string): void => {
    state.set(id, 1);
    for (const next of out.get(id) ?? []) {
      if (state.get(next) === 1) throw badRequest('plan_link_cycle', { from: id, to: next });
      if (!state.has(next)) visit(next);
    }
    state.set(id, 2);
  };
  for (const id of out.keys()) if (!state.has(id)) visit(id);
  for (const t of doc.targets) {
    if (t.periodStart < doc.plan.periodStart || t.periodEnd > doc.plan.periodEnd)
      throw badRequest('plan_target_outside_period', {
        from: t.periodStart,
        to: t.periodEnd,
        start: doc.plan.periodStart,
        end: doc.plan.periodEnd,
      });
  }
  const now = today();
  for (const m of doc.measurements)
    if (m.measuredOn > now) throw badRequest('plan_measurement_future', { date: m.measuredOn });
}

async function resolvePeople(db: Db, docs: readonly PlanDocument[]): Promise<Map<string, string>> {
  const emails = new Set<string>();
  const add = (e: string | null) => {
    if (e) emails.add(e.toLowerCase());
  };
  for (const d of docs) {
    for (const n of d.nodes) [n.owner, n.deleted?.by ?? null].forEach(add);
    for (const h of d.statusHistory) add(h.setBy);
    for (const a of d.attachments) add(a.addedBy);
    for (const i of d.indicators) add(i.deleted?.by ?? null);
    for (const m of d.measurements) [m.enteredBy, m.deleted?.by ?? null].forEach(add);
    for (const r of d.requests) [r.requestedFrom, r.requestedBy].forEach(add);
  }
  const out = new Map<string, string>();
  const unknown: string[] = [];
  for (const e of [...emails].sort()) {
    const id = await findUserIdByEmail(db, e);
    if (id) out.set(e, id);
    else unknown.push(e);
  }
  if (unknown.length) throw badRequest('plan_import_unknown_people', { emails: unknown.join(', ') });
  return out;
}

/** What writing one imported plan needs: the transaction, the plan's new ids and the people by e-mail. */
interface ImportScope {
  trx: Db;
  networkId: string;
  planId: string;
  ids: ReturnType<typeof remapper>;
  personOf: (email: string | null) => string | null;
}

function deletedColumns(s: ImportScope, x: PlanDocument['nodes'][number]['deleted']) {
  return x
    ? { deleted_at: x.at, deleted_by: s.personOf(x.by), deletion_id: s.ids.deletion(x.deletionId) }
    : { deleted_at: null, deleted_by: null, deletion_id: null };
}

/** The tree of an imported plan: nodes, their status history, links and attachments. */
async function importTree(s: ImportScope, d: PlanDocument) {
  const { trx, networkId, planId, ids, personOf } = s;
  const deleted = (x: PlanDocument['nodes'][number]['deleted']) => deletedColumns(s, x);
  for (const n of d.nodes) ids.assign(n.id);
  const nodes: PlanNodeTable[] = d.nodes.map((n) => ({
    id: ids.ref(n.id, 'node'),
    network_id: networkId,
    plan_id: planId,
    parent_id: n.parentId ? ids.ref(n.parentId, 'node') : null,
    position: n.position,
    code: n.code,
    title: JSON.stringify(n.title),
    description: n.description ? JSON.stringify(n.description) : null,
    owner_user_id: personOf(n.owner),
    lead_partner: n.leadPartner,
    partners: JSON.stringify(n.partners),
    core_group: JSON.stringify(n.coreGroup),
    start_date: n.startDate,
    end_date: n.endDate,
    weight: n.weight,
    progress: n.progress,
    status: n.status,
    status_on: n.statusOn,
    status_note: n.statusNote,
    budget_planned: n.budgetPlanned,
    budget_spent: n.budgetSpent,
    staff_hours_planned: n.staffHoursPlanned,
    staff_hours_spent: n.staffHoursSpent,
    aims: JSON.stringify(n.aims),
    tags: JSON.stringify(n.tags),
    smart: n.smart ? JSON.stringify(n.smart) : null,
    created_at: n.createdAt,
    updated_at: n.updatedAt,
    ...deleted(n.deleted),
  }));
  await repo.insertNodes(trx, nodes);
  await repo.insertStatuses(
    trx,
    d.statusHistory.map((h) => ({
      id: ids.assign(h.id),
      network_id: networkId,
      plan_id: planId,
      node_id: ids.ref(h.nodeId, 'node'),
      status: h.status,
      status_on: h.on,
      note: h.note,
      set_by: personOf(h.setBy),
      set_at: h.setAt,
    })),
  );
  await repo.insertLinks(
    trx,
    d.links.map((l) => ({
      id: ids.assign(l.id),
      network_id: networkId,
      plan_id: planId,
      from_node_id: ids.ref(l.fromNodeId, 'node'),
      to_node_id: ids.ref(l.toNodeId, 'node'),
      note: l.note,
      created_at: l.createdAt,
    })),
  );
  await repo.insertAttachments(
    trx,
    d.attachments.map((a) => ({
      id: ids.assign(a.id),
      network_id: networkId,
      plan_id: planId,
      node_id: ids.ref(a.nodeId, 'node'),
      kind: a.kind,
      title: a.title,
      url: a.url,
      added_by: personOf(a.addedBy),
      created_at: a.createdAt,
    })),
  );
}

/** The indicators of an imported plan with their targets, measurements and requests. */
async function importIndicators(s: ImportScope, d: PlanDocument) {
  const { trx, networkId, planId, ids, personOf } = s;
  const deleted = (x: PlanDocument['nodes'][number]['deleted']) => deletedColumns(s, x);
  const latest = new Map<string, { measured_on: string; entered_at: string; value: number }>();
  for (const m of d.measurements) {
    if (m.deleted) continue;
    const l = latest.get(m.indicatorId);
    if (!l || m.measuredOn > l.measured_on || (m.measuredOn === l.measured_on && m.enteredAt >= l.entered_at))
      latest.set(m.indicatorId, { measured_on: m.measuredOn, entered_at: m.enteredAt, value: m.value });
  }
  const indicators: PlanIndicatorTable[] = d.indicators.map((i) => ({
    id: ids.assign(i.id),
    network_id: networkId,
    plan_id: planId,
    node_id: ids.ref(i.nodeId, 'node'),
    position: i.position,
    kind: i.kind,
    title: JSON.stringify(i.title),
    description: i.description ? JSON.stringify(i.description) : null,
    unit: i.unit,
    polarity: i.polarity,
    frequency: i.frequency,
    baseline_value: i.baselineValue,
    baseline_on: i.baselineOn,
    figure: i.figure,
    latest_value: latest.get(i.id)?.value ?? null,
    latest_on: latest.get(i.id)?.measured_on ?? null,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    ...deleted(i.deleted),
  }));
  await repo.insertIndicators(trx, indicators);
  await repo.insertTargets(
    trx,
    d.targets.map((t) => ({
      id: ids.assign(t.id),
      network_id: networkId,
      plan_id: planId,
      indicator_id: ids.ref(t.indicatorId, 'indicator'),
      period_start: t.periodStart,
      period_end: t.periodEnd,
      value: t.value,
    })),
  );
  // Requests and measurements point at each other: assign both sets of ids before writing either.
  for (const r of d.requests) ids.assign(r.id);
  for (const m of d.measurements) ids.assign(m.id);
  const measurements: PlanMeasurementTable[] = d.measurements.map((m) => ({
    id: ids.ref(m.id, 'measurement'),
    network_id: networkId,
    plan_id: planId,
    indicator_id: ids.ref(m.indicatorId, 'indicator'),
    measured_on: m.measuredOn,
    value: m.value,
    source: m.source,
    entered_by: personOf(m.enteredBy),
    entered_at: m.enteredAt,
    request_id: m.requestId ? ids.ref(m.requestId, 'request') : null,
    ...deleted(m.deleted),
  }));
  await repo.insertMeasurements(trx, measurements);
  await repo.insertRequests(
    trx,
    d.requests.map((r) => ({
      id: ids.ref(r.id, 'request'),
      network_id: networkId,
      plan_id: planId,
      indicator_id: ids.ref(r.indicatorId, 'indicator'),
      requested_from: personOf(r.requestedFrom)!,
      requested_by: personOf(r.requestedBy),
      requested_at: r.requestedAt,
      message: r.message,
      due_on: r.dueOn,
      remind_on: r.remindOn,
      reminded_at: r.remindedAt,
      fulfilled_at: r.fulfilledAt,
      measurement_id: r.measurementId ? ids.ref(r.measurementId, 'measurement') : null,
    })),
  );
}

/**
 * Imports the plans of a document into a network as new plans, all or nothing. Everything is checked as
 * on entry (tree and links without cycles, targets inside the plan, no future measurements, known people)
 * except the weights, which may legitimately no longer add up after deletions (decision 040).
 */
export async function importPlans(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  raw: unknown,
): Promise<{ planIds: string[] }> {
  if (!hasRole(tenant, 'staff')) throw forbidden();
  const parsed = ExportDocument.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw formatError(`${first?.path.join('.') ?? ''}: ${first?.message ?? ''}`);
  }
  const doc = parsed.data;
  for (const p of doc.plans) checkDocument(p);
  const people = await resolvePeople(db, doc.plans);
  const personOf = (e: string | null) => (e ? people.get(e.toLowerCase())! : null);
  const networkId = tenant.network.id;
  return inTransaction(db, async (trx) => {
    const planIds: string[] = [];
    for (const d of doc.plans) {
      const ids = remapper();
      const s: ImportScope = { trx, networkId, planId: ids.assign(d.plan.id), ids, personOf };
      const planId = s.planId;
      await repo.insertPlan(trx, {
        id: planId,
        network_id: networkId,
        kind: d.plan.kind,
        title: JSON.stringify(d.plan.title),
        description: d.plan.description ? JSON.stringify(d.plan.description) : null,
        period_start: d.plan.periodStart,
        period_end: d.plan.periodEnd,
        level_names: JSON.stringify(d.plan.levelNames),
        action_level: Math.min(d.plan.actionLevel, d.plan.levelNames.length - 1),
        on_track_at: d.plan.statusRules.onTrackAt,
        at_risk_at: d.plan.statusRules.atRiskAt,
        published: d.plan.published ? 1 : 0,
        is_example: d.plan.isExample ? 1 : 0,
        created_at: d.plan.createdAt,
        updated_at: d.plan.updatedAt,
      });
      await importTree(s, d);
      await importIndicators(s, d);
      await writeAudit(trx, {
        networkId,
        actorUserId: actor.userId,
        action: 'plan.imported',
        entityType: 'plan',
        entityId: planId,
        after: {
          from: doc.network,
          sourcePlanId: d.plan.id,
          nodes: d.nodes.length,
          indicators: d.indicators.length,
          measurements: d.measurements.length,
        },
        requestId: actor.requestId,
      });
      planIds.push(planId);
    }
    return { planIds };
  });
}
