import { type Kysely, sql } from 'kysely';
import { columnTypes } from '../platform/db/columns.ts';

/**
 * Network activities (docs/decisions/041-events-and-registration.md): events with their programme, place and
 * form, registrations with a waiting list, and feedback. The event row carries the counter of places taken:
 * every registration and cancellation updates that one row first, so the database serialises them per event
 * and capacity holds with any number of app processes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { float } = columnTypes(db);
  await db.schema
    .createTable('event_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('series', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('venue', 'text')
    .addColumn('address', 'text')
    .addColumn('lat', float)
    .addColumn('lng', float)
    .addColumn('online_url', 'text')
    .addColumn('audience', 'text')
    .addColumn('programme', 'text', (c) => c.notNull())
    .addColumn('speakers', 'text', (c) => c.notNull())
    .addColumn('organisers', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('waitlist_limit', 'integer')
    .addColumn('hold_hours', 'integer', (c) => c.notNull())
    .addColumn('registration_opens_at', 'text')
    .addColumn('registration_closes_at', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('places_taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('arrivals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('event_events_network_start')
    .on('event_events')
    .columns(['network_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('event_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull().references('event_events.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_key', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text')
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('hold_expires_at', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('checkin_code', 'text', (c) => c.notNull())
    .addColumn('checked_in_at', 'text')
    .addColumn('reminder_mail_id', 'text')
    .addColumn('released_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One active registration per e-mail and event; a cancelled one no longer blocks registering again.
  await db.schema
    .createIndex('event_registrations_email')
    .on('event_registrations')
    .columns(['event_id', 'email_key'])
    .unique()
    .where(sql.ref('released_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('event_registrations_event')
    .on('event_registrations')
    .columns(['network_id', 'event_id', 'status', 'seq'])
    .execute();
  await db.schema
    .createIndex('event_registrations_email_recent')
    .on('event_registrations')
    .columns(['network_id', 'email_key', 'created_at'])
    .execute();
  await db.schema
    .createIndex('event_registrations_token')
    .on('event_registrations')
    .column('token_hash')
    .unique()
    .execute();

  await db.schema
    .createTable('event_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull().references('event_events.id').onDelete('cascade'))
    .addColumn('registration_id', 'text', (c) =>
      c.notNull().unique().references('event_registrations.id').onDelete('cascade'),
    )
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('useful', 'integer')
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('event_feedback_event')
    .on('event_feedback')
    .columns(['network_id', 'event_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_feedback').execute();
  await db.schema.dropTable('event_registrations').execute();
  await db.schema.dropTable('event_events').execute();
}
