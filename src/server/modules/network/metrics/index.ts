import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { workerExecArgv, workerFile } from '../../../platform/workers.ts';
import { buildCompactGraph, type CompactGraph, type NetworkGraph } from './graph.ts';
import {
  fromSearchOrder,
  inSearchOrder,
  mergePathAccumulations,
  type PathAccumulation,
  type PathMetrics,
  pathMetrics,
  shortestPaths,
} from './paths.ts';
import {
  assembleNetworkMetrics,
  communityOptions,
  computeLocalMetrics,
  hubIndex,
  type LocalMetrics,
  type NetworkMetrics,
  type NetworkMetricsOptions,
} from './suite.ts';
import type { MetricsTask } from './worker.ts';

export { type GraphEdge, type GraphNode, type NetworkGraph, NetworkInputError } from './graph.ts';
export type { PathMetrics } from './paths.ts';
export type {
  BrokerageCounts,
  NetworkMetrics,
  NetworkMetricsOptions,
  NetworkSummary,
  NodeMetrics,
  SectorMetrics,
} from './suite.ts';

export interface RunOptions extends NetworkMetricsOptions {
  /** Worker threads for large graphs; 0 keeps all work on the calling thread. Default: up to 2. */
  threads?: number;
  /**
   * Graphs whose shortest-path work n · (n + arcs) stays below this run on the calling thread: a worker
   * costs a few hundred milliseconds to start, more than a zone-sized network takes (≈ 50 ms of work
   * at the default).
   */
  inlineWorkLimit?: number;
  signal?: AbortSignal;
}

/** Every metric on the calling thread; for small graphs, tests and scripts. */
export function computeNetworkMetricsSync(
  graph: NetworkGraph,
  options: NetworkMetricsOptions = {},
): NetworkMetrics {
  const g = buildCompactGraph(graph, options);
  const hub = hubIndex(g, options.hub);
  return assembleNetworkMetrics(g, computeLocalMetrics(g, communityOptions(options)), shortestPaths(g), hub);
}

/**
 * Every metric of the suite. Large graphs go to worker threads: the Brandes sources are dealt out in
 * interleaved batches (several per thread, so a slow batch does not leave a core idle) and the other
 * metrics run as one more task beside them; the calling thread only builds the compact graph and the
 * result.
 */
export async function computeNetworkMetrics(
  graph: NetworkGraph,
  options: RunOptions = {},
): Promise<NetworkMetrics> {
  const g = buildCompactGraph(graph, options);
  const hub = hubIndex(g, options.hub);
  const threads = threadsFor(g, options);
  if (threads === 0) {
    return assembleNetworkMetrics(
      g,
      computeLocalMetrics(g, communityOptions(options)),
      shortestPaths(g),
      hub,
    );
  }
  const pool = workerPool(threads);
  const local: MetricsTask = {
    kind: 'local',
    graph: { ...g, ids: [] },
    communities: communityOptions(options),
  };
  const [localMetrics, paths] = await Promise.all([
    pool.run(local, { signal: options.signal ?? null }) as Promise<LocalMetrics>,
    pathBatches(pool, g, threads, options.signal),
  ]);
  return assembleNetworkMetrics(g, localMetrics, paths, hub);
}

/** Betweenness, closeness and path lengths only, on the same threads as the full suite. */
export async function computeShortestPathMetrics(
  graph: NetworkGraph,
  options: Omit<RunOptions, 'hub' | 'seed' | 'louvainRuns' | 'resolution'> = {},
): Promise<PathMetrics & { ids: string[] }> {
  const g = buildCompactGraph(graph, options);
  const threads = threadsFor(g, options);
  const acc =
    threads === 0 ? shortestPaths(g) : await pathBatches(workerPool(threads), g, threads, options.signal);
  return { ids: g.ids, ...pathMetrics(g, acc) };
}

/** 0 when the graph is small enough to do on the calling thread. */
function threadsFor(g: CompactGraph, options: RunOptions): number {
  const threads = options.threads ?? Math.min(2, availableParallelism());
  const work = g.n * (g.n + g.out.targets.length);
  return work < (options.inlineWorkLimit ?? 5e6) ? 0 : Math.max(0, threads);
}

async function pathBatches(
  pool: Piscina,
  g: CompactGraph,
  threads: number,
  signal: AbortSignal | undefined,
): Promise<PathAccumulation> {
  const { graph, position } = inSearchOrder(g);
  const parts = Math.max(1, Math.min(graph.n, threads * 8));
  const batches = await Promise.all(
    Array.from(
      { length: parts },
      (_, part) =>
        pool.run({ kind: 'paths', graph, part, parts } satisfies MetricsTask, {
          signal: signal ?? null,
        }) as Promise<PathAccumulation>,
    ),
  );
  return fromSearchOrder(mergePathAccumulations(graph.n, batches), position);
}

const pools = new Map<number, Piscina>();

function workerPool(threads: number): Piscina {
  let pool = pools.get(threads);
  if (!pool) {
    const filename = workerFile('worker', import.meta.url);
    pool = new Piscina({
      filename: filename.href,
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: 60_000,
      execArgv: workerExecArgv(filename),
    });
    pools.set(threads, pool);
  }
  return pool;
}

/** Stops the worker threads (they also stop by themselves after a minute idle). */
export async function closeNetworkMetricsWorkers(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.destroy()));
}
