import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import type {
  NetworkIntroductionTable,
  NetworkPartnerTable,
  NetworkTables,
  NetworkTieTable,
} from './tables.ts';

type Db = Kysely<PlatformTables>;
const t = (db: Db) => db.withTables<NetworkTables>();

export const listPartners = (db: Db, networkId: string) =>
  t(db)
    .selectFrom('network_partners')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('name')
    .execute();

export const findPartner = (db: Db, networkId: string, id: string) =>
  t(db)
    .selectFrom('network_partners')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();

/** The ids among `ids` that are partners of this network: the guard against ties across networks. */
export async function partnerIdsIn(db: Db, networkId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await t(db)
    .selectFrom('network_partners')
    .select('id')
    .where('network_id', '=', networkId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export const insertPartner = (db: Db, row: NetworkPartnerTable) =>
  t(db).insertInto('network_partners').values(row).execute();

export const updatePartner = (db: Db, networkId: string, id: string, patch: Partial<NetworkPartnerTable>) =>
  t(db)
    .updateTable('network_partners')
    .set(patch)
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .execute();

export const linkPartnerUser = (db: Db, networkId: string, partnerId: string, userId: string) =>
  t(db)
    .insertInto('network_partner_users')
    .values({ network_id: networkId, partner_id: partnerId, user_id: userId })
    .execute();

export const partnersOfUser = (db: Db, networkId: string, userId: string) =>
  t(db)
    .selectFrom('network_partner_users')
    .select('partner_id')
    .where('network_id', '=', networkId)
    .where('user_id', '=', userId)
    .execute();

export const spokespersons = (db: Db, networkId: string) =>
  t(db)
    .selectFrom('network_partner_users')
    .innerJoin('users', 'users.id', 'network_partner_users.user_id')
    .select(['network_partner_users.partner_id', 'users.email', 'users.name', 'users.preferred_language'])
    .where('network_partner_users.network_id', '=', networkId)
    .execute();

export const listTies = (db: Db, networkId: string) =>
  t(db)
    .selectFrom('network_ties')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('start_date')
    .orderBy('id')
    .execute();

export const findTie = (db: Db, networkId: string, id: string) =>
  t(db)
    .selectFrom('network_ties')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertTies = (db: Db, rows: NetworkTieTable[]) =>
  rows.length === 0
    ? Promise.resolve()
    : t(db)
        .insertInto('network_ties')
        .values(rows)
        .execute()
        .then(() => undefined);

export const updateTie = (db: Db, networkId: string, id: string, patch: Partial<NetworkTieTable>) =>
  t(db)
    .updateTable('network_ties')
    .set(patch)
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .execute();

export const deleteTie = (db: Db, networkId: string, id: string) =>
  t(db).deleteFrom('network_ties').where('network_id', '=', networkId).where('id', '=', id).execute();

export const deleteTiesOfOrigin = (
  db: Db,
  networkId: string,
  origin: string,
  type: string,
  refPrefix: string,
) =>
  t(db)
    .deleteFrom('network_ties')
    .where('network_id', '=', networkId)
    .where('origin', '=', origin)
    .where('type', '=', type)
    .where('origin_ref', 'like', `${refPrefix}%`)
    .execute();

export const tieTypeSettings = (db: Db, networkId: string) =>
  t(db).selectFrom('network_tie_type_settings').selectAll().where('network_id', '=', networkId).execute();

export async function setTieTypeSetting(db: Db, networkId: string, type: string, derive: boolean) {
  await t(db)
    .deleteFrom('network_tie_type_settings')
    .where('network_id', '=', networkId)
    .where('type', '=', type)
    .execute();
  await t(db)
    .insertInto('network_tie_type_settings')
    .values({ network_id: networkId, type, derive: derive ? 1 : 0 })
    .execute();
}

export const listIntroductions = (db: Db, networkId: string) =>
  t(db)
    .selectFrom('network_introductions')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('created_at', 'desc')
    .execute();

export const findIntroduction = (db: Db, networkId: string, id: string) =>
  t(db)
    .selectFrom('network_introductions')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertIntroduction = (db: Db, row: NetworkIntroductionTable) =>
  t(db).insertInto('network_introductions').values(row).execute();

export const updateIntroduction = (
  db: Db,
  networkId: string,
  id: string,
  patch: Partial<NetworkIntroductionTable>,
) =>
  t(db)
    .updateTable('network_introductions')
    .set(patch)
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .execute();
