import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from './commands.ts';
import { openDb } from './platform/db/index.ts';

/** Runs a command in this process, as main.ts does, on a throwaway data folder; output is collected. */
async function knooppunt(dataDir: string, args: string[], extraEnv: Record<string, string> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCommand(args, {
    out: (s) => stdout.push(s),
    err: (s) => stderr.push(s),
    env: { DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', ...extraEnv },
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describe('command line (SQLite)', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'knooppunt-cli-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('creates a first admin, backs up online and restores into another installation', async () => {
    const a = tmp();
    const created = await knooppunt(
      a,
      ['user:create', '--email', 'Eerste@Example.org', '--name', 'Eerste Beheerder', '--platform-admin'],
      { KNOOPPUNT_PASSWORD: 'een-lang-wachtwoord' },
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('Created eerste@example.org');

    const file = path.join(a, 'backup.db');
    expect((await knooppunt(a, ['backup', file])).code).toBe(0);

    const b = tmp();
    expect((await knooppunt(b, ['restore', file])).code).toBe(0);
    const restored = openDb({ file: path.join(b, 'knooppunt.db') });
    try {
      const user = await restored.db
        .selectFrom('users')
        .select(['email', 'is_platform_admin'])
        .executeTakeFirst();
      expect(user).toEqual({ email: 'eerste@example.org', is_platform_admin: 1 });
    } finally {
      await restored.close();
    }
  });

  it('refuses bad input with a clear message and exit code 2', async () => {
    const a = tmp();
    const noPassword = await knooppunt(a, ['user:create', '--email', 'x@example.org', '--name', 'X']);
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('needs --email, --name and a password');
    const notBackup = path.join(a, 'not-a-backup.db');
    fs.writeFileSync(notBackup, 'hello');
    const restore = await knooppunt(a, ['restore', notBackup]);
    expect(restore.code).toBe(2);
    expect(restore.stderr).toContain('is not a Knooppunt backup');
    const badEnv = await knooppunt(a, ['migrate'], { PORT: 'eighty' });
    expect(badEnv.code).toBe(2);
    expect(badEnv.stderr).toMatch(/Invalid configuration[\s\S]*PORT/);
    const unknown = await knooppunt(a, ['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command: frobnicate');
    const badRole = await knooppunt(a, ['user:grant', '--email', 'x@example.org', '--network', 'n']);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role must be one of');
  });

  it('prints its usage, naming every command', async () => {
    const help = await knooppunt(tmp(), ['help']);
    expect(help.code).toBe(0);
    for (const command of ['serve', 'migrate', 'backup', 'import hsds', 'export plan', 'network metrics'])
      expect(help.stdout).toContain(command);
  });
});

/**
 * The one test that starts the command line as a process, as an operator does, from a fresh ahead-of-time
 * build (esbuild, about a second) in its own folder under dist/: migrations and package.json must be found
 * from the compiled files. Child processes on a busy shared machine get a roomy budget.
 */
describe('compiled command line as a process (SQLite)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knooppunt-cli-process-'));
  const build = path.resolve('dist', `server-test-${process.pid}-${Date.now()}`);
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(build, { recursive: true, force: true });
  });
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, [path.join(build, 'main.js'), ...args], {
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    });

  it('prints help and migrates a new database', { timeout: 180_000 }, async () => {
    const { buildServer } = await import('../../scripts/build-server.mjs');
    await buildServer(build);
    const help = await run(['help']);
    expect(help.stdout).toContain('Usage: npm run knooppunt');
    const migrate = await run(['migrate']);
    expect(migrate.stdout).toContain('Database on sqlite is up to date.');
    const db = openDb({ file: path.join(dir, 'knooppunt.db') });
    try {
      const applied = db.sqlite!.prepare('select count(*) as n from kysely_migration').get() as { n: number };
      const migrations = fs.readdirSync('src/server/migrations').filter((f) => /^\d{4}_\w+\.ts$/.test(f));
      expect(applied.n).toBe(migrations.length);
    } finally {
      await db.close();
    }
  });
});
