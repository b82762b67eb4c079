import type { Kysely } from 'kysely';

/**
 * Outgoing mail is written to this table in the same transaction as the change that causes it, and sent
 * afterwards by a dispatcher: no mail is lost when the SMTP server is down, none is sent for a change that
 * rolled back, and in development the messages stay here to be read in the UI.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text')
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('send_after', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('claimed_by', 'text')
    .execute();
  await db.schema
    .createIndex('outbox_status_send_after')
    .on('outbox')
    .columns(['status', 'send_after'])
    .execute();
  await db.schema
    .createIndex('outbox_network_created')
    .on('outbox')
    .columns(['network_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outbox').execute();
}
