import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { CompactGraph } from './graph.ts';
import { seededRandom } from './rng.ts';

export interface CommunityOptions {
  /** Seed of the first Louvain run; run i uses seed + i. */
  seed?: number;
  /** Louvain runs with consecutive seeds; the partition with the highest modularity is kept. */
  runs?: number;
  resolution?: number;
}

export interface Communities {
  /** Community per node, numbered 0, 1, … in order of the first node of each community. */
  community: Int32Array;
  count: number;
  modularity: number;
  /** The seed whose partition was kept. */
  seed: number;
}

/**
 * Louvain communities (graphology-communities-louvain) of the undirected view, weighted by mutual tie
 * strength. Louvain visits nodes in random order; a seeded generator makes the partition the same on
 * every run and machine. Louvain is greedy, so different seeds land on different local optima: with
 * runs > 1 the best partition by modularity wins, ties going to the earliest seed.
 */
export function louvainCommunities(g: CompactGraph, options: CommunityOptions = {}): Communities {
  const seed = options.seed ?? 1;
  const runs = Math.max(1, options.runs ?? 1);
  const resolution = options.resolution ?? 1;
  if (g.tieCount === 0) {
    return { community: Int32Array.from({ length: g.n }, (_, i) => i), count: g.n, modularity: 0, seed };
  }
  const graph = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (let v = 0; v < g.n; v++) graph.addNode(String(v));
  const { offsets, targets, weights } = g.und;
  for (let u = 0; u < g.n; u++) {
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const v = targets[e]!;
      if (u < v) graph.addUndirectedEdge(String(u), String(v), { weight: weights[e]! });
    }
  }
  let best: Communities | null = null;
  for (let r = 0; r < runs; r++) {
    const mapping = louvain(graph, { rng: seededRandom(seed + r), resolution, getEdgeWeight: 'weight' });
    const raw = new Int32Array(g.n);
    for (let v = 0; v < g.n; v++) raw[v] = mapping[String(v)] ?? -1;
    const { community, count } = renumber(raw);
    const q = modularity(g, community, resolution);
    if (!best || q > best.modularity) best = { community, count, modularity: q, seed: seed + r };
  }
  return best!;
}

function renumber(raw: Int32Array): { community: Int32Array; count: number } {
  const label = new Map<number, number>();
  const community = new Int32Array(raw.length);
  for (let v = 0; v < raw.length; v++) {
    let c = label.get(raw[v]!);
    if (c === undefined) {
      c = label.size;
      label.set(raw[v]!, c);
    }
    community[v] = c;
  }
  return { community, count: label.size };
}

/**
 * Newman's weighted modularity of a partition of the undirected view:
 * Q = Σ_c [ W_c / 2m − γ (S_c / 2m)² ], W_c the weight inside c counted from both ends, S_c the total
 * strength of c's members, 2m the total strength. 0 for a network without ties.
 */
export function modularity(g: CompactGraph, community: Int32Array, resolution = 1): number {
  const { offsets, targets, weights } = g.und;
  let count = 0;
  for (const c of community) if (c + 1 > count) count = c + 1;
  const inside = new Float64Array(count);
  const strength = new Float64Array(count);
  let total = 0;
  for (let u = 0; u < g.n; u++) {
    const cu = community[u]!;
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const w = weights[e]!;
      total += w;
      strength[cu]! += w;
      if (community[targets[e]!] === cu) inside[cu]! += w;
    }
  }
  if (total === 0) return 0;
  let q = 0;
  for (let c = 0; c < count; c++) {
    const share = strength[c]! / total;
    q += inside[c]! / total - resolution * share * share;
  }
  return q;
}
