/**
 * Times the full metrics suite on the Flanders-size network in a process of its own, so the peak
 * resident memory it reports (maxRSS covers the worker threads too, they share the process) belongs to
 * this suite alone. Prints one JSON line; run by bench/network.ts.
 */
import {
  closeNetworkMetricsWorkers,
  computeNetworkMetrics,
} from '../../src/server/modules/network/metrics/index.ts';
import { FLANDERS, generateNetwork } from './generate.ts';

const runs = Number(process.argv[2] ?? 3);
const graph = generateNetwork(FLANDERS);
const seconds: number[] = [];
const cpuSeconds: number[] = [];
let summary = {};
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await computeNetworkMetrics(graph, { hub: graph.nodes[0]!.id });
  seconds.push((performance.now() - start) / 1000);
  const used = process.cpuUsage(cpu);
  cpuSeconds.push((used.user + used.system) / 1e6);
  summary = {
    nodes: result.network.nodes,
    edges: result.network.edges,
    modularity: result.network.communities.modularity,
    averagePathLength: result.network.averagePathLength,
  };
}
await closeNetworkMetricsWorkers();
process.stdout.write(
  `${JSON.stringify({ seconds, cpuSeconds, peakRssMb: process.resourceUsage().maxRSS / 1024, ...summary })}\n`,
);
