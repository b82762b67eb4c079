import type { CompactGraph } from './graph.ts';

export interface EigenvectorResult {
  centrality: Float64Array;
  iterations: number;
  converged: boolean;
}

export interface EigenvectorOptions {
  /** NetworkX's default. Converged when Σ|x − x_prev| < n · tolerance. */
  tolerance?: number;
  /** NetworkX stops at 100 and raises; sparse networks with long chains need more, so we allow 1000. */
  maxIterations?: number;
}

/**
 * Eigenvector centrality as NetworkX's `eigenvector_centrality(G, weight='weight')`: power iteration on
 * (A + I) from a uniform start, Euclidean normalisation. The added identity keeps the iteration from
 * oscillating on bipartite networks and does not change the eigenvector. Directed graphs use in-ties
 * (a partner is central when central partners point to it). Without ties the vector stays uniform,
 * 1/√n for everyone. If it does not converge the last iterate is returned with converged = false rather
 * than an error, so one awkward network does not sink the whole analysis.
 */
export function eigenvectorCentrality(g: CompactGraph, options: EigenvectorOptions = {}): EigenvectorResult {
  const n = g.n;
  const tolerance = options.tolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 1000;
  const { offsets, targets, weights } = g.out;
  let x = new Float64Array(n).fill(1 / n);
  if (n === 0) return { centrality: x, iterations: 0, converged: true };
  let next = new Float64Array(n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    next.set(x);
    for (let u = 0; u < n; u++) {
      const xu = x[u]!;
      if (xu === 0) continue;
      for (let e = offsets[u]!; e < offsets[u + 1]!; e++) next[targets[e]!]! += xu * weights[e]!;
    }
    let norm = 0;
    for (let v = 0; v < n; v++) norm += next[v]! * next[v]!;
    norm = Math.sqrt(norm) || 1;
    let change = 0;
    for (let v = 0; v < n; v++) {
      next[v]! /= norm;
      change += Math.abs(next[v]! - x[v]!);
    }
    [x, next] = [next, x];
    if (change < n * tolerance) return { centrality: x, iterations: iteration, converged: true };
  }
  return { centrality: x, iterations: maxIterations, converged: false };
}
