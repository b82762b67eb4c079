// The command line's commands. Each loads the modules it needs when it runs (dynamic import), so that `help`
// and the database-free `network metrics` start without compiling or loading the whole server.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXCHANGE_USAGE, isExchangeCommand } from './modules/directory/exchange/usage.ts';
import { FIGURES_USAGE, isFiguresCommand } from './modules/insights/usage.ts';
import { PLAN_USAGE } from './modules/plan/usage.ts';
import type { Config } from './platform/config.ts';
import type { DbHandle } from './platform/db/index.ts';
import type { Role } from './platform/tenancy.ts';
import { VERSION } from './version.ts';

export const USAGE = `Usage: npm run knooppunt -- <command> [options]

  serve                         run the server (what npm start does)
  migrate                       bring the database schema up to date
  seed                          load the demo region (once per database)
  user:create --email E --name N [--password P] [--network SLUG --role ROLE] [--platform-admin]
                                create an account (password also from KNOOPPUNT_PASSWORD)
  user:grant --email E --network SLUG --role admin|staff|partner|viewer
  backup <file>                 consistent online copy of the SQLite database
  restore <file>                replace the SQLite database by a backup (stop the server first)
${PLAN_USAGE}
${EXCHANGE_USAGE}
${FIGURES_USAGE}
  directory:assurance [--months N]
                                ask partners whose social-map records were not confirmed for N months (12)
  network metrics --edges <file.csv> [--directed] [--json]
                                network metrics of a CSV of ties (source,target[,weight]); no database

Environment: PORT, HOST, DATA_DIR, DATABASE_URL, LOG_LEVEL, DEMO_SEED (see README).`;

/** Where a command writes and which environment it reads: the process's, or a test's own. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

class UsageError extends Error {}

/** The exit code when the command keeps running (serve): the caller must not exit. */
export const KEEP_RUNNING = -1;

async function loadCliConfig(io: CliIo): Promise<Config> {
  const { loadConfig } = await import('./platform/config.ts');
  return loadConfig(io.env, VERSION);
}

async function withDb<T>(io: CliIo, fn: (h: DbHandle) => Promise<T>): Promise<T> {
  const config = await loadCliConfig(io);
  const [{ openConfiguredDb }, { migrateToLatest }] = await Promise.all([
    import('./database.ts'),
    import('./platform/db/migrate.ts'),
  ]);
  const handle = openConfiguredDb(config);
  try {
    await migrateToLatest(handle.db);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

async function parseRole(v: string | undefined): Promise<Role> {
  const { ROLES } = await import('./platform/tenancy.ts');
  if (!v || !(ROLES as readonly string[]).includes(v))
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return v as Role;
}

async function serve(io: CliIo): Promise<number> {
  const config = await loadCliConfig(io);
  const [{ startKnooppunt }, { sqliteFile }] = await Promise.all([
    import('./server.ts'),
    import('./database.ts'),
  ]);
  const running = await startKnooppunt(config);
  io.out(
    `Knooppunt ${VERSION} runs at ${running.url} (${config.databaseUrl ? 'PostgreSQL' : sqliteFile(config)})`,
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.app.log.info({ signal }, 'stopping: finishing open requests');
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  return KEEP_RUNNING;
}

async function sqliteFileOf(io: CliIo): Promise<{ config: Config; file: string }> {
  const config = await loadCliConfig(io);
  const { sqliteFile } = await import('./database.ts');
  return { config, file: sqliteFile(config) };
}

async function backup(io: CliIo, target: string | undefined): Promise<number> {
  if (!target) throw new UsageError('backup needs a target file');
  const { config, file } = await sqliteFileOf(io);
  if (config.databaseUrl) {
    io.err(
      'On PostgreSQL use the database tools: pg_dump --format=custom --file=knooppunt.dump "$DATABASE_URL"\n' +
        'and pg_restore --clean --dbname="$DATABASE_URL" knooppunt.dump to restore.',
    );
    return 2;
  }
  const { openDb } = await import('./platform/db/index.ts');
  const handle = openDb({ file });
  try {
    // SQLite's online backup API copies a consistent snapshot while the server keeps serving.
    await handle.sqlite!.backup(path.resolve(target));
  } finally {
    await handle.close();
  }
  io.out(`Backup written to ${path.resolve(target)}`);
  return 0;
}

async function restore(io: CliIo, source: string | undefined): Promise<number> {
  if (!source || !fs.existsSync(source)) throw new UsageError('restore needs an existing backup file');
  const { config, file: target } = await sqliteFileOf(io);
  if (config.databaseUrl) {
    io.err('On PostgreSQL restore with pg_restore --clean --dbname="$DATABASE_URL" <file>.');
    return 2;
  }
  const { DatabaseInUseError, isKnooppuntBackup, restoreSqlite } = await import('./platform/db/backup.ts');
  if (!isKnooppuntBackup(path.resolve(source))) throw new UsageError(`${source} is not a Knooppunt backup`);
  try {
    restoreSqlite(target, path.resolve(source));
  } catch (err) {
    if (!(err instanceof DatabaseInUseError)) throw err;
    io.err(err.message);
    return 2;
  }
  io.out(`Restored ${source} to ${target}`);
  return 0;
}

async function userCreate(io: CliIo, rest: string[]): Promise<number> {
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      network: { type: 'string' },
      role: { type: 'string' },
      'platform-admin': { type: 'boolean', default: false },
    },
  });
  const password = values.password ?? io.env.KNOOPPUNT_PASSWORD;
  const { email, name, network } = values;
  if (!email || !name || !password) throw new UsageError('user:create needs --email, --name and a password');
  const role = network ? await parseRole(values.role) : undefined;
  return withDb(io, async (h) => {
    const [{ createUser }, { grantRole }, { SYSTEM_ACTOR }] = await Promise.all([
      import('./modules/accounts/service.ts'),
      import('./modules/networks/service.ts'),
      import('./platform/audit.ts'),
    ]);
    const user = await createUser(h.db, {
      email,
      name,
      password,
      isPlatformAdmin: values['platform-admin'],
    });
    if (network && role) await grantRole(h.db, SYSTEM_ACTOR, network, user.email, role);
    io.out(`Created ${user.email}${network ? ` (${role} of ${network})` : ''}.`);
    return 0;
  });
}

async function userGrant(io: CliIo, rest: string[]): Promise<number> {
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, network: { type: 'string' }, role: { type: 'string' } },
  });
  const { email, network } = values;
  if (!email || !network) throw new UsageError('user:grant needs --email, --network and --role');
  const role = await parseRole(values.role);
  return withDb(io, async (h) => {
    const [{ grantRole }, { SYSTEM_ACTOR }] = await Promise.all([
      import('./modules/networks/service.ts'),
      import('./platform/audit.ts'),
    ]);
    await grantRole(h.db, SYSTEM_ACTOR, network, email, role);
    io.out(`${email} is now ${role} of ${network}.`);
    return 0;
  });
}

function exchange(io: CliIo, argv: string[]): Promise<number> {
  return withDb(io, async (h) => {
    const commandIo = { db: h.db, out: io.out, err: io.err };
    // Regional figures, the social map's HSDS and spreadsheet exchange; every other import/export is the plan
    // module's.
    if (isFiguresCommand(argv)) {
      const { figuresCommand } = await import('./modules/insights/cli.ts');
      return figuresCommand(argv, commandIo);
    }
    if (isExchangeCommand(argv)) {
      const { exchangeCommand } = await import('./modules/directory/exchange/cli.ts');
      return exchangeCommand(argv, commandIo);
    }
    const { planCommand } = await import('./modules/plan/exchange.ts');
    return planCommand(argv, commandIo);
  });
}

async function assurance(io: CliIo, rest: string[]): Promise<number> {
  const { values } = parseArgs({ args: rest, options: { months: { type: 'string', default: '12' } } });
  const months = Number(values.months);
  if (!Number.isInteger(months) || months < 1 || months > 60)
    throw new UsageError('--months must be a whole number from 1 to 60');
  return withDb(io, async (h) => {
    const { runAssuranceRound } = await import('./modules/directory/curate/service.ts');
    const { sent } = await runAssuranceRound(h.db, months);
    io.out(`${sent} "is this still correct?" mails queued.`);
    return 0;
  });
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'serve':
      return serve(io);
    case 'migrate':
      return withDb(io, async (h) => {
        io.out(`Database on ${h.engine} is up to date.`);
        return 0;
      });
    case 'seed':
      return withDb(io, async (h) => {
        const { seedDemoOnce } = await import('./demo/seed.ts');
        io.out((await seedDemoOnce(h.db)) ? 'Demo region loaded.' : 'Demo region was already loaded.');
        return 0;
      });
    case 'user:create':
      return userCreate(io, rest);
    case 'user:grant':
      return userGrant(io, rest);
    case 'export':
    case 'import':
      return exchange(io, argv);
    case 'directory:assurance':
      return assurance(io, rest);
    case 'network': {
      const { networkMetricsCommand } = await import('./modules/network/cli.ts');
      return networkMetricsCommand(rest, {
        stdout: (s) => io.out(s.replace(/\n$/, '')),
        stderr: (s) => io.err(s.replace(/\n$/, '')),
      });
    }
    case 'backup':
      return backup(io, rest[0]);
    case 'restore':
      return restore(io, rest[0]);
    case 'help':
    case '--help':
      io.out(USAGE);
      return 0;
    default:
      throw new UsageError(`Unknown command: ${command}`);
  }
}

/**
 * Runs one command and returns its exit code: 0 done, 1 refused or failed, 2 wrong usage or configuration,
 * KEEP_RUNNING for the server. Errors become messages on `err`, never a stack trace for a user's mistake.
 */
export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    const { ConfigError } = await import('./platform/config.ts');
    if (err instanceof ConfigError) {
      io.err(err.message);
      return 2;
    }
    if (err instanceof Error && err.name === 'ZodError') io.err(`Invalid input: ${err.message}`);
    else io.err(err instanceof Error ? (err.stack ?? err.message) : String(err));
    return 1;
  }
}
