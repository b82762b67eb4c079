import type { Kysely } from 'kysely';

/**
 * Keeping the social map current: change suggestions from anyone, "is this still correct?" requests to
 * partners (only a hash of each one-click token is stored, so a database copy confirms nothing), and the
 * per-address counter that slows down anonymous suggestions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('directory_change_suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) =>
      c.notNull().references('directory_services.id').onDelete('cascade'),
    )
    // The proposed values, field by field (JSON of the same shape as a service edit).
    .addColumn('proposed_json', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('proposer_user_id', 'text')
    // Optional, for questions back; shown to staff only.
    .addColumn('proposer_email', 'text')
    // open | approved | rejected
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_change_suggestions_inbox')
    .on('directory_change_suggestions')
    .columns(['network_id', 'status', 'created_at'])
    .execute();

  await db.schema
    .createTable('directory_assurance_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('directory_organizations.id').onDelete('cascade'),
    )
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('directory_assurance_requests_org')
    .on('directory_assurance_requests')
    .columns(['network_id', 'organization_id', 'sent_at'])
    .execute();

  await db.schema
    .createTable('directory_suggestion_attempts')
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_suggestion_attempts_key')
    .on('directory_suggestion_attempts')
    .columns(['key', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'directory_suggestion_attempts',
    'directory_assurance_requests',
    'directory_change_suggestions',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
