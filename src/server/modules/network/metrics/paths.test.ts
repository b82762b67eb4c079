import { afterAll, describe, expect, it } from 'vitest';
import {
  closeNetworkMetricsWorkers,
  computeNetworkMetrics,
  computeNetworkMetricsSync,
  type GraphEdge,
} from './index.ts';
import { seededRandom } from './rng.ts';

/** A sparse random graph with a few isolated partners and a separate small component. */
function randomGraph(n: number, ties: number, seed: number): GraphEdge[] {
  const rand = seededRandom(seed);
  const edges: GraphEdge[] = [];
  const main = n - 10;
  for (let k = 0; k < ties; k++) {
    edges.push({ source: `v${Math.floor(rand() * main)}`, target: `v${Math.floor(rand() * main)}` });
  }
  for (let i = main; i < n - 3; i++) edges.push({ source: `v${i}`, target: `v${i + 1}` });
  return edges;
}

/**
 * The textbook O(n³) definitions: Floyd–Warshall distances, path counts σ(s,t) by distance layers,
 * betweenness(v) = Σ σ(s,v)·σ(v,t)/σ(s,t) over s ≠ v ≠ t with d(s,v) + d(v,t) = d(s,t).
 */
function reference(n: number, arcs: [number, number][]) {
  const INF = Number.POSITIVE_INFINITY;
  const d = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : INF)));
  for (const [u, v] of arcs) if (u !== v) d[u]![v] = 1;
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (d[i]![k]! + d[k]![j]! < d[i]![j]!) d[i]![j] = d[i]![k]! + d[k]![j]!;
      }
    }
  }
  const preds = Array.from({ length: n }, () => new Set<number>());
  for (const [u, v] of arcs) if (u !== v) preds[v]!.add(u);
  const sigma = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let s = 0; s < n; s++) {
    const byDistance = [...Array(n).keys()]
      .filter((t) => d[s]![t]! < INF)
      .sort((a, b) => d[s]![a]! - d[s]![b]!);
    sigma[s]![s] = 1;
    for (const t of byDistance) {
      if (t === s) continue;
      for (const u of preds[t]!) if (d[s]![u]! + 1 === d[s]![t]) sigma[s]![t]! += sigma[s]![u]!;
    }
  }
  const betweenness = new Array<number>(n).fill(0);
  const closeness = new Array<number>(n).fill(0);
  for (let v = 0; v < n; v++) {
    for (let s = 0; s < n; s++) {
      for (let t = 0; t < n; t++) {
        if (s === v || t === v || s === t || d[s]![t] === INF) continue;
        if (d[s]![v]! + d[v]![t]! === d[s]![t])
          betweenness[v]! += (sigma[s]![v]! * sigma[v]![t]!) / sigma[s]![t]!;
      }
    }
    let reach = 0;
    let total = 0;
    for (let u = 0; u < n; u++) {
      if (u !== v && d[u]![v]! < INF) {
        reach++;
        total += d[u]![v]!;
      }
    }
    closeness[v] = total > 0 ? (reach / total) * (reach / (n - 1)) : 0;
  }
  return { betweenness, closeness };
}

describe.each([false, true])(
  'shortest-path metrics on a 200-node random graph (directed: %s)',
  (directed) => {
    const n = 200;
    const edges = randomGraph(n, 500, directed ? 11 : 5);
    const nodes = Array.from({ length: n }, (_, i) => ({ id: `v${i}` }));
    const arcs: [number, number][] = edges.flatMap((e) => {
      const u = Number(e.source.slice(1));
      const v = Number(e.target.slice(1));
      return directed
        ? [[u, v] as [number, number]]
        : [[u, v] as [number, number], [v, u] as [number, number]];
    });
    const expected = reference(n, arcs);
    const r = computeNetworkMetricsSync({ directed, nodes, edges });
    afterAll(() => closeNetworkMetricsWorkers());

    it('matches the Floyd–Warshall reference', () => {
      // Undirected pairs count once in our output, twice in the ordered-pair reference.
      const scale = directed ? 1 : 0.5;
      let worst = 0;
      for (let v = 0; v < n; v++) {
        const m = r.nodes[`v${v}`]!;
        worst = Math.max(worst, Math.abs(m.betweenness - expected.betweenness[v]! * scale));
        expect(m.closeness).toBeCloseTo(expected.closeness[v]!, 12);
      }
      expect(worst).toBeLessThan(1e-9);
      expect(Math.max(...expected.betweenness)).toBeGreaterThan(100);
    });

    it('gives the same answer from the worker threads', async () => {
      const threaded = await computeNetworkMetrics(
        { directed, nodes, edges },
        { threads: 2, inlineWorkLimit: 0 },
      );
      for (let v = 0; v < n; v++) {
        const a = threaded.nodes[`v${v}`]!;
        const b = r.nodes[`v${v}`]!;
        expect(a.betweenness).toBeCloseTo(b.betweenness, 9);
        expect(a.closeness).toBeCloseTo(b.closeness, 12);
        expect(a.community).toBe(b.community);
        expect(a.constraint).toBe(b.constraint);
      }
      expect(threaded.network.averagePathLength).toBeCloseTo(r.network.averagePathLength, 12);
    });
  },
);
