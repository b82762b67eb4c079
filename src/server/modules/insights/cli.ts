import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../platform/audit.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import { findNetwork } from '../networks/service.ts';
import { importFigures, readFigureFile } from './import.ts';
import { FIGURES_USAGE } from './usage.ts';

export interface FiguresIo {
  db: Kysely<PlatformTables>;
  out: (s: string) => void;
  err: (s: string) => void;
}

/**
 * `import figures FILE --network SLUG [--json]`. Exit codes: 0 imported, 1 rejected lines (nothing
 * written), 2 bad arguments or an unreadable file. With --json the outcome is `{ imported, rejected[] }`.
 */
export async function figuresCommand(argv: readonly string[], io: FiguresIo): Promise<number> {
  let parsed: { values: { network?: string; json?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv.slice(2),
      allowPositionals: true,
      options: { network: { type: 'string' }, json: { type: 'boolean' } },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n\nUsage:\n${FIGURES_USAGE}`);
    return 2;
  }
  const file = parsed.positionals[0];
  const slug = parsed.values.network;
  if (!file || !slug) {
    io.err(`Usage:\n${FIGURES_USAGE}`);
    return 2;
  }
  if (!fs.existsSync(file)) {
    io.err(`${file} does not exist.`);
    return 2;
  }
  const network = await findNetwork(io.db, slug);
  if (!network) {
    io.err(`No network ${slug}.`);
    return 2;
  }
  try {
    const table = await readFigureFile(path.basename(file), fs.readFileSync(file));
    // The command line acts for the installation's operator, with the rights of the network's admin.
    const result = await importFigures(io.db, { network, role: 'admin' }, SYSTEM_ACTOR, table, 'en');
    if (parsed.values.json) io.out(JSON.stringify(result));
    else if (result.rejected.length === 0) io.out(`Imported ${result.imported} values into ${slug}.`);
    else {
      for (const r of result.rejected) io.err(r.message);
      io.err(`Nothing was imported: ${result.rejected.length} rejected line(s).`);
    }
    return result.rejected.length === 0 ? 0 : 1;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const message = translate('en', e.messageKey, e.params);
    if (parsed.values.json)
      io.out(JSON.stringify({ imported: 0, rejected: [{ line: 0, code: e.code, message }] }));
    else io.err(message);
    return 1;
  }
}
