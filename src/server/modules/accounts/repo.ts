import type { Kysely } from 'kysely';
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

export async function countRecentAttempts(db: Db, key: string, sinceIso: string): Promise<number> {
  const row = await db
    .selectFrom('login_attempts')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('key', '=', key)
    .where('at', '>', sinceIso)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export const insertAttempt = (db: Db, key: string, at: string) =>
  db.insertInto('login_attempts').values({ key, at }).execute();

export const purgeAttemptsBefore = (db: Db, beforeIso: string) =>
  db.deleteFrom('login_attempts').where('at', '<', beforeIso).execute();

export const usersByIds = (db: Db, ids: readonly string[]) =>
  db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'preferred_language'])
    .where('id', 'in', ids)
    .execute();
