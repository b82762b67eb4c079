/**
 * Command-line start-up benchmark: `npm run bench:cli`. See bench/README.md, section Command line.
 *
 * Runs `help` and `network metrics` on a 34-partner graph as fresh processes, the way an operator types them
 * (`node scripts/knooppunt.mjs …`, which is what `npm run knooppunt --` runs after npm's own start), after
 * making sure the compiled build is current. Reports wall-clock medians and p95 and the load average.
 * Writes bench/results/cli.json.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureServerBuild } from '../scripts/build-server.mjs';
import { generateNetwork, toCsv } from './network/generate.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const runs = Number(process.env.BENCH_CLI_RUNS ?? 15);
const entry = here('../scripts/knooppunt.mjs');

/** Wall-clock seconds of each of `runs` fresh processes of one command (after one warm-up run). */
function time(args: string[], command = process.execPath, prefix = [entry]): number[] {
  const run = () => {
    const start = process.hrtime.bigint();
    execFileSync(command, [...prefix, ...args], {
      stdio: 'ignore',
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    return Number(process.hrtime.bigint() - start) / 1e9;
  };
  run();
  return Array.from({ length: runs }, run);
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};
const round = (s: number) => Math.round(s * 1000) / 1000;
const summary = (values: number[]) => ({
  median_s: round(quantile(values, 0.5)),
  p95_s: round(quantile(values, 0.95)),
});

await ensureServerBuild();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knooppunt-bench-cli-'));
const edges = path.join(dir, 'ties-34.csv');
fs.writeFileSync(
  edges,
  toCsv(generateNetwork({ partners: 34, ties: 78, zones: 2, directed: false, seed: 34 })),
);

const loadStart = os.loadavg()[0]!;
const help = time(['help']);
const metrics = time(['network', 'metrics', '--edges', edges, '--json']);
const npmHelp = time(['run', '--silent', 'knooppunt', '--', 'help'], 'npm', []);
const loadEnd = os.loadavg()[0]!;
fs.rmSync(dir, { recursive: true, force: true });

const result = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    node: process.version,
    load_average_start: round(loadStart),
    load_average_end: round(loadEnd),
  },
  runs,
  help_s: summary(help).median_s,
  metrics_small_s: summary(metrics).median_s,
  help: summary(help),
  metrics_small: { partners: 34, ties: 78, ...summary(metrics) },
  help_through_npm_run: summary(npmHelp),
  targets: { help_s: 0.3, metrics_small_s: 0.6 },
};
fs.writeFileSync(here('./results/cli.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
