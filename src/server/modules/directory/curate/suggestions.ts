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
import * as suggestionsRepo from './suggestions-repo.ts';

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
  if ((await suggestionsRepo.attemptsSince(d, ctx.network.id, key, since)) >= SUGGESTIONS_PER_HOUR)
    throw new AppError(429, 'rate_limited');
  await suggestionsRepo.countAttempt(
    d,
    ctx.network.id,
    key,
    new Date(now).toISOString(),
    new Date(now - 86_400_000).toISOString(),
  );
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
    await suggestionsRepo.insertSuggestion(trx, row);
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
  const rows = await suggestionsRepo.listSuggestions(d, ctx.network.id, status);
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
  const row = await suggestionsRepo.findSuggestion(d, ctx.network.id, id);
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
    await suggestionsRepo.decideSuggestion(d, ctx.network.id, id, decision);
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
    await suggestionsRepo.decideSuggestion(d, ctx.network.id, id, decision);
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
