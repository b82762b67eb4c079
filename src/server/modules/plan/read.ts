import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { type Language, translate } from '../../platform/i18n.ts';
import { hasRole, type TenantContext } from '../../platform/tenancy.ts';
import * as networks from '../networks/service.ts';
import * as repo from './repo.ts';
import {
  type IndicatorStatus,
  indicatorStatus,
  type NodeStatus,
  type Rolled,
  type RollupInput,
  rollUp,
  type Target,
} from './rollup.ts';
import {
  type IndicatorView,
  type Localized,
  type PlanView,
  type ProgressReport,
  type RequestView,
  SMART_FIELDS,
  type Smart,
  type TreeNode,
} from './schema.ts';
import { isStaff, readablePlan, today } from './service.ts';
import type { PlanIndicatorTable, PlanLinkTable, PlanMeasurementRequestTable, PlanTable } from './tables.ts';

type Db = Kysely<PlatformTables>;
type People = Map<string, { name: string; email: string }>;

const parse = <T>(s: string) => JSON.parse(s) as T;
const parseOr = <T>(s: string | null) => (s === null ? null : (JSON.parse(s) as T));
/** A synthetic parent of the top-level nodes, so that the plan as a whole rolls up like any node. */
const PLAN_ROOT = '';

export function planView(plan: PlanTable, lang: Language): PlanView {
  return {
    id: plan.id,
    kind: plan.kind as PlanView['kind'],
    title: parse<Localized>(plan.title),
    description: parseOr<Localized>(plan.description),
    periodStart: plan.period_start,
    periodEnd: plan.period_end,
    levelNames: parse<Localized[]>(plan.level_names),
    actionLevel: plan.action_level,
    statusRules: {
      onTrackAt: plan.on_track_at,
      atRiskAt: plan.at_risk_at,
      text: translate(lang, 'plan_rules_text', { onTrack: plan.on_track_at, atRisk: plan.at_risk_at }),
    },
    published: plan.published === 1,
    isExample: plan.is_example === 1,
    createdAt: plan.created_at,
    updatedAt: plan.updated_at,
  };
}

/** Names of the network's members; the public sees no names (owners are people, not published data). */
async function people(db: Db, tenant: TenantContext): Promise<People> {
  if (!hasRole(tenant, 'viewer')) return new Map();
  return new Map((await networks.listMembers(db, tenant)).map((m) => [m.userId, m]));
}

const person = (people: People, id: string | null) => {
  const p = id ? people.get(id) : undefined;
  return p && id ? { id, name: p.name } : null;
};

export async function listPlans(db: Db, tenant: TenantContext, lang: Language) {
  const plans = await repo.listPlans(db, tenant.network.id);
  return plans.filter((p) => hasRole(tenant, 'viewer') || p.published === 1).map((p) => planView(p, lang));
}

export interface TreeData {
  plan: PlanTable;
  nodes: repo.TreeNodeRow[];
  indicators: PlanIndicatorTable[];
  targets: Awaited<ReturnType<typeof repo.listTreeTargets>>;
  links: PlanLinkTable[];
}

export async function loadTreeData(db: Db, plan: PlanTable): Promise<TreeData> {
  const [nodes, indicators, targets, links] = await Promise.all([
    repo.listTreeNodes(db, plan.network_id, plan.id),
    repo.listIndicators(db, plan.network_id, plan.id),
    repo.listTreeTargets(db, plan.network_id, plan.id),
    repo.listLinks(db, plan.network_id, plan.id),
  ]);
  return { plan, nodes, indicators, targets, links };
}

export interface BuiltTree {
  nodes: TreeNode[];
  byId: Map<string, TreeNode>;
  indicators: IndicatorView[];
  rolled: Map<string, Rolled>;
  links: { id: string; fromNodeId: string; toNodeId: string; note: string | null }[];
}

export interface AsOf {
  /** Each node's own status on that date (from its history), instead of the current one. */
  statuses?: Map<string, NodeStatus | null>;
  /** Each indicator's latest value on that date, instead of the current one. */
  latest?: Map<string, { value: number; on: string } | null>;
}

type IndicatorResult = ReturnType<typeof indicatorStatus> & {
  latest: { value: number; on: string } | null;
  targets: Target[];
};

/**
 * The roll-up of a whole plan from its rows: every indicator's status by the plan's rules, then progress
 * and status of every node from the leaves up (the plan itself under the key PLAN_ROOT).
 */
export function rollUpPlan(data: TreeData, asOf: AsOf = {}) {
  const { plan } = data;
  const rules = { onTrackAt: plan.on_track_at, atRiskAt: plan.at_risk_at };
  const targetsOf = new Map<string, Target[]>();
  for (const t of data.targets) {
    const list = targetsOf.get(t.indicator_id);
    const target = { periodStart: t.period_start, periodEnd: t.period_end, value: t.value };
    if (list) list.push(target);
    else targetsOf.set(t.indicator_id, [target]);
  }
  const indicators = new Map<string, IndicatorResult>();
  const indicatorStatuses = new Map<string, IndicatorStatus[]>();
  for (const i of data.indicators) {
    const latest = asOf.latest
      ? (asOf.latest.get(i.id) ?? null)
      : i.latest_on !== null && i.latest_value !== null
        ? { value: i.latest_value, on: i.latest_on }
        : null;
    const targets = targetsOf.get(i.id) ?? [];
    const s = indicatorStatus(i.polarity as 'up' | 'down', latest, targets, rules);
    indicators.set(i.id, { ...s, latest, targets });
    const statuses = indicatorStatuses.get(i.node_id);
    if (statuses) statuses.push(s.status);
    else indicatorStatuses.set(i.node_id, [s.status]);
  }
  const input: RollupInput[] = [
    { id: PLAN_ROOT, parentId: null, weight: null, progress: null, status: null },
  ];
  for (const n of data.nodes) {
    input.push({
      id: n.id,
      parentId: n.parent_id ?? PLAN_ROOT,
      weight: n.weight,
      progress: n.progress,
      status: asOf.statuses ? (asOf.statuses.get(n.id) ?? null) : (n.status as NodeStatus | null),
    });
  }
  return { indicators, rolled: rollUp(input, indicatorStatuses) };
}

/**
 * The plan tree with everything rolled up: nodes depth first (siblings by position), indicators with
 * their status by the plan's rules. Nodes under a deleted node are left out with it.
 */
export function buildTree(data: TreeData, people: People, asOf: AsOf = {}): BuiltTree {
  const { plan } = data;
  const { indicators: results, rolled } = rollUpPlan(data, asOf);
  const indicators: IndicatorView[] = [];
  const indicatorIdsOf = new Map<string, string[]>();
  for (const i of data.indicators) {
    const r = results.get(i.id)!;
    indicators.push({
      id: i.id,
      nodeId: i.node_id,
      position: i.position,
      kind: i.kind as IndicatorView['kind'],
      title: parse<Localized>(i.title),
      description: parseOr<Localized>(i.description),
      unit: i.unit,
      polarity: i.polarity as IndicatorView['polarity'],
      frequency: i.frequency as IndicatorView['frequency'],
      baseline: { value: i.baseline_value, on: i.baseline_on },
      figure: i.figure as IndicatorView['figure'],
      latest: r.latest,
      target: r.target,
      achievedPct: r.achievedPct,
      status: r.status,
      targets: r.targets,
    });
    const ids = indicatorIdsOf.get(i.node_id);
    if (ids) ids.push(i.id);
    else indicatorIdsOf.set(i.node_id, [i.id]);
  }

  const children = new Map<string, repo.TreeNodeRow[]>();
  for (const n of data.nodes) {
    const key = n.parent_id ?? PLAN_ROOT;
    const list = children.get(key);
    if (list) list.push(n);
    else children.set(key, [n]);
  }
  const statusOf = (n: repo.TreeNodeRow) =>
    asOf.statuses ? (asOf.statuses.get(n.id) ?? null) : (n.status as NodeStatus | null);

  const levelNames = parse<Localized[]>(plan.level_names);
  const nodes: TreeNode[] = [];
  const byId = new Map<string, TreeNode>();
  const stack: { n: repo.TreeNodeRow; depth: number }[] = (children.get(PLAN_ROOT) ?? [])
    .map((n) => ({ n, depth: 0 }))
    .reverse();
  while (stack.length) {
    const { n, depth } = stack.pop()!;
    const r = rolled.get(n.id)!;
    const kids = children.get(n.id) ?? [];
    const view: TreeNode = {
      id: n.id,
      parentId: n.parent_id,
      position: n.position,
      depth,
      levelName: levelNames[depth] ?? null,
      code: n.code,
      title: parse<Localized>(n.title),
      owner: person(people, n.owner_user_id),
      leadPartner: n.lead_partner,
      startDate: n.start_date,
      endDate: n.end_date,
      weight: n.weight,
      effectiveWeight: r.effectiveWeight,
      progress: n.progress,
      rolledProgress: r.progress,
      status: statusOf(n),
      statusOn: asOf.statuses ? null : n.status_on,
      statusNote: asOf.statuses ? null : n.status_note,
      rolledStatus: r.status,
      aims: parse<TreeNode['aims']>(n.aims),
      tags: parse<TreeNode['tags']>(n.tags),
      budgetPlanned: n.budget_planned,
      budgetSpent: n.budget_spent,
      staffHoursPlanned: n.staff_hours_planned,
      staffHoursSpent: n.staff_hours_spent,
      childCount: kids.length,
      indicatorIds: indicatorIdsOf.get(n.id) ?? [],
    };
    nodes.push(view);
    byId.set(n.id, view);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ n: kids[i]!, depth: depth + 1 });
  }
  const links = data.links
    .filter((l) => byId.has(l.from_node_id) && byId.has(l.to_node_id))
    .map((l) => ({ id: l.id, fromNodeId: l.from_node_id, toNodeId: l.to_node_id, note: l.note }));
  return { nodes, byId, indicators: indicators.filter((i) => byId.has(i.nodeId)), rolled, links };
}

export async function planTree(db: Db, tenant: TenantContext, planId: string, lang: Language) {
  const plan = await readablePlan(db, tenant, planId);
  const [data, names] = await Promise.all([loadTreeData(db, plan), people(db, tenant)]);
  const tree = buildTree(data, names);
  return {
    plan: planView(plan, lang),
    nodes: tree.nodes,
    indicators: tree.indicators,
    links: tree.links,
    canEdit: isStaff(tenant),
  };
}

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

function requestView(
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

export async function myActions(
  db: Db,
  tenant: TenantContext,
  userId: string,
  planId: string,
  lang: Language,
) {
  const plan = await readablePlan(db, tenant, planId);
  const [data, names] = await Promise.all([loadTreeData(db, plan), people(db, tenant)]);
  const tree = buildTree(data, names);
  return {
    plan: planView(plan, lang),
    nodes: tree.nodes.filter((n) => n.owner?.id === userId),
    requests: await listRequests(db, tenant, userId, planId, 'open', true),
  };
}

const overlaps = (n: TreeNode, from: string, to: string) =>
  n.startDate !== null && n.startDate <= to && (n.endDate === null || n.endDate >= from);

/** The yearly action plan ("Acties 2025"): the plan's actions running that year, under their top-level node. */
export async function actionPlan(
  db: Db,
  tenant: TenantContext,
  planId: string,
  year: number,
  lang: Language,
) {
  const plan = await readablePlan(db, tenant, planId);
  const [data, names] = await Promise.all([loadTreeData(db, plan), people(db, tenant)]);
  const tree = buildTree(data, names);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const groups: {
    root: { id: string; code: string | null; title: Localized };
    actions: (TreeNode & { path: (string | null)[] })[];
  }[] = [];
  let current: (typeof groups)[number] | undefined;
  const path: TreeNode[] = [];
  for (const n of tree.nodes) {
    path.length = n.depth;
    path.push(n);
    if (n.depth === 0) {
      current = { root: { id: n.id, code: n.code, title: n.title }, actions: [] };
      groups.push(current);
    }
    if (n.depth === plan.action_level && overlaps(n, from, to) && current) {
      current.actions.push({ ...n, path: path.slice(0, -1).map((p) => p.code) });
    }
  }
  return { plan: planView(plan, lang), year, groups: groups.filter((g) => g.actions.length > 0) };
}

/**
 * The board's progress report for a period: goals and actions with status as of the period's end (from the
 * status history and the measurements up to that day), the status changes and indicator movement within
 * the period, and the requests that were overdue. Progress and budgets are the current figures: they keep
 * no history.
 */
export async function progressReport(
  db: Db,
  tenant: TenantContext,
  planId: string,
  from: string,
  to: string,
  lang: Language,
): Promise<ProgressReport> {
  const plan = await readablePlan(db, tenant, planId);
  const [data, names, history, values, requests] = await Promise.all([
    loadTreeData(db, plan),
    people(db, tenant),
    repo.statusHistory(db, tenant.network.id, planId),
    repo.measurementValuesUpTo(db, tenant.network.id, planId, to),
    hasRole(tenant, 'viewer') ? repo.listRequests(db, tenant.network.id, planId) : [],
  ]);
  const statuses = new Map<string, NodeStatus | null>();
  for (const h of history) if (h.status_on <= to) statuses.set(h.node_id, h.status as NodeStatus);
  const latest = new Map<string, { value: number; on: string } | null>();
  const start = new Map<string, number>();
  const counted = new Map<string, number>();
  for (const v of values) {
    latest.set(v.indicator_id, { value: v.value, on: v.measured_on });
    if (v.measured_on <= from) start.set(v.indicator_id, v.value);
    else counted.set(v.indicator_id, (counted.get(v.indicator_id) ?? 0) + 1);
  }
  for (const v of values)
    if (v.measured_on === from) counted.set(v.indicator_id, (counted.get(v.indicator_id) ?? 0) + 1);
  const tree = buildTree(data, names, { statuses, latest });

  const byStatus = Object.fromEntries(
    ['on_track', 'at_risk', 'off_track', 'done', 'stopped', 'none'].map((s) => [s, 0]),
  ) as ProgressReport['totals']['byStatus'];
  const totals = { budgetPlanned: 0, budgetSpent: 0, staffHoursPlanned: 0, staffHoursSpent: 0 };
  for (const n of tree.nodes) {
    byStatus[n.rolledStatus] += 1;
    totals.budgetPlanned += n.budgetPlanned ?? 0;
    totals.budgetSpent += n.budgetSpent ?? 0;
    totals.staffHoursPlanned += n.staffHoursPlanned ?? 0;
    totals.staffHoursSpent += n.staffHoursSpent ?? 0;
  }
  const indicatorsByStatus = Object.fromEntries(
    ['on_track', 'at_risk', 'off_track', 'no_target', 'no_data'].map((s) => [s, 0]),
  ) as ProgressReport['totals']['indicatorsByStatus'];
  for (const i of tree.indicators) indicatorsByStatus[i.status] += 1;

  const indicatorRows = new Map(data.indicators.map((i) => [i.id, i]));
  return {
    plan: planView(plan, lang),
    period: { from, to },
    generatedAt: new Date().toISOString(),
    totals: {
      nodes: tree.nodes.length,
      byStatus,
      progress: tree.rolled.get(PLAN_ROOT)?.progress ?? 0,
      ...totals,
      indicatorsByStatus,
    },
    goals: tree.nodes.filter((n) => n.depth < plan.action_level),
    actions: tree.nodes.filter(
      (n) => n.depth === plan.action_level && (n.startDate === null || overlaps(n, from, to)),
    ),
    statusChanges: history
      .filter((h) => h.status_on >= from && h.status_on <= to && tree.byId.has(h.node_id))
      .map((h) => {
        const n = tree.byId.get(h.node_id)!;
        return {
          id: h.id,
          nodeId: h.node_id,
          code: n.code,
          title: n.title,
          status: h.status as NodeStatus,
          on: h.status_on,
          note: h.note,
          setBy: person(names, h.set_by),
          setAt: h.set_at,
        };
      }),
    indicators: tree.indicators.map((i) => ({
      id: i.id,
      nodeId: i.nodeId,
      kind: i.kind,
      title: i.title,
      unit: i.unit,
      polarity: i.polarity,
      startValue: start.get(i.id) ?? null,
      endValue: i.latest?.value ?? null,
      endOn: i.latest?.on ?? null,
      target: i.target,
      achievedPct: i.achievedPct,
      status: i.status,
      measurementsInPeriod: counted.get(i.id) ?? 0,
    })),
    overdueRequests: requests
      .filter(
        (r) =>
          indicatorRows.has(r.indicator_id) &&
          r.due_on < to &&
          (!r.fulfilled_at || r.fulfilled_at.slice(0, 10) > r.due_on),
      )
      .map((r) => requestView(r, indicatorRows.get(r.indicator_id)!, names, to)),
  };
}

export async function listDeletions(db: Db, tenant: TenantContext, planId: string) {
  if (!isStaff(tenant)) throw forbidden();
  await readablePlan(db, tenant, planId);
  const [deleted, nodes, indicators, names] = await Promise.all([
    repo.deletedRows(db, tenant.network.id, planId),
    repo.listNodes(db, tenant.network.id, planId, { withDeleted: true }),
    repo.listIndicators(db, tenant.network.id, planId, { withDeleted: true }),
    people(db, tenant),
  ]);
  const groups = new Map<
    string,
    { at: string; by: string | null; nodes: string[]; indicators: string[]; measurements: string[] }
  >();
  const add = (kind: 'nodes' | 'indicators' | 'measurements', rows: typeof deleted.nodes) => {
    for (const r of rows) {
      const g = groups.get(r.deletion_id!) ?? {
        at: r.deleted_at!,
        by: r.deleted_by,
        nodes: [],
        indicators: [],
        measurements: [],
      };
      g[kind].push(r.id);
      groups.set(r.deletion_id!, g);
    }
  };
  add('nodes', deleted.nodes);
  add('indicators', deleted.indicators);
  add('measurements', deleted.measurements);
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  return [...groups.entries()]
    .map(([deletionId, g]) => {
      const inBatch = new Set(g.nodes);
      const top = g.nodes
        .map((id) => nodeById.get(id)!)
        .find((n) => !n.parent_id || !inBatch.has(n.parent_id));
      const indicator = g.indicators[0] ? indicatorById.get(g.indicators[0]) : undefined;
      const what = top
        ? { type: 'node' as const, id: top.id, title: parse<Localized>(top.title).nl }
        : indicator
          ? { type: 'indicator' as const, id: indicator.id, title: parse<Localized>(indicator.title).nl }
          : { type: 'measurement' as const, id: g.measurements[0]!, title: '' };
      return {
        deletionId,
        deletedAt: g.at,
        deletedBy: person(names, g.by),
        nodes: g.nodes.length,
        indicators: g.indicators.length,
        measurements: g.measurements.length,
        what,
      };
    })
    .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
}
