// The plan exchange command (export/import on the command line); the format and both directions in exchange-*.ts.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../platform/audit.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import type { TenantContext } from '../../platform/tenancy.ts';
import * as networks from '../networks/service.ts';
import { exportPlans } from './exchange-export.ts';
import { formatError, importPlans } from './exchange-import.ts';
import { PLAN_USAGE } from './usage.ts';

type Db = Kysely<PlatformTables>;

export * from './exchange-document.ts';
export { exportPlans, importPlans };

export interface CommandIo {
  db: Db;
  out: (line: string) => void;
  err: (line: string) => void;
}

async function operatorTenant(db: Db, slug: string): Promise<TenantContext> {
  const network = await networks.findNetwork(db, slug);
  if (!network) throw notFound();
  // The command line is the operator's: it acts with the rights of a network administrator.
  return { network, role: 'admin' };
}

/**
 * `export plan` and `import plan` for src/server/main.ts: returns the process exit code (0 done, 1 refused,
 * 2 wrong usage).
 */
export async function planCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const [command, what, ...rest] = argv;
  if ((command !== 'export' && command !== 'import') || what !== 'plan') {
    io.err(`Usage:\n${PLAN_USAGE}`);
    return 2;
  }
  let values: { network?: string | undefined; out?: string | undefined; plan?: string | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: { network: { type: 'string' }, out: { type: 'string' }, plan: { type: 'string' } },
    }));
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n\nUsage:\n${PLAN_USAGE}`);
    return 2;
  }
  const file = command === 'export' ? values.out : positionals[0];
  if (!values.network || !file) {
    io.err(`Usage:\n${PLAN_USAGE}`);
    return 2;
  }
  const actor = SYSTEM_ACTOR;
  try {
    const tenant = await operatorTenant(io.db, values.network);
    if (command === 'export') {
      const doc = await exportPlans(io.db, tenant, values.plan ? [values.plan] : undefined);
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      fs.writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
      io.out(`Exported ${doc.plans.length} plan(s) of ${values.network} to ${file}.`);
      return 0;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw formatError(e instanceof Error ? e.message : String(e));
    }
    const { planIds } = await importPlans(io.db, tenant, actor, raw);
    io.out(`Imported ${planIds.length} plan(s) into ${values.network}: ${planIds.join(', ')}.`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      io.err(translate('en', e.messageKey, e.params));
      return 1;
    }
    throw e;
  }
}
