// Who may edit what, and the checks and helpers the curation use cases share.
import type { Kysely } from 'kysely';
import { type Actor, auditTenantWrite } from '../../../platform/audit.ts';
import type { Auth } from '../../../platform/auth.ts';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import { AppError, badRequest, forbidden, notFound } from '../../../platform/errors.ts';
import { type Language, translate } from '../../../platform/i18n.ts';
import { hasRole, type TenantContext } from '../../../platform/tenancy.ts';
import { listPartners, partnersSpokenForBy } from '../../network/service.ts';
import { reindex } from '../service.ts';
import type { OrganizationTable, ServiceTable } from '../tables.ts';
import './messages.ts';
import { platformDb } from '../db.ts';
import * as repo from './repo.ts';
import type { ServiceFields } from './schema.ts';

export type Platform = Kysely<PlatformTables>;

/** Who asks: the session (null for the public), the actor written to the audit log, and the language. */
export interface Caller {
  auth: Auth | null;
  actor: Actor;
  lang: Language;
}

export const today = (now = new Date()) => now.toISOString().slice(0, 10);
export const monthsBefore = (months: number, now = new Date()) => {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return today(d);
};
export const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
export const reindexAll = (db: repo.Db, ids: string[]) => reindex(platformDb(db), ids);
export const audit = (
  db: repo.Db,
  ...rest: Parameters<typeof auditTenantWrite> extends [unknown, ...infer R] ? R : never
) => auditTenantWrite(platformDb(db), ...rest);

// ---------------------------------------------------------------- who may edit what

/** The directory organisations a partner user speaks for, through the network module's partner links. */
export async function organizationsSpokenFor(
  db: Platform,
  ctx: TenantContext,
  auth: Auth | null,
): Promise<Set<string>> {
  const mine = new Set(await partnersSpokenForBy(db, ctx, auth));
  if (mine.size === 0) return new Set();
  const partners = await listPartners(db, ctx);
  return new Set(
    partners.filter((p) => mine.has(p.id) && p.organizationId).map((p) => p.organizationId as string),
  );
}

/** Staff edit every record the network sees; a partner only the organisation it speaks for. */
export async function requireEditor(
  db: Platform,
  ctx: TenantContext,
  auth: Auth | null,
  organizationId: string,
) {
  if (hasRole(ctx, 'staff')) return;
  if (hasRole(ctx, 'partner') && (await organizationsSpokenFor(db, ctx, auth)).has(organizationId)) return;
  throw hasRole(ctx, 'partner') ? new AppError(403, 'curate_not_yours') : forbidden();
}

export const requireStaff = (ctx: TenantContext) => {
  if (!hasRole(ctx, 'staff')) throw forbidden();
};

export async function loadService(db: repo.Db, ctx: TenantContext, id: string): Promise<ServiceTable> {
  const s = await repo.findService(db, ctx.network.id, id);
  if (!s) throw notFound();
  return s;
}

export async function loadOrganization(
  db: repo.Db,
  ctx: TenantContext,
  id: string,
): Promise<OrganizationTable> {
  const o = await repo.findOrganization(db, ctx.network.id, id);
  if (!o) throw notFound();
  return o;
}

// ---------------------------------------------------------------- validation beyond the schema

export const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function checkClock(time: string) {
  const [h, m] = [Number(time.slice(0, 2)), Number(time.slice(3, 5))];
  if (h > 24 || m > 59 || (h === 24 && m > 0)) throw badRequest('curate_time_invalid', { time });
}

/** Opening hours people can rely on: real times, each slot ending after it starts, no slots overlapping. */
export function validateHours(hours: ServiceFields['hours'], lang: Language) {
  const dayName = (d: string) => translate(lang, `curate_day_${d}`);
  for (const s of hours.weekly) {
    checkClock(s.opens_at);
    checkClock(s.closes_at);
    if (minutes(s.closes_at) <= minutes(s.opens_at)) {
      throw badRequest('curate_slot_order', { day: dayName(s.day), opens: s.opens_at, closes: s.closes_at });
    }
  }
  const sorted = [...hours.weekly].sort(
    (a, b) => a.day.localeCompare(b.day) || minutes(a.opens_at) - minutes(b.opens_at),
  );
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]] as [(typeof sorted)[number], (typeof sorted)[number]];
    if (a.day === b.day && minutes(b.opens_at) < minutes(a.closes_at)) {
      throw badRequest('curate_slot_overlap', {
        day: dayName(a.day),
        a: `${a.opens_at}–${a.closes_at}`,
        b: `${b.opens_at}–${b.closes_at}`,
      });
    }
  }
  for (const e of hours.exceptions) {
    if (e.date_to < e.date_from)
      throw badRequest('curate_exception_dates', { from: e.date_from, to: e.date_to });
    if (e.closed) continue;
    if (!e.opens_at || !e.closes_at) throw badRequest('curate_exception_hours', { from: e.date_from });
    checkClock(e.opens_at);
    checkClock(e.closes_at);
    if (minutes(e.closes_at) <= minutes(e.opens_at)) {
      throw badRequest('curate_slot_order', { day: e.date_from, opens: e.opens_at, closes: e.closes_at });
    }
  }
}

export function validateService(f: ServiceFields, lang: Language) {
  validateHours(f.hours, lang);
  if (f.minimum_age !== null && f.maximum_age !== null && f.minimum_age > f.maximum_age) {
    throw badRequest('curate_age_order', { min: f.minimum_age, max: f.maximum_age });
  }
}
