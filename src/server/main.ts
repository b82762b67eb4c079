import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { seedDemoOnce } from './demo/seed.ts';
import { createUser } from './modules/accounts/service.ts';
import { runAssuranceRound } from './modules/directory/curate/service.ts';
import { EXCHANGE_USAGE, exchangeCommand, isExchangeCommand } from './modules/directory/exchange/cli.ts';
import { FIGURES_USAGE, figuresCommand, isFiguresCommand } from './modules/insights/cli.ts';
import { networkMetricsCommand } from './modules/network/cli.ts';
import { grantRole } from './modules/networks/service.ts';
import { PLAN_USAGE, planCommand } from './modules/plan/exchange.ts';
import { SYSTEM_ACTOR } from './platform/audit.ts';
import { type Config, ConfigError, loadConfig } from './platform/config.ts';
import { openDb } from './platform/db/index.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { ROLES, type Role } from './platform/tenancy.ts';
import { openConfiguredDb, sqliteFile, startKnooppunt, VERSION } from './server.ts';

const USAGE = `Usage: npm run knooppunt -- <command> [options]

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

class UsageError extends Error {}

async function withDb<T>(
  config: Config,
  fn: (h: ReturnType<typeof openConfiguredDb>) => Promise<T>,
): Promise<T> {
  const handle = openConfiguredDb(config);
  try {
    await migrateToLatest(handle.db);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

function parseRole(v: string | undefined): Role {
  if (!v || !(ROLES as readonly string[]).includes(v))
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return v as Role;
}

async function serve(config: Config) {
  const running = await startKnooppunt(config);
  console.log(
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
}

async function backup(config: Config, target: string | undefined) {
  if (!target) throw new UsageError('backup needs a target file');
  if (config.databaseUrl) {
    console.error(
      'On PostgreSQL use the database tools: pg_dump --format=custom --file=knooppunt.dump "$DATABASE_URL"\n' +
        'and pg_restore --clean --dbname="$DATABASE_URL" knooppunt.dump to restore.',
    );
    return 2;
  }
  const handle = openDb({ file: sqliteFile(config) });
  try {
    // SQLite's online backup API copies a consistent snapshot while the server keeps serving.
    await handle.sqlite!.backup(path.resolve(target));
  } finally {
    await handle.close();
  }
  console.log(`Backup written to ${path.resolve(target)}`);
  return 0;
}

function isKnooppuntBackup(file: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const intact = db.pragma('integrity_check', { simple: true }) === 'ok';
    return (
      intact && db.prepare("select 1 from sqlite_master where name = 'kysely_migration'").get() !== undefined
    );
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

async function restore(config: Config, source: string | undefined) {
  if (!source || !fs.existsSync(source)) throw new UsageError('restore needs an existing backup file');
  if (config.databaseUrl) {
    console.error('On PostgreSQL restore with pg_restore --clean --dbname="$DATABASE_URL" <file>.');
    return 2;
  }
  if (!isKnooppuntBackup(path.resolve(source))) throw new UsageError(`${source} is not a Knooppunt backup`);
  const target = sqliteFile(config);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  fs.copyFileSync(source, target);
  console.log(`Restored ${source} to ${target}`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig(process.env, VERSION);
  switch (command) {
    case undefined:
    case 'serve':
      await serve(config);
      return -1;
    case 'migrate':
      return withDb(config, async (h) => {
        console.log(`Database on ${h.engine} is up to date.`);
        return 0;
      });
    case 'seed':
      return withDb(config, async (h) => {
        console.log((await seedDemoOnce(h.db)) ? 'Demo region loaded.' : 'Demo region was already loaded.');
        return 0;
      });
    case 'user:create': {
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
      const password = values.password ?? process.env.KNOOPPUNT_PASSWORD;
      if (!values.email || !values.name || !password)
        throw new UsageError('user:create needs --email, --name and a password');
      return withDb(config, async (h) => {
        const user = await createUser(h.db, {
          email: values.email!,
          name: values.name!,
          password,
          isPlatformAdmin: values['platform-admin'],
        });
        if (values.network)
          await grantRole(h.db, SYSTEM_ACTOR, values.network, user.email, parseRole(values.role));
        console.log(
          `Created ${user.email}${values.network ? ` (${values.role} of ${values.network})` : ''}.`,
        );
        return 0;
      });
    }
    case 'user:grant': {
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: 'string' }, network: { type: 'string' }, role: { type: 'string' } },
      });
      if (!values.email || !values.network)
        throw new UsageError('user:grant needs --email, --network and --role');
      const role = parseRole(values.role);
      return withDb(config, async (h) => {
        await grantRole(h.db, SYSTEM_ACTOR, values.network!, values.email!, role);
        console.log(`${values.email} is now ${role} of ${values.network}.`);
        return 0;
      });
    }
    case 'export':
    case 'import':
      return withDb(config, (h) => {
        const io = { db: h.db, out: console.log, err: console.error };
        // Regional figures, the social map's HSDS and spreadsheet exchange; every other import/export is the plan module's.
        if (isFiguresCommand([command, ...rest])) return figuresCommand([command, ...rest], io);
        return isExchangeCommand([command, ...rest])
          ? exchangeCommand([command, ...rest], io)
          : planCommand([command, ...rest], io);
      });
    case 'directory:assurance': {
      const { values } = parseArgs({ args: rest, options: { months: { type: 'string', default: '12' } } });
      const months = Number(values.months);
      if (!Number.isInteger(months) || months < 1 || months > 60)
        throw new UsageError('--months must be a whole number from 1 to 60');
      return withDb(config, async (h) => {
        const { sent } = await runAssuranceRound(h.db, months);
        console.log(`${sent} "is this still correct?" mails queued.`);
        return 0;
      });
    }
    case 'network':
      return networkMetricsCommand(rest, {
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
      });
    case 'backup':
      return backup(config, rest[0]);
    case 'restore':
      return restore(config, rest[0]);
    case 'help':
    case '--help':
      console.log(USAGE);
      return 0;
    default:
      throw new UsageError(`Unknown command: ${command}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof UsageError) console.error(`${err.message}\n\n${USAGE}`);
    else if (err instanceof ConfigError) console.error(err.message);
    else if (err instanceof Error && err.name === 'ZodError') console.error(`Invalid input: ${err.message}`);
    else console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(err instanceof UsageError || err instanceof ConfigError ? 2 : 1);
  },
);
