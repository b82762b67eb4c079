// Reading a plan as a tree: its nodes rolled up with their indicators, as of a date if asked.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
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
import type { IndicatorView, Localized, PlanView, TreeNode } from './schema.ts';
import { isStaff, readablePlan } from './service.ts';
import type { PlanIndicatorTable, PlanLinkTable, PlanTable } from './tables.ts';

export type Db = Kysely<PlatformTables>;
export type People = Map<string, { name: string; email: string }>;

export const parse = <T>(s: string) => JSON.parse(s) as T;
export const parseOr = <T>(s: string | null) => (s === null ? null : (JSON.parse(s) as T));
/** A synthetic parent of the top-level nodes, so that the plan as a whole rolls up like any node. */
export const PLAN_ROOT = '';

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
export async function people(db: Db, tenant: TenantContext): Promise<People> {
  if (!hasRole(tenant, 'viewer')) return new Map();
  return new Map((await networks.listMembers(db, tenant)).map((m) => [m.userId, m]));
}

export const person = (people: People, id: string | null) => {
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

export type IndicatorResult = ReturnType<typeof indicatorStatus> & {
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
