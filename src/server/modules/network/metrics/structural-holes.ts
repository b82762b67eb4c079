import type { CompactGraph } from './graph.ts';

export interface StructuralHoles {
  /** Burt's constraint; NaN for partners without ties, as in NetworkX (the suite reports null). */
  constraint: Float64Array;
  effectiveSize: Float64Array;
}

/**
 * Burt's constraint and effective size with NetworkX's conventions and weights
 * (`nx.constraint(G, weight='weight')`, `nx.effective_size(G, weight='weight')`):
 * on the undirected view with mutual weights a(u,v) = w(u,v) + w(v,u),
 * p(u,v) = a(u,v) / Σ_x a(u,x) and m(v,w) = a(v,w) / max_x a(v,x);
 * constraint(u) = Σ_{v∈N(u)} (p(u,v) + Σ_{w∈N(u)} p(u,w) p(w,v))²,
 * effective size(u) = Σ_{v∈N(u)} (1 − Σ_{w∈N(u)} p(u,w) m(v,w)).
 *
 * Weighted effective size follows NetworkX's per-node code (`nodes=list(G)`): its vectorised default path
 * in 3.5–3.6 divides by the wrong axis for weighted and directed graphs (networkx/networkx#8906). A directed
 * partner with in-ties only gets values here; NetworkX returns NaN for it because it looks at successors.
 *
 * Both inner sums only see pairs (w, v) that are both neighbours of u and tied to each other, so for
 * each u we mark its neighbours and walk the neighbours' neighbour lists: Σ_w deg(w)² work in all,
 * with no hash lookups. A partner without ties gets constraint NaN here (NetworkX's value too) and
 * effective size 0; the suite turns that NaN into null.
 */
export function structuralHoles(g: CompactGraph): StructuralHoles {
  const { offsets, targets, weights } = g.und;
  const n = g.n;
  const total = new Float64Array(n);
  const max = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let sum = 0;
    let top = 0;
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const a = weights[e]!;
      sum += a;
      if (a > top) top = a;
    }
    total[v] = sum;
    max[v] = top;
  }

  const constraint = new Float64Array(n);
  const effectiveSize = new Float64Array(n);
  const markedBy = new Int32Array(n).fill(-1);
  const indirect = new Float64Array(n);
  const redundancy = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const start = offsets[u]!;
    const end = offsets[u + 1]!;
    if (start === end) {
      constraint[u] = Number.NaN;
      continue;
    }
    for (let e = start; e < end; e++) {
      const v = targets[e]!;
      markedBy[v] = u;
      indirect[v] = 0;
      redundancy[v] = 0;
    }
    const tu = total[u]!;
    for (let e = start; e < end; e++) {
      const w = targets[e]!;
      const puw = weights[e]! / tu;
      const tw = total[w]!;
      for (let f = offsets[w]!; f < offsets[w + 1]!; f++) {
        const v = targets[f]!;
        if (markedBy[v] !== u) continue;
        const awv = weights[f]!;
        indirect[v]! += (puw * awv) / tw;
        redundancy[v]! += (puw * awv) / max[v]!;
      }
    }
    let c = 0;
    let size = 0;
    for (let e = start; e < end; e++) {
      const v = targets[e]!;
      const local = weights[e]! / tu + indirect[v]!;
      c += local * local;
      size += 1 - redundancy[v]!;
    }
    constraint[u] = c;
    effectiveSize[u] = size;
  }
  return { constraint, effectiveSize };
}
