import type { CreateTableBuilder, Kysely } from 'kysely';
import { columnTypes } from '../platform/db/columns.ts';

/**
 * The policy-plan module (docs/decisions/040-plan-data-model.md): plans with a tree of nodes of any depth,
 * links between nodes, status history, attachments, indicators with targets and measurements, and
 * measurement requests to partners. Every table carries network_id (the tenant) and plan_id, so that a
 * whole plan is read with one indexed query per table. Multilingual texts and lists are JSON text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { float } = columnTypes(db);

  // Rows that can be removed by a user are soft-deleted: one deletion id groups what went together, so
  // that an undo restores exactly that set.
  const softDelete = <T extends string>(t: CreateTableBuilder<T>) =>
    t.addColumn('deleted_at', 'text').addColumn('deleted_by', 'text').addColumn('deletion_id', 'text');

  await db.schema
    .createTable('plan_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('level_names', 'text', (c) => c.notNull())
    .addColumn('action_level', 'integer', (c) => c.notNull())
    .addColumn('on_track_at', float, (c) => c.notNull())
    .addColumn('at_risk_at', float, (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_example', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_plans_network').on('plan_plans').column('network_id').execute();

  await softDelete(
    db.schema
      .createTable('plan_nodes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('network_id', 'text', (c) => c.notNull())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plan_plans.id').onDelete('cascade'))
      .addColumn('parent_id', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('code', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('owner_user_id', 'text')
      .addColumn('lead_partner', 'text')
      .addColumn('partners', 'text', (c) => c.notNull())
      .addColumn('core_group', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text')
      .addColumn('end_date', 'text')
      .addColumn('weight', float)
      .addColumn('progress', float)
      .addColumn('status', 'text')
      .addColumn('status_on', 'text')
      .addColumn('status_note', 'text')
      .addColumn('budget_planned', float)
      .addColumn('budget_spent', float)
      .addColumn('staff_hours_planned', float)
      .addColumn('staff_hours_spent', float)
      .addColumn('aims', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('smart', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('plan_nodes_plan')
    .on('plan_nodes')
    .columns(['network_id', 'plan_id', 'parent_id'])
    .execute();
  await db.schema
    .createIndex('plan_nodes_owner')
    .on('plan_nodes')
    .columns(['network_id', 'owner_user_id'])
    .execute();

  await db.schema
    .createTable('plan_status_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan_plans.id').onDelete('cascade'))
    .addColumn('node_id', 'text', (c) => c.notNull().references('plan_nodes.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('set_by', 'text')
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_status_history_plan')
    .on('plan_status_history')
    .columns(['network_id', 'plan_id', 'node_id'])
    .execute();

  await db.schema
    .createTable('plan_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan_plans.id').onDelete('cascade'))
    .addColumn('from_node_id', 'text', (c) => c.notNull().references('plan_nodes.id').onDelete('cascade'))
    .addColumn('to_node_id', 'text', (c) => c.notNull().references('plan_nodes.id').onDelete('cascade'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('plan_links_pair', ['from_node_id', 'to_node_id'])
    .execute();
  await db.schema
    .createIndex('plan_links_plan')
    .on('plan_links')
    .columns(['network_id', 'plan_id'])
    .execute();

  await db.schema
    .createTable('plan_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan_plans.id').onDelete('cascade'))
    .addColumn('node_id', 'text', (c) => c.notNull().references('plan_nodes.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_attachments_plan')
    .on('plan_attachments')
    .columns(['network_id', 'plan_id', 'node_id'])
    .execute();

  await softDelete(
    db.schema
      .createTable('plan_indicators')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('network_id', 'text', (c) => c.notNull())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plan_plans.id').onDelete('cascade'))
      .addColumn('node_id', 'text', (c) => c.notNull().references('plan_nodes.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('polarity', 'text', (c) => c.notNull())
      .addColumn('frequency', 'text', (c) => c.notNull())
      .addColumn('baseline_value', float)
      .addColumn('baseline_on', 'text')
      .addColumn('figure', 'text')
      // The latest measurement, kept with every write of a measurement so that the tree and its roll-up
      // never scan the measurements table.
      .addColumn('latest_value', float)
      .addColumn('latest_on', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('plan_indicators_plan')
    .on('plan_indicators')
    .columns(['network_id', 'plan_id', 'node_id'])
    .execute();

  await db.schema
    .createTable('plan_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan_plans.id').onDelete('cascade'))
    .addColumn('indicator_id', 'text', (c) =>
      c.notNull().references('plan_indicators.id').onDelete('cascade'),
    )
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('value', float, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_targets_plan')
    .on('plan_targets')
    .columns(['network_id', 'plan_id', 'indicator_id'])
    .execute();

  await softDelete(
    db.schema
      .createTable('plan_measurements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('network_id', 'text', (c) => c.notNull())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plan_plans.id').onDelete('cascade'))
      .addColumn('indicator_id', 'text', (c) =>
        c.notNull().references('plan_indicators.id').onDelete('cascade'),
      )
      .addColumn('measured_on', 'text', (c) => c.notNull())
      .addColumn('value', float, (c) => c.notNull())
      .addColumn('source', 'text')
      .addColumn('entered_by', 'text')
      .addColumn('entered_at', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text'),
  ).execute();
  await db.schema
    .createIndex('plan_measurements_indicator')
    .on('plan_measurements')
    .columns(['indicator_id', 'measured_on'])
    .execute();
  await db.schema
    .createIndex('plan_measurements_plan')
    .on('plan_measurements')
    .columns(['network_id', 'plan_id', 'measured_on'])
    .execute();

  await db.schema
    .createTable('plan_measurement_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan_plans.id').onDelete('cascade'))
    .addColumn('indicator_id', 'text', (c) =>
      c.notNull().references('plan_indicators.id').onDelete('cascade'),
    )
    .addColumn('requested_from', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('remind_on', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('fulfilled_at', 'text')
    .addColumn('measurement_id', 'text')
    .execute();
  await db.schema
    .createIndex('plan_requests_plan')
    .on('plan_measurement_requests')
    .columns(['network_id', 'plan_id', 'due_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'plan_measurement_requests',
    'plan_measurements',
    'plan_targets',
    'plan_indicators',
    'plan_attachments',
    'plan_links',
    'plan_status_history',
    'plan_nodes',
    'plan_plans',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
