import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../../platform/audit.ts';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import { translate } from '../../../platform/i18n.ts';
import { findNetwork } from '../../networks/service.ts';
import { applyImport, type ImportReport } from './apply.ts';
import { exportJson, exportTabular } from './export.ts';
import './messages.ts';
import { parseHsdsPath } from './sources.ts';
import {
  type ColumnMapping,
  readSheet,
  spreadsheetImporter,
  suggestMapping,
  TARGET_FIELDS,
} from './spreadsheet.ts';
import { EXCHANGE_USAGE } from './usage.ts';

interface CommandIo {
  db: Kysely<PlatformTables>;
  out: (s: string) => void;
  err: (s: string) => void;
}

function printReport(io: CommandIo, r: ImportReport) {
  for (const e of r.errors) io.err(`${e.file}:${e.line}: ${translate('en', e.code, e.params ?? {})}`);
  const c = r.counts;
  const line = (k: keyof ImportReport['counts']) => `${k} ${c[k].create} new, ${c[k].update} updated`;
  if (r.ok)
    io.out(`Imported ${r.rows} rows: ${line('organizations')}; ${line('services')}; ${line('locations')}.`);
  else io.err(`Nothing was imported: ${r.errors.length} rejected row(s).`);
}

export async function exchangeCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const [command, what, ...rest] = argv;
  let parsed: { values: { network?: string; json?: boolean; map?: string[] }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        network: { type: 'string' },
        json: { type: 'boolean' },
        map: { type: 'string', multiple: true },
      },
    });
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n\nUsage:\n${EXCHANGE_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const target = positionals[0];
  if (!target) {
    io.err(`Usage:\n${EXCHANGE_USAGE}`);
    return 2;
  }
  let networkId: string | null = null;
  if (values.network) {
    const network = await findNetwork(io.db, values.network);
    if (!network) {
      io.err(`No network ${values.network}.`);
      return 2;
    }
    networkId = network.id;
  }
  if (command === 'export') {
    fs.mkdirSync(target, { recursive: true });
    if (values.json) {
      fs.writeFileSync(path.join(target, 'hsds.json'), await exportJson(io.db, networkId));
      io.out(`Wrote ${path.join(target, 'hsds.json')}.`);
      return 0;
    }
    const files = await exportTabular(io.db, networkId);
    for (const [name, content] of files) fs.writeFileSync(path.join(target, name), content);
    io.out(`Wrote ${files.size} files of the HSDS tabular package to ${target}.`);
    return 0;
  }
  if (!fs.existsSync(target)) {
    io.err(`${target} does not exist.`);
    return 2;
  }
  let batch: Awaited<ReturnType<typeof parseHsdsPath>>;
  if (what === 'hsds') batch = await parseHsdsPath(target);
  else {
    const table = await readSheet(path.basename(target), fs.readFileSync(target));
    const mapping: ColumnMapping = suggestMapping(table.header);
    for (const m of values.map ?? []) {
      const [field, column] = m.split('=', 2);
      if (!field || !column || !(TARGET_FIELDS as readonly string[]).includes(field)) {
        io.err(`--map needs field=Column with a field of: ${TARGET_FIELDS.join(', ')}`);
        return 2;
      }
      mapping[field as keyof ColumnMapping] = column;
    }
    io.out(
      `Read ${table.rows.length} rows (${table.encoding}${table.delimiter ? `, "${table.delimiter}"` : ''}).`,
    );
    batch = spreadsheetImporter.parse({ label: path.basename(target), table, mapping });
  }
  const report = await applyImport(io.db, batch, { networkId }, { actor: SYSTEM_ACTOR });
  printReport(io, report);
  return report.ok ? 0 : 1;
}
