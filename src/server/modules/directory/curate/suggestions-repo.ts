// The queries of change suggestions and of the per-address counter that limits them.
import type { Insertable, Updateable } from 'kysely';
import type { Db } from './repo.ts';
import type { ChangeSuggestionTable } from './tables.ts';

/** Suggestions sent from one (hashed) address to a network after `since`. */
export async function attemptsSince(db: Db, networkId: string, key: string, since: string): Promise<number> {
  const recent = await db
    .selectFrom('directory_suggestion_attempts')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('network_id', '=', networkId)
    .where('key', '=', key)
    .where('at', '>', since)
    .executeTakeFirst();
  return Number(recent?.n ?? 0);
}

/**
 * Counts one attempt, and forgets attempts older than `forgetBefore` in every network: they only serve the
 * hourly limit, and the address hashes should not outlive it.
 */
export async function countAttempt(
  db: Db,
  networkId: string,
  key: string,
  at: string,
  forgetBefore: string,
): Promise<void> {
  await db.deleteFrom('directory_suggestion_attempts').where('at', '<', forgetBefore).execute();
  await db.insertInto('directory_suggestion_attempts').values({ network_id: networkId, key, at }).execute();
}

export async function insertSuggestion(db: Db, row: Insertable<ChangeSuggestionTable>): Promise<void> {
  await db.insertInto('directory_change_suggestions').values(row).execute();
}

/** A network's suggestions with this status, with their organisation's and proposer's names. */
export const listSuggestions = (db: Db, networkId: string, status: string) =>
  db
    .selectFrom('directory_change_suggestions as c')
    .innerJoin('directory_services as s', 's.id', 'c.service_id')
    .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
    .leftJoin('users as u', 'u.id', 'c.proposer_user_id')
    .selectAll('c')
    .select(['o.name as organization_name', 'u.name as proposer_name'])
    .where('c.network_id', '=', networkId)
    .where('c.status', '=', status)
    .orderBy('c.created_at', status === 'open' ? 'asc' : 'desc')
    .limit(200)
    .execute();

export const findSuggestion = (db: Db, networkId: string, id: string) =>
  db
    .selectFrom('directory_change_suggestions')
    .selectAll()
    .where('id', '=', id)
    .where('network_id', '=', networkId)
    .executeTakeFirst();

export async function decideSuggestion(
  db: Db,
  networkId: string,
  id: string,
  decision: Updateable<ChangeSuggestionTable>,
): Promise<void> {
  await db
    .updateTable('directory_change_suggestions')
    .set(decision)
    .where('id', '=', id)
    .where('network_id', '=', networkId)
    .execute();
}
