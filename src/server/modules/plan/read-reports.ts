import { forbidden } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { hasRole, type TenantContext } from '../../platform/tenancy.ts';
import { listRequests, requestView } from './read-details.ts';
import { buildTree, type Db, loadTreeData, PLAN_ROOT, parse, people, person, planView } from './read-tree.ts';
import * as repo from './repo.ts';
import type { NodeStatus } from './rollup.ts';
import type { Localized, ProgressReport, TreeNode } from './schema.ts';
import { isStaff, readablePlan } from './service.ts';

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
