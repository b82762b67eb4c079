import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { PlatformTables } from './db/tables.ts';
import { newId, nowIso } from './ids.ts';
import { type JobLog, startJob } from './jobs.ts';

let publicBaseUrl = '';

/**
 * Mails need absolute links; the app sets the public address (PUBLIC_URL) once at start-up. It is the same
 * for every request of an installation, so one process-wide value suffices.
 */
export function setPublicBaseUrl(url: string | undefined): void {
  publicBaseUrl = (url ?? '').replace(/\/$/, '');
}

export const appLink = (path: string): string => `${publicBaseUrl}${path}`;

/** A file sent with a mail; only text files (an event's .ics), so the outbox row stays readable. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface Mail {
  networkId: string | null;
  to: string;
  subject: string;
  text: string;
  kind: string;
  /** Reminders are queued ahead and sent from this moment on. */
  sendAfter?: Date;
  attachments?: MailAttachment[];
}

/** Queues a mail; call it with the transaction of the change that causes it. */
export async function queueMail(db: Kysely<PlatformTables>, mail: Mail): Promise<string> {
  const id = newId();
  await db
    .insertInto('outbox')
    .values({
      id,
      network_id: mail.networkId,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      kind: mail.kind,
      status: 'pending',
      attempts: 0,
      last_error: null,
      created_at: nowIso(),
      send_after: (mail.sendAfter ?? new Date()).toISOString(),
      sent_at: null,
      claimed_by: null,
      attachments: mail.attachments?.length ? JSON.stringify(mail.attachments) : null,
    })
    .execute();
  return id;
}

/**
 * Takes back a mail that has not gone out yet (the reminder of a registration that was cancelled). Only a
 * pending row changes, so a mail already claimed by the dispatcher is not touched.
 */
export async function withdrawMail(db: Kysely<PlatformTables>, id: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'withdrawn' })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export type MailTransport = (m: {
  from: string;
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}) => Promise<void>;

export function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return async (m) => {
    await transporter.sendMail(m);
  };
}

export const MAX_ATTEMPTS = 5;

/**
 * Sends what is due. Rows are first claimed with a conditional update, so several app processes can run
 * this side by side without sending a mail twice. Without a transport (no SMTP configured) due mails are
 * marked `captured`: kept for reading in the development outbox, never sent.
 */
export async function deliverDue(
  db: Kysely<PlatformTables>,
  transport: MailTransport | null,
  from: string,
  batch = 20,
): Promise<{ sent: number; failed: number; captured: number }> {
  const claim = randomUUID();
  const now = nowIso();
  const due = await db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('send_after', '<=', now)
    .orderBy('send_after')
    .limit(batch)
    .execute();
  if (due.length === 0) return { sent: 0, failed: 0, captured: 0 };
  await db
    .updateTable('outbox')
    .set({ status: 'sending', claimed_by: claim })
    .where(
      'id',
      'in',
      due.map((d) => d.id),
    )
    .where('status', '=', 'pending')
    .execute();
  const mine = await db.selectFrom('outbox').selectAll().where('claimed_by', '=', claim).execute();
  const result = { sent: 0, failed: 0, captured: 0 };
  for (const m of mine) {
    if (!transport) {
      await db
        .updateTable('outbox')
        .set({ status: 'captured', claimed_by: null })
        .where('id', '=', m.id)
        .execute();
      result.captured++;
      continue;
    }
    try {
      const attachments = m.attachments ? (JSON.parse(m.attachments) as MailAttachment[]) : undefined;
      await transport({ from, to: m.to_address, subject: m.subject, text: m.text_body, attachments });
      await db
        .updateTable('outbox')
        .set({ status: 'sent', sent_at: nowIso(), attempts: m.attempts + 1, claimed_by: null })
        .where('id', '=', m.id)
        .execute();
      result.sent++;
    } catch (err) {
      const attempts = m.attempts + 1;
      // Back off exponentially (1, 2, 4, 8 minutes) before giving up.
      const retryAt = new Date(Date.now() + 2 ** (attempts - 1) * 60_000).toISOString();
      await db
        .updateTable('outbox')
        .set({
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          attempts,
          last_error: String((err as Error).message ?? err).slice(0, 500),
          send_after: retryAt,
          claimed_by: null,
        })
        .where('id', '=', m.id)
        .execute();
      result.failed++;
    }
  }
  return result;
}

/** Runs deliverDue every few seconds until stopped; errors are logged, never thrown into the server. */
export function startMailDispatcher(
  db: Kysely<PlatformTables>,
  transport: MailTransport | null,
  from: string,
  log: JobLog,
  intervalMs = 5_000,
): () => Promise<void> {
  return startJob(
    { run: () => deliverDue(db, transport, from), failure: 'mail dispatch failed', everyMs: intervalMs },
    log,
  );
}
