import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from './platform/db/index.ts';

const run = promisify(execFile);
const MAIN = path.resolve('src/server/main.ts');
const TSX = path.resolve('node_modules/.bin/tsx');

/** Runs the real command line, as an operator would, on a throwaway data folder. */
async function knooppunt(dataDir: string, args: string[], extraEnv: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(TSX, [MAIN, ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', ...extraEnv },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
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
      {
        KNOOPPUNT_PASSWORD: 'een-lang-wachtwoord',
      },
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
  });
});
