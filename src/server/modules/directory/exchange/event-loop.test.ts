import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../platform/db/testing.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '../../../testing.ts';
import { MAX_ROWS } from './text.ts';

const SLUG = 'elz-regio-aalst';
const BASE = `/api/networks/${SLUG}/directory`;
/**
 * The largest list a network may upload, on SQLite; PostgreSQL answers the preview's lookups over the network
 * (three per row), so a fifth of it keeps the test to a minute there while still taking seconds of work.
 */
const ROWS = { sqlite: MAX_ROWS, postgres: MAX_ROWS / 5 };
/**
 * The target is 100 ms on an idle machine. Reading the file on the main thread held it for 35 s and
 * more. What is left are single pauses (garbage collection of a 100,000-row batch, and the shared 2-core
 * machine's own load: up to 2.3 s measured while other test files ran). So the test bounds what a user feels
 * (every /api/health answer) and the event loop's 99th percentile, roomily, and prints the maximum for the
 * record: a return to blocking work fails it, a busy machine does not.
 */
const HEALTH_MS = 2000;
const P99_MS = 500;

function bigList(rows: number): Buffer {
  const lines = ['Naam;Straat;Postcode;Gemeente;Telefoon'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `Dienst ${i} vzw;Kerkstraat ${i % 200};9300;Aalst;053 21 ${String(i % 100).padStart(2, '0')} 21`,
    );
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

describe.each(testEngines())('a large import preview on %s', (engine) => {
  let k: TestApp;
  let staff: Session;

  beforeAll(async () => {
    k = await createTestApp(engine);
    staff = await loginAs(k.app, 'medewerker@demo.knooppunt.be');
  });
  afterAll(async () => {
    await k?.destroy();
  });

  it('keeps the event loop and /api/health answering while it runs', { timeout: 600_000 }, async () => {
    const rows = ROWS[engine];
    const uploaded = await k.app.inject({
      method: 'POST',
      url: `${BASE}/import/jobs?name=lijst.csv`,
      headers: { ...as(staff), 'content-type': 'application/octet-stream' },
      payload: bigList(rows),
    });
    expect(uploaded.statusCode).toBe(201);
    const job = uploaded.json() as { id: string; sheet: { rows: number }; suggested: Record<string, string> };
    expect(job.sheet.rows).toBe(rows);
    const mapped = await k.app.inject({
      method: 'PUT',
      url: `${BASE}/import/jobs/${job.id}/mapping`,
      headers: as(staff),
      payload: { mapping: job.suggested },
    });
    expect(mapped.statusCode).toBe(200);

    const delay = monitorEventLoopDelay({ resolution: 10 });
    const health: number[] = [];
    let previewing = true;
    const pingHealth = async () => {
      while (previewing) {
        const start = performance.now();
        const r = await k.app.inject({ method: 'GET', url: '/api/health' });
        expect(r.statusCode).toBe(200);
        health.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    delay.enable();
    const pings = pingHealth();
    const started = performance.now();
    const preview = await k.app.inject({
      method: 'GET',
      url: `${BASE}/import/jobs/${job.id}/preview`,
      headers: as(staff),
    });
    const seconds = (performance.now() - started) / 1000;
    previewing = false;
    await pings;
    delay.disable();

    expect(preview.statusCode).toBe(200);
    const report = preview.json() as { ok: boolean; counts: { services: { create: number } } };
    expect(report.ok).toBe(true);
    expect(report.counts.services.create).toBe(rows);
    const maxStall = delay.max / 1e6;
    const slowestHealth = Math.max(...health);
    console.log(
      `${engine}: preview of ${rows} rows ${seconds.toFixed(1)} s; event loop max ${maxStall.toFixed(0)} ms, ` +
        `p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms; /api/health ${health.length} answers, slowest ${slowestHealth.toFixed(0)} ms`,
    );
    expect(health.length).toBeGreaterThan(1);
    expect(delay.percentile(99) / 1e6).toBeLessThan(P99_MS);
    expect(slowestHealth).toBeLessThan(HEALTH_MS);
  });

  it('refuses at upload a list of more rows than the limit, in the user language', {
    timeout: 300_000,
  }, async () => {
    const r = await k.app.inject({
      method: 'POST',
      url: `${BASE}/import/jobs?name=te-groot.csv`,
      headers: { ...as(staff), 'content-type': 'application/octet-stream', 'accept-language': 'fr' },
      payload: bigList(MAX_ROWS + 1),
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: { code: 'exchange_too_many_rows' } });
    expect(JSON.stringify(r.json())).toContain('100000 lignes');
  });
});
