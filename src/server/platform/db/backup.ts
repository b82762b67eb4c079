import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * A running server marks the SQLite database it holds with a lock file beside it (its process id), so that
 * `restore` refuses to replace a database under a live server: the server would go on writing into the old
 * file's WAL and checkpoint it into the restored one at shutdown, a mix of two states.
 */
export const lockFileOf = (dbFile: string) => `${dbFile}.lock`;

export class DatabaseInUseError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The id of the live process that holds the database, or null; a lock left by a dead process is removed. */
export function databaseHolder(dbFile: string): number | null {
  const lock = lockFileOf(dbFile);
  let pid: number;
  try {
    pid = Number.parseInt(fs.readFileSync(lock, 'utf8'), 10);
  } catch {
    return null;
  }
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return pid;
  fs.rmSync(lock, { force: true });
  return null;
}

/** Marks the database as held by this process until the returned release is called. */
export function holdDatabase(dbFile: string): () => void {
  const holder = databaseHolder(dbFile);
  if (holder !== null && holder !== process.pid) {
    throw new DatabaseInUseError(`${dbFile} is in use by another Knooppunt server (process ${holder}).`);
  }
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const lock = lockFileOf(dbFile);
  fs.writeFileSync(lock, String(process.pid));
  return () => {
    if (databaseHolder(dbFile) === process.pid) fs.rmSync(lock, { force: true });
  };
}

export function isKnooppuntBackup(file: string): boolean {
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

/**
 * Replaces the database by a backup, refusing while a server holds it, and ends every session the backup
 * carries: sessions that were signed out after the backup must not come back to life.
 */
export function restoreSqlite(target: string, source: string): void {
  if (!isKnooppuntBackup(source)) throw new NotABackupError(`${source} is not a Knooppunt backup`);
  const holder = databaseHolder(target);
  if (holder !== null) {
    throw new DatabaseInUseError(
      `A Knooppunt server (process ${holder}) is using ${target}: stop it before restoring.`,
    );
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  fs.copyFileSync(source, target);
  const db = new Database(target);
  try {
    db.prepare('delete from sessions').run();
  } finally {
    db.close();
  }
}

export class NotABackupError extends Error {}
