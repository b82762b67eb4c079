import { type Kysely, sql } from 'kysely';
import type { PlatformTables, UserTable } from '../../platform/db/tables.ts';

type Db = Kysely<PlatformTables>;

export const findUserByEmail = (db: Db, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

export const findUserById = (db: Db, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const insertUser = (db: Db, user: UserTable) => db.insertInto('users').values(user).execute();

export const updateUser = (db: Db, id: string, patch: Partial<UserTable>) =>
  db.updateTable('users').set(patch).where('id', '=', id).execute();

export const listMembershipsOfUser = (db: Db, userId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('networks', 'networks.id', 'memberships.network_id')
    .select(['networks.slug', 'networks.name', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('networks.name')
    .execute();

/**
 * Counts one attempt of a client address in its fixed window, starting a new window when the last one is over,
 * in one atomic statement: concurrent attempts each get their own count.
 */
export async function countAddressAttempt(db: Db, key: string, nowMs: number, windowMs: number) {
  return db
    .insertInto('login_attempt_counters')
    .values({ key, attempts: 1, until_ms: nowMs + windowMs })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql`case when login_attempt_counters.until_ms <= ${nowMs} then 1
          else login_attempt_counters.attempts + 1 end`,
        until_ms: sql`case when login_attempt_counters.until_ms <= ${nowMs} then ${nowMs + windowMs}
          else login_attempt_counters.until_ms end`,
      }),
    )
    .returning(['attempts', 'until_ms'])
    .executeTakeFirstOrThrow();
}

/**
 * Claims an attempt for an address and e-mail: counted in advance as a failure (a success clears it) and, after
 * `free` of them, each one sets a wait of 1 s, 2 s, 4 s … up to `maxDelayMs` before the next. When the wait is
 * not over, nothing changes and nothing is returned. One statement, so a burst cannot slip through together.
 */
export async function claimAccountAttempt(
  db: Db,
  key: string,
  nowMs: number,
  free: number,
  maxDelayMs: number,
) {
  const n = sql<number>`login_attempt_counters.attempts + 1`;
  // From this many doublings on the wait is the cap (and the shift is never computed past it).
  const capped = Math.ceil(Math.log2(maxDelayMs / 1000));
  const delay = sql`case when ${n} < ${sql.lit(free)} then 0
    when ${n} - ${sql.lit(free)} >= ${sql.lit(capped)} then ${sql.lit(maxDelayMs)}
    else 1000 * (1 << (${n} - ${sql.lit(free)})) end`;
  return db
    .insertInto('login_attempt_counters')
    .values({ key, attempts: 1, until_ms: nowMs })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ attempts: n, until_ms: sql`cast(${nowMs} as bigint) + ${delay}` })
        .where('login_attempt_counters.until_ms', '<=', nowMs),
    )
    .returning(['attempts'])
    .executeTakeFirst();
}
export const usersByIds = (db: Db, ids: readonly string[]) =>
  db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'preferred_language'])
    .where('id', 'in', ids)
    .execute();

export const counterUntil = async (db: Db, key: string) =>
  (await db.selectFrom('login_attempt_counters').select('until_ms').where('key', '=', key).executeTakeFirst())
    ?.until_ms;

export const clearCounter = (db: Db, key: string) =>
  db.deleteFrom('login_attempt_counters').where('key', '=', key).execute();

export const purgeCountersBefore = (db: Db, beforeMs: number) =>
  db.deleteFrom('login_attempt_counters').where('until_ms', '<', beforeMs).execute();

/** One more consecutive failure of an account, counted atomically; returns the new count. */
export async function countFailedLogin(db: Db, userId: string): Promise<number> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_login_count: eb('failed_login_count', '+', 1) }))
    .where('id', '=', userId)
    .returning('failed_login_count')
    .executeTakeFirst();
  return row?.failed_login_count ?? 0;
}
