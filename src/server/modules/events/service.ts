import { type Actor, actorOf, auditTenantWrite } from '../../platform/audit.ts';
import { inTransaction } from '../../platform/db/index.ts';
import { AppError, badRequest, forbidden } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { hasRole, type TenantContext } from '../../platform/tenancy.ts';
import * as network from '../network/service.ts';
import { canSee, isStaff, keepsWaitlist, placesLeft, registrationState } from './access.ts';
import { calendar } from './ics.ts';
import { calendarEvent } from './mails.ts';
import './messages.ts';
import * as repo from './repo.ts';
import {
  EventInput,
  type EventView,
  type OwnRegistration,
  type PublicEvent,
  type Question,
  type RegistrationView,
} from './schema.ts';
import type { EventTable, RegistrationTable } from './tables.ts';

type Db = repo.Db;

export type { Actor };
export { actorOf };

const json = (v: unknown) => JSON.stringify(v);

// Events.

async function checkEvent(
  db: Db,
  ctx: TenantContext,
  input: ReturnType<typeof EventInput.parse>,
  taken: number,
) {
  if (new Date(input.endsAt) <= new Date(input.startsAt)) {
    throw badRequest('events_end_before_start');
  }
  if (input.format !== 'online' && !input.venue && !input.address) throw badRequest('events_place_needed');
  if (input.format !== 'on_site' && !input.onlineUrl) throw badRequest('events_link_needed');
  if (
    input.registrationOpensAt &&
    input.registrationClosesAt &&
    new Date(input.registrationClosesAt) <= new Date(input.registrationOpensAt)
  ) {
    throw badRequest('events_window_order');
  }
  if (input.waitlistLimit && !input.capacity) throw badRequest('events_waitlist_without_capacity');
  if (input.capacity && input.capacity < taken) throw badRequest('events_capacity_below_taken', { taken });
  const ids = new Set<string>();
  for (const q of input.questions) {
    if (ids.has(q.id)) throw badRequest('events_questions_duplicate', { id: q.id });
    ids.add(q.id);
  }
  if (input.organisers.length > 0) {
    const partners = new Set((await network.listPartners(db, ctx)).map((p) => p.id));
    if (input.organisers.some((id) => !partners.has(id))) throw badRequest('events_unknown_organiser');
  }
}

const iso = (v: string | null | undefined) => (v ? new Date(v).toISOString() : null);

function eventFields(input: ReturnType<typeof EventInput.parse>) {
  return {
    kind: input.kind,
    series: input.series || null,
    title: input.title,
    description: input.description || null,
    format: input.format,
    starts_at: new Date(input.startsAt).toISOString(),
    ends_at: new Date(input.endsAt).toISOString(),
    venue: input.venue || null,
    address: input.address || null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    online_url: input.onlineUrl || null,
    audience: input.audience || null,
    programme: json(input.programme),
    speakers: json(input.speakers),
    organisers: json([...new Set(input.organisers)]),
    questions: json(input.questions),
    capacity: input.capacity ?? null,
    waitlist_limit: input.waitlistLimit ?? null,
    hold_hours: input.holdHours,
    registration_opens_at: iso(input.registrationOpensAt),
    registration_closes_at: iso(input.registrationClosesAt),
    visibility: input.visibility,
    status: input.status,
  };
}

export async function createEvent(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  raw: EventInput,
): Promise<string> {
  if (!isStaff(ctx)) throw forbidden();
  const input = EventInput.parse(raw);
  await checkEvent(db, ctx, input, 0);
  const now = nowIso();
  const row: EventTable = {
    id: newId(),
    network_id: ctx.network.id,
    ...eventFields(input),
    places_taken: 0,
    arrivals: 0,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await repo.insertEvent(trx, row);
    await auditTenantWrite(trx, ctx, actor, 'event.create', 'event', row.id, null, row);
  });
  return row.id;
}

/**
 * Replaces an event's details. The row is locked like a registration locks it, so a lower capacity is
 * checked against the places taken at that moment.
 */
export async function updateEvent(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  eventId: string,
  raw: EventInput,
) {
  if (!isStaff(ctx)) throw forbidden();
  const input = EventInput.parse(raw);
  await inTransaction(db, async (trx) => {
    const before = await repo.lockEvent(trx, ctx.network.id, eventId, false);
    if (!before) throw new AppError(404, 'events_not_found');
    await checkEvent(trx, ctx, input, before.places_taken);
    const patch = { ...eventFields(input), updated_at: nowIso() };
    await repo.updateEvent(trx, ctx.network.id, eventId, patch);
    await auditTenantWrite(trx, ctx, actor, 'event.update', 'event', eventId, before, {
      ...before,
      ...patch,
    });
  });
}

export async function visibleEvent(db: Db, ctx: TenantContext, eventId: string): Promise<EventTable> {
  const ev = await repo.findEvent(db, ctx.network.id, eventId);
  if (!ev || !canSee(ctx, ev)) throw new AppError(404, 'events_not_found');
  return ev;
}

export function publicEvent(ev: EventTable, now = new Date()): PublicEvent {
  return {
    id: ev.id,
    title: ev.title,
    kind: ev.kind as PublicEvent['kind'],
    format: ev.format as PublicEvent['format'],
    starts_at: ev.starts_at,
    ends_at: ev.ends_at,
    venue: ev.venue,
    address: ev.address,
    capacity: ev.capacity,
    places_left: placesLeft(ev),
    waitlist: keepsWaitlist(ev),
    registration_open: registrationState(ev, now).open,
  };
}

/**
 * The agenda. Default: the network's published public events (the contract outside tools use); with
 * scope `all`, members get every event they may see.
 */
export async function listEvents(
  db: Db,
  ctx: TenantContext,
  opts: { upcoming: boolean; all: boolean },
  now = new Date(),
) {
  if (opts.all && !hasRole(ctx, 'viewer')) throw forbidden();
  const rows = await repo.listEvents(db, ctx.network.id, {
    endsAfter: opts.upcoming ? now.toISOString() : undefined,
    visibilities: opts.all ? undefined : ['public'],
    statuses: opts.all ? undefined : ['published', 'closed', 'cancelled'],
  });
  return rows
    .filter((ev) => !opts.all || canSee(ctx, ev))
    .map((ev) => ({ ...publicEvent(ev, now), status: ev.status as EventView['status'] }));
}

async function countsOf(db: Db, networkId: string, eventId: string) {
  const counts = { confirmed: 0, offered: 0, waitlisted: 0, cancelled: 0, checkedIn: 0 };
  for (const r of await repo.statusCounts(db, networkId, [eventId])) {
    const n = Number(r.n);
    if (r.status === 'confirmed') counts.confirmed = n;
    else if (r.status === 'offered') counts.offered = n;
    else if (r.status === 'waitlisted') counts.waitlisted = n;
    else counts.cancelled += n;
    counts.checkedIn += Number(r.present);
  }
  return counts;
}

export async function eventView(
  db: Db,
  ctx: TenantContext,
  eventId: string,
  now = new Date(),
): Promise<EventView> {
  const ev = await visibleEvent(db, ctx, eventId);
  const organiserIds = JSON.parse(ev.organisers) as string[];
  const partners = organiserIds.length > 0 ? await network.listPartners(db, ctx) : [];
  const names = new Map(partners.map((p) => [p.id, p.name]));
  return {
    id: ev.id,
    kind: ev.kind as EventView['kind'],
    series: ev.series,
    title: ev.title,
    description: ev.description,
    format: ev.format as EventView['format'],
    startsAt: ev.starts_at,
    endsAt: ev.ends_at,
    venue: ev.venue,
    address: ev.address,
    lat: ev.lat,
    lng: ev.lng,
    onlineUrl: ev.online_url,
    audience: ev.audience,
    programme: JSON.parse(ev.programme),
    speakers: JSON.parse(ev.speakers),
    organisers: organiserIds
      .filter((id) => names.has(id))
      .map((id) => ({ id, name: names.get(id) as string })),
    questions: JSON.parse(ev.questions) as Question[],
    capacity: ev.capacity,
    waitlistLimit: ev.waitlist_limit,
    holdHours: ev.hold_hours,
    registrationOpensAt: ev.registration_opens_at,
    registrationClosesAt: ev.registration_closes_at,
    visibility: ev.visibility as EventView['visibility'],
    status: ev.status as EventView['status'],
    placesLeft: placesLeft(ev),
    registrationOpen: registrationState(ev, now).open,
    counts: isStaff(ctx) ? await countsOf(db, ctx.network.id, ev.id) : null,
  };
}

/** The network's public calendar: published and cancelled public events from a year back on. */
export async function publicCalendar(db: Db, ctx: TenantContext, now = new Date()): Promise<string> {
  const since = new Date(now.getTime() - 365 * 86_400_000).toISOString();
  const rows = await repo.listEvents(db, ctx.network.id, {
    endsAfter: since,
    visibilities: ['public'],
    statuses: ['published', 'closed', 'cancelled'],
  });
  return calendar(
    ctx.network.name,
    rows.map((ev) => calendarEvent(ctx.network, ev)),
    now,
  );
}

// Registrations (staff).

function registrationViews(rows: RegistrationTable[]): RegistrationView[] {
  let waiting = 0;
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    name: r.name,
    email: r.email,
    organisation: r.organisation,
    answers: JSON.parse(r.answers) as Record<string, string>,
    status: r.status as RegistrationView['status'],
    position: r.status === 'waitlisted' ? ++waiting : null,
    holdExpiresAt: r.hold_expires_at,
    checkinCode: r.checkin_code,
    checkedInAt: r.checked_in_at,
    createdAt: r.created_at,
  }));
}

export async function registrations(db: Db, ctx: TenantContext, eventId: string) {
  if (!isStaff(ctx)) throw forbidden();
  const ev = await visibleEvent(db, ctx, eventId);
  return {
    counts: await countsOf(db, ctx.network.id, ev.id),
    registrations: registrationViews(await repo.listRegistrations(db, ctx.network.id, ev.id)),
  };
}

export async function attendance(db: Db, ctx: TenantContext, eventId: string) {
  const { registrations: rows } = await registrations(db, ctx, eventId);
  const active = rows.filter((r) => r.status === 'confirmed');
  const byOrg = new Map<string, { organisation: string; registered: number; attended: number }>();
  for (const r of active) {
    const key = r.organisation?.trim() || '—';
    const entry = byOrg.get(key.toLowerCase()) ?? { organisation: key, registered: 0, attended: 0 };
    entry.registered++;
    if (r.checkedInAt) entry.attended++;
    byOrg.set(key.toLowerCase(), entry);
  }
  return {
    registered: active.length,
    attended: active.filter((r) => r.checkedInAt).length,
    organisations: [...byOrg.values()].sort(
      (a, b) => b.attended - a.attended || a.organisation.localeCompare(b.organisation),
    ),
  };
}

export async function feedbackResults(db: Db, ctx: TenantContext, eventId: string) {
  if (!isStaff(ctx)) throw forbidden();
  const ev = await visibleEvent(db, ctx, eventId);
  const rows = await repo.listFeedback(db, ctx.network.id, ev.id);
  const counts = await countsOf(db, ctx.network.id, ev.id);
  const ratings = [0, 0, 0, 0, 0];
  for (const r of rows) ratings[r.rating - 1] = (ratings[r.rating - 1] ?? 0) + 1;
  const useful = rows.filter((r) => r.useful !== null).map((r) => r.useful as number);
  const mean = (xs: number[]) =>
    xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null;
  return {
    responses: rows.length,
    attended: counts.checkedIn,
    averageRating: mean(rows.map((r) => r.rating)),
    averageUseful: mean(useful),
    ratings,
    comments: rows.map((r) => r.comment).filter((c): c is string => !!c),
  };
}

/** What the holder of a registration link sees: their own registration, never anyone else's. */
export async function ownRegistration(db: Db, ctx: TenantContext, reg: RegistrationTable, now = new Date()) {
  const ev = await repo.findEvent(db, ctx.network.id, reg.event_id);
  if (!ev) throw new AppError(404, 'events_token_invalid');
  const position = reg.status === 'waitlisted' ? (await repo.waitingBefore(db, ev.id, reg.seq)) + 1 : null;
  const given = !!(await repo.findFeedback(db, reg.id));
  const view: OwnRegistration = {
    event: publicEvent(ev, now),
    name: reg.name,
    status: reg.status as OwnRegistration['status'],
    position,
    holdExpiresAt: reg.hold_expires_at,
    checkinCode: reg.checkin_code,
    feedbackOpen: !!reg.checked_in_at && ev.ends_at <= now.toISOString() && !given,
    feedbackGiven: given,
  };
  return { view, event: ev };
}
