import type { Kysely } from 'kysely';

/**
 * Policy signals (docs/decisions/060-signals-and-figures.md): signals reported by partners or citizens,
 * bundled into dossiers that move through the eight Flemish phases, with every step and its note kept in
 * a history, co-signatures of partners, and a network's own settings (public form, deadlines per phase).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('signal_settings')
    .addColumn('network_id', 'text', (c) => c.primaryKey().references('networks.id').onDelete('cascade'))
    .addColumn('public_form', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deadlines', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('signal_dossiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('analysis', 'text')
    .addColumn('proposal', 'text')
    .addColumn('addressee_kind', 'text')
    .addColumn('addressee_name', 'text')
    .addColumn('answer', 'text')
    .addColumn('answer_on', 'text')
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('phase_since', 'text', (c) => c.notNull())
    .addColumn('phase_due', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text')
    .addColumn('plan_node_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signal_dossiers_network').on('signal_dossiers').column('network_id').execute();

  await db.schema
    .createTable('signals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('reporter_user_id', 'text')
    .addColumn('reporter_email', 'text')
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('municipalities', 'text', (c) => c.notNull())
    .addColumn('target_group', 'text')
    .addColumn('affected_count', 'integer')
    .addColumn('since', 'text')
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('sector', 'text')
    .addColumn('evidence', 'text')
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('phase_since', 'text', (c) => c.notNull())
    .addColumn('phase_due', 'text', (c) => c.notNull())
    .addColumn('dossier_id', 'text', (c) => c.references('signal_dossiers.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signals_network').on('signals').columns(['network_id', 'phase']).execute();
  await db.schema.createIndex('signals_dossier').on('signals').column('dossier_id').execute();

  await db.schema
    .createTable('signal_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('signal_id', 'text')
    .addColumn('dossier_id', 'text')
    .addColumn('from_phase', 'text')
    .addColumn('to_phase', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('signal_history_subject')
    .on('signal_history')
    .columns(['network_id', 'dossier_id', 'signal_id'])
    .execute();

  await db.schema
    .createTable('signal_cosignatures')
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('signal_dossiers.id').onDelete('cascade'))
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('signal_cosignatures_pk', ['dossier_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'signal_cosignatures',
    'signal_history',
    'signals',
    'signal_dossiers',
    'signal_settings',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
