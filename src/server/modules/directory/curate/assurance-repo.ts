// The queries of the "is this still correct?" requests.
import { type Insertable, sql } from 'kysely';
import type { Db } from './repo.ts';
import type { AssuranceRequestTable } from './tables.ts';

/** The organisations a network links on the map, and those it added itself. */
export async function organizationsOfNetwork(db: Db, networkId: string): Promise<string[]> {
  const linked = await db
    .selectFrom('directory_network_partners')
    .select('organization_id')
    .where('network_id', '=', networkId)
    .execute();
  const own = await db
    .selectFrom('directory_organizations')
    .select('id')
    .where('network_id', '=', networkId)
    .execute();
  return [...linked.map((r) => r.organization_id), ...own.map((r) => r.id)];
}

/** The language chosen by the account with this address (compared case-insensitively), if any. */
export async function accountLanguage(db: Db, email: string): Promise<string | null | undefined> {
  const account = await db
    .selectFrom('users')
    .select('preferred_language')
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
  return account?.preferred_language;
}

/** Whether the network asked this organisation after `since`. */
export async function askedSince(db: Db, networkId: string, organizationId: string, since: string) {
  const recent = await db
    .selectFrom('directory_assurance_requests')
    .select('id')
    .where('network_id', '=', networkId)
    .where('organization_id', '=', organizationId)
    .where('sent_at', '>', since)
    .executeTakeFirst();
  return recent !== undefined;
}

/** The first e-mail address among the organisation's contacts. */
export async function firstContactEmail(db: Db, organizationId: string): Promise<string | null> {
  const contact = await db
    .selectFrom('directory_contacts')
    .select('email')
    .where('organization_id', '=', organizationId)
    .where('email', 'is not', null)
    .orderBy('id')
    .executeTakeFirst();
  return contact?.email ?? null;
}

export async function insertRequest(db: Db, row: Insertable<AssuranceRequestTable>): Promise<void> {
  await db.insertInto('directory_assurance_requests').values(row).execute();
}

export const findRequest = (db: Db, networkId: string, tokenHash: string) =>
  db
    .selectFrom('directory_assurance_requests')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('network_id', '=', networkId)
    .executeTakeFirst();

/** Marks an open, unexpired request used; false when another click was first or the link has expired. */
export async function spendRequest(db: Db, networkId: string, id: string, at: string): Promise<boolean> {
  const used = await db
    .updateTable('directory_assurance_requests')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('network_id', '=', networkId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

/** Every published network: the daily round asks on behalf of each. */
export const publishedNetworks = (db: Db) =>
  db.selectFrom('networks').selectAll().where('published', '=', 1).execute();
