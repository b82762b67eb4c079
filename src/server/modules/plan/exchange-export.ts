// Writing plans out as the exchange document, rows in a stable order so that exports compare.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { forbidden } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { hasRole, type TenantContext } from '../../platform/tenancy.ts';
import { contactsByIds } from '../accounts/service.ts';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportDocument,
  type PlanDocument,
} from './exchange-document.ts';
import * as repo from './repo.ts';
import { readablePlan } from './service.ts';
import type { PlanIndicatorTable, PlanNodeTable, PlanTable } from './tables.ts';

type Db = Kysely<PlatformTables>;

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

/** How the export writes shared things: people as e-mail, rows in a stable order, deletions. */
interface ExportScope {
  emailOf: (id: string | null) => string | null;
  byNode: (a: { node_id: string }, b: { node_id: string }) => number;
  byIndicator: (a: { indicator_id: string }, b: { indicator_id: string }) => number;
  nodeRank: Map<string, number>;
  deleted: (r: {
    deleted_at: string | null;
    deleted_by: string | null;
    deletion_id: string | null;
  }) => PlanDocument['nodes'][number]['deleted'];
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

  const scope: ExportScope = { emailOf, byNode, byIndicator, nodeRank, deleted };
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
    ...treeDocument(scope, ordered, history, links, attachments),
    ...indicatorsDocument(scope, orderedIndicators, targets, measurements, requests),
  };
}

type Rows<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

function treeDocument(
  { emailOf, byNode, nodeRank, deleted }: ExportScope,
  ordered: PlanNodeTable[],
  history: Rows<typeof repo.statusHistory>,
  links: Rows<typeof repo.listLinks>,
  attachments: Rows<typeof repo.listAttachments>,
): Pick<PlanDocument, 'nodes' | 'statusHistory' | 'links' | 'attachments'> {
  return {
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
  };
}

function indicatorsDocument(
  { emailOf, byIndicator, deleted }: ExportScope,
  orderedIndicators: PlanIndicatorTable[],
  targets: Rows<typeof repo.listTargets>,
  measurements: Rows<typeof repo.listMeasurements>,
  requests: Rows<typeof repo.listRequests>,
): Pick<PlanDocument, 'indicators' | 'targets' | 'measurements' | 'requests'> {
  return {
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
