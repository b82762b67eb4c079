// Use cases of change suggestions from the public and their review by staff.
import { createHash } from 'node:crypto';
import { inTransaction } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import type { TenantContext } from '../../../platform/tenancy.ts';
import { audit, type Caller, loadService, type Platform, requireStaff, validateService } from './access.ts';
import { applyServicePatch } from './edits.ts';
import * as repo from './repo.ts';
import type { ServiceFields, ServicePatch, SuggestionView } from './schema.ts';

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
