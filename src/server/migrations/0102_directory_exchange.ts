import type { Kysely } from 'kysely';

/**
 * Import jobs of the social map's exchange (docs/decisions/024-directory-import.md): an uploaded file waits
 * here through mapping, preview and commit, and is dropped (file_data set to null) once the job has ended.
 * Progress is counted in rows; the write itself is one transaction, so "writing" has no partial count.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('directory_import_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('created_by', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_size', 'integer', (c) => c.notNull())
    // Base64 text rather than a blob: the same on both engines, and never more than the upload limit.
    .addColumn('file_data', 'text')
    .addColumn('mapping_json', 'text')
    // A spreadsheet's rejected rows may be left out on purpose; the rest is still all or nothing.
    .addColumn('skip_rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('phase', 'text')
    .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('result_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_import_jobs_network')
    .on('directory_import_jobs')
    .columns(['network_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('directory_import_jobs').execute();
}
