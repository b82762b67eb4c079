import type { Kysely } from 'kysely';
import { columnTypes } from '../platform/db/columns.ts';

/**
 * Good governance (seed 001, SD5): a network's bodies with their members by cluster, the bodies' meetings with
 * attendance, and the decisions taken there with one vote per member. The outcome of a decision is not stored:
 * it is computed from the votes and the decision's rule whenever it is read, so it can never disagree with them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { float } = columnTypes(db);
  await db.schema
    .createTable('gov_bodies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('quorum_share', float, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gov_bodies_network').on('gov_bodies').column('network_id').execute();

  await db.schema
    .createTable('gov_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('body_id', 'text', (c) => c.notNull().references('gov_bodies.id').onDelete('cascade'))
    .addColumn('partner_id', 'text')
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('cluster', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('mandate_from', 'text', (c) => c.notNull())
    .addColumn('mandate_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('gov_members_body')
    .on('gov_members')
    .columns(['network_id', 'body_id'])
    .execute();

  await db.schema
    .createTable('gov_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('body_id', 'text', (c) => c.notNull().references('gov_bodies.id').onDelete('cascade'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('agenda', 'text', (c) => c.notNull())
    .addColumn('minutes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('gov_meetings_body')
    .on('gov_meetings')
    .columns(['network_id', 'body_id', 'held_on'])
    .execute();

  await db.schema
    .createTable('gov_attendance')
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('gov_meetings.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('gov_members.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('gov_attendance_pk', ['meeting_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('gov_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('gov_meetings.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('gov_decisions_meeting')
    .on('gov_decisions')
    .columns(['network_id', 'meeting_id'])
    .execute();

  await db.schema
    .createTable('gov_votes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('decision_id', 'text', (c) => c.notNull().references('gov_decisions.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('gov_members.id').onDelete('cascade'))
    .addColumn('choice', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // One vote per member and decision, also when two requests race.
  await db.schema
    .createIndex('gov_votes_once')
    .on('gov_votes')
    .columns(['decision_id', 'member_id'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'gov_votes',
    'gov_decisions',
    'gov_attendance',
    'gov_meetings',
    'gov_members',
    'gov_bodies',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
