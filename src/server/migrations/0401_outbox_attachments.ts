import type { Kysely } from 'kysely';

/** A mail may carry files (an event's .ics): JSON [{ filename, contentType, content }] with text content. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('attachments', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('attachments').execute();
}
