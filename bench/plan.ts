/**
 * Policy-plan benchmark (issue 4): a plan of 5,000 nodes, 2,000 indicators and 100,000 measurements on
 * SQLite, and on PostgreSQL when TEST_DATABASE_URL is set or a local server answers.
 *
 * - rollup_ms: progress and status rolled up over the whole tree, every indicator's status by the rules
 *   included, with the plan's rows in memory (rollUpPlan);
 * - tree_load_ms: the plan tree page's data as the API serves it (reads + roll-up + shaping);
 * - report_ms: the board's progress report for 2025.
 * Medians (p50) and p95 over many runs after warm-up. Writes bench/results/plan.json.
 *
 *   npm run bench:plan [-- --runs 50]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Bench } from 'tinybench';
import { createNetwork } from '../src/server/modules/networks/service.ts';
import {
  buildTree,
  loadTreeData,
  planTree,
  progressReport,
  rollUpPlan,
} from '../src/server/modules/plan/read.ts';
import { readablePlan } from '../src/server/modules/plan/service.ts';
import { type DbHandle, type Engine, openDb } from '../src/server/platform/db/index.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';
import { generatePlan } from './plan/generate.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '60' } } });
const RUNS = Math.max(5, Number(values.runs));
const SIZE = { nodes: 5_000, indicators: 2_000, measurements: 100_000 };
const TARGETS = { rollup_ms: 50, tree_load_ms: 100, report_ms: 2_000 };
const log = (msg: string) => console.error(`[bench:plan] ${msg}`);

const quantile = (samples: readonly number[], q: number) => {
  const s = [...samples].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (at - lo);
};
const round = (v: number) => Math.round(v * 100) / 100;

async function measure(name: string, runs: number, fn: () => Promise<unknown> | unknown) {
  const bench = new Bench({ iterations: runs, time: 0, warmupIterations: 3, retainSamples: true });
  bench.add(name, async () => {
    await fn();
  });
  await bench.run();
  const result = bench.tasks[0]!.result;
  if (result.state !== 'completed') throw new Error(`${name}: ${result.state}`);
  const samples = [...(result.latency.samples ?? [])];
  return { p50: round(quantile(samples, 0.5)), p95: round(quantile(samples, 0.95)), runs: samples.length };
}

/**
 * PostgreSQL runs in a database of its own: a schema beside other runs' schemas would let Kysely's migrator
 * see their migration tables (its introspection spans schemas).
 */
async function postgresUrl(): Promise<string | null> {
  const base = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: base, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE bench_plan_${process.pid}`);
  } catch (e) {
    log(`PostgreSQL not used: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  } finally {
    await client.end().catch(() => {});
  }
  const url = new URL(base);
  url.pathname = `/bench_plan_${process.pid}`;
  return url.toString();
}

async function dropPostgres() {
  const client = new pg.Client({
    connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test',
  });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS bench_plan_${process.pid}`);
  await client.end();
}

async function run(engine: Engine, handle: DbHandle) {
  await migrateToLatest(handle.db);
  const network = await createNetwork(
    handle.db,
    { userId: null, requestId: null },
    {
      slug: 'bench-plan',
      name: 'Benchmark',
      kind: 'elz',
      municipalities: [{ nisCode: '41002', validFrom: '2020-01-01' }],
    },
  );
  const started = performance.now();
  const planId = await generatePlan(handle.db, network.id, SIZE);
  log(
    `${engine}: generated ${SIZE.nodes} nodes, ${SIZE.indicators} indicators, ${SIZE.measurements} measurements in ${Math.round(performance.now() - started)} ms`,
  );
  const tenant = { network, role: 'staff' as const };
  const data = await loadTreeData(handle.db, await readablePlan(handle.db, tenant, planId));
  const tree = buildTree(data, new Map());
  const report = await progressReport(handle.db, tenant, planId, '2025-01-01', '2025-12-31', 'nl');
  if (tree.nodes.length !== SIZE.nodes || report.indicators.length !== SIZE.indicators)
    throw new Error('the generated plan is incomplete');

  const rollup = await measure('rollup', RUNS * 4, () => rollUpPlan(data));
  log(`${engine}: rollup p50 ${rollup.p50} ms, p95 ${rollup.p95} ms`);
  const treeLoad = await measure('tree', RUNS * 2, () => planTree(handle.db, tenant, planId, 'nl'));
  log(`${engine}: tree load p50 ${treeLoad.p50} ms, p95 ${treeLoad.p95} ms`);
  const reportRun = await measure('report', RUNS, () =>
    progressReport(handle.db, tenant, planId, '2025-01-01', '2025-12-31', 'nl'),
  );
  log(`${engine}: report p50 ${reportRun.p50} ms, p95 ${reportRun.p95} ms`);
  return {
    rollup_ms: rollup.p50,
    rollup_p95_ms: rollup.p95,
    tree_load_ms: treeLoad.p50,
    tree_load_p95_ms: treeLoad.p95,
    report_ms: reportRun.p50,
    report_p95_ms: reportRun.p95,
    runs: { rollup: rollup.runs, tree_load: treeLoad.runs, report: reportRun.runs },
  };
}

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '?', node: process.version },
  // Other work on the shared machine slows every figure; the load says how much there was.
  load_average_start: os.loadavg()[0],
  size: SIZE,
  targets: TARGETS,
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-plan-'));
const sqlite = openDb({ file: path.join(dir, 'plan.db') });
try {
  results.sqlite = await run('sqlite', sqlite);
} finally {
  await sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

const url = await postgresUrl();
if (url) {
  const handle = openDb({ url, poolSize: 4 });
  try {
    results.postgres = await run('postgres', handle);
  } finally {
    await handle.close();
    await dropPostgres();
  }
}

// The headline figures are SQLite's, the embedded default.
const headline = results.sqlite as { rollup_ms: number; tree_load_ms: number; report_ms: number };
Object.assign(results, {
  load_average_end: os.loadavg()[0],
  rollup_ms: headline.rollup_ms,
  tree_load_ms: headline.tree_load_ms,
  report_ms: headline.report_ms,
});
fs.mkdirSync(new URL('results/', import.meta.url), { recursive: true });
fs.writeFileSync(new URL('results/plan.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
for (const engine of ['sqlite', 'postgres']) {
  const r = results[engine] as Record<string, number> | undefined;
  if (!r) continue;
  console.log(
    `${engine.padEnd(9)} rollup ${r.rollup_ms} ms (p95 ${r.rollup_p95_ms}) · tree ${r.tree_load_ms} ms (p95 ${r.tree_load_p95_ms}) · report ${r.report_ms} ms (p95 ${r.report_p95_ms})`,
  );
}
