import type { CommunityOptions } from './communities.ts';
import type { CompactGraph } from './graph.ts';
import { accumulateShortestPaths, type PathAccumulation, type PathGraph } from './paths.ts';
import { computeLocalMetrics, type LocalMetrics } from './suite.ts';

export type MetricsTask =
  | { kind: 'paths'; graph: PathGraph; part: number; parts: number }
  | { kind: 'local'; graph: CompactGraph; communities: CommunityOptions };

/** Piscina worker entry: the graph's typed arrays arrive as shared memory, so only results are copied. */
export default function runMetricsTask(task: MetricsTask): PathAccumulation | LocalMetrics {
  return task.kind === 'paths'
    ? accumulateShortestPaths(task.graph, task.part, task.parts)
    : computeLocalMetrics(task.graph, task.communities);
}
