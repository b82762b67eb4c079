/**
 * Network-analysis benchmark: `npm run bench:network`. See bench/README.md, section Network.
 *
 * 1. zone suite: every metric on a 300-partner / 5,000-tie directed zone, many runs (p50, p95);
 * 2. exact betweenness and Louvain on the fixed 10k / 100k graph in bench/data, checked against igraph;
 * 3. Flanders suite: every metric on 20,000 partners / 200,000 ties, a few runs in a child process for
 *    an honest peak memory.
 * Writes bench/results/network.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { louvainCommunities } from '../src/server/modules/network/metrics/communities.ts';
import { buildCompactGraph } from '../src/server/modules/network/metrics/graph.ts';
import {
  closeNetworkMetricsWorkers,
  computeNetworkMetrics,
  computeShortestPathMetrics,
} from '../src/server/modules/network/metrics/index.ts';
import { fromCsv, GRAPH_10K, generateNetwork, toCsv, ZONE } from './network/generate.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const csvFile = here('./data/graph-10k-100k.csv');
const igraphBetweennessFile = here('./data/graph-10k-100k.igraph-betweenness.json');
const igraphLouvainFile = here('./data/graph-10k-100k.igraph-louvain.json');
const resultFile = here('./results/network.json');
const zoneIterations = Number(process.env.BENCH_ZONE_ITERATIONS ?? 200);
const flandersRuns = Number(process.env.BENCH_FLANDERS_RUNS ?? 3);
const betweennessRuns = Number(process.env.BENCH_BETWEENNESS_RUNS ?? 3);
/** Louvain seeds tried on the 10k graph before giving up on matching igraph's modularity. */
const maxLouvainRuns = 8;

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.ceil(i)]! - s[lo]!) * (i - lo);
}
/** User + system time of every thread of this process, worker threads included. */
const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
const round = (x: number, digits = 3) => Number(x.toFixed(digits));
const log = (s: string) => process.stderr.write(`${s}\n`);
const loadStart = os.loadavg()[0]!;

// The 10k graph is written once and then only read, so igraph's stored answers stay valid for it.
if (!existsSync(csvFile)) {
  mkdirSync(here('./data'), { recursive: true });
  writeFileSync(csvFile, toCsv(generateNetwork(GRAPH_10K)));
  log(`wrote ${csvFile}`);
}
if (!existsSync(igraphBetweennessFile) || !existsSync(igraphLouvainFile)) {
  log('computing igraph reference values (about a minute) …');
  execFileSync('/usr/bin/python3', [here('./network/igraph_reference.py'), csvFile], { stdio: 'inherit' });
}
const igraphBetweenness = JSON.parse(readFileSync(igraphBetweennessFile, 'utf8')) as {
  igraph: string;
  seconds: number;
  cpu_seconds: number;
  load_average: number;
  betweenness: Record<string, number>;
};
const igraphLouvain = JSON.parse(readFileSync(igraphLouvainFile, 'utf8')) as {
  modularity: number;
  igraph: string;
};

log(`zone suite: ${zoneIterations} runs …`);
const zone = generateNetwork(ZONE);
const zoneHub = zone.nodes[0]!.id;
const bench = new Bench({ iterations: zoneIterations, time: 0, warmupIterations: 20, retainSamples: true });
bench.add('zone suite', async () => {
  await computeNetworkMetrics(zone, { hub: zoneHub });
});
await bench.run();
const zoneResult = bench.tasks[0]!.result;
if (zoneResult.state !== 'completed') throw new Error(`zone suite ${zoneResult.state}`);
const zoneSamples = [...(zoneResult.latency.samples ?? [])];

log(`exact betweenness on the 10k graph: ${betweennessRuns} runs …`);
const graph10k = fromCsv(readFileSync(csvFile, 'utf8'), false);
const betweennessSeconds: number[] = [];
const betweennessCpuSeconds: number[] = [];
let maxRelativeError = 0;
for (let i = 0; i < betweennessRuns; i++) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const paths = await computeShortestPathMetrics(graph10k);
  betweennessSeconds.push((performance.now() - start) / 1000);
  betweennessCpuSeconds.push(cpuSeconds(process.cpuUsage(cpu)));
  if (i > 0) continue;
  // Relative error, with reference values below 1 compared absolutely (a relative error of 0 is meaningless).
  paths.ids.forEach((id, v) => {
    const reference = igraphBetweenness.betweenness[id] ?? Number.NaN;
    const error = Math.abs(paths.betweenness[v]! - reference) / Math.max(1, Math.abs(reference));
    maxRelativeError = Math.max(maxRelativeError, Number.isNaN(error) ? Number.POSITIVE_INFINITY : error);
  });
}
await closeNetworkMetricsWorkers();

log('Louvain on the 10k graph …');
const compact10k = buildCompactGraph(graph10k);
const louvainSeconds: number[] = [];
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  louvainCommunities(compact10k, { seed: 1 });
  louvainSeconds.push((performance.now() - start) / 1000);
}
let louvainRuns = 1;
let louvain = louvainCommunities(compact10k, { seed: 1 });
while (louvain.modularity < igraphLouvain.modularity && louvainRuns < maxLouvainRuns) {
  louvainRuns++;
  louvain = louvainCommunities(compact10k, { seed: 1, runs: louvainRuns });
}

log(`Flanders suite: ${flandersRuns} runs in a child process …`);
const child = execFileSync(
  process.execPath,
  [...process.execArgv, here('./network/flanders-run.ts'), String(flandersRuns)],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
);
const flanders = JSON.parse(child.trim().split('\n').at(-1)!) as {
  seconds: number[];
  cpuSeconds: number[];
  peakRssMb: number;
};

const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model ?? 'unknown',
    memory_gb: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    load_average_start: round(loadStart, 2),
    load_average_end: round(os.loadavg()[0]!, 2),
  },
  zone: { partners: ZONE.partners, ties: ZONE.ties, directed: ZONE.directed, runs: zoneSamples.length },
  zone_suite_ms: round(median(zoneSamples), 2),
  zone_suite_p95_ms: round(quantile(zoneSamples, 0.95), 2),
  flanders_runs_s: flanders.seconds.map((s) => round(s, 2)),
  flanders_suite_s: round(median(flanders.seconds), 2),
  flanders_cpu_s: round(median(flanders.cpuSeconds), 2),
  flanders_peak_mb: Math.round(flanders.peakRssMb),
  betweenness_10k_runs_s: betweennessSeconds.map((s) => round(s, 2)),
  betweenness_10k_s: round(median(betweennessSeconds), 2),
  betweenness_10k_cpu_s: round(median(betweennessCpuSeconds), 2),
  betweenness_max_rel_error: maxRelativeError,
  louvain_10k_s: round(median(louvainSeconds), 3),
  louvain_modularity: round(louvain.modularity, 6),
  louvain_runs_to_match_igraph: louvainRuns,
  igraph_louvain_modularity: round(igraphLouvain.modularity, 6),
  igraph_betweenness_10k_s: igraphBetweenness.seconds,
  igraph_betweenness_10k_cpu_s: igraphBetweenness.cpu_seconds,
  igraph_load_average: igraphBetweenness.load_average,
  igraph_version: igraphBetweenness.igraph,
};
mkdirSync(here('./results'), { recursive: true });
writeFileSync(resultFile, `${JSON.stringify(results, null, 2)}\n`);

const rows: [string, string, string][] = [
  ['zone suite (300 / 5,000), p50', `${results.zone_suite_ms} ms`, '≤ 200 ms'],
  ['zone suite, p95', `${results.zone_suite_p95_ms} ms`, ''],
  ['Flanders suite (20,000 / 200,000), median', `${results.flanders_suite_s} s`, '≤ 60 s'],
  ['Flanders peak RSS', `${results.flanders_peak_mb} MB`, '≤ 2048 MB'],
  ['Flanders suite, CPU time (all threads)', `${results.flanders_cpu_s} s`, ''],
  ['exact betweenness 10k / 100k, median', `${results.betweenness_10k_s} s`, '≤ 15 s'],
  ['  CPU time (2 worker threads)', `${results.betweenness_10k_cpu_s} s`, ''],
  ['  igraph (C, one thread), same graph', `${results.igraph_betweenness_10k_s} s`, ''],
  ['  igraph CPU time', `${results.igraph_betweenness_10k_cpu_s} s`, ''],
  ['  max relative error vs igraph', results.betweenness_max_rel_error.toExponential(2), '≤ 1e-9'],
  ['Louvain 10k / 100k, one run, median', `${results.louvain_10k_s} s`, ''],
  [`  modularity (best of ${louvainRuns} seed(s))`, String(results.louvain_modularity), '≥ igraph'],
  ['  igraph multilevel modularity', String(results.igraph_louvain_modularity), ''],
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log(
  `\nNetwork metrics on ${results.machine.cpus} × ${results.machine.cpu_model}, Node ${process.version}`,
);
for (const [what, value, target] of rows)
  console.log(`${what.padEnd(width)}  ${value.padStart(12)}  ${target}`);
