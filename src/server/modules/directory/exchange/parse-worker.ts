// Runs in a worker thread (piscina, see parse-pool.ts): reading an uploaded file is seconds of CPU for a
// large one, which on the main thread would hold every other request of every network.
import type { MessagePort } from 'node:worker_threads';
import type { ImportBatch } from './model.ts';
import { parseFile } from './sources.ts';
import { type ColumnMapping, readSheet, spreadsheetImporter } from './spreadsheet.ts';

/** Records per message: each message is taken apart on the main thread in one go, so it stays small. */
const CHUNK = 1000;

export interface SheetSummary {
  columns: string[];
  sample: string[][];
  encoding: string;
  delimiter: string | null;
  rows: number;
  /** More than MAX_ROWS rows: refused at upload. */
  tooManyRows: boolean;
}

export type ParseTask =
  | { task: 'summary'; fileName: string; bytes: Uint8Array; sampleRows: number }
  | {
      task: 'parse';
      fileName: string;
      bytes: Uint8Array;
      mapping: ColumnMapping;
      /** Spreadsheet lines to leave out (the rows a preview rejected, when the user asked so). */
      skipLines: number[];
      port: MessagePort;
    };

/** What travels over the port: the batch's lists in slices, then the rest of the batch. */
export type BatchMessage =
  | { list: 'organizations' | 'locations' | 'services' | 'errors'; items: unknown[] }
  | { end: Omit<ImportBatch, 'organizations' | 'locations' | 'services' | 'errors'> };

async function summary(fileName: string, bytes: Uint8Array, sampleRows: number): Promise<SheetSummary> {
  const t = await readSheet(fileName, bytes);
  return {
    columns: t.header,
    sample: t.rows.slice(0, sampleRows).map((r) => r.cells),
    encoding: t.encoding,
    delimiter: t.delimiter,
    rows: t.rows.length,
    tooManyRows: t.tooManyRows === true,
  };
}

async function parse(task: Extract<ParseTask, { task: 'parse' }>): Promise<void> {
  let batch: ImportBatch;
  if (task.skipLines.length) {
    const skip = new Set(task.skipLines);
    const table = await readSheet(task.fileName, task.bytes);
    batch = spreadsheetImporter.parse({
      label: task.fileName,
      table: { ...table, rows: table.rows.filter((r) => !skip.has(r.line)) },
      mapping: task.mapping,
    });
  } else batch = await parseFile(task.fileName, task.bytes, task.mapping);
  const { organizations, locations, services, errors, ...rest } = batch;
  // The main thread asks for each next slice when it has taken the last one apart: messages that queue up
  // are all handled in one turn of its event loop, which would be one long stall again.
  const asked = () => new Promise<void>((resolve) => task.port.once('message', () => resolve()));
  for (const [list, items] of [
    ['organizations', organizations],
    ['locations', locations],
    ['services', services],
    ['errors', errors],
  ] as const)
    for (let i = 0; i < items.length; i += CHUNK) {
      const next = asked();
      task.port.postMessage({ list, items: items.slice(i, i + CHUNK) } satisfies BatchMessage);
      await next;
    }
  task.port.postMessage({ end: rest } satisfies BatchMessage);
  task.port.close();
}

export default async function run(task: ParseTask): Promise<SheetSummary | null> {
  if (task.task === 'summary') return summary(task.fileName, task.bytes, task.sampleRows);
  await parse(task);
  return null;
}
