/**
 * Registration benchmark (issue 11): 300 people register for one event of 100 places within one second, over
 * HTTP, against real app processes — SQLite (one process, the embedded default) and PostgreSQL (two processes
 * on the same database, requests alternating between them). Checks: exactly 100 confirmed, 200 waitlisted in
 * arrival order, no e-mail address twice, nothing overbooked; then 50 cancellations through the participants'
 * links promote exactly the first 50 waiting. Run: npm run bench:events [-- --rounds 3]
 * PostgreSQL is used when BENCH_DATABASE_URL (default postgres://root@127.0.0.1:5432/test) answers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { EventTables } from '../src/server/modules/events/tables.ts';
import { createSchema, type DbHandle, dropSchema, openDb } from '../src/server/platform/db/index.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';
import type { PlatformTables } from '../src/server/platform/db/tables.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROUNDS = arg('rounds', 3);
const PEOPLE = 300;
const CAPACITY = 100;
const CANCELLATIONS = 50;
const SPREAD_MS = 1000;
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const ROOT = path.resolve(import.meta.dirname, '..');
const SLUG = 'bench-events';

type Db = Kysely<PlatformTables & EventTables>;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts one app process and resolves with its address once it listens. */
function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DEMO_SEED: 'false', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /runs at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve({ url: m[1], child });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

async function stopServer(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function seedNetwork(db: Db): Promise<string> {
  const now = new Date().toISOString();
  const id = `net-${randomBytes(4).toString('hex')}`;
  await db
    .insertInto('networks')
    .values({
      id,
      slug: SLUG,
      name: 'Benchmark network',
      kind: 'elz',
      description: null,
      published: 1,
      is_demo: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

async function createEvent(db: Db, networkId: string): Promise<string> {
  const now = new Date();
  const id = randomBytes(8).toString('hex');
  await db
    .insertInto('event_events')
    .values({
      id,
      network_id: networkId,
      kind: 'symposium',
      series: null,
      title: 'Benchmark symposium',
      description: null,
      format: 'on_site',
      starts_at: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
      ends_at: new Date(now.getTime() + 7 * 86_400_000 + 7_200_000).toISOString(),
      venue: 'Zaal',
      address: null,
      lat: null,
      lng: null,
      online_url: null,
      audience: null,
      programme: '[]',
      speakers: '[]',
      organisers: '[]',
      questions: '[]',
      capacity: CAPACITY,
      waitlist_limit: 1000,
      hold_hours: 48,
      registration_opens_at: null,
      registration_closes_at: null,
      visibility: 'public',
      status: 'published',
      places_taken: 0,
      arrivals: 0,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute();
  return id;
}

interface Sent {
  i: number;
  status: number;
  ms: number;
  body: { id?: string; status?: string; position?: number };
}

async function post(url: string, body: unknown): Promise<{ status: number; ms: number; json: unknown }> {
  const t0 = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  return { status: res.status, ms: performance.now() - t0, json };
}

async function round(db: Db, networkId: string, urls: string[], run: number) {
  const eventId = await createEvent(db, networkId);
  const start = performance.now();
  // Request i leaves at i × (1 s / 300): the whole crowd within one second, in a known order.
  const sent: Sent[] = await Promise.all(
    Array.from({ length: PEOPLE }, async (_, i) => {
      await sleep((i * SPREAD_MS) / PEOPLE);
      const base = urls[i % urls.length];
      const r = await post(`${base}/api/networks/${SLUG}/events/${eventId}/registrations`, {
        name: `Deelnemer ${i}`,
        email: `deelnemer${i}.r${run}@kantoor.be`,
        organisation: 'Kantoor',
      });
      return { i, status: r.status, ms: r.ms, body: r.json as Sent['body'] };
    }),
  );
  const durationMs = performance.now() - start;
  const regs = await db
    .selectFrom('event_registrations')
    .select(['id', 'seq', 'status', 'email_key'])
    .where('event_id', '=', eventId)
    .orderBy('seq')
    .execute();
  const confirmed = regs.filter((r) => r.status === 'confirmed').length;
  const waitlisted = regs.filter((r) => r.status === 'waitlisted');
  // Arrival order: the first 100 arrivals have the places, the rest wait in the order they came.
  const firstAreConfirmed = regs.slice(0, CAPACITY).every((r) => r.status === 'confirmed');
  const positions = new Map(sent.map((s) => [s.body.id, s.body.position]));
  const waitOrderKept = waitlisted.every((r, k) => positions.get(r.id) === k + 1);
  const lat = sent.map((s) => s.ms).sort((a, b) => a - b);
  const distinctEmails = new Set(regs.map((r) => r.email_key)).size;

  // 50 of the confirmed cancel through the link in their mail (read from the outbox, as a mail client would).
  const mails = await db
    .selectFrom('outbox')
    .select(['to_address', 'text_body'])
    .where('kind', '=', 'events.confirmed')
    .where('to_address', 'like', `%.r${run}@kantoor.be`)
    .execute();
  const tokens = mails
    .slice(0, CANCELLATIONS)
    .map((m) => /inschrijving\/([A-Za-z0-9_-]+)/.exec(m.text_body)?.[1] as string);
  const cancels = await Promise.all(
    tokens.map((token, i) =>
      post(`${urls[i % urls.length]}/api/networks/${SLUG}/events/registration/${token}/cancel`, {}),
    ),
  );
  const after = await db
    .selectFrom('event_registrations')
    .select(['seq', 'status'])
    .where('event_id', '=', eventId)
    .orderBy('seq')
    .execute();
  const offered = after.filter((r) => r.status === 'offered');
  const firstWaiting = waitlisted.slice(0, CANCELLATIONS).map((r) => r.seq);
  const ev = await db
    .selectFrom('event_events')
    .select('places_taken')
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow();
  const holding = after.filter((r) => r.status === 'confirmed' || r.status === 'offered').length;
  return {
    http_201: sent.filter((s) => s.status === 201).length,
    other_status: sent.filter((s) => s.status !== 201).map((s) => s.status),
    send_window_ms: Math.round(durationMs),
    confirmed,
    waitlisted: waitlisted.length,
    overbooked: Math.max(0, confirmed - CAPACITY),
    emails_twice: regs.length - distinctEmails,
    arrival_order_kept: firstAreConfirmed && waitOrderKept,
    p50_ms: Math.round(percentile(lat, 50) * 10) / 10,
    p95_ms: Math.round(percentile(lat, 95) * 10) / 10,
    max_ms: Math.round((lat.at(-1) ?? 0) * 10) / 10,
    cancellations_ok: cancels.filter((c) => c.status === 200).length,
    promoted: offered.length,
    promoted_first_waiting: offered.map((r) => r.seq).join() === firstWaiting.join(),
    overbooked_after_cancel: Math.max(0, holding - CAPACITY),
    places_taken_matches: ev.places_taken === holding,
  };
}

type Round = Awaited<ReturnType<typeof round>>;

async function benchEngine(engine: 'sqlite' | 'postgres'): Promise<Record<string, unknown>> {
  let handle: DbHandle;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let processes: number;
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knooppunt-bench-events-'));
    handle = openDb({ file: path.join(dir, 'knooppunt.db') });
    env = { DATA_DIR: dir };
    processes = 1;
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `bench_events_${randomBytes(4).toString('hex')}`;
    await createSchema(PG_URL, schema);
    handle = openDb({ url: PG_URL, schema });
    const url = new URL(PG_URL);
    url.searchParams.set('options', `-c search_path=${schema},public`);
    env = { DATABASE_URL: url.toString() };
    processes = 2;
    cleanup = () => dropSchema(PG_URL, schema);
  }
  const db = handle.db as unknown as Db;
  const servers: ChildProcess[] = [];
  try {
    // Migrated once here, so that the two PostgreSQL processes do not race to migrate at start.
    await migrateToLatest(handle.db);
    const networkId = await seedNetwork(db);
    const started = await Promise.all(Array.from({ length: processes }, () => startServer(env)));
    servers.push(...started.map((s) => s.child));
    const urls = started.map((s) => s.url);
    const rounds: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      rounds.push(await round(db, networkId, urls, r));
      console.log(engine, `round ${r + 1}:`, JSON.stringify(rounds.at(-1)));
      await sleep(1000);
    }
    return {
      engine,
      app_processes: processes,
      rounds: rounds.length,
      overbooked: Math.max(...rounds.map((r) => Math.max(r.overbooked, r.overbooked_after_cancel))),
      p95_ms: median(rounds.map((r) => r.p95_ms)),
      p50_ms: median(rounds.map((r) => r.p50_ms)),
      all_checks_pass: rounds.every(
        (r) =>
          r.http_201 === PEOPLE &&
          r.confirmed === CAPACITY &&
          r.waitlisted === PEOPLE - CAPACITY &&
          r.emails_twice === 0 &&
          r.arrival_order_kept &&
          r.promoted === CANCELLATIONS &&
          r.promoted_first_waiting &&
          r.places_taken_matches,
      ),
      per_round: rounds,
    };
  } finally {
    await Promise.all(servers.map(stopServer));
    await handle.close();
    await cleanup();
  }
}

async function pgAvailable(): Promise<boolean> {
  const h = openDb({ url: PG_URL, poolSize: 1 });
  try {
    await h.db.selectNoFrom((eb) => eb.val(1).as('x')).execute();
    return true;
  } catch {
    return false;
  } finally {
    await h.close();
  }
}

const loadBefore = os.loadavg();
const engines: Record<string, unknown> = { sqlite: await benchEngine('sqlite') };
if (await pgAvailable()) engines.postgres = await benchEngine('postgres');
else console.log(`PostgreSQL at ${PG_URL} does not answer: skipped.`);
const result = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  load_average_before: loadBefore.map((x) => Math.round(x * 100) / 100),
  load_average_after: os.loadavg().map((x) => Math.round(x * 100) / 100),
  people: PEOPLE,
  capacity: CAPACITY,
  cancellations: CANCELLATIONS,
  engines,
};
fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'bench/results/events.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  JSON.stringify(
    {
      ...result,
      engines: Object.fromEntries(
        Object.entries(engines).map(([k, v]) => [k, { ...(v as object), per_round: undefined }]),
      ),
    },
    null,
    2,
  ),
);
