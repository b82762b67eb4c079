import { createHash, randomBytes } from 'node:crypto';
import { type Actor, auditTenantWrite } from '../../platform/audit.ts';
import { inTransaction } from '../../platform/db/index.ts';
import type { NetworkTable } from '../../platform/db/tables.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { type JobLog, startJob } from '../../platform/jobs.ts';
import { queueMail, withdrawMail } from '../../platform/outbox.ts';
import { hasRole, type TenantContext } from '../../platform/tenancy.ts';
import { canSee, isStaff, registrationState } from './access.ts';
import { registrationMail } from './mails.ts';
import * as repo from './repo.ts';
import type { Question, RegistrationInput } from './schema.ts';
import { HONEYPOT } from './schema.ts';
import type { EventTable, RegistrationTable } from './tables.ts';
import { refreshCoAttendance } from './ties.ts';

type Db = repo.Db;

/**
 * Abuse is bounded per e-mail address, not per client address: a whole office behind one NAT may register
 * at once, but one address cannot flood the network with registrations.
 */
export const MAX_REGISTRATIONS_PER_EMAIL_HOUR = 10;
/** A reminder goes out this long before the start. */
const REMINDER_BEFORE_MS = 24 * 3_600_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
const newCheckinCode = () => randomBytes(5).toString('hex').toUpperCase();

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function checkAnswers(questions: Question[], answers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of questions) {
    const given = (answers[q.id] ?? '').trim();
    if (!given) {
      if (q.required) throw badRequest('events_answer_required', { question: q.label });
      continue;
    }
    const allowed = q.kind === 'choice' ? q.options : q.kind === 'yes_no' ? ['yes', 'no'] : null;
    if (allowed && !allowed.includes(given)) throw badRequest('events_answer_choice', { question: q.label });
    out[q.id] = given;
  }
  return out;
}

async function queueConfirmation(
  db: Db,
  network: NetworkTable,
  ev: EventTable,
  reg: RegistrationTable,
  token: string,
  now: Date,
) {
  await queueMail(db, registrationMail('confirmed', network, ev, reg, { token }));
  const remindAt = new Date(new Date(ev.starts_at).getTime() - REMINDER_BEFORE_MS);
  if (remindAt.getTime() <= now.getTime()) return null;
  return queueMail(db, registrationMail('reminder', network, ev, reg, { sendAfter: remindAt }));
}

/**
 * Brings an event's places in order while its row is locked: held places past their time expire, and free
 * places go to the people waiting, first come first served, each held for `hold_hours` with a new link in
 * a mail. Returns the places taken afterwards (also written to the event row).
 */
async function settle(
  db: Db,
  network: NetworkTable,
  ev: EventTable,
  actor: Actor,
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  let taken = ev.places_taken;
  for (const r of await repo.expiredOffers(db, ev.id, at)) {
    await repo.updateRegistration(db, r.id, { status: 'expired', released_at: at, updated_at: at });
    await auditTenantWrite(
      db,
      { network, role: null },
      actor,
      'event.hold_expired',
      'event_registration',
      r.id,
      { status: 'offered' },
      { status: 'expired' },
    );
    taken--;
  }
  while (ev.capacity !== null && taken < ev.capacity) {
    const next = await repo.firstWaiting(db, ev.id);
    if (!next) break;
    const token = newToken();
    const holdUntil = new Date(now.getTime() + ev.hold_hours * 3_600_000).toISOString();
    await repo.updateRegistration(db, next.id, {
      status: 'offered',
      hold_expires_at: holdUntil,
      token_hash: hashToken(token),
      updated_at: at,
    });
    await queueMail(
      db,
      registrationMail('offered', network, ev, { ...next, hold_expires_at: holdUntil }, { token }),
    );
    await auditTenantWrite(
      db,
      { network, role: null },
      actor,
      'event.promote',
      'event_registration',
      next.id,
      { status: 'waitlisted' },
      { status: 'offered', holdExpiresAt: holdUntil },
    );
    taken++;
  }
  if (taken !== ev.places_taken) await repo.updateEvent(db, network.id, ev.id, { places_taken: taken });
  return taken;
}

export interface Registered {
  id: string;
  status: 'confirmed' | 'waitlisted';
  position?: number;
}

/**
 * Registers one person. The event row is locked first (repo.lockEvent), so the check for a free place and
 * the taking of it cannot interleave with another registration: capacity holds under any concurrency.
 */
export async function register(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  lang: Language,
  eventId: string,
  input: RegistrationInput,
  now = new Date(),
): Promise<Registered> {
  if (input[HONEYPOT]) throw badRequest('events_refused');
  const emailKey = input.email.trim().toLowerCase();
  const at = now.toISOString();
  // Checks that need no lock come first, so the event row is held only for the decision itself. A second
  // registration of the same address racing this one is stopped by the unique index under the lock.
  if (await repo.findActiveByEmail(db, eventId, emailKey)) throw conflict('events_already_registered');
  const since = new Date(now.getTime() - 3_600_000).toISOString();
  if (
    (await repo.countRecentByEmail(db, ctx.network.id, emailKey, since)) >= MAX_REGISTRATIONS_PER_EMAIL_HOUR
  ) {
    throw new AppError(429, 'events_too_many');
  }
  try {
    return await inTransaction(db, async (trx) => {
      const ev = await repo.lockEvent(trx, ctx.network.id, eventId, true);
      if (!ev || !canSee(ctx, ev)) throw new AppError(404, 'events_not_found');
      // Invited events take registrations from staff only (they register whom they invite).
      if (ev.visibility === 'invited' && !isStaff(ctx)) throw forbidden();
      if (ev.visibility === 'network' && !hasRole(ctx, 'viewer')) throw forbidden();
      const state = registrationState(ev, now);
      if (!state.open) throw state.error;
      const answers = checkAnswers(JSON.parse(ev.questions) as Question[], input.answers ?? {});
      // While places are free nobody waits (settle keeps it so); only a full event needs its holds looked at.
      let taken =
        ev.capacity !== null && ev.places_taken >= ev.capacity
          ? await settle(trx, ctx.network, ev, actor, now)
          : ev.places_taken;
      let status: Registered['status'];
      let position: number | undefined;
      if (ev.capacity === null || taken < ev.capacity) {
        status = 'confirmed';
        taken++;
      } else {
        const waiting = await repo.countWithStatus(trx, ev.id, 'waitlisted');
        if (ev.waitlist_limit === null || waiting >= ev.waitlist_limit) throw conflict('events_full');
        status = 'waitlisted';
        position = waiting + 1;
      }
      const token = newToken();
      const reg: RegistrationTable = {
        id: newId(),
        network_id: ctx.network.id,
        event_id: ev.id,
        seq: ev.arrivals,
        name: input.name,
        email: input.email.trim(),
        email_key: emailKey,
        organisation: input.organisation || null,
        answers: JSON.stringify(answers),
        language: lang,
        status,
        hold_expires_at: null,
        token_hash: hashToken(token),
        checkin_code: newCheckinCode(),
        checked_in_at: null,
        reminder_mail_id: null,
        released_at: null,
        created_at: at,
        updated_at: at,
      };
      if (status === 'confirmed') {
        reg.reminder_mail_id = await queueConfirmation(trx, ctx.network, ev, reg, token, now);
        await repo.updateEvent(trx, ctx.network.id, ev.id, { places_taken: taken });
      } else {
        await queueMail(trx, registrationMail('waitlisted', ctx.network, ev, reg, { token, position }));
      }
      await repo.insertRegistration(trx, reg);
      // The audit keeps what happened, not who: names and addresses stay in the registration alone.
      await auditTenantWrite(trx, ctx, actor, 'event.register', 'event_registration', reg.id, null, {
        eventId: ev.id,
        status,
        seq: reg.seq,
      });
      return position === undefined ? { id: reg.id, status } : { id: reg.id, status, position };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('events_already_registered');
    throw err;
  }
}

/** Releases a registration's place (if it held one) and hands free places to the people waiting. */
async function release(db: Db, ctx: TenantContext, actor: Actor, reg: RegistrationTable, now: Date) {
  const ev = await repo.lockEvent(db, ctx.network.id, reg.event_id, false);
  if (!ev) throw new AppError(404, 'events_not_found');
  // Read again under the lock: a parallel cancellation or promotion may have changed it.
  const current = await repo.findRegistration(db, ctx.network.id, ev.id, reg.id);
  if (!current || current.released_at) throw conflict('events_already_cancelled');
  const at = now.toISOString();
  await repo.updateRegistration(db, current.id, {
    status: 'cancelled',
    released_at: at,
    hold_expires_at: null,
    updated_at: at,
  });
  if (current.reminder_mail_id) await withdrawMail(db, current.reminder_mail_id);
  const held = current.status === 'confirmed' || current.status === 'offered';
  const after = { ...ev, places_taken: ev.places_taken - (held ? 1 : 0) };
  if (held) await repo.updateEvent(db, ctx.network.id, ev.id, { places_taken: after.places_taken });
  await auditTenantWrite(
    db,
    ctx,
    actor,
    'event.cancel',
    'event_registration',
    current.id,
    { status: current.status },
    { status: 'cancelled' },
  );
  await settle(db, ctx.network, after, actor, now);
}

async function byToken(db: Db, ctx: TenantContext, token: string) {
  const reg = await repo.findByTokenHash(db, ctx.network.id, hashToken(token));
  if (!reg) throw new AppError(404, 'events_token_invalid');
  return reg;
}

/** The participant cancels through the link in their mail; the token is the credential. */
export function cancelByToken(db: Db, ctx: TenantContext, actor: Actor, token: string, now = new Date()) {
  return inTransaction(db, async (trx) => release(trx, ctx, actor, await byToken(trx, ctx, token), now));
}

/** Staff cancel on someone's behalf (a phone call, a mail). */
export async function cancelById(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  eventId: string,
  registrationId: string,
  now = new Date(),
) {
  if (!isStaff(ctx)) throw forbidden();
  await inTransaction(db, async (trx) => {
    const reg = await repo.findRegistration(trx, ctx.network.id, eventId, registrationId);
    if (!reg) throw notFound();
    await release(trx, ctx, actor, reg, now);
  });
}

/** The person promoted from the waiting list takes the place held for them. */
export async function confirmOffer(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  token: string,
  now = new Date(),
) {
  await inTransaction(db, async (trx) => {
    const found = await byToken(trx, ctx, token);
    const ev = await repo.lockEvent(trx, ctx.network.id, found.event_id, false);
    const reg = ev ? await repo.findRegistration(trx, ctx.network.id, ev.id, found.id) : undefined;
    if (!ev || !reg) throw new AppError(404, 'events_token_invalid');
    if (reg.status === 'confirmed') return;
    if (reg.status !== 'offered') throw conflict('events_not_offered');
    const at = now.toISOString();
    if (!reg.hold_expires_at || reg.hold_expires_at < at) throw new AppError(410, 'events_hold_expired');
    const confirmed = { ...reg, status: 'confirmed', hold_expires_at: null, updated_at: at };
    confirmed.reminder_mail_id = await queueConfirmation(trx, ctx.network, ev, confirmed, token, now);
    await repo.updateRegistration(trx, reg.id, {
      status: 'confirmed',
      hold_expires_at: null,
      reminder_mail_id: confirmed.reminder_mail_id,
      updated_at: at,
    });
    await auditTenantWrite(
      trx,
      ctx,
      actor,
      'event.confirm_offer',
      'event_registration',
      reg.id,
      { status: 'offered' },
      { status: 'confirmed' },
    );
  });
}

/** Held places past their time, in every network: run every minute so the next person waiting is not kept. */
export async function sweepExpiredHolds(db: Db, actor: Actor, now = new Date()): Promise<number> {
  let swept = 0;
  for (const { network_id, event_id } of await repo.eventsWithExpiredOffers(db, now.toISOString())) {
    await inTransaction(db, async (trx) => {
      const network = await trx
        .selectFrom('networks')
        .selectAll()
        .where('id', '=', network_id)
        .executeTakeFirst();
      const ev = await repo.lockEvent(trx, network_id, event_id, false);
      if (!network || !ev) return;
      await settle(trx, network, ev, actor, now);
      swept++;
    });
  }
  return swept;
}

/** Frees held places whose confirmation time ran out, every minute (passed on to the next on the list). */
export function startHoldSweeper(
  db: Db,
  actor: Actor,
  log: JobLog,
  intervalMs = 60_000,
): () => Promise<void> {
  return startJob(
    { run: () => sweepExpiredHolds(db, actor), failure: 'hold sweep failed', everyMs: intervalMs },
    log,
  );
}

/** Check-in at the door (staff), or undoing it; only a confirmed place can be checked in. */
export async function checkIn(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  eventId: string,
  registrationId: string,
  present: boolean,
  now = new Date(),
) {
  if (!isStaff(ctx)) throw forbidden();
  await inTransaction(db, async (trx) => {
    const reg = await repo.findRegistration(trx, ctx.network.id, eventId, registrationId);
    if (!reg) throw notFound();
    if (present && reg.status !== 'confirmed')
      throw conflict('events_checkin_not_active', { status: reg.status });
    const checkedInAt = present ? (reg.checked_in_at ?? now.toISOString()) : null;
    await repo.updateRegistration(trx, reg.id, { checked_in_at: checkedInAt, updated_at: nowIso() });
    await auditTenantWrite(
      trx,
      ctx,
      actor,
      present ? 'event.check_in' : 'event.check_in_undo',
      'event_registration',
      reg.id,
      { checkedInAt: reg.checked_in_at },
      { checkedInAt },
    );
    // Who was there together feeds the partner network at once (derived co-attendance ties).
    await refreshCoAttendance(trx, ctx);
  });
}

/** Feedback through the participant's link, once, after the event, by someone who was there. */
export async function giveFeedback(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  token: string,
  input: { rating: number; useful?: number | null; comment?: string | null },
  now = new Date(),
) {
  await inTransaction(db, async (trx) => {
    const reg = await byToken(trx, ctx, token);
    const ev = await repo.findEvent(trx, ctx.network.id, reg.event_id);
    if (!ev || !reg.checked_in_at || ev.ends_at > now.toISOString())
      throw conflict('events_feedback_not_open');
    if (await repo.findFeedback(trx, reg.id)) throw conflict('events_feedback_given');
    const id = newId();
    await repo.insertFeedback(trx, {
      id,
      network_id: ctx.network.id,
      event_id: ev.id,
      registration_id: reg.id,
      rating: input.rating,
      useful: input.useful ?? null,
      comment: input.comment || null,
      created_at: now.toISOString(),
    });
    await auditTenantWrite(trx, ctx, actor, 'event.feedback', 'event_feedback', id, null, {
      eventId: ev.id,
      rating: input.rating,
    });
  });
}

export { byToken as registrationByToken };
