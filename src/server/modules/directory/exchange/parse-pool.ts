import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { workerExecArgv, workerFile } from '../../../platform/workers.ts';
import type { ImportBatch } from './model.ts';
import type { BatchMessage, ParseTask, SheetSummary } from './parse-worker.ts';
import type { ColumnMapping } from './spreadsheet.ts';

let pool: Piscina | null = null;

/**
 * One thread reads uploads, the other core keeps answering requests; a second upload waits its turn. The
 * thread ends after a minute without work.
 */
function parsePool(): Piscina {
  if (!pool) {
    const filename = workerFile('parse-worker', import.meta.url);
    pool = new Piscina({
      filename: filename.href,
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: 60_000,
      execArgv: workerExecArgv(filename),
    });
  }
  return pool;
}

/** Columns, first rows, encoding and row count of an uploaded spreadsheet; throws when it is none. */
export async function summariseSheet(fileName: string, bytes: Uint8Array, sampleRows: number) {
  const task: ParseTask = { task: 'summary', fileName, bytes, sampleRows };
  return (await parsePool().run(task)) as SheetSummary;
}

/**
 * The upload read into an import batch off the main thread. The batch comes back in slices over a message
 * port, each taken apart in its own turn of the event loop, so that even 100,000 rows never hold it long.
 */
export async function parseInWorker(
  fileName: string,
  bytes: Uint8Array,
  mapping: ColumnMapping,
  skipLines: number[] = [],
): Promise<ImportBatch> {
  const { port1, port2 } = new MessageChannel();
  const lists = {
    organizations: [] as unknown[],
    locations: [] as unknown[],
    services: [] as unknown[],
    errors: [] as unknown[],
  };
  const ended = new Promise<ImportBatch>((resolve) => {
    port1.on('message', (m: BatchMessage) => {
      if ('list' in m) {
        for (const item of m.items) lists[m.list].push(item);
        setImmediate(() => port1.postMessage('next'));
      } else {
        port1.close();
        resolve({ ...m.end, ...lists } as ImportBatch);
      }
    });
  });
  const task: ParseTask = { task: 'parse', fileName, bytes, mapping, skipLines, port: port2 };
  try {
    await parsePool().run(task, { transferList: [port2] });
  } catch (e) {
    port1.close();
    throw e;
  }
  return ended;
}

/** Stops the thread (it also stops by itself after a minute idle). */
export async function closeParseWorkers(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}
