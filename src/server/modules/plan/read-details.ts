import { AppError, forbidden } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { hasRole, type TenantContext } from '../../platform/tenancy.ts';
import {
  buildTree,
  type Db,
  loadTreeData,
  type People,
  parse,
  parseOr,
  people,
  person,
  planView,
} from './read-tree.ts';
import * as repo from './repo.ts';
import type { NodeStatus } from './rollup.ts';
import { type Localized, type RequestView, SMART_FIELDS, type Smart } from './schema.ts';
import { isStaff, readablePlan, today } from './service.ts';
import type { PlanIndicatorTable, PlanMeasurementRequestTable } from './tables.ts';

export async function nodeDetail(
  db: Db,
  tenant: TenantContext,
  userId: string | null,
  planId: string,
  nodeId: string,
  lang: Language,
) {
  const plan = await readablePlan(db, tenant, planId);
  const [data, names, history, attachments, row] = await Promise.all([
    loadTreeData(db, plan),
    people(db, tenant),
    repo.statusHistory(db, tenant.network.id, planId, nodeId),
    repo.listAttachments(db, tenant.network.id, planId, nodeId),
    repo.findNode(db, tenant.network.id, planId, nodeId),
  ]);
  const tree = buildTree(data, names);
  const view = tree.byId.get(nodeId);
  if (!view || !row) throw new AppError(404, 'plan_unknown_node');
  const ancestors: { id: string; code: string | null; title: Localized }[] = [];
  for (let p = view.parentId; p; p = tree.byId.get(p)?.parentId ?? null) {
    const a = tree.byId.get(p)!;
    ancestors.unshift({ id: a.id, code: a.code, title: a.title });
  }
  const smart = parseOr<Smart>(row.smart);
  return {
    plan: planView(plan, lang),
    node: {
      ...view,
      description: parseOr<Localized>(row.description),
      partners: parse<string[]>(row.partners),
      coreGroup: parse<string[]>(row.core_group),
      smart: smart
        ? SMART_FIELDS.map((f) => ({ key: f.key, label: f.label, text: smart[f.key] ?? null }))
        : null,
    },
    ancestors,
    statusHistory: history.map((h) => ({
      id: h.id,
      status: h.status as NodeStatus,
      on: h.status_on,
      note: h.note,
      setBy: person(names, h.set_by),
      setAt: h.set_at,
    })),
    links: tree.links.filter((l) => l.fromNodeId === nodeId || l.toNodeId === nodeId),
    attachments: attachments.map((a) => ({
      id: a.id,
      kind: a.kind as 'link' | 'file',
      title: a.title,
      url: a.url,
    })),
    indicators: tree.indicators.filter((i) => i.nodeId === nodeId),
    canEdit:
      isStaff(tenant) || (hasRole(tenant, 'viewer') && userId !== null && row.owner_user_id === userId),
  };
}

export function requestView(
  r: PlanMeasurementRequestTable,
  indicator: PlanIndicatorTable,
  names: People,
  on = today(),
): RequestView {
  const state = r.fulfilled_at ? 'fulfilled' : r.due_on < on ? 'overdue' : 'open';
  return {
    id: r.id,
    indicatorId: r.indicator_id,
    indicatorTitle: parse<Localized>(indicator.title),
    unit: indicator.unit,
    nodeId: indicator.node_id,
    requestedFrom: person(names, r.requested_from),
    requestedBy: person(names, r.requested_by),
    requestedAt: r.requested_at,
    message: r.message,
    dueOn: r.due_on,
    remindOn: r.remind_on,
    remindedAt: r.reminded_at,
    fulfilledAt: r.fulfilled_at,
    measurementId: r.measurement_id,
    state,
    reminderDue:
      !r.fulfilled_at &&
      r.remind_on !== null &&
      r.remind_on <= on &&
      (r.reminded_at === null || r.reminded_at.slice(0, 10) < r.remind_on),
  };
}

export async function indicatorDetail(
  db: Db,
  tenant: TenantContext,
  planId: string,
  indicatorId: string,
  lang: Language,
) {
  const plan = await readablePlan(db, tenant, planId);
  const [data, names, measurements, requests] = await Promise.all([
    loadTreeData(db, plan),
    people(db, tenant),
    repo.listMeasurements(db, tenant.network.id, planId, { indicatorId }),
    hasRole(tenant, 'viewer') ? repo.listRequests(db, tenant.network.id, planId, { indicatorId }) : [],
  ]);
  const tree = buildTree(data, names);
  const indicator = tree.indicators.find((i) => i.id === indicatorId);
  const row = data.indicators.find((i) => i.id === indicatorId);
  if (!indicator || !row) throw new AppError(404, 'plan_unknown_indicator');
  const rules = planView(plan, lang).statusRules;
  return {
    indicator,
    measurements: measurements.map((m) => ({
      id: m.id,
      measuredOn: m.measured_on,
      value: m.value,
      source: m.source,
      enteredBy: person(names, m.entered_by),
      enteredAt: m.entered_at,
      requestId: m.request_id,
    })),
    requests: requests.map((r) => requestView(r, row, names)),
    rules,
  };
}

export type RequestState = 'open' | 'overdue' | 'reminders' | 'fulfilled' | 'all';

export async function listRequests(
  db: Db,
  tenant: TenantContext,
  userId: string | null,
  planId: string,
  state: RequestState,
  mine: boolean,
): Promise<RequestView[]> {
  if (!hasRole(tenant, 'viewer')) throw forbidden();
  await readablePlan(db, tenant, planId);
  const [requests, indicators, names] = await Promise.all([
    repo.listRequests(db, tenant.network.id, planId),
    repo.listIndicators(db, tenant.network.id, planId),
    people(db, tenant),
  ]);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  return requests
    .filter((r) => byId.has(r.indicator_id) && (!mine || r.requested_from === userId))
    .map((r) => requestView(r, byId.get(r.indicator_id)!, names))
    .filter((v) =>
      state === 'all'
        ? true
        : state === 'open'
          ? v.state !== 'fulfilled'
          : state === 'reminders'
            ? v.reminderDue
            : v.state === state,
    );
}
