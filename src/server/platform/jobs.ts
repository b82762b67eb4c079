/**
 * Background work of the server process (mail dispatch, the daily assurance round, sweeps): one small scheduler
 * so that every job starts the same way, never keeps the process alive, logs instead of throwing, and is
 * stopped (waiting for a round in progress) when the server closes.
 */

export interface JobLog {
  error: (obj: object, msg: string) => void;
}

export interface Job {
  /** One round of the job; a rejection is logged with `failure` and the job keeps its schedule. */
  run: () => Promise<unknown>;
  /** The log message of a failed round. */
  failure: string;
  everyMs: number;
  /** When the first round runs: 0 at once; by default after one interval. */
  firstAfterMs?: number;
}

/** Starts the job; the returned function stops it and resolves once the rounds in progress have finished. */
export function startJob(job: Job, log: JobLog): () => Promise<void> {
  const running = new Set<Promise<unknown>>();
  const round = () => {
    const p: Promise<unknown> = job
      .run()
      .catch((err) => log.error({ err }, job.failure))
      .finally(() => running.delete(p));
    running.add(p);
  };
  let interval: NodeJS.Timeout | undefined;
  const repeat = () => {
    interval = setInterval(round, job.everyMs);
    interval.unref();
  };
  let first: NodeJS.Timeout | undefined;
  const firstAfterMs = job.firstAfterMs ?? job.everyMs;
  if (firstAfterMs === 0) {
    round();
    repeat();
  } else if (firstAfterMs === job.everyMs) {
    repeat();
  } else {
    first = setTimeout(() => {
      round();
      repeat();
    }, firstAfterMs);
    first.unref();
  }
  return async () => {
    clearTimeout(first);
    clearInterval(interval);
    await Promise.all([...running]);
  };
}
