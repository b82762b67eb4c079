/**
 * Regional-figures benchmark (issue 12): 300 municipalities × 500 indicators × 20 periods (3 million
 * values) on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set or a local server answers.
 *
 * - import_values_per_s: the whole import as the command line runs it (line checks, merger codes, batched
 *   writes in one transaction per file, the per-period means), in ten files of 50 indicators each;
 * - profile_p95_ms: one municipality's profile data (500 indicators, their series, network and Flanders);
 * - gap_map_p95_ms: the gap map of all of Flanders (285 municipalities, one need figure, signals).
 * Medians (p50) and p95 over many runs after warm-up. Writes bench/results/figures.json.
 *
 *   npm run bench:figures [-- --runs 60]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Bench } from 'tinybench';
import { gapMap } from '../src/server/modules/insights/gap.ts';
import { type FigureTable, importFigures } from '../src/server/modules/insights/import.ts';
import { profile } from '../src/server/modules/insights/read.ts';
import { createNetwork } from '../src/server/modules/networks/service.ts';
import { SYSTEM_ACTOR } from '../src/server/platform/audit.ts';
import { type DbHandle, type Engine, openDb } from '../src/server/platform/db/index.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '60' } } });
const RUNS = Math.max(5, Number(values.runs));
const SIZE = { municipalities: 300, indicators: 500, periods: 20 };
const PER_FILE = 50;
const TARGETS = { import_values_per_s: 200_000, profile_p95_ms: 50, gap_map_p95_ms: 500 };
const HEADER = ['indicator', 'name', 'unit', 'municipality', 'period', 'value', 'source', 'licence'];
const log = (msg: string) => console.error(`[bench:figures] ${msg}`);

const quantile = (samples: readonly number[], q: number) => {
  const s = [...samples].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (at - lo);
};
const round = (v: number) => Math.round(v * 100) / 100;

async function measure(name: string, runs: number, fn: () => Promise<unknown>) {
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

/** A deterministic pseudo-random value per cell, so that every run imports the same figures. */
const cellValue = (i: number, m: number, p: number) => ((i * 7919 + m * 104729 + p * 1299709) % 10_000) / 100;

/** 285 municipalities of today and 15 codes that ended with the 2025 mergers (valid in every period up to 2024). */
async function places(handle: DbHandle) {
  const current = await handle.db
    .selectFrom('municipalities')
    .select('nis_code')
    .orderBy('nis_code')
    .execute();
  const merged = await handle.db
    .withTables<{ municipal_mergers: { old_nis: string; effective_date: string } }>()
    .selectFrom('municipal_mergers')
    .select('old_nis')
    .where('effective_date', '=', '2025-01-01')
    .orderBy('old_nis')
    .execute();
  const old = merged.map((m) => m.old_nis).filter((c) => !current.some((m) => m.nis_code === c));
  return {
    network: current.map((m) => m.nis_code),
    all: [...current.map((m) => m.nis_code), ...old].slice(0, SIZE.municipalities),
  };
}

function file(first: number, codes: string[]): FigureTable {
  const rows: FigureTable['rows'] = [];
  let line = 2;
  for (let i = first; i < first + PER_FILE; i++) {
    const key = `indicator_${String(i).padStart(3, '0')}`;
    const name = `Benchmarkindicator ${i}`;
    for (let m = 0; m < codes.length; m++) {
      for (let p = 0; p < SIZE.periods; p++) {
        rows.push({
          line: line++,
          cells: [
            key,
            name,
            '%',
            codes[m]!,
            String(2005 + p),
            String(cellValue(i, m, p)),
            'Benchmark',
            'CC0',
          ],
        });
      }
    }
  }
  return { header: HEADER, rows, delimiter: ',' };
}

async function postgresUrl(): Promise<string | null> {
  const base = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: base, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE bench_figures_${process.pid}`);
  } catch (e) {
    log(`PostgreSQL not used: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  } finally {
    await client.end().catch(() => {});
  }
  const url = new URL(base);
  url.pathname = `/bench_figures_${process.pid}`;
  return url.toString();
}

async function dropPostgres() {
  const client = new pg.Client({
    connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test',
  });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS bench_figures_${process.pid}`);
  await client.end();
}

async function run(engine: Engine, handle: DbHandle) {
  await migrateToLatest(handle.db);
  const codes = await places(handle);
  const network = await createNetwork(handle.db, SYSTEM_ACTOR, {
    slug: 'bench-figures',
    name: 'Vlaanderen (benchmark)',
    kind: 'elz',
    municipalities: codes.network.map((nisCode) => ({ nisCode, validFrom: '2020-01-01' })),
  });
  const tenant = { network, role: 'staff' as const };

  let imported = 0;
  let importMs = 0;
  for (let first = 0; first < SIZE.indicators; first += PER_FILE) {
    const table = file(first, codes.all);
    const started = performance.now();
    const result = await importFigures(handle.db, tenant, SYSTEM_ACTOR, table, 'en');
    importMs += performance.now() - started;
    if (result.rejected.length) throw new Error(`rejected: ${JSON.stringify(result.rejected.slice(0, 3))}`);
    imported += result.imported;
  }
  const perSecond = Math.round(imported / (importMs / 1000));
  log(`${engine}: imported ${imported} values in ${Math.round(importMs)} ms (${perSecond} values/s)`);
  if (imported !== SIZE.municipalities * SIZE.indicators * SIZE.periods) throw new Error('incomplete import');

  let i = 0;
  const sample = await profile(handle.db, tenant, codes.network[0]!, 'nl');
  if (sample.figures.filter((f) => !f.indicator.builtIn).length !== SIZE.indicators)
    throw new Error('the profile misses indicators');
  const profileRun = await measure('profile', RUNS * 2, () =>
    profile(handle.db, tenant, codes.network[(i++ * 37) % codes.network.length]!, 'nl'),
  );
  log(`${engine}: profile p50 ${profileRun.p50} ms, p95 ${profileRun.p95} ms`);
  const gap = await gapMap(handle.db, tenant, { indicator: 'indicator_000' }, 'nl');
  if (gap.municipalities.length !== codes.network.length)
    throw new Error('the gap map misses municipalities');
  let j = 0;
  const gapRun = await measure('gap', RUNS, () =>
    gapMap(
      handle.db,
      tenant,
      { indicator: `indicator_${String(j++ % SIZE.indicators).padStart(3, '0')}` },
      'nl',
    ),
  );
  log(`${engine}: gap map p50 ${gapRun.p50} ms, p95 ${gapRun.p95} ms`);
  return {
    import_values_per_s: perSecond,
    import_ms: Math.round(importMs),
    values: imported,
    profile_ms: profileRun.p50,
    profile_p95_ms: profileRun.p95,
    gap_map_ms: gapRun.p50,
    gap_map_p95_ms: gapRun.p95,
    runs: { import_files: SIZE.indicators / PER_FILE, profile: profileRun.runs, gap_map: gapRun.runs },
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

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-figures-'));
const sqlite = openDb({ file: path.join(dir, 'figures.db') });
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
const headline = results.sqlite as {
  import_values_per_s: number;
  profile_p95_ms: number;
  gap_map_p95_ms: number;
};
Object.assign(results, {
  load_average_end: os.loadavg()[0],
  import_values_per_s: headline.import_values_per_s,
  profile_p95_ms: headline.profile_p95_ms,
  gap_map_p95_ms: headline.gap_map_p95_ms,
});
fs.mkdirSync(new URL('results/', import.meta.url), { recursive: true });
fs.writeFileSync(new URL('results/figures.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
for (const engine of ['sqlite', 'postgres']) {
  const r = results[engine] as Record<string, number> | undefined;
  if (!r) continue;
  console.log(
    `${engine.padEnd(9)} import ${r.import_values_per_s} values/s · profile ${r.profile_ms} ms (p95 ${r.profile_p95_ms}) · gap map ${r.gap_map_ms} ms (p95 ${r.gap_map_p95_ms})`,
  );
}
