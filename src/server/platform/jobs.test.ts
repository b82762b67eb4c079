import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startJob } from './jobs.ts';

describe('background jobs', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const quietLog = () => {
    const errors: string[] = [];
    return { errors, log: { error: (_obj: object, msg: string) => void errors.push(msg) } };
  };

  it('runs on its schedule: first round after the given delay, then every interval, until stopped', async () => {
    let rounds = 0;
    const { log } = quietLog();
    const stop = startJob(
      { run: async () => rounds++, failure: 'x', everyMs: 1000, firstAfterMs: 5000 },
      log,
    );
    await vi.advanceTimersByTimeAsync(4999);
    expect(rounds).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(rounds).toBe(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(rounds).toBe(4);
    await stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(rounds).toBe(4);
  });

  it('runs at once with firstAfterMs 0 and after one interval by default', async () => {
    const { log } = quietLog();
    let now = 0;
    let later = 0;
    const stopNow = startJob({ run: async () => now++, failure: 'x', everyMs: 1000, firstAfterMs: 0 }, log);
    const stopLater = startJob({ run: async () => later++, failure: 'x', everyMs: 1000 }, log);
    expect(now).toBe(1);
    expect(later).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect([now, later]).toEqual([2, 1]);
    await stopNow();
    await stopLater();
  });

  it('logs a failed round and keeps its schedule', async () => {
    const { errors, log } = quietLog();
    let rounds = 0;
    const stop = startJob(
      {
        run: async () => {
          rounds++;
          throw new Error('database away');
        },
        failure: 'sweep failed',
        everyMs: 1000,
      },
      log,
    );
    await vi.advanceTimersByTimeAsync(2000);
    expect(rounds).toBe(2);
    expect(errors).toEqual(['sweep failed', 'sweep failed']);
    await stop();
  });

  it('waits for a round in progress when stopped', async () => {
    const { log } = quietLog();
    let finished = false;
    let release = () => {};
    const stop = startJob(
      {
        run: () =>
          new Promise<void>((resolve) => {
            release = () => {
              finished = true;
              resolve();
            };
          }),
        failure: 'x',
        everyMs: 1000,
        firstAfterMs: 0,
      },
      log,
    );
    let stopped = false;
    const stopping = stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(true);
    expect(stopped).toBe(true);
  });
});
