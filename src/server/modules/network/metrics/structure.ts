import type { Adjacency, CompactGraph } from './graph.ts';

export interface DegreeMetrics {
  /** Distinct neighbours in the undirected view for undirected graphs; in + out arcs for directed ones. */
  degree: Int32Array;
  inDegree: Int32Array;
  outDegree: Int32Array;
  /** Sum of tie weights (in + out for directed graphs). */
  strength: Float64Array;
  inStrength: Float64Array;
  outStrength: Float64Array;
}

export function degreeMetrics(g: CompactGraph): DegreeMetrics {
  const outDegree = degreesOf(g.out);
  const inDegree = g.directed ? degreesOf(g.in) : outDegree;
  const outStrength = strengthsOf(g.out);
  const inStrength = g.directed ? strengthsOf(g.in) : outStrength;
  if (!g.directed) {
    return { degree: outDegree, inDegree, outDegree, strength: outStrength, inStrength, outStrength };
  }
  const degree = new Int32Array(g.n);
  const strength = new Float64Array(g.n);
  for (let v = 0; v < g.n; v++) {
    degree[v] = inDegree[v]! + outDegree[v]!;
    strength[v] = inStrength[v]! + outStrength[v]!;
  }
  return { degree, inDegree, outDegree, strength, inStrength, outStrength };
}

function degreesOf(adj: Adjacency): Int32Array {
  const n = adj.offsets.length - 1;
  const d = new Int32Array(n);
  for (let v = 0; v < n; v++) d[v] = adj.offsets[v + 1]! - adj.offsets[v]!;
  return d;
}

function strengthsOf(adj: Adjacency): Float64Array {
  const n = adj.offsets.length - 1;
  const s = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let sum = 0;
    for (let e = adj.offsets[v]!; e < adj.offsets[v + 1]!; e++) sum += adj.weights[e]!;
    s[v] = sum;
  }
  return s;
}

/** Ties present over ties possible (n(n-1) arcs or n(n-1)/2 edges); 0 below two partners. */
export function density(g: CompactGraph): number {
  if (g.n < 2) return 0;
  const possible = g.directed ? g.n * (g.n - 1) : (g.n * (g.n - 1)) / 2;
  return g.tieCount / possible;
}

/** Share of arcs whose reverse arc exists too (NetworkX `overall_reciprocity`); 0 without arcs. */
export function reciprocity(g: CompactGraph): number {
  if (g.tieCount === 0) return 0;
  const { offsets, targets } = g.out;
  let mutual = 0;
  for (let u = 0; u < g.n; u++) {
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      if (hasArc(g.out, targets[e]!, u)) mutual++;
    }
  }
  return mutual / g.tieCount;
}

/** Targets are sorted per node, so membership is a binary search. */
export function hasArc(adj: Adjacency, u: number, v: number): boolean {
  let lo = adj.offsets[u]!;
  let hi = adj.offsets[u + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = adj.targets[mid]!;
    if (t === v) return true;
    if (t < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Freeman's centralization: Σ (max − d_i) over its largest possible value, that of a star.
 * Undirected (on the undirected view for directed graphs): (n−1)(n−2). In- and out-degree:
 * (n−1)², as igraph's `centralization.degree` without loops. 0 below three (two for directed) partners.
 */
export function degreeCentralization(degrees: Int32Array, maxPossible: number): number {
  if (maxPossible <= 0 || degrees.length === 0) return 0;
  let max = 0;
  for (const d of degrees) if (d > max) max = d;
  let sum = 0;
  for (const d of degrees) sum += max - d;
  return sum / maxPossible;
}

export interface Components {
  /** Component index per node, numbered by size (largest first), then by smallest node index. */
  component: Int32Array;
  sizes: number[];
}

/** Connected components of the undirected view (weak components for directed graphs). */
export function components(g: CompactGraph): Components {
  const { offsets, targets } = g.und;
  const raw = new Int32Array(g.n).fill(-1);
  const stack = new Int32Array(g.n);
  const rawSizes: number[] = [];
  for (let s = 0; s < g.n; s++) {
    if (raw[s] !== -1) continue;
    const c = rawSizes.length;
    raw[s] = c;
    let top = 0;
    stack[top++] = s;
    let size = 0;
    while (top > 0) {
      const v = stack[--top]!;
      size++;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const w = targets[e]!;
        if (raw[w] === -1) {
          raw[w] = c;
          stack[top++] = w;
        }
      }
    }
    rawSizes.push(size);
  }
  const byRank = rawSizes.map((_, i) => i).sort((a, b) => rawSizes[b]! - rawSizes[a]! || a - b);
  const rank = new Int32Array(rawSizes.length);
  byRank.forEach((c, r) => {
    rank[c] = r;
  });
  const component = new Int32Array(g.n);
  for (let v = 0; v < g.n; v++) component[v] = rank[raw[v]!]!;
  return { component, sizes: byRank.map((c) => rawSizes[c]!) };
}

/**
 * Cut vertices of the undirected view: partners whose departure splits their component. Iterative
 * Hopcroft–Tarjan, because a recursive one overflows the stack on long chains of partners.
 */
export function articulationPoints(g: CompactGraph): Uint8Array {
  const { offsets, targets } = g.und;
  const n = g.n;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const nextArc = new Int32Array(n);
  const stack = new Int32Array(n);
  const cut = new Uint8Array(n);
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    let rootChildren = 0;
    let top = 0;
    stack[top++] = root;
    disc[root] = low[root] = time++;
    nextArc[root] = offsets[root]!;
    while (top > 0) {
      const v = stack[top - 1]!;
      if (nextArc[v]! < offsets[v + 1]!) {
        const w = targets[nextArc[v]!++]!;
        if (disc[w] === -1) {
          parent[w] = v;
          disc[w] = low[w] = time++;
          nextArc[w] = offsets[w]!;
          stack[top++] = w;
          if (v === root) rootChildren++;
        } else if (w !== parent[v] && disc[w]! < low[v]!) {
          low[v] = disc[w]!;
        }
        continue;
      }
      top--;
      const p = parent[v]!;
      if (p === -1) continue;
      if (low[v]! < low[p]!) low[p] = low[v]!;
      if (p !== root && low[v]! >= disc[p]!) cut[p] = 1;
    }
    if (rootChildren > 1) cut[root] = 1;
  }
  return cut;
}

/** k-core number of every node in the undirected view (Batagelj–Zaversnik bucket algorithm, O(n + m)). */
export function coreNumbers(g: CompactGraph): Int32Array {
  const { offsets, targets } = g.und;
  const n = g.n;
  const deg = new Int32Array(n);
  let maxDeg = 0;
  for (let v = 0; v < n; v++) {
    deg[v] = offsets[v + 1]! - offsets[v]!;
    if (deg[v]! > maxDeg) maxDeg = deg[v]!;
  }
  const binStart = new Int32Array(maxDeg + 2);
  for (let v = 0; v < n; v++) binStart[deg[v]! + 1]!++;
  for (let d = 0; d <= maxDeg; d++) binStart[d + 1]! += binStart[d]!;
  const pos = new Int32Array(n);
  const vert = new Int32Array(n);
  const fill = binStart.slice();
  for (let v = 0; v < n; v++) {
    pos[v] = fill[deg[v]!]!++;
    vert[pos[v]!] = v;
  }
  for (let i = 0; i < n; i++) {
    const v = vert[i]!;
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const u = targets[e]!;
      if (deg[u]! > deg[v]!) {
        const du = deg[u]!;
        const pu = pos[u]!;
        const pw = binStart[du]!;
        const w = vert[pw]!;
        if (u !== w) {
          pos[u] = pw;
          vert[pu] = w;
          pos[w] = pu;
          vert[pw] = u;
        }
        binStart[du]!++;
        deg[u] = du - 1;
      }
    }
  }
  return deg;
}
