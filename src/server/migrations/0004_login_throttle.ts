import type { Kysely } from 'kysely';
import { columnTypes } from '../platform/db/columns.ts';

/**
 * Login throttling as one counter row per key (an address, or an address with an e-mail), changed by single
 * atomic statements: concurrent attempts cannot read the same count and each write back "one more". Times are
 * epoch milliseconds so that both engines compute a delay in SQL. Accounts are no longer locked (decision 007),
 * so `users.locked_until` goes; `failed_login_count` stays as the account's count of consecutive failures.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_attempt_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('until_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_attempt_counters_until')
    .on('login_attempt_counters')
    .column('until_ms')
    .execute();
  await db.schema.dropTable('login_attempts').execute();
  await db.schema.alterTable('users').dropColumn('locked_until').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const { autoId } = columnTypes(db);
  await db.schema.alterTable('users').addColumn('locked_until', 'text').execute();
  await db.schema
    .createTable('login_attempts')
    .addColumn('id', autoId, (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_key_at').on('login_attempts').columns(['key', 'at']).execute();
  await db.schema.dropTable('login_attempt_counters').execute();
}
