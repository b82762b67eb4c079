import type { INDICATOR_STATUSES, NODE_STATUSES, POLARITIES, ROLLED_STATUSES } from './schema.ts';

export type NodeStatus = (typeof NODE_STATUSES)[number];
export type RolledStatus = (typeof ROLLED_STATUSES)[number];
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

export interface RollupInput {
  id: string;
  parentId: string | null;
  weight: number | null;
  progress: number | null;
  status: NodeStatus | null;
}

export interface Rolled {
  progress: number;
  status: RolledStatus;
  /** The share (in %) of the parent's progress this node carries; 0 when stopped. */
  effectiveWeight: number;
}

export interface StatusRules {
  onTrackAt: number;
  atRiskAt: number;
}

export interface Target {
  periodStart: string;
  periodEnd: string;
  value: number;
}

const SEVERITY: Record<string, number> = { on_track: 1, at_risk: 2, off_track: 3 };
const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Progress and status of every node from the leaves up, in one pass (O(n)).
 *
 * Progress: a leaf carries its own (done counts as 100, none as 0); a parent the weighted mean of its
 * children that are not stopped. Weights are used when every counted child has one, else the children
 * count equally; either way they are normalised over the counted children, so the effective weights shown
 * always add up to 100.
 * Status: done and stopped are final; otherwise the worst of the node's own status, its indicators'
 * statuses and its children's rolled statuses (done counts as on track, stopped is left out).
 */
export function rollUp(
  nodes: readonly RollupInput[],
  indicatorStatuses: ReadonlyMap<string, readonly IndicatorStatus[]> = new Map(),
): Map<string, Rolled> {
  const children = new Map<string | null, RollupInput[]>();
  for (const n of nodes) {
    const list = children.get(n.parentId);
    if (list) list.push(n);
    else children.set(n.parentId, [n]);
  }
  // Breadth-first order from the roots; walking it backwards visits children before their parent without
  // recursion, whatever the depth.
  const order: RollupInput[] = [...(children.get(null) ?? [])];
  for (let i = 0; i < order.length; i++) {
    const kids = children.get(order[i]!.id);
    if (kids) order.push(...kids);
  }
  const out = new Map<string, Rolled>();
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i]!;
    const kids = children.get(n.id) ?? [];
    let progress: number;
    let worst = SEVERITY[n.status ?? ''] ?? 0;
    for (const s of indicatorStatuses.get(n.id) ?? []) worst = Math.max(worst, SEVERITY[s] ?? 0);
    if (kids.length === 0) {
      progress = n.status === 'done' ? 100 : (n.progress ?? 0);
    } else {
      const counted = kids.filter((k) => out.get(k.id)!.status !== 'stopped');
      const weighted = counted.length > 0 && counted.every((k) => k.weight !== null);
      const total = weighted ? counted.reduce((s, k) => s + k.weight!, 0) : counted.length;
      let sum = 0;
      for (const k of kids) {
        const r = out.get(k.id)!;
        if (r.status === 'stopped') {
          r.effectiveWeight = 0;
          continue;
        }
        const w = weighted ? k.weight! : 1;
        r.effectiveWeight = total > 0 ? round1((w / total) * 100) : 0;
        if (total > 0) sum += (w / total) * r.progress;
        worst = Math.max(worst, r.status === 'done' ? SEVERITY.on_track! : (SEVERITY[r.status] ?? 0));
      }
      progress = n.status === 'done' ? 100 : sum;
    }
    let status: RolledStatus;
    if (n.status === 'done' || n.status === 'stopped') status = n.status;
    else status = worst === 3 ? 'off_track' : worst === 2 ? 'at_risk' : worst === 1 ? 'on_track' : 'none';
    out.set(n.id, { progress: round1(progress), status, effectiveWeight: 100 });
  }
  return out;
}

/** The target that applies on a date: the one whose period holds it, the shortest if several do. */
export function targetOn(targets: readonly Target[], date: string): Target | null {
  let best: Target | null = null;
  for (const t of targets) {
    if (t.periodStart <= date && date <= t.periodEnd) {
      if (!best || span(t) < span(best)) best = t;
    }
  }
  return best;
}

const span = (t: Target) => Date.parse(t.periodEnd) - Date.parse(t.periodStart);

/**
 * How much of the target an actual value achieves, in %: actual ÷ target when higher is better,
 * target ÷ actual when lower is better. A target of zero is met (100 %) or not (0 %).
 */
export function achievedPct(polarity: (typeof POLARITIES)[number], actual: number, target: number): number {
  if (polarity === 'up') return target > 0 ? round1((actual / target) * 100) : actual >= target ? 100 : 0;
  return actual > 0 ? round1((target / actual) * 100) : actual <= target ? 100 : 0;
}

/** An indicator's status by the plan's visible rules, from its latest value and the target of that date. */
export function indicatorStatus(
  polarity: (typeof POLARITIES)[number],
  latest: { value: number; on: string } | null,
  targets: readonly Target[],
  rules: StatusRules,
): { status: IndicatorStatus; target: Target | null; achievedPct: number | null } {
  if (!latest) return { status: 'no_data', target: null, achievedPct: null };
  const target = targetOn(targets, latest.on);
  if (!target) return { status: 'no_target', target: null, achievedPct: null };
  const pct = achievedPct(polarity, latest.value, target.value);
  const status = pct >= rules.onTrackAt ? 'on_track' : pct >= rules.atRiskAt ? 'at_risk' : 'off_track';
  return { status, target, achievedPct: pct };
}
