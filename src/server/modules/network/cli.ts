import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import {
  computeNetworkMetrics,
  type GraphEdge,
  NetworkInputError,
  type NetworkMetrics,
} from './metrics/index.ts';

export interface CommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE = `usage: network metrics --edges <file.csv> [--directed] [--hub <id>] [--seed <n>] [--json]

Reads ties from a CSV file with the header source,target or source,target,weight
(weight: tie strength, a positive number, 1 when absent) and prints the network's
metrics; with --json the full result as {"network": {...}, "nodes": {"<id>": {...}}}.`;

/** Exit codes: 0 done, 2 bad arguments or bad input (the message names the line). */
export async function networkMetricsCommand(argv: string[], io: CommandIo): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`network metrics: ${message}\n`);
    return 2;
  };
  let values: {
    edges?: string;
    directed?: boolean;
    json?: boolean;
    hub?: string;
    seed?: string;
    help?: boolean;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        edges: { type: 'string' },
        directed: { type: 'boolean' },
        json: { type: 'boolean' },
        hub: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    return fail(`${(err as Error).message}\n${USAGE}`);
  }
  // The caller may pass the words of the command along with its options.
  const words = positionals.slice(positionals[0] === 'network' ? 1 : 0);
  if (words[0] === 'metrics') words.shift();
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (words.length > 0) return fail(`unexpected argument "${words[0]}"\n${USAGE}`);
  if (!values.edges) return fail(`--edges <file.csv> is required\n${USAGE}`);
  let seed = 1;
  if (values.seed !== undefined) {
    seed = Number(values.seed);
    if (!/^\d+$/.test(values.seed) || !Number.isSafeInteger(seed)) {
      return fail(`--seed must be a whole number, got "${values.seed}"`);
    }
  }

  let text: string;
  try {
    text = await readFile(values.edges, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(
      `cannot read ${values.edges}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
    );
  }
  const ties = readTies(text, values.edges);
  if (typeof ties === 'string') return fail(ties);

  let result: NetworkMetrics;
  try {
    result = await computeNetworkMetrics(
      { directed: values.directed ?? false, nodes: [], edges: ties },
      { seed, ...(values.hub === undefined ? {} : { hub: values.hub }) },
    );
  } catch (err) {
    if (err instanceof NetworkInputError) return fail(err.message);
    throw err;
  }
  io.stdout(
    values.json ? `${JSON.stringify({ network: result.network, nodes: result.nodes })}\n` : summary(result),
  );
  return 0;
}

const NUMBER = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** The ties of the file, or a message naming the first bad line. */
function readTies(text: string, file: string): GraphEdge[] | string {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      trim: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as typeof rows; // with `info` csv-parse returns { record, info } objects, its types do not say so
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return `${file}${line ? `, line ${line}` : ''}: ${(err as Error).message}`;
  }
  const header = rows[0]?.record.map((h) => h.toLowerCase());
  const columns = header?.join(',');
  if (columns !== 'source,target' && columns !== 'source,target,weight') {
    return `${file}, line 1: the header must be "source,target" or "source,target,weight", got "${columns ?? ''}"`;
  }
  const width = header!.length;
  const ties: GraphEdge[] = [];
  for (const { record, info } of rows.slice(1)) {
    const at = `${file}, line ${info.lines}`;
    if (record.length === 1 && record[0] === '') return `${at}: empty line`;
    if (record.length !== width) return `${at}: expected ${width} fields, got ${record.length}`;
    const [source, target, weightText] = record as [string, string, string?];
    if (source === '') return `${at}: source is empty`;
    if (target === '') return `${at}: target is empty`;
    let weight = 1;
    if (weightText !== undefined) {
      weight = Number(weightText);
      if (!NUMBER.test(weightText) || !Number.isFinite(weight) || weight <= 0) {
        return `${at}: weight "${weightText}" is not a positive number`;
      }
    }
    ties.push({ source, target, weight });
  }
  return ties;
}

function summary(result: NetworkMetrics): string {
  const n = result.network;
  const top = Object.entries(result.nodes)
    .sort((a, b) => b[1].betweenness - a[1].betweenness)
    .slice(0, 5)
    .map(([id, m]) => `  ${id}  ${m.betweenness.toFixed(1)}`);
  return [
    `partners ${n.nodes}, ties ${n.edges}${n.directed ? ' (directed)' : ''}, density ${n.density.toFixed(4)}`,
    `components ${n.components.count}, isolates ${n.isolates.length}, average path length ${n.averagePathLength.toFixed(3)}`,
    `communities ${n.communities.count}, modularity ${n.communities.modularity.toFixed(4)}`,
    'highest betweenness:',
    ...top,
    '',
  ].join('\n');
}
