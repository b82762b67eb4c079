import { type Communities, type CommunityOptions, louvainCommunities } from './communities.ts';
import { type EigenvectorResult, eigenvectorCentrality } from './eigenvector.ts';
import { type BuildOptions, type CompactGraph, NetworkInputError } from './graph.ts';
import { hubDependence, type PathAccumulation, pathMetrics } from './paths.ts';
import { type BrokerageRoles, brokerageRoles, eiIndex, type SectorMixing, sectorMixing } from './sectors.ts';
import { type StructuralHoles, structuralHoles } from './structural-holes.ts';
import {
  articulationPoints,
  type Components,
  components,
  coreNumbers,
  type DegreeMetrics,
  degreeCentralization,
  degreeMetrics,
  density,
  reciprocity,
} from './structure.ts';

export interface NetworkMetricsOptions extends BuildOptions {
  /** A partner id; the result then says how much of the network's shortest paths run through it. */
  hub?: string;
  /** Louvain seed (default 1). */
  seed?: number;
  /** Louvain runs with seeds seed, seed + 1, …; the best partition by modularity is kept (default 1). */
  louvainRuns?: number;
  /** Louvain resolution (default 1, plain modularity). */
  resolution?: number;
}

export interface BrokerageCounts {
  coordinator: number;
  gatekeeper: number;
  representative: number;
  itinerant: number;
  liaison: number;
  total: number;
}

export interface NodeMetrics {
  sector: string | null;
  /** Distinct neighbours (undirected) or in + out arcs (directed, as NetworkX `degree`). */
  degree: number;
  inDegree?: number;
  outDegree?: number;
  /** Sum of tie weights. */
  strength: number;
  inStrength?: number;
  outStrength?: number;
  /** Unnormalised; each unordered pair counted once for undirected graphs (NetworkX normalized=False). */
  betweenness: number;
  betweennessNormalized: number;
  closeness: number;
  eigenvector: number;
  /** Burt's constraint; null for a partner without ties, for whom it is undefined. */
  constraint: number | null;
  effectiveSize: number;
  articulationPoint: boolean;
  community: number;
  /** Index into network.components.sizes (components numbered largest first). */
  component: number;
  coreNumber: number;
  /** Exactly one partner tied to it, in either direction. */
  peripheral: boolean;
  isolate: boolean;
  /** E–I index over this partner's own ties; null without ties to partners of known sector. */
  eiIndex: number | null;
  brokerage: BrokerageCounts;
}

export interface SectorMetrics {
  partners: number;
  internalTies: number;
  externalTies: number;
  eiIndex: number | null;
}

export interface NetworkSummary {
  directed: boolean;
  nodes: number;
  /** Distinct ties after merging repeats: arcs when directed, edges when undirected. */
  edges: number;
  selfLoopsIgnored: number;
  duplicateTiesMerged: number;
  density: number;
  /** Share of arcs that are returned; null for undirected graphs, where it means nothing. */
  reciprocity: number | null;
  /** Freeman degree centralization of the undirected view. */
  degreeCentralization: number;
  inDegreeCentralization: number | null;
  outDegreeCentralization: number | null;
  /** Weak components for directed graphs. */
  components: { count: number; sizes: number[] };
  /** Mean over reachable ordered pairs, so over each component separately (igraph `unconn=True`). */
  averagePathLength: number;
  diameter: number;
  reachablePairs: number;
  isolates: string[];
  articulationPoints: string[];
  peripheral: number;
  communities: { count: number; sizes: number[]; modularity: number; seed: number };
  eigenvector: { converged: boolean; iterations: number };
  eiIndex: number | null;
  internalTies: number;
  externalTies: number;
  hub: { id: string; dependence: number } | null;
}

export interface NetworkMetrics {
  network: NetworkSummary;
  sectors: Record<string, SectorMetrics>;
  nodes: Record<string, NodeMetrics>;
}

/** Everything but the shortest-path work: O(m) or close to it, apart from Louvain. */
export interface LocalMetrics {
  degrees: DegreeMetrics;
  neighbours: Int32Array;
  components: Components;
  articulation: Uint8Array;
  core: Int32Array;
  eigenvector: EigenvectorResult;
  holes: StructuralHoles;
  mixing: SectorMixing;
  brokerage: BrokerageRoles;
  communities: Communities;
  density: number;
  reciprocity: number;
}

export function computeLocalMetrics(g: CompactGraph, options: CommunityOptions = {}): LocalMetrics {
  const degrees = degreeMetrics(g);
  const neighbours = new Int32Array(g.n);
  for (let v = 0; v < g.n; v++) neighbours[v] = g.und.offsets[v + 1]! - g.und.offsets[v]!;
  return {
    degrees,
    neighbours,
    components: components(g),
    articulation: articulationPoints(g),
    core: coreNumbers(g),
    eigenvector: eigenvectorCentrality(g),
    holes: structuralHoles(g),
    mixing: sectorMixing(g),
    brokerage: brokerageRoles(g),
    communities: louvainCommunities(g, options),
    density: density(g),
    reciprocity: g.directed ? reciprocity(g) : 0,
  };
}

export function communityOptions(options: NetworkMetricsOptions): CommunityOptions {
  return { seed: options.seed ?? 1, runs: options.louvainRuns ?? 1, resolution: options.resolution ?? 1 };
}

/** The hub's node index; an id that is not in the graph is an input error, not a silent null. */
export function hubIndex(g: CompactGraph, hub: string | undefined): number | null {
  if (hub === undefined) return null;
  const i = g.ids.indexOf(hub);
  if (i < 0) throw new NetworkInputError(`hub "${hub}" is not a partner in this network`);
  return i;
}

export function assembleNetworkMetrics(
  g: CompactGraph,
  local: LocalMetrics,
  acc: PathAccumulation,
  hub: number | null,
): NetworkMetrics {
  const n = g.n;
  const paths = pathMetrics(g, acc);
  const { degrees, neighbours, mixing, brokerage, communities, holes } = local;
  const communitySizes = new Array<number>(communities.count).fill(0);
  for (const c of communities.community) communitySizes[c]!++;
  const isolates: string[] = [];
  const cutPoints: string[] = [];
  let peripheral = 0;
  const nodes: [string, NodeMetrics][] = [];
  for (let v = 0; v < n; v++) {
    const id = g.ids[v]!;
    if (neighbours[v] === 0) isolates.push(id);
    if (local.articulation[v] === 1) cutPoints.push(id);
    if (neighbours[v] === 1) peripheral++;
    const roles = {
      coordinator: brokerage.coordinator[v]!,
      gatekeeper: brokerage.gatekeeper[v]!,
      representative: brokerage.representative[v]!,
      itinerant: brokerage.itinerant[v]!,
      liaison: brokerage.liaison[v]!,
    };
    const s = g.sector[v]!;
    const constraint = holes.constraint[v]!;
    nodes.push([
      id,
      {
        sector: s >= 0 ? g.sectorNames[s]! : null,
        degree: degrees.degree[v]!,
        ...(g.directed ? { inDegree: degrees.inDegree[v]!, outDegree: degrees.outDegree[v]! } : {}),
        strength: degrees.strength[v]!,
        ...(g.directed ? { inStrength: degrees.inStrength[v]!, outStrength: degrees.outStrength[v]! } : {}),
        betweenness: paths.betweenness[v]!,
        betweennessNormalized: paths.betweennessNormalized[v]!,
        closeness: paths.closeness[v]!,
        eigenvector: local.eigenvector.centrality[v]!,
        constraint: Number.isNaN(constraint) ? null : constraint,
        effectiveSize: holes.effectiveSize[v]!,
        articulationPoint: local.articulation[v] === 1,
        community: communities.community[v]!,
        component: local.components.component[v]!,
        coreNumber: local.core[v]!,
        peripheral: neighbours[v] === 1,
        isolate: neighbours[v] === 0,
        eiIndex: eiIndex({ internal: mixing.byNode.internal[v]!, external: mixing.byNode.external[v]! }),
        brokerage: {
          ...roles,
          total:
            roles.coordinator + roles.gatekeeper + roles.representative + roles.itinerant + roles.liaison,
        },
      },
    ]);
  }
  const arcMax = (n - 1) * (n - 1);
  return {
    network: {
      directed: g.directed,
      nodes: n,
      edges: g.tieCount,
      selfLoopsIgnored: g.selfLoopsIgnored,
      duplicateTiesMerged: g.duplicateTiesMerged,
      density: local.density,
      reciprocity: g.directed ? local.reciprocity : null,
      degreeCentralization: degreeCentralization(neighbours, (n - 1) * (n - 2)),
      inDegreeCentralization: g.directed ? degreeCentralization(degrees.inDegree, arcMax) : null,
      outDegreeCentralization: g.directed ? degreeCentralization(degrees.outDegree, arcMax) : null,
      components: { count: local.components.sizes.length, sizes: local.components.sizes },
      averagePathLength: paths.averagePathLength,
      diameter: paths.diameter,
      reachablePairs: paths.reachablePairs,
      isolates,
      articulationPoints: cutPoints,
      peripheral,
      communities: {
        count: communities.count,
        sizes: communitySizes,
        modularity: communities.modularity,
        seed: communities.seed,
      },
      eigenvector: { converged: local.eigenvector.converged, iterations: local.eigenvector.iterations },
      eiIndex: eiIndex(mixing.network),
      internalTies: mixing.network.internal,
      externalTies: mixing.network.external,
      hub: hub === null ? null : { id: g.ids[hub]!, dependence: hubDependence(g, acc, hub) },
    },
    sectors: Object.fromEntries(
      g.sectorNames.map((name, k) => [
        name,
        {
          partners: mixing.partnersBySector[k]!,
          internalTies: mixing.bySector[k]!.internal,
          externalTies: mixing.bySector[k]!.external,
          eiIndex: eiIndex(mixing.bySector[k]!),
        },
      ]),
    ),
    nodes: Object.fromEntries(nodes),
  };
}
