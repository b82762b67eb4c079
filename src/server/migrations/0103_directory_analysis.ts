import type { Kysely } from 'kysely';

/**
 * Analysis of the social map: pairs of records that staff judged not to be duplicates. Stored per network,
 * because one network's judgement ("these are two branches") should not hide a pair from another network.
 * The pair is kept in a fixed order (record_a < record_b) so it is stored once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('directory_duplicate_dismissals')
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('record_a', 'text', (c) => c.notNull())
    .addColumn('record_b', 'text', (c) => c.notNull())
    .addColumn('dismissed_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('directory_duplicate_dismissals_pk', [
      'network_id',
      'entity_type',
      'record_a',
      'record_b',
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('directory_duplicate_dismissals').execute();
}
