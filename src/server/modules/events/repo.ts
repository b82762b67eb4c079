import { type Kysely, sql, type Updateable } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import type { EventTable, EventTables, FeedbackTable, RegistrationTable } from './tables.ts';

export type Db = Kysely<PlatformTables>;
const t = (db: Db) => db.withTables<EventTables>();

/** Places are held while registered, promoted (offered) or confirmed; these statuses count as active. */
export const ACTIVE = ['confirmed', 'offered', 'waitlisted'] as const;

// Events.

export const insertEvent = (db: Db, row: EventTable) =>
  t(db).insertInto('event_events').values(row).execute();

export const updateEvent = (db: Db, networkId: string, id: string, patch: Updateable<EventTable>) =>
  t(db)
    .updateTable('event_events')
    .set(patch)
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .execute();

export const findEvent = (db: Db, networkId: string, id: string) =>
  t(db)
    .selectFrom('event_events')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();

export function listEvents(
  db: Db,
  networkId: string,
  filter: { endsAfter?: string; visibilities?: string[]; statuses?: string[] },
) {
  let q = t(db).selectFrom('event_events').selectAll().where('network_id', '=', networkId);
  if (filter.endsAfter) q = q.where('ends_at', '>=', filter.endsAfter);
  if (filter.visibilities) q = q.where('visibility', 'in', filter.visibilities);
  if (filter.statuses) q = q.where('status', 'in', filter.statuses);
  return q.orderBy('starts_at').execute();
}

/**
 * The first statement of every change to an event's places: an UPDATE of the event's own row. PostgreSQL
 * locks that row until the transaction ends and SQLite takes its write lock, so registrations and
 * cancellations of one event run one after the other, in arrival order, whatever process serves them.
 */
export const lockEvent = (db: Db, networkId: string, id: string, arriving: boolean) =>
  t(db)
    .updateTable('event_events')
    .set({ arrivals: sql`arrivals + ${arriving ? 1 : 0}` })
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();

export const changePlacesTaken = (db: Db, id: string, delta: number) =>
  t(db)
    .updateTable('event_events')
    .set({ places_taken: sql`places_taken + ${delta}` })
    .where('id', '=', id)
    .execute();

// Registrations.

export const insertRegistration = (db: Db, row: RegistrationTable) =>
  t(db).insertInto('event_registrations').values(row).execute();

export const updateRegistration = (db: Db, id: string, patch: Updateable<RegistrationTable>) =>
  t(db).updateTable('event_registrations').set(patch).where('id', '=', id).execute();

export const findActiveByEmail = (db: Db, eventId: string, emailKey: string) =>
  t(db)
    .selectFrom('event_registrations')
    .select('id')
    .where('event_id', '=', eventId)
    .where('email_key', '=', emailKey)
    .where('released_at', 'is', null)
    .executeTakeFirst();

export async function countRecentByEmail(db: Db, networkId: string, emailKey: string, since: string) {
  const row = await t(db)
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('network_id', '=', networkId)
    .where('email_key', '=', emailKey)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function countWithStatus(db: Db, eventId: string, status: string) {
  const row = await t(db)
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Waiting before the given arrival: the position of that arrival is this plus one. */
export async function waitingBefore(db: Db, eventId: string, seq: number) {
  const row = await t(db)
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'waitlisted')
    .where('seq', '<', seq)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export const firstWaiting = (db: Db, eventId: string) =>
  t(db)
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', '=', 'waitlisted')
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();

export const expiredOffers = (db: Db, eventId: string, now: string) =>
  t(db)
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', '=', 'offered')
    .where('hold_expires_at', '<', now)
    .orderBy('seq')
    .execute();

/** Events with a held place past its time, across networks: the sweeper's work list. */
export const eventsWithExpiredOffers = (db: Db, now: string) =>
  t(db)
    .selectFrom('event_registrations')
    .select(['network_id', 'event_id'])
    .distinct()
    .where('status', '=', 'offered')
    .where('hold_expires_at', '<', now)
    .execute();

export const findByTokenHash = (db: Db, networkId: string, tokenHash: string) =>
  t(db)
    .selectFrom('event_registrations')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();

export const findRegistration = (db: Db, networkId: string, eventId: string, id: string) =>
  t(db)
    .selectFrom('event_registrations')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();

export const listRegistrations = (db: Db, networkId: string, eventId: string) =>
  t(db)
    .selectFrom('event_registrations')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('event_id', '=', eventId)
    .orderBy('seq')
    .execute();

export const statusCounts = (db: Db, networkId: string, eventIds: string[]) =>
  eventIds.length === 0
    ? Promise.resolve([])
    : t(db)
        .selectFrom('event_registrations')
        .select((eb) => [
          'event_id',
          'status',
          eb.fn.countAll<number>().as('n'),
          eb.fn.count<number>('checked_in_at').as('present'),
        ])
        .where('network_id', '=', networkId)
        .where('event_id', 'in', eventIds)
        .groupBy(['event_id', 'status'])
        .execute();

// Feedback.

export const insertFeedback = (db: Db, row: FeedbackTable) =>
  t(db).insertInto('event_feedback').values(row).execute();

export const findFeedback = (db: Db, registrationId: string) =>
  t(db)
    .selectFrom('event_feedback')
    .select('id')
    .where('registration_id', '=', registrationId)
    .executeTakeFirst();

export const listFeedback = (db: Db, networkId: string, eventId: string) =>
  t(db)
    .selectFrom('event_feedback')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('event_id', '=', eventId)
    .orderBy('created_at')
    .execute();

/** Who was there: the organisation of every checked-in confirmed registration, per event. */
export const attendedOrganisations = (db: Db, networkId: string) =>
  t(db)
    .selectFrom('event_registrations as r')
    .innerJoin('event_events as e', 'e.id', 'r.event_id')
    .select(['r.event_id', 'e.starts_at', 'r.organisation'])
    .where('r.network_id', '=', networkId)
    .where('r.status', '=', 'confirmed')
    .where('r.checked_in_at', 'is not', null)
    .where('r.organisation', 'is not', null)
    .execute();
