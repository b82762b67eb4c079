import type { Kysely } from 'kysely';
import type { NetworkMunicipalityTable, NetworkTable, PlatformTables } from '../../platform/db/tables.ts';

type Db = Kysely<PlatformTables>;

/** Networks a caller may see: published ones, plus those the user is a member of. */
export function listVisible(db: Db, userId: string | null) {
  return db
    .selectFrom('networks')
    .leftJoin('memberships', (j) =>
      j.onRef('memberships.network_id', '=', 'networks.id').on('memberships.user_id', '=', userId ?? ''),
    )
    .select(['networks.slug', 'networks.name', 'networks.kind', 'networks.published', 'memberships.role'])
    .where((eb) => eb.or([eb('networks.published', '=', 1), eb('memberships.user_id', 'is not', null)]))
    .orderBy('networks.name')
    .execute();
}

export const findBySlug = (db: Db, slug: string) =>
  db.selectFrom('networks').selectAll().where('slug', '=', slug).executeTakeFirst();

export const insertNetwork = (db: Db, n: NetworkTable) => db.insertInto('networks').values(n).execute();

export const updateNetwork = (db: Db, id: string, patch: Partial<NetworkTable>) =>
  db.updateTable('networks').set(patch).where('id', '=', id).execute();

export const municipalityPeriods = (db: Db, networkId: string) =>
  db
    .selectFrom('network_municipalities')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('nis_code')
    .orderBy('valid_from')
    .execute();

export async function replaceMunicipalityPeriods(
  db: Db,
  networkId: string,
  rows: NetworkMunicipalityTable[],
) {
  await db.deleteFrom('network_municipalities').where('network_id', '=', networkId).execute();
  if (rows.length) await db.insertInto('network_municipalities').values(rows).execute();
}

export const listMembers = (db: Db, networkId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as userId', 'users.name', 'users.email', 'memberships.role'])
    .where('memberships.network_id', '=', networkId)
    .orderBy('users.name')
    .execute();

export const findMembership = (db: Db, networkId: string, userId: string) =>
  db
    .selectFrom('memberships')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

export const insertMembership = (db: Db, networkId: string, userId: string, role: string, at: string) =>
  db
    .insertInto('memberships')
    .values({ network_id: networkId, user_id: userId, role, organisation_id: null, created_at: at })
    .execute();

export const updateMembershipRole = (db: Db, networkId: string, userId: string, role: string) =>
  db
    .updateTable('memberships')
    .set({ role })
    .where('network_id', '=', networkId)
    .where('user_id', '=', userId)
    .execute();

export const deleteMembership = (db: Db, networkId: string, userId: string) =>
  db.deleteFrom('memberships').where('network_id', '=', networkId).where('user_id', '=', userId).execute();

export async function countAdmins(db: Db, networkId: string): Promise<number> {
  const r = await db
    .selectFrom('memberships')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('network_id', '=', networkId)
    .where('role', '=', 'admin')
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
