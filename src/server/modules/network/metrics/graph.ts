/** A partner (organisation) in the network; the sector drives the E–I index and brokerage roles. */
export interface GraphNode {
  id: string;
  sector?: string | null;
}

/** A tie between two partners; weight is tie strength (more is stronger), never a distance. */
export interface GraphEdge {
  source: string;
  target: string;
  weight?: number;
  type?: string | null;
}

export interface NetworkGraph {
  directed: boolean;
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
}

/** Compressed sparse row adjacency: the neighbours of node v are targets[offsets[v] .. offsets[v+1]). */
export interface Adjacency {
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

/**
 * The graph as typed arrays over node indices 0..n-1, the form every metric works on.
 * The arrays live in SharedArrayBuffers so worker threads read them without a copy.
 */
export interface CompactGraph {
  directed: boolean;
  n: number;
  ids: string[];
  /** Index into sectorNames, or -1 when the partner has no sector. */
  sector: Int32Array;
  sectorNames: string[];
  /** Successors (directed) or neighbours (undirected); targets sorted, no self-loops, no repeats. */
  out: Adjacency;
  /** Predecessors; the same object as `out` for undirected graphs. */
  in: Adjacency;
  /**
   * Undirected view: neighbours in either direction, weighted by the mutual weight w(u,v) + w(v,u)
   * (NetworkX's `mutual_weight`). The same object as `out` for undirected graphs.
   */
  und: Adjacency;
  /** Distinct ties: arcs when directed, edges when undirected. */
  tieCount: number;
  selfLoopsIgnored: number;
  /** Input ties that repeated an earlier tie between the same partners; their weights were added. */
  duplicateTiesMerged: number;
}

export class NetworkInputError extends Error {
  override name = 'NetworkInputError';
}

export interface BuildOptions {
  /** Keep only ties of these types (ties without a type are then dropped); all ties when absent. */
  tieTypes?: readonly string[];
}

/**
 * Builds the compact graph. Partners named only by a tie are added after the listed ones, in order of
 * first mention; a partner listed twice keeps its first non-empty sector. Self-loops say nothing about
 * how a partner relates to others, so they are counted and left out of every metric.
 */
export function buildCompactGraph(graph: NetworkGraph, options: BuildOptions = {}): CompactGraph {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const sectorOfNode: (string | null)[] = [];
  const add = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
      sectorOfNode.push(null);
    }
    return i;
  };
  for (const node of graph.nodes) {
    const i = add(String(node.id));
    if (sectorOfNode[i] === null && node.sector) sectorOfNode[i] = node.sector;
  }

  const keep = options.tieTypes ? new Set(options.tieTypes) : null;
  const m = graph.edges.length;
  const factor = graph.directed ? 1 : 2;
  const src = new Int32Array(m * factor);
  const dst = new Int32Array(m * factor);
  const wt = new Float64Array(m * factor);
  let count = 0;
  let selfLoops = 0;
  for (let e = 0; e < m; e++) {
    const edge = graph.edges[e]!;
    if (keep && !(edge.type != null && keep.has(edge.type))) continue;
    const w = edge.weight ?? 1;
    if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0) {
      throw new NetworkInputError(
        `tie ${e + 1} (${edge.source} → ${edge.target}) has weight ${String(w)}; weights must be positive numbers`,
      );
    }
    const u = add(String(edge.source));
    const v = add(String(edge.target));
    if (u === v) {
      selfLoops++;
      continue;
    }
    src[count] = u;
    dst[count] = v;
    wt[count++] = w;
    if (!graph.directed) {
      src[count] = v;
      dst[count] = u;
      wt[count++] = w;
    }
  }

  const n = ids.length;
  const sectorNames: string[] = [];
  const sectorIndex = new Map<string, number>();
  const sector = new Int32Array(new SharedArrayBuffer(4 * n));
  for (let i = 0; i < n; i++) {
    const s = sectorOfNode[i];
    if (s == null) {
      sector[i] = -1;
      continue;
    }
    let k = sectorIndex.get(s);
    if (k === undefined) {
      k = sectorNames.length;
      sectorIndex.set(s, k);
      sectorNames.push(s);
    }
    sector[i] = k;
  }

  const out = buildAdjacency(n, src, dst, wt, count);
  const base = { n, ids, sector, sectorNames, selfLoopsIgnored: selfLoops };
  if (!graph.directed) {
    const edges = out.targets.length / 2;
    return {
      ...base,
      directed: false,
      out,
      in: out,
      und: out,
      tieCount: edges,
      duplicateTiesMerged: count / 2 - edges,
    };
  }
  const arcs = out.targets.length;
  const both = 2 * arcs;
  const bSrc = new Int32Array(both);
  const bDst = new Int32Array(both);
  const bWt = new Float64Array(both);
  for (let u = 0, k = 0; u < n; u++) {
    for (let e = out.offsets[u]!; e < out.offsets[u + 1]!; e++, k++) {
      bSrc[k] = u;
      bDst[k] = out.targets[e]!;
      bWt[k] = out.weights[e]!;
      bSrc[arcs + k] = out.targets[e]!;
      bDst[arcs + k] = u;
      bWt[arcs + k] = out.weights[e]!;
    }
  }
  return {
    ...base,
    directed: true,
    out,
    in: buildAdjacency(n, bSrc.subarray(arcs), bDst.subarray(arcs), bWt.subarray(arcs), arcs),
    und: buildAdjacency(n, bSrc, bDst, bWt, both),
    tieCount: arcs,
    duplicateTiesMerged: count - arcs,
  };
}

/** Sorts arcs by (source, target) with two stable counting sorts, O(n + m), and adds up repeated arcs. */
function buildAdjacency(
  n: number,
  src: Int32Array,
  dst: Int32Array,
  wt: Float64Array,
  count: number,
): Adjacency {
  const order = countingOrder(n, src, countingOrder(n, dst, null, count), count);
  const targets = new Int32Array(count);
  const weights = new Float64Array(count);
  const offsets = new Int32Array(new SharedArrayBuffer(4 * (n + 1)));
  let k = 0;
  let prevU = -1;
  let prevV = -1;
  for (let j = 0; j < count; j++) {
    const i = order[j]!;
    const u = src[i]!;
    const v = dst[i]!;
    if (u === prevU && v === prevV) {
      weights[k - 1]! += wt[i]!;
      continue;
    }
    targets[k] = v;
    weights[k++] = wt[i]!;
    offsets[u + 1]!++;
    prevU = u;
    prevV = v;
  }
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const sharedTargets = new Int32Array(new SharedArrayBuffer(4 * k));
  sharedTargets.set(targets.subarray(0, k));
  const sharedWeights = new Float64Array(new SharedArrayBuffer(8 * k));
  sharedWeights.set(weights.subarray(0, k));
  return { offsets, targets: sharedTargets, weights: sharedWeights };
}

function countingOrder(n: number, key: Int32Array, input: Int32Array | null, count: number): Int32Array {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < count; i++) start[key[i]! + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const order = new Int32Array(count);
  for (let j = 0; j < count; j++) {
    const i = input ? input[j]! : j;
    order[start[key[i]!]!++] = i;
  }
  return order;
}
