import type { Kysely } from 'kysely';
import { columnTypes } from '../platform/db/columns.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const { float } = columnTypes(db);

  // A partner of one network: an organisation of the social map (organization_id) or a local one (name only).
  await db.schema
    .createTable('network_partners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('organization_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('themes_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('target_groups_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('is_hub', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('network_partners_network')
    .on('network_partners')
    .columns(['network_id', 'name'])
    .execute();

  // Who may speak for a partner (answer its surveys, edit its entries).
  await db.schema
    .createTable('network_partner_users')
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('network_partners.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('network_partner_users_pk', ['partner_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('network_partner_users_user')
    .on('network_partner_users')
    .columns(['network_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('network_ties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('source_partner_id', 'text', (c) =>
      c.notNull().references('network_partners.id').onDelete('cascade'),
    )
    .addColumn('target_partner_id', 'text', (c) =>
      c.notNull().references('network_partners.id').onDelete('cascade'),
    )
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('directed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('weight', float, (c) => c.notNull().defaultTo(1))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    // declared (by staff), survey (reported in a survey round), derived (from the platform's own records).
    .addColumn('origin', 'text', (c) => c.notNull())
    // For derived and survey ties: what they come from (e.g. "plan-node:<id>"), so a re-derivation replaces them.
    .addColumn('origin_ref', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('network_ties_network_type')
    .on('network_ties')
    .columns(['network_id', 'type', 'start_date'])
    .execute();
  await db.schema
    .createIndex('network_ties_origin')
    .on('network_ties')
    .columns(['network_id', 'origin', 'origin_ref'])
    .execute();

  await db.schema
    .createTable('network_tie_type_settings')
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('derive', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('network_tie_type_settings_pk', ['network_id', 'type'])
    .execute();

  await db.schema
    .createTable('network_survey_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // One row per respondent partner and rated partner: trust (reliability, mission, openness) and value
  // (power, involvement, resources) on 1–4, after the PARTNER Tool.
  await db.schema
    .createTable('network_survey_ratings')
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) =>
      c.notNull().references('network_survey_rounds.id').onDelete('cascade'),
    )
    .addColumn('rater_partner_id', 'text', (c) =>
      c.notNull().references('network_partners.id').onDelete('cascade'),
    )
    .addColumn('rated_partner_id', 'text', (c) =>
      c.notNull().references('network_partners.id').onDelete('cascade'),
    )
    .addColumn('reliability', 'integer', (c) => c.notNull())
    .addColumn('mission', 'integer', (c) => c.notNull())
    .addColumn('openness', 'integer', (c) => c.notNull())
    .addColumn('power', 'integer', (c) => c.notNull())
    .addColumn('involvement', 'integer', (c) => c.notNull())
    .addColumn('resources', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('network_survey_ratings_pk', [
      'round_id',
      'rater_partner_id',
      'rated_partner_id',
    ])
    .execute();

  await db.schema
    .createTable('network_survey_answers')
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) =>
      c.notNull().references('network_survey_rounds.id').onDelete('cascade'),
    )
    .addColumn('partner_id', 'text', (c) => c.notNull().references('network_partners.id').onDelete('cascade'))
    .addColumn('contributes_json', 'text', (c) => c.notNull())
    .addColumn('outcomes_json', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('network_survey_answers_pk', ['round_id', 'partner_id'])
    .execute();

  // A suggestion staff act on: introduce two partners to each other.
  await db.schema
    .createTable('network_introductions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('partner_a_id', 'text', (c) =>
      c.notNull().references('network_partners.id').onDelete('cascade'),
    )
    .addColumn('partner_b_id', 'text', (c) =>
      c.notNull().references('network_partners.id').onDelete('cascade'),
    )
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assigned_to', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'network_introductions',
    'network_survey_answers',
    'network_survey_ratings',
    'network_survey_rounds',
    'network_tie_type_settings',
    'network_ties',
    'network_partner_users',
    'network_partners',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
