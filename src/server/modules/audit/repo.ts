import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';

type Db = Kysely<PlatformTables>;

/** networkId null selects the platform-level entries (accounts, sessions), which belong to no tenant. */
export async function page(db: Db, networkId: string | null, offset: number, limit: number) {
  const scoped = db
    .selectFrom('audit_log')
    .where('audit_log.network_id', networkId === null ? 'is' : '=', networkId);
  const [rows, count] = await Promise.all([
    scoped
      .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
      .select([
        'audit_log.id',
        'audit_log.at',
        'audit_log.action',
        'audit_log.entity_type',
        'audit_log.entity_id',
        'audit_log.before_json',
        'audit_log.after_json',
        'audit_log.actor_user_id',
        'users.name as actor_name',
      ])
      .orderBy('audit_log.at', 'desc')
      .orderBy('audit_log.id')
      .offset(offset)
      .limit(limit)
      .execute(),
    scoped.select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}
