import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { SYSTEM_ACTOR, writeAudit } from '../../platform/audit.ts';
import { inTransaction } from '../../platform/db/index.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { AppError, badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { hasRole, type TenantContext } from '../../platform/tenancy.ts';
import { contactsByIds, findUserIdByEmail } from '../accounts/service.ts';
import * as networks from '../networks/service.ts';
import * as repo from './repo.ts';
import {
  ATTACHMENT_KINDS,
  FREQUENCIES,
  INDICATOR_KINDS,
  LocalizedText,
  LocalizedTitle,
  NODE_STATUSES,
  PLAN_KINDS,
  PLATFORM_FIGURES,
  POLARITIES,
  QUINTUPLE_AIMS,
  Smart,
  Tag,
} from './schema.ts';
import { type Actor, readablePlan, today } from './service.ts';
import type { PlanIndicatorTable, PlanMeasurementTable, PlanNodeTable, PlanTable } from './tables.ts';
import { PLAN_USAGE } from './usage.ts';

type Db = Kysely<PlatformTables>;

/**
 * The plan exchange format (docs/decisions/040-plan-data-model.md). Everything a plan holds is in it,
 * soft-deleted rows included, so that export → import → export gives the same document apart from ids:
 * ids are the source's and are all replaced on import, people travel as e-mail addresses and are matched
 * to accounts by e-mail. The indicators' latest values are derived and recomputed on import.
 */
export const EXPORT_FORMAT = 'knooppunt.plan';
export const EXPORT_VERSION = 1;

const Ref = z.string().min(1).max(100);
const Email = z.email().max(254).nullable();
const date = z.iso.date();
const stamp = z.string().min(10).max(40);
const Deleted = z.object({ at: stamp, by: Email, deletionId: Ref }).nullable();

export const PlanDocument = z.object({
  plan: z.object({
    id: Ref,
    kind: z.enum(PLAN_KINDS),
    title: LocalizedTitle,
    description: LocalizedText.nullable(),
    periodStart: date,
    periodEnd: date,
    levelNames: z.array(LocalizedTitle).min(1).max(8),
    actionLevel: z.number().int().min(0).max(7),
    statusRules: z.object({ onTrackAt: z.number(), atRiskAt: z.number() }),
    published: z.boolean(),
    isExample: z.boolean(),
    createdAt: stamp,
    updatedAt: stamp,
  }),
  nodes: z.array(
    z.object({
      id: Ref,
      parentId: Ref.nullable(),
      position: z.number().int().min(0),
      code: z.string().max(30).nullable(),
      title: LocalizedTitle,
      description: LocalizedText.nullable(),
      owner: Email,
      leadPartner: z.string().max(200).nullable(),
      partners: z.array(z.string().max(200)),
      coreGroup: z.array(z.string().max(200)),
      startDate: date.nullable(),
      endDate: date.nullable(),
      weight: z.number().min(0).max(100).nullable(),
      progress: z.number().min(0).max(100).nullable(),
      status: z.enum(NODE_STATUSES).nullable(),
      statusOn: date.nullable(),
      statusNote: z.string().nullable(),
      budgetPlanned: z.number().nullable(),
      budgetSpent: z.number().nullable(),
      staffHoursPlanned: z.number().nullable(),
      staffHoursSpent: z.number().nullable(),
      aims: z.array(z.enum(QUINTUPLE_AIMS)),
      tags: z.array(Tag),
      smart: Smart.nullable(),
      createdAt: stamp,
      updatedAt: stamp,
      deleted: Deleted,
    }),
  ),
  statusHistory: z.array(
    z.object({
      id: Ref,
      nodeId: Ref,
      status: z.enum(NODE_STATUSES),
      on: date,
      note: z.string().nullable(),
      setBy: Email,
      setAt: stamp,
    }),
  ),
  links: z.array(
    z.object({ id: Ref, fromNodeId: Ref, toNodeId: Ref, note: z.string().nullable(), createdAt: stamp }),
  ),
  attachments: z.array(
    z.object({
      id: Ref,
      nodeId: Ref,
      kind: z.enum(ATTACHMENT_KINDS),
      title: z.string().min(1).max(300),
      url: z.url({ protocol: /^https?$/ }),
      addedBy: Email,
      createdAt: stamp,
    }),
  ),
  indicators: z.array(
    z.object({
      id: Ref,
      nodeId: Ref,
      position: z.number().int().min(0),
      kind: z.enum(INDICATOR_KINDS),
      title: LocalizedTitle,
      description: LocalizedText.nullable(),
      unit: z.string().min(1).max(30),
      polarity: z.enum(POLARITIES),
      frequency: z.enum(FREQUENCIES),
      baselineValue: z.number().nullable(),
      baselineOn: date.nullable(),
      figure: z.enum(PLATFORM_FIGURES).nullable(),
      createdAt: stamp,
      updatedAt: stamp,
      deleted: Deleted,
    }),
  ),
  targets: z.array(
    z.object({ id: Ref, indicatorId: Ref, periodStart: date, periodEnd: date, value: z.number() }),
  ),
  measurements: z.array(
    z.object({
      id: Ref,
      indicatorId: Ref,
      measuredOn: date,
      value: z.number(),
      source: z.string().nullable(),
      enteredBy: Email,
      enteredAt: stamp,
      requestId: Ref.nullable(),
      deleted: Deleted,
    }),
  ),
  requests: z.array(
    z.object({
      id: Ref,
      indicatorId: Ref,
      requestedFrom: z.email(),
      requestedBy: Email,
      requestedAt: stamp,
      message: z.string().nullable(),
      dueOn: date,
      remindOn: date.nullable(),
      remindedAt: stamp.nullable(),
      fulfilledAt: stamp.nullable(),
      measurementId: Ref.nullable(),
    }),
  ),
});
export type PlanDocument = z.infer<typeof PlanDocument>;

export const ExportDocument = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: stamp,
  network: z.string(),
  plans: z.array(PlanDocument).max(100),
});
export type ExportDocument = z.infer<typeof ExportDocument>;

const parse = <T>(s: string) => JSON.parse(s) as T;
const parseOr = <T>(s: string | null) => (s === null ? null : (JSON.parse(s) as T));

/**
 * Depth-first order of all nodes, deleted ones included. Ties are broken by content, never by id, so
 * that a re-imported plan (new ids) exports in the same order.
 */
function canonicalOrder(nodes: readonly PlanNodeTable[]): PlanNodeTable[] {
  const children = new Map<string, PlanNodeTable[]>();
  for (const n of nodes) children.set(n.parent_id ?? '', [...(children.get(n.parent_id ?? '') ?? []), n]);
  const cmp = (a: PlanNodeTable, b: PlanNodeTable) =>
    a.position - b.position ||
    a.created_at.localeCompare(b.created_at) ||
    (a.code ?? '').localeCompare(b.code ?? '') ||
    a.title.localeCompare(b.title);
  const out: PlanNodeTable[] = [];
  const stack = [...(children.get('') ?? [])].sort(cmp).reverse();
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    stack.push(...[...(children.get(n.id) ?? [])].sort(cmp).reverse());
  }
  return out;
}

async function exportPlan(db: Db, plan: PlanTable): Promise<PlanDocument> {
  const n = plan.network_id;
  const [nodes, history, links, attachments, indicators, targets, measurements, requests] = await Promise.all(
    [
      repo.listNodes(db, n, plan.id, { withDeleted: true }),
      repo.statusHistory(db, n, plan.id),
      repo.listLinks(db, n, plan.id),
      repo.listAttachments(db, n, plan.id),
      repo.listIndicators(db, n, plan.id, { withDeleted: true }),
      repo.listTargets(db, n, plan.id),
      repo.listMeasurements(db, n, plan.id, { withDeleted: true }),
      repo.listRequests(db, n, plan.id),
    ],
  );
  const personIds = new Set<string>();
  const collect = (...ids: (string | null)[]) => {
    for (const id of ids) if (id) personIds.add(id);
  };
  for (const r of nodes) collect(r.owner_user_id, r.deleted_by);
  for (const h of history) collect(h.set_by);
  for (const a of attachments) collect(a.added_by);
  for (const i of indicators) collect(i.deleted_by);
  for (const m of measurements) collect(m.entered_by, m.deleted_by);
  for (const r of requests) collect(r.requested_from, r.requested_by);
  const emails = new Map([...(await contactsByIds(db, [...personIds]))].map(([id, c]) => [id, c.email]));
  const emailOf = (id: string | null) => (id ? (emails.get(id) ?? null) : null);
  const ordered = canonicalOrder(nodes);
  const nodeRank = new Map(ordered.map((node, i) => [node.id, i]));
  const byNode = (a: { node_id: string }, b: { node_id: string }) =>
    nodeRank.get(a.node_id)! - nodeRank.get(b.node_id)!;
  const orderedIndicators = [...indicators].sort(
    (a, b) =>
      byNode(a, b) ||
      a.position - b.position ||
      a.created_at.localeCompare(b.created_at) ||
      a.title.localeCompare(b.title),
  );
  const indicatorRank = new Map(orderedIndicators.map((i, k) => [i.id, k]));
  const byIndicator = (a: { indicator_id: string }, b: { indicator_id: string }) =>
    indicatorRank.get(a.indicator_id)! - indicatorRank.get(b.indicator_id)!;
  const deleted = (r: {
    deleted_at: string | null;
    deleted_by: string | null;
    deletion_id: string | null;
  }) =>
    r.deleted_at && r.deletion_id
      ? { at: r.deleted_at, by: emailOf(r.deleted_by), deletionId: r.deletion_id }
      : null;

  return {
    plan: {
      id: plan.id,
      kind: plan.kind as PlanDocument['plan']['kind'],
      title: parse(plan.title),
      description: parseOr(plan.description),
      periodStart: plan.period_start,
      periodEnd: plan.period_end,
      levelNames: parse(plan.level_names),
      actionLevel: plan.action_level,
      statusRules: { onTrackAt: plan.on_track_at, atRiskAt: plan.at_risk_at },
      published: plan.published === 1,
      isExample: plan.is_example === 1,
      createdAt: plan.created_at,
      updatedAt: plan.updated_at,
    },
    nodes: ordered.map((r) => ({
      id: r.id,
      parentId: r.parent_id,
      position: r.position,
      code: r.code,
      title: parse(r.title),
      description: parseOr(r.description),
      owner: emailOf(r.owner_user_id),
      leadPartner: r.lead_partner,
      partners: parse(r.partners),
      coreGroup: parse(r.core_group),
      startDate: r.start_date,
      endDate: r.end_date,
      weight: r.weight,
      progress: r.progress,
      status: r.status as PlanDocument['nodes'][number]['status'],
      statusOn: r.status_on,
      statusNote: r.status_note,
      budgetPlanned: r.budget_planned,
      budgetSpent: r.budget_spent,
      staffHoursPlanned: r.staff_hours_planned,
      staffHoursSpent: r.staff_hours_spent,
      aims: parse(r.aims),
      tags: parse(r.tags),
      smart: parseOr(r.smart),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      deleted: deleted(r),
    })),
    statusHistory: [...history]
      .sort(
        (a, b) =>
          byNode(a, b) ||
          a.status_on.localeCompare(b.status_on) ||
          a.set_at.localeCompare(b.set_at) ||
          a.status.localeCompare(b.status),
      )
      .map((h) => ({
        id: h.id,
        nodeId: h.node_id,
        status: h.status as PlanDocument['statusHistory'][number]['status'],
        on: h.status_on,
        note: h.note,
        setBy: emailOf(h.set_by),
        setAt: h.set_at,
      })),
    links: [...links]
      .sort(
        (a, b) =>
          nodeRank.get(a.from_node_id)! - nodeRank.get(b.from_node_id)! ||
          nodeRank.get(a.to_node_id)! - nodeRank.get(b.to_node_id)!,
      )
      .map((l) => ({
        id: l.id,
        fromNodeId: l.from_node_id,
        toNodeId: l.to_node_id,
        note: l.note,
        createdAt: l.created_at,
      })),
    attachments: [...attachments]
      .sort(
        (a, b) => byNode(a, b) || a.created_at.localeCompare(b.created_at) || a.title.localeCompare(b.title),
      )
      .map((a) => ({
        id: a.id,
        nodeId: a.node_id,
        kind: a.kind as 'link' | 'file',
        title: a.title,
        url: a.url,
        addedBy: emailOf(a.added_by),
        createdAt: a.created_at,
      })),
    indicators: orderedIndicators.map((i) => ({
      id: i.id,
      nodeId: i.node_id,
      position: i.position,
      kind: i.kind as PlanDocument['indicators'][number]['kind'],
      title: parse(i.title),
      description: parseOr(i.description),
      unit: i.unit,
      polarity: i.polarity as 'up' | 'down',
      frequency: i.frequency as PlanDocument['indicators'][number]['frequency'],
      baselineValue: i.baseline_value,
      baselineOn: i.baseline_on,
      figure: i.figure as PlanDocument['indicators'][number]['figure'],
      createdAt: i.created_at,
      updatedAt: i.updated_at,
      deleted: deleted(i),
    })),
    targets: [...targets]
      .sort((a, b) => byIndicator(a, b) || a.period_start.localeCompare(b.period_start))
      .map((t) => ({
        id: t.id,
        indicatorId: t.indicator_id,
        periodStart: t.period_start,
        periodEnd: t.period_end,
        value: t.value,
      })),
    measurements: [...measurements]
      .sort(
        (a, b) =>
          byIndicator(a, b) ||
          a.measured_on.localeCompare(b.measured_on) ||
          a.entered_at.localeCompare(b.entered_at) ||
          a.value - b.value,
      )
      .map((m) => ({
        id: m.id,
        indicatorId: m.indicator_id,
        measuredOn: m.measured_on,
        value: m.value,
        source: m.source,
        enteredBy: emailOf(m.entered_by),
        enteredAt: m.entered_at,
        requestId: m.request_id,
        deleted: deleted(m),
      })),
    requests: [...requests]
      .sort(
        (a, b) =>
          byIndicator(a, b) ||
          a.requested_at.localeCompare(b.requested_at) ||
          a.due_on.localeCompare(b.due_on),
      )
      .map((r) => ({
        id: r.id,
        indicatorId: r.indicator_id,
        requestedFrom: emailOf(r.requested_from) ?? '',
        requestedBy: emailOf(r.requested_by),
        requestedAt: r.requested_at,
        message: r.message,
        dueOn: r.due_on,
        remindOn: r.remind_on,
        remindedAt: r.reminded_at,
        fulfilledAt: r.fulfilled_at,
        measurementId: r.measurement_id,
      })),
  };
}

/** All plans of a network (or the listed ones), as one document. Members only: it holds everything. */
export async function exportPlans(
  db: Db,
  tenant: TenantContext,
  planIds?: readonly string[],
): Promise<ExportDocument> {
  if (!hasRole(tenant, 'viewer')) throw forbidden();
  const all = await repo.listPlans(db, tenant.network.id);
  const plans = planIds ? await Promise.all(planIds.map((id) => readablePlan(db, tenant, id))) : all;
  const ordered = [...plans].sort(
    (a, b) => a.period_start.localeCompare(b.period_start) || a.title.localeCompare(b.title),
  );
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: nowIso(),
    network: tenant.network.slug,
    plans: await Promise.all(ordered.map((p) => exportPlan(db, p))),
  };
}

const formatError = (details: string) => badRequest('plan_import_format', { details });

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
      const planId = ids.assign(d.plan.id);
      const deleted = (x: PlanDocument['nodes'][number]['deleted']) =>
        x
          ? { deleted_at: x.at, deleted_by: personOf(x.by), deletion_id: ids.deletion(x.deletionId) }
          : { deleted_at: null, deleted_by: null, deletion_id: null };
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
      const latest = new Map<string, { measured_on: string; entered_at: string; value: number }>();
      for (const m of d.measurements) {
        if (m.deleted) continue;
        const l = latest.get(m.indicatorId);
        if (
          !l ||
          m.measuredOn > l.measured_on ||
          (m.measuredOn === l.measured_on && m.enteredAt >= l.entered_at)
        )
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

export interface CommandIo {
  db: Db;
  out: (line: string) => void;
  err: (line: string) => void;
}

async function operatorTenant(db: Db, slug: string): Promise<TenantContext> {
  const network = await networks.findNetwork(db, slug);
  if (!network) throw notFound();
  // The command line is the operator's: it acts with the rights of a network administrator.
  return { network, role: 'admin' };
}

/**
 * `export plan` and `import plan` for src/server/main.ts: returns the process exit code (0 done, 1 refused,
 * 2 wrong usage).
 */
export async function planCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const [command, what, ...rest] = argv;
  if ((command !== 'export' && command !== 'import') || what !== 'plan') {
    io.err(`Usage:\n${PLAN_USAGE}`);
    return 2;
  }
  let values: { network?: string | undefined; out?: string | undefined; plan?: string | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: { network: { type: 'string' }, out: { type: 'string' }, plan: { type: 'string' } },
    }));
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n\nUsage:\n${PLAN_USAGE}`);
    return 2;
  }
  const file = command === 'export' ? values.out : positionals[0];
  if (!values.network || !file) {
    io.err(`Usage:\n${PLAN_USAGE}`);
    return 2;
  }
  const actor = SYSTEM_ACTOR;
  try {
    const tenant = await operatorTenant(io.db, values.network);
    if (command === 'export') {
      const doc = await exportPlans(io.db, tenant, values.plan ? [values.plan] : undefined);
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      fs.writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
      io.out(`Exported ${doc.plans.length} plan(s) of ${values.network} to ${file}.`);
      return 0;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw formatError(e instanceof Error ? e.message : String(e));
    }
    const { planIds } = await importPlans(io.db, tenant, actor, raw);
    io.out(`Imported ${planIds.length} plan(s) into ${values.network}: ${planIds.join(', ')}.`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      io.err(translate('en', e.messageKey, e.params));
      return 1;
    }
    throw e;
  }
}
