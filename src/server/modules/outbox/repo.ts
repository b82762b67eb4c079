import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';

/** networkId null selects the mails that belong to no network (account mails). */
export async function page(
  db: Kysely<PlatformTables>,
  networkId: string | null,
  offset: number,
  limit: number,
) {
  const scoped = db.selectFrom('outbox').where('network_id', networkId === null ? 'is' : '=', networkId);
  const [rows, count] = await Promise.all([
    scoped.selectAll().orderBy('created_at', 'desc').orderBy('id').offset(offset).limit(limit).execute(),
    scoped.select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}
