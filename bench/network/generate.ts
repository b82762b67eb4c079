import type { GraphEdge, GraphNode, NetworkGraph } from '../../src/server/modules/network/metrics/index.ts';
import { seededRandom } from '../../src/server/modules/network/metrics/rng.ts';

/** Sectors of a Flemish care and welfare network with rough shares of the partners. */
const SECTORS: [string, number][] = [
  ['huisartsen', 0.2],
  ['thuiszorg', 0.14],
  ['apotheek', 0.1],
  ['woonzorg', 0.09],
  ['lokaal-bestuur', 0.08],
  ['ggz', 0.08],
  ['caw', 0.06],
  ['ziekenhuis', 0.04],
  ['vaph', 0.06],
  ['opgroeien', 0.06],
  ['mutualiteit', 0.04],
  ['onderwijs', 0.05],
];

export interface NetworkShape {
  partners: number;
  ties: number;
  /** Local groups (municipalities, care zones) within which most ties form. */
  zones: number;
  directed: boolean;
  seed: number;
  /** Share of ties that go back the other way too (directed graphs). */
  reciprocity?: number;
}

/**
 * A deterministic network with the texture of a real one: a few very active partners (Pareto activity),
 * most ties within a zone and often within a sector, and triadic closure (partners of partners meet), so
 * it has clustering, communities and brokers. No self-loops or repeated ties, so every tool reads it the
 * same way.
 */
export function generateNetwork(shape: NetworkShape): NetworkGraph {
  const rand = seededRandom(shape.seed);
  const n = shape.partners;
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const nodes: GraphNode[] = [];
  const zoneOf = new Int32Array(n);
  const sectorOf = new Int32Array(n);
  const activity = new Float64Array(n);
  const members: number[][] = Array.from({ length: shape.zones }, () => []);
  const sectorMembers: number[][][] = Array.from({ length: shape.zones }, () => SECTORS.map(() => []));
  for (let v = 0; v < n; v++) {
    let r = rand();
    let s = 0;
    while (s < SECTORS.length - 1 && r >= SECTORS[s]![1]) r -= SECTORS[s++]![1];
    const zone = Math.floor(rand() * shape.zones);
    zoneOf[v] = zone;
    sectorOf[v] = s;
    activity[v] = Math.min(40, 1 / Math.sqrt(1 - rand()));
    members[zone]!.push(v);
    sectorMembers[zone]![s]!.push(v);
    nodes.push({ id: `p${String(v).padStart(5, '0')}`, sector: SECTORS[s]![0] });
  }
  // Sampling proportional to activity: a cumulative table and a binary search.
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let v = 0; v < n; v++) cumulative[v] = sum += activity[v]!;
  const active = () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const neighbours: number[][] = Array.from({ length: n }, () => []);
  const seen = new Set<number>();
  const edges: GraphEdge[] = [];
  const add = (u: number, v: number) => {
    if (u === v) return false;
    const key = shape.directed ? u * n + v : Math.min(u, v) * n + Math.max(u, v);
    if (seen.has(key)) return false;
    seen.add(key);
    neighbours[u]!.push(v);
    neighbours[v]!.push(u);
    edges.push({ source: nodes[u]!.id, target: nodes[v]!.id, weight: 1 + Math.floor(rand() ** 2 * 5) });
    return true;
  };
  while (edges.length < shape.ties) {
    const u = active();
    const r = rand();
    let v: number;
    if (r < 0.3 && neighbours[u]!.length > 0) {
      const via = pick(neighbours[u]!);
      v = neighbours[via]!.length > 0 ? pick(neighbours[via]!) : active();
    } else if (r < 0.55) {
      const same = sectorMembers[zoneOf[u]!]![sectorOf[u]!]!;
      v = pick(same);
    } else if (r < 0.9) {
      v = pick(members[zoneOf[u]!]!);
    } else {
      v = active();
    }
    if (add(u, v) && shape.directed && edges.length < shape.ties && rand() < (shape.reciprocity ?? 0))
      add(v, u);
  }
  return { directed: shape.directed, nodes, edges };
}

export const ZONE: NetworkShape = {
  partners: 300,
  ties: 5000,
  zones: 5,
  directed: true,
  seed: 2024,
  reciprocity: 0.3,
};
export const FLANDERS: NetworkShape = {
  partners: 20_000,
  ties: 200_000,
  zones: 60,
  directed: false,
  seed: 2025,
};
export const GRAPH_10K: NetworkShape = {
  partners: 10_000,
  ties: 100_000,
  zones: 40,
  directed: false,
  seed: 10,
};

export function toCsv(graph: NetworkGraph): string {
  return `source,target,weight\n${graph.edges.map((e) => `${e.source},${e.target},${e.weight ?? 1}`).join('\n')}\n`;
}

/** Reads the benchmark's own CSV (plain ids, no quoting); the CLI's reader is the strict one. */
export function fromCsv(text: string, directed: boolean): NetworkGraph {
  const edges = text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [source, target, weight] = line.split(',') as [string, string, string];
      return { source, target, weight: Number(weight) };
    });
  return { directed, nodes: [], edges };
}
