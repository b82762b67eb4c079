import { createHash, randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { type Actor, auditTenantWrite, SYSTEM_ACTOR } from '../../../platform/audit.ts';
import type { Auth } from '../../../platform/auth.ts';
import { inTransaction } from '../../../platform/db/index.ts';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import { AppError, badRequest, forbidden, notFound } from '../../../platform/errors.ts';
import { isLanguage, type Language, translate } from '../../../platform/i18n.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { appLink, queueMail } from '../../../platform/outbox.ts';
import { hasRole, type TenantContext } from '../../../platform/tenancy.ts';
import { listPartners, partnersSpokenForBy, spokespersonsOf } from '../../network/service.ts';
import { type DuplicateCandidate, findDuplicateCandidates } from '../analysis/service.ts';
import { reindex } from '../service.ts';
import type { DirectoryTables, OrganizationTable, ServiceTable } from '../tables.ts';
import { localiseTerms } from '../term-names.ts';
import './messages.ts';
import * as repo from './repo.ts';
import type {
  AssuranceView,
  DuplicateMatchView,
  FreshnessBucket,
  FreshnessQuery,
  FreshnessView,
  OrganizationFields,
  OrganizationPatch,
  OrganizationView,
  Provenance,
  ServiceFields,
  ServicePatch,
  ServiceView,
  SuggestionView,
} from './schema.ts';

type Platform = Kysely<PlatformTables>;

/** Who asks: the session (null for the public), the actor written to the audit log, and the language. */
export interface Caller {
  auth: Auth | null;
  actor: Actor;
  lang: Language;
}

const today = (now = new Date()) => now.toISOString().slice(0, 10);
const monthsBefore = (months: number, now = new Date()) => {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return today(d);
};
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const reindexAll = (db: repo.Db, ids: string[]) => reindex(db as unknown as Platform, ids);
const audit = (
  db: repo.Db,
  ...rest: Parameters<typeof auditTenantWrite> extends [unknown, ...infer R] ? R : never
) => auditTenantWrite(db as unknown as Platform, ...rest);

// ---------------------------------------------------------------- who may edit what

/** The directory organisations a partner user speaks for, through the network module's partner links. */
async function organizationsSpokenFor(
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
async function requireEditor(db: Platform, ctx: TenantContext, auth: Auth | null, organizationId: string) {
  if (hasRole(ctx, 'staff')) return;
  if (hasRole(ctx, 'partner') && (await organizationsSpokenFor(db, ctx, auth)).has(organizationId)) return;
  throw hasRole(ctx, 'partner') ? new AppError(403, 'curate_not_yours') : forbidden();
}

const requireStaff = (ctx: TenantContext) => {
  if (!hasRole(ctx, 'staff')) throw forbidden();
};

async function loadService(db: repo.Db, ctx: TenantContext, id: string): Promise<ServiceTable> {
  const s = await repo.findService(db, ctx.network.id, id);
  if (!s) throw notFound();
  return s;
}

async function loadOrganization(db: repo.Db, ctx: TenantContext, id: string): Promise<OrganizationTable> {
  const o = await repo.findOrganization(db, ctx.network.id, id);
  if (!o) throw notFound();
  return o;
}

// ---------------------------------------------------------------- validation beyond the schema

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function checkClock(time: string) {
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

function validateService(f: ServiceFields, lang: Language) {
  validateHours(f.hours, lang);
  if (f.minimum_age !== null && f.maximum_age !== null && f.minimum_age > f.maximum_age) {
    throw badRequest('curate_age_order', { min: f.minimum_age, max: f.maximum_age });
  }
}

// ---------------------------------------------------------------- likely duplicates

/** The entry looks like records already on the map: the form shows them and may save anyway. */
export class PossibleDuplicates extends AppError {
  constructor(readonly matches: DuplicateMatchView[]) {
    super(409, 'directory_possible_duplicate');
  }
}

/** Warns before a write that would likely duplicate a record the network sees, unless the caller confirmed. */
async function warnOfDuplicates(
  d: repo.Db,
  ctx: TenantContext,
  candidate: DuplicateCandidate,
  confirmed: boolean | undefined,
) {
  if (confirmed) return;
  const matches = await findDuplicateCandidates(
    d as unknown as Platform,
    { networkId: ctx.network.id },
    candidate,
  );
  if (matches.length > 0) throw new PossibleDuplicates(matches);
}

// ---------------------------------------------------------------- views

async function provenance(db: repo.Db, type: string, id: string): Promise<Record<string, Provenance>> {
  const out: Record<string, Provenance> = {};
  for (const r of await repo.provenanceOf(db, type, id)) {
    out[r.field] = { source: r.source, by: r.by_name ?? null, at: r.updated_at };
  }
  return out;
}

async function serviceView(db: repo.Db, s: ServiceTable): Promise<ServiceView> {
  const org = await db
    .selectFrom('directory_organizations')
    .select(['id', 'name'])
    .where('id', '=', s.organization_id)
    .executeTakeFirstOrThrow();
  return {
    id: s.id,
    organization: org,
    fields: await repo.readServiceFields(db, s),
    assured_date: s.assured_date,
    assured_by: await repo.userName(db, s.assured_by),
    updated_at: s.updated_at,
    provenance: await provenance(db, 'service', s.id),
  };
}

async function organizationView(
  db: repo.Db,
  ctx: TenantContext,
  o: OrganizationTable,
): Promise<OrganizationView> {
  return {
    id: o.id,
    fields: await repo.readOrganizationFields(db, o),
    assured_date: o.assured_date,
    assured_by: await repo.userName(db, o.assured_by),
    updated_at: o.updated_at,
    provenance: await provenance(db, 'organization', o.id),
    services: await repo.servicesOfOrganization(db, ctx.network.id, o.id),
  };
}

/** The public values of a published service, the starting point of a change suggestion. */
export async function serviceFields(db: Platform, ctx: TenantContext, id: string) {
  const d = repo.cur(db);
  const s = await loadService(d, ctx, id);
  if (s.published !== 1) throw notFound();
  const org = await loadOrganization(d, ctx, s.organization_id);
  return {
    id: s.id,
    organization: { id: org.id, name: org.name },
    fields: await repo.readServiceFields(d, s),
  };
}

export async function serviceForEdit(db: Platform, ctx: TenantContext, caller: Caller, id: string) {
  const d = repo.cur(db);
  const s = await loadService(d, ctx, id);
  await requireEditor(db, ctx, caller.auth, s.organization_id);
  return serviceView(d, s);
}

export async function organizationForEdit(db: Platform, ctx: TenantContext, caller: Caller, id: string) {
  const d = repo.cur(db);
  const o = await loadOrganization(d, ctx, id);
  await requireEditor(db, ctx, caller.auth, o.id);
  return organizationView(d, ctx, o);
}

/** "Mijn organisatie": the organisations the caller speaks for, with their services. */
export async function mine(db: Platform, ctx: TenantContext, caller: Caller) {
  const d = repo.cur(db);
  const ids = [...(await organizationsSpokenFor(db, ctx, caller.auth))];
  const organizations: OrganizationView[] = [];
  for (const id of ids) {
    const o = await repo.findOrganization(d, ctx.network.id, id);
    if (o) organizations.push(await organizationView(d, ctx, o));
  }
  return { organizations };
}

// ---------------------------------------------------------------- edits

interface Applied<F> {
  before: Partial<F>;
  after: Partial<F>;
}

function changedFields<F extends object>(current: F, patch: Partial<F>): Applied<F> {
  const before: Partial<F> = {};
  const after: Partial<F> = {};
  for (const [k, v] of Object.entries(patch) as [keyof F, F[keyof F]][]) {
    if (v === undefined || same(current[k], v)) continue;
    before[k] = current[k];
    after[k] = v;
  }
  return { before, after };
}

/**
 * Applies the changed fields of a service in the caller's transaction: values, provenance per field, the
 * assurance (whoever edits a record vouches for it), the audit entry and the search index.
 */
async function applyServicePatch(
  d: repo.Db,
  ctx: TenantContext,
  caller: Caller,
  s: ServiceTable,
  patch: ServicePatch,
  source: { source: 'edit' | 'suggestion'; ref: string | null; action: string },
) {
  const current = await repo.readServiceFields(d, s);
  validateService({ ...current, ...patch }, caller.lang);
  const { before, after } = changedFields(current, patch);
  const at = nowIso();
  const meta = { source: source.source, at, assuredDate: today(), assuredBy: caller.actor.userId };
  await repo.writeServiceFields(d, s, after, meta);
  await repo.setProvenance(d, 'service', s.id, Object.keys(after), {
    source: source.source,
    sourceRef: source.ref ?? caller.actor.userId,
    assuredDate: meta.assuredDate,
    assuredBy: meta.assuredBy,
    at,
  });
  await audit(d, ctx, caller.actor, source.action, 'directory_service', s.id, before, after);
  await reindexAll(d, [s.id]);
}

export async function updateService(
  db: Platform,
  ctx: TenantContext,
  caller: Caller,
  id: string,
  patch: ServicePatch,
) {
  return inTransaction(repo.cur(db), async (d) => {
    const s = await loadService(d, ctx, id);
    await requireEditor(d as unknown as Platform, ctx, caller.auth, s.organization_id);
    await applyServicePatch(d, ctx, caller, s, patch, {
      source: 'edit',
      ref: null,
      action: 'directory.service.updated',
    });
    return serviceView(d, await loadService(d, ctx, id));
  });
}

export async function createServiceFor(
  db: Platform,
  ctx: TenantContext,
  caller: Caller,
  organizationId: string,
  body: Partial<ServiceFields> & { name: string },
  opts: { confirmDuplicate?: boolean | undefined } = {},
) {
  return inTransaction(repo.cur(db), async (d) => {
    const o = await loadOrganization(d, ctx, organizationId);
    await requireEditor(d as unknown as Platform, ctx, caller.auth, o.id);
    await warnOfDuplicates(
      d,
      ctx,
      {
        kind: 'service',
        name: body.name,
        organization_id: o.id,
        phone: body.phones?.[0] ?? null,
        address_1: body.address?.address_1 ?? null,
        postal_code: body.address?.postal_code ?? null,
        city: body.address?.city ?? null,
      },
      opts.confirmDuplicate,
    );
    const id = newId();
    const s = await repo.insertServiceRow(d, { id, organization: o, name: body.name });
    await audit(d, ctx, caller.actor, 'directory.service.created', 'directory_service', id, null, {
      organization_id: o.id,
      name: body.name,
    });
    await applyServicePatch(d, ctx, caller, s, body, {
      source: 'edit',
      ref: null,
      action: 'directory.service.updated',
    });
    return serviceView(d, await loadService(d, ctx, id));
  });
}

export async function updateOrganization(
  db: Platform,
  ctx: TenantContext,
  caller: Caller,
  id: string,
  patch: OrganizationPatch,
  opts: { confirmDuplicate?: boolean | undefined } = {},
) {
  return inTransaction(repo.cur(db), async (d) => {
    const o = await loadOrganization(d, ctx, id);
    await requireEditor(d as unknown as Platform, ctx, caller.auth, o.id);
    const current: OrganizationFields = await repo.readOrganizationFields(d, o);
    const { before, after } = changedFields(current, patch);
    // Only a new name or phone can make the organisation look like another one; other edits save quietly.
    if (after.name !== undefined || after.phones !== undefined) {
      await warnOfDuplicates(
        d,
        ctx,
        {
          kind: 'organization',
          name: after.name ?? current.name,
          phone: (after.phones ?? current.phones)[0] ?? null,
          excludeId: o.id,
        },
        opts.confirmDuplicate,
      );
    }
    const at = nowIso();
    const meta = { source: 'edit', at, assuredDate: today(), assuredBy: caller.actor.userId };
    await repo.writeOrganizationFields(d, o, after, meta);
    await repo.setProvenance(d, 'organization', o.id, Object.keys(after), {
      source: 'edit',
      sourceRef: caller.actor.userId,
      assuredDate: meta.assuredDate,
      assuredBy: meta.assuredBy,
      at,
    });
    await audit(
      d,
      ctx,
      caller.actor,
      'directory.organization.updated',
      'directory_organization',
      o.id,
      before,
      after,
    );
    // Search documents carry the organisation's name.
    const services = await repo.servicesOfOrganization(d, ctx.network.id, o.id);
    await reindexAll(
      d,
      services.map((x) => x.id),
    );
    return organizationView(d, ctx, await loadOrganization(d, ctx, id));
  });
}

/** "Still correct": one click confirms a record as it is. */
export async function confirmRecord(
  db: Platform,
  ctx: TenantContext,
  caller: Caller,
  kind: 'service' | 'organization',
  id: string,
) {
  return inTransaction(repo.cur(db), async (d) => {
    const rec = kind === 'service' ? await loadService(d, ctx, id) : await loadOrganization(d, ctx, id);
    const orgId = kind === 'service' ? (rec as ServiceTable).organization_id : rec.id;
    await requireEditor(d as unknown as Platform, ctx, caller.auth, orgId);
    const after = { assured_date: today(), assured_by: caller.actor.userId };
    await repo.assure(
      d,
      kind === 'service' ? 'directory_services' : 'directory_organizations',
      id,
      after.assured_date,
      after.assured_by,
    );
    await audit(
      d,
      ctx,
      caller.actor,
      `directory.${kind}.assured`,
      `directory_${kind}`,
      id,
      {
        assured_date: rec.assured_date,
        assured_by: rec.assured_by,
      },
      after,
    );
    if (kind === 'service') await reindexAll(d, [id]);
    return { assured_date: after.assured_date };
  });
}

// ---------------------------------------------------------------- change suggestions

export const SUGGESTIONS_PER_HOUR = 10;
const addressKey = (ip: string) => `ip:${createHash('sha256').update(ip).digest('hex').slice(0, 32)}`;

/**
 * Anyone proposes new values for a published service. Anonymous callers are counted per address (hashed),
 * and a filled-in honeypot is answered like a success without writing a suggestion, so bots learn nothing.
 */
export async function suggestChange(
  db: Platform,
  ctx: TenantContext,
  caller: Caller,
  ip: string,
  serviceId: string,
  body: { proposed: ServicePatch; comment?: string | null; email?: string | null; homepage?: string },
): Promise<{ accepted: true }> {
  const d = repo.cur(db);
  const now = Date.now();
  const key = addressKey(ip);
  const since = new Date(now - 3_600_000).toISOString();
  const recent = await d
    .selectFrom('directory_suggestion_attempts')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('network_id', '=', ctx.network.id)
    .where('key', '=', key)
    .where('at', '>', since)
    .executeTakeFirst();
  if (Number(recent?.n ?? 0) >= SUGGESTIONS_PER_HOUR) throw new AppError(429, 'rate_limited');
  await d
    .deleteFrom('directory_suggestion_attempts')
    .where('at', '<', new Date(now - 86_400_000).toISOString())
    .execute();
  await d
    .insertInto('directory_suggestion_attempts')
    .values({ network_id: ctx.network.id, key, at: new Date(now).toISOString() })
    .execute();
  if (body.homepage) return { accepted: true };

  const s = await loadService(d, ctx, serviceId);
  if (s.published !== 1) throw notFound();
  const current = await repo.readServiceFields(d, s);
  validateService({ ...current, ...body.proposed }, caller.lang);
  await inTransaction(d, async (trx) => {
    const id = newId();
    const row = {
      id,
      network_id: ctx.network.id,
      service_id: s.id,
      proposed_json: JSON.stringify(body.proposed),
      comment: body.comment ?? null,
      proposer_user_id: caller.auth?.user.id ?? null,
      proposer_email: body.email ?? null,
      status: 'open',
      decided_by: null,
      decided_at: null,
      reason: null,
      created_at: nowIso(),
    };
    await trx.insertInto('directory_change_suggestions').values(row).execute();
    await audit(trx, ctx, caller.actor, 'directory.suggestion.created', 'directory_suggestion', id, null, {
      service_id: s.id,
      fields: Object.keys(body.proposed),
    });
  });
  return { accepted: true };
}

export async function listSuggestions(
  db: Platform,
  ctx: TenantContext,
  status: 'open' | 'approved' | 'rejected',
): Promise<SuggestionView[]> {
  requireStaff(ctx);
  const d = repo.cur(db);
  const rows = await d
    .selectFrom('directory_change_suggestions as c')
    .innerJoin('directory_services as s', 's.id', 'c.service_id')
    .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
    .leftJoin('users as u', 'u.id', 'c.proposer_user_id')
    .selectAll('c')
    .select(['o.name as organization_name', 'u.name as proposer_name'])
    .where('c.network_id', '=', ctx.network.id)
    .where('c.status', '=', status)
    .orderBy('c.created_at', status === 'open' ? 'asc' : 'desc')
    .limit(200)
    .execute();
  const out: SuggestionView[] = [];
  for (const r of rows) {
    const s = await loadService(d, ctx, r.service_id);
    const current = await repo.readServiceFields(d, s);
    const proposed = JSON.parse(r.proposed_json) as ServicePatch;
    out.push({
      id: r.id,
      service: { id: s.id, name: s.name, organization: r.organization_name },
      status: r.status,
      comment: r.comment,
      proposer: r.proposer_name ?? null,
      proposer_email: r.proposer_email,
      created_at: r.created_at,
      decided_at: r.decided_at,
      reason: r.reason,
      diff: Object.entries(proposed).map(([field, value]) => ({
        field,
        current: current[field as keyof ServiceFields],
        proposed: value,
      })),
    });
  }
  return out;
}

async function openSuggestion(d: repo.Db, ctx: TenantContext, id: string) {
  const row = await d
    .selectFrom('directory_change_suggestions')
    .selectAll()
    .where('id', '=', id)
    .where('network_id', '=', ctx.network.id)
    .executeTakeFirst();
  if (!row) throw notFound();
  if (row.status !== 'open') throw new AppError(409, 'curate_suggestion_closed');
  return row;
}

/** Applies exactly the proposed fields, with the suggestion as their source. */
export async function approveSuggestion(db: Platform, ctx: TenantContext, caller: Caller, id: string) {
  requireStaff(ctx);
  return inTransaction(repo.cur(db), async (d) => {
    const row = await openSuggestion(d, ctx, id);
    const s = await loadService(d, ctx, row.service_id);
    await applyServicePatch(d, ctx, caller, s, JSON.parse(row.proposed_json) as ServicePatch, {
      source: 'suggestion',
      ref: row.id,
      action: 'directory.service.updated',
    });
    const decision = { status: 'approved', decided_by: caller.actor.userId, decided_at: nowIso() };
    await d.updateTable('directory_change_suggestions').set(decision).where('id', '=', id).execute();
    await audit(
      d,
      ctx,
      caller.actor,
      'directory.suggestion.approved',
      'directory_suggestion',
      id,
      { status: 'open' },
      decision,
    );
  });
}

export async function rejectSuggestion(
  db: Platform,
  ctx: TenantContext,
  caller: Caller,
  id: string,
  reason: string,
) {
  requireStaff(ctx);
  return inTransaction(repo.cur(db), async (d) => {
    await openSuggestion(d, ctx, id);
    const decision = { status: 'rejected', decided_by: caller.actor.userId, decided_at: nowIso(), reason };
    await d.updateTable('directory_change_suggestions').set(decision).where('id', '=', id).execute();
    await audit(
      d,
      ctx,
      caller.actor,
      'directory.suggestion.rejected',
      'directory_suggestion',
      id,
      { status: 'open' },
      decision,
    );
  });
}

// ---------------------------------------------------------------- freshness

/** The services the network sees, the longest unconfirmed first, with counts per age bucket. */
export async function freshness(
  db: Platform,
  ctx: TenantContext,
  q: FreshnessQuery,
  lang: Language,
): Promise<FreshnessView> {
  requireStaff(ctx);
  const d = repo.cur(db);
  const [c6, c12] = [monthsBefore(6), monthsBefore(12)];
  const bucket = sql<FreshnessBucket>`CASE WHEN s.assured_date IS NULL THEN 'never' WHEN s.assured_date < ${c12} THEN 'over_12' WHEN s.assured_date < ${c6} THEN '6_12' ELSE 'under_6' END`;
  let base = d
    .selectFrom('directory_services as s')
    .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
    .where(repo.seenBy(ctx.network.id, 's.network_id'));
  if (q.organization) base = base.where('s.organization_id', '=', q.organization);
  if (q.rubric) {
    const rubric = q.rubric;
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('directory_attributes as a')
          .select('a.id')
          .whereRef('a.link_id', '=', 's.id')
          .where('a.link_entity', '=', 'service')
          .where('a.taxonomy_term_id', '=', rubric),
      ),
    );
  }
  const grouped = await d
    .selectFrom(base.select(bucket.as('bucket')).as('t'))
    .select(['t.bucket', ({ fn }) => fn.countAll<number>().as('n')])
    .groupBy('t.bucket')
    .execute();
  const counts = { never: 0, over_12: 0, '6_12': 0, under_6: 0 } as Record<FreshnessBucket, number>;
  for (const g of grouped) counts[g.bucket] = Number(g.n);
  const filtered = q.bucket ? base.where(bucket, '=', q.bucket) : base;
  const items = await filtered
    .leftJoin('users as u', 'u.id', 's.assured_by')
    .select([
      's.id',
      's.name',
      's.organization_id',
      'o.name as organization_name',
      's.assured_date',
      's.updated_at',
      'u.name as assured_by_name',
      bucket.as('bucket'),
    ])
    .orderBy(sql`CASE WHEN s.assured_date IS NULL THEN 0 ELSE 1 END`)
    .orderBy('s.assured_date')
    .orderBy('s.name')
    .orderBy('s.id')
    .limit(q.perPage)
    .offset((q.page - 1) * q.perPage)
    .execute();
  const rubrics = await localiseTerms(
    d as unknown as Kysely<DirectoryTables>,
    await d
      .selectFrom('directory_taxonomy_terms as t')
      .innerJoin('directory_taxonomies as x', 'x.id', 't.taxonomy_id')
      .select(['t.id', 't.name'])
      .where('x.kind', '=', 'rubric')
      .orderBy('t.name')
      .execute(),
    lang,
    { sort: true },
  );
  const organizations = await d
    .selectFrom('directory_organizations')
    .select(['id', 'name'])
    .where(repo.seenBy(ctx.network.id))
    .orderBy('name')
    .limit(2000)
    .execute();
  return {
    total: q.bucket ? counts[q.bucket] : Object.values(counts).reduce((a, b) => a + b, 0),
    counts,
    items: items.map((r) => ({
      id: r.id,
      name: r.name,
      organization: { id: r.organization_id, name: r.organization_name },
      assured_date: r.assured_date,
      assured_by: r.assured_by_name ?? null,
      updated_at: r.updated_at,
      bucket: r.bucket,
    })),
    rubrics,
    organizations,
  };
}

// ---------------------------------------------------------------- "is this still correct?" requests

export const TOKEN_DAYS = 30;
/** A partner that did not answer is asked again once its previous link has expired, not sooner. */
export const REQUEST_INTERVAL_DAYS = TOKEN_DAYS;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The organisations a network asks: its partners that have a record on the map, and its own additions. */
async function partnerOrganizations(db: Platform, ctx: TenantContext): Promise<string[]> {
  const d = repo.cur(db);
  const ids = new Set(
    (await listPartners(db, ctx))
      .filter((p) => p.organizationId && !p.archived)
      .map((p) => p.organizationId as string),
  );
  for (const r of await d
    .selectFrom('directory_network_partners')
    .select('organization_id')
    .where('network_id', '=', ctx.network.id)
    .execute())
    ids.add(r.organization_id);
  for (const r of await d
    .selectFrom('directory_organizations')
    .select('id')
    .where('network_id', '=', ctx.network.id)
    .execute())
    ids.add(r.id);
  return [...ids].sort();
}

/** Networks have no language of their own yet: their mails default to Dutch, like the product. */
const NETWORK_LANGUAGE: Language = 'nl';

/**
 * The language of whoever reads the mail: the account with that address if there is one, else the spokesperson
 * of the organisation's partner in this network (their account's language), else the network's default.
 */
async function recipientLanguage(
  db: Platform,
  ctx: TenantContext,
  organizationId: string,
  to: string,
): Promise<Language> {
  const account = await db
    .selectFrom('users')
    .select('preferred_language')
    .where(sql<string>`lower(email)`, '=', to.trim().toLowerCase())
    .executeTakeFirst();
  if (isLanguage(account?.preferred_language)) return account.preferred_language;
  const partners = (await listPartners(db, ctx))
    .filter((p) => p.organizationId === organizationId && !p.archived)
    .map((p) => p.id);
  if (partners.length === 0) return NETWORK_LANGUAGE;
  const people = (await spokespersonsOf(db, ctx, partners)).sort((a, b) => a.email.localeCompare(b.email));
  const spoken = people.find((p) => isLanguage(p.language))?.language;
  return isLanguage(spoken) ? spoken : NETWORK_LANGUAGE;
}

/**
 * Mails every partner organisation whose record (or one of its services) was not confirmed for `months`
 * a one-click confirmation link and an edit link, at most once per interval.
 */
export async function sendAssuranceRequests(
  db: Platform,
  ctx: TenantContext,
  actor: Actor,
  opts: { months: number; now?: Date },
) {
  const now = opts.now ?? new Date();
  const cutoff = monthsBefore(opts.months, now);
  const recentSince = new Date(now.getTime() - REQUEST_INTERVAL_DAYS * 86_400_000).toISOString();
  const result = { sent: 0, up_to_date: 0, recently_asked: 0, no_address: 0 };
  for (const orgId of await partnerOrganizations(db, ctx)) {
    await inTransaction(repo.cur(db), async (d) => {
      const o = await repo.lockOrganization(d, ctx.network.id, orgId);
      if (!o) return;
      const services = await repo.servicesOfOrganization(d, ctx.network.id, o.id);
      const stale = (date: string | null) => date === null || date < cutoff;
      if (!stale(o.assured_date) && !services.some((s) => stale(s.assured_date))) {
        result.up_to_date++;
        return;
      }
      const recent = await d
        .selectFrom('directory_assurance_requests')
        .select('id')
        .where('network_id', '=', ctx.network.id)
        .where('organization_id', '=', o.id)
        .where('sent_at', '>', recentSince)
        .executeTakeFirst();
      if (recent) {
        result.recently_asked++;
        return;
      }
      const contact = await d
        .selectFrom('directory_contacts')
        .select('email')
        .where('organization_id', '=', o.id)
        .where('email', 'is not', null)
        .orderBy('id')
        .executeTakeFirst();
      const to = o.email ?? contact?.email ?? null;
      if (!to) {
        result.no_address++;
        return;
      }
      const token = randomBytes(32).toString('base64url');
      const id = newId();
      const row = {
        id,
        network_id: ctx.network.id,
        organization_id: o.id,
        token_hash: hashToken(token),
        to_address: to,
        sent_at: now.toISOString(),
        expires_at: new Date(now.getTime() + TOKEN_DAYS * 86_400_000).toISOString(),
        used_at: null,
        created_by: actor.userId,
      };
      await d.insertInto('directory_assurance_requests').values(row).execute();
      const root = `/n/${ctx.network.slug}/sociale-kaart`;
      const lang = await recipientLanguage(d as unknown as Platform, ctx, o.id, to);
      await queueMail(d as unknown as Platform, {
        networkId: ctx.network.id,
        to,
        kind: 'directory.assurance_request',
        subject: translate(lang, 'curate_assurance_subject', { network: ctx.network.name }),
        text: translate(lang, 'curate_assurance_body', {
          network: ctx.network.name,
          organization: o.name,
          services: services.map((s) => `- ${s.name}`).join('\n') || '-',
          confirm: appLink(`${root}/bevestigen/${token}`),
          edit: appLink(`${root}/organisatie/${o.id}/bewerken`),
        }),
      });
      const { token_hash: _hash, ...logged } = row;
      await audit(d, ctx, actor, 'directory.assurance.requested', 'directory_assurance_request', id, null, {
        ...logged,
        lang,
      });
      result.sent++;
    });
  }
  return result;
}

async function findRequest(d: repo.Db, ctx: TenantContext, token: string) {
  return d
    .selectFrom('directory_assurance_requests')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('network_id', '=', ctx.network.id)
    .executeTakeFirst();
}

/** What the confirmation page shows before the partner presses the button (reading changes nothing). */
export async function assuranceInfo(db: Platform, ctx: TenantContext, token: string): Promise<AssuranceView> {
  const d = repo.cur(db);
  const r = await findRequest(d, ctx, token);
  if (!r) throw new AppError(404, 'curate_token_invalid');
  const o = await loadOrganization(d, ctx, r.organization_id);
  const services = await repo.servicesOfOrganization(d, ctx.network.id, o.id);
  return {
    organization: o.name,
    services: services.map((s) => s.name),
    state: r.used_at ? 'used' : r.expires_at <= nowIso() ? 'expired' : 'open',
    edit_path: `/n/${ctx.network.slug}/sociale-kaart/organisatie/${o.id}/bewerken`,
  };
}

/** The one click: confirms the organisation and its services; the link works once. */
export async function confirmAssurance(db: Platform, ctx: TenantContext, caller: Caller, token: string) {
  return inTransaction(repo.cur(db), async (d) => {
    const r = await findRequest(d, ctx, token);
    const at = nowIso();
    const used = r
      ? await d
          .updateTable('directory_assurance_requests')
          .set({ used_at: at })
          .where('id', '=', r.id)
          .where('used_at', 'is', null)
          .where('expires_at', '>', at)
          .executeTakeFirst()
      : null;
    if (!r || Number(used?.numUpdatedRows ?? 0) !== 1) throw new AppError(410, 'curate_token_invalid');
    const o = await loadOrganization(d, ctx, r.organization_id);
    const services = await repo.servicesOfOrganization(d, ctx.network.id, o.id);
    const date = today();
    const by = caller.auth?.user.id ?? null;
    await repo.assure(d, 'directory_organizations', o.id, date, by);
    for (const s of services) await repo.assure(d, 'directory_services', s.id, date, by);
    await audit(
      d,
      ctx,
      caller.actor,
      'directory.assurance.confirmed',
      'directory_assurance_request',
      r.id,
      null,
      {
        organization_id: o.id,
        services: services.map((s) => s.id),
        assured_date: date,
        to_address: r.to_address,
      },
    );
    await reindexAll(
      d,
      services.map((s) => s.id),
    );
    return { assured_date: date };
  });
}

/** The daily check of every published network, as the system. */
export async function runAssuranceRound(db: Platform, months = 12) {
  const networks = await db.selectFrom('networks').selectAll().where('published', '=', 1).execute();
  let sent = 0;
  for (const network of networks) {
    const r = await sendAssuranceRequests(db, { network, role: null }, SYSTEM_ACTOR, { months });
    sent += r.sent;
  }
  return { sent };
}

/** Starts the daily check with the server, like the mail dispatcher; the first round runs after a while. */
export function startAssuranceScheduler(
  db: Platform,
  log: { error: (obj: object, msg: string) => void },
  intervalMs = 24 * 3_600_000,
  firstAfterMs = 15 * 60_000,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const round = () => {
    running = runAssuranceRound(db).catch((err) => log.error({ err }, 'assurance requests failed'));
  };
  let timer: NodeJS.Timeout = setTimeout(() => {
    round();
    timer = setInterval(round, intervalMs);
    timer.unref();
  }, firstAfterMs);
  timer.unref();
  return async () => {
    clearTimeout(timer);
    clearInterval(timer);
    await running;
  };
}
