import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteFile } from '../../database.ts';
import { startKnooppunt } from '../../server.ts';
import { createSession } from '../auth.ts';
import { loadConfig } from '../config.ts';
import { DatabaseInUseError, holdDatabase, lockFileOf, NotABackupError, restoreSqlite } from './backup.ts';
import { openDb } from './index.ts';
import { migrateToLatest } from './migrate.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knooppunt-restore-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A migrated database with one user who has a live session, copied as a backup. */
async function backupWithSession(name: string): Promise<string> {
  const file = path.join(dir, `${name}.db`);
  const h = openDb({ file });
  await migrateToLatest(h.db);
  const now = new Date().toISOString();
  await h.db
    .insertInto('users')
    .values({
      id: 'u1',
      email: 'an@zorgraad.be',
      name: 'An',
      password_hash: 'x',
      is_platform_admin: 0,
      preferred_language: 'nl',
      failed_login_count: 0,
      is_demo: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await createSession(h.db, 'u1', 12);
  const backup = path.join(dir, `${name}-backup.db`);
  await h.sqlite!.backup(backup);
  await h.close();
  return backup;
}

const sessionsIn = (file: string) => {
  const h = openDb({ file });
  try {
    return (h.sqlite!.prepare('select count(*) as n from sessions').get() as { n: number }).n;
  } finally {
    h.sqlite!.close();
  }
};

describe('restore of the SQLite database', () => {
  it('refuses while a server holds the database, and restores once it is released', async () => {
    const backup = await backupWithSession('held');
    const live = path.join(dir, 'live', 'knooppunt.db');
    const release = holdDatabase(live);
    expect(fs.readFileSync(lockFileOf(live), 'utf8')).toBe(String(process.pid));
    expect(() => restoreSqlite(live, backup)).toThrow(DatabaseInUseError);
    expect(fs.existsSync(live)).toBe(false);
    release();
    expect(fs.existsSync(lockFileOf(live))).toBe(false);
    restoreSqlite(live, backup);
    expect(fs.existsSync(live)).toBe(true);
  });

  it('is refused while the server runs on the database, and allowed after it stopped', async () => {
    const backup = await backupWithSession('server');
    const config = loadConfig({
      DATA_DIR: path.join(dir, 'server'),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DEMO_SEED: 'false',
    });
    const running = await startKnooppunt(config);
    try {
      expect(() => restoreSqlite(sqliteFile(config), backup)).toThrow(DatabaseInUseError);
    } finally {
      await running.close();
    }
    restoreSqlite(sqliteFile(config), backup);
    expect(sessionsIn(sqliteFile(config))).toBe(0);
  });

  it('ends every session the backup carries', async () => {
    const backup = await backupWithSession('sessions');
    expect(sessionsIn(backup)).toBe(1);
    const target = path.join(dir, 'sessions-target', 'knooppunt.db');
    restoreSqlite(target, backup);
    expect(sessionsIn(target)).toBe(0);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const backup = await backupWithSession('stale');
    const target = path.join(dir, 'stale-target', 'knooppunt.db');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    fs.writeFileSync(lockFileOf(target), gone.stdout.toString());
    restoreSqlite(target, backup);
    expect(fs.existsSync(lockFileOf(target))).toBe(false);
    expect(sessionsIn(target)).toBe(0);
  });

  it('refuses a second server on a held database and a file that is not a backup', () => {
    const live = path.join(dir, 'second', 'knooppunt.db');
    fs.mkdirSync(path.dirname(live), { recursive: true });
    // A live process other than this one (the test runner's parent) holds it.
    fs.writeFileSync(lockFileOf(live), String(process.ppid));
    expect(() => holdDatabase(live)).toThrow(/in use by another Knooppunt server/);
    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'not sqlite');
    expect(() => restoreSqlite(path.join(dir, 'junk-target.db'), junk)).toThrow(NotABackupError);
  });
});
