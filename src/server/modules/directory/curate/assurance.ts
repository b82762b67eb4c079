// "Is this still correct?" requests: mailed links, their answers and the daily round.
import { createHash, randomBytes } from 'node:crypto';
import { type Actor, SYSTEM_ACTOR } from '../../../platform/audit.ts';
import { inTransaction } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { isLanguage, type Language, translate } from '../../../platform/i18n.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { type JobLog, startJob } from '../../../platform/jobs.ts';
import { appLink, queueMail } from '../../../platform/outbox.ts';
import type { TenantContext } from '../../../platform/tenancy.ts';
import { listPartners, spokespersonsOf } from '../../network/service.ts';
import { platformDb } from '../db.ts';
import {
  audit,
  type Caller,
  loadOrganization,
  monthsBefore,
  type Platform,
  reindexAll,
  today,
} from './access.ts';
import * as assuranceRepo from './assurance-repo.ts';
import * as repo from './repo.ts';
import type { AssuranceView } from './schema.ts';

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
  for (const id of await assuranceRepo.organizationsOfNetwork(d, ctx.network.id)) ids.add(id);
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
  const chosen = await assuranceRepo.accountLanguage(repo.cur(db), to);
  if (isLanguage(chosen)) return chosen;
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
      if (await assuranceRepo.askedSince(d, ctx.network.id, o.id, recentSince)) {
        result.recently_asked++;
        return;
      }
      const to = o.email ?? (await assuranceRepo.firstContactEmail(d, o.id));
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
      await assuranceRepo.insertRequest(d, row);
      const root = `/n/${ctx.network.slug}/sociale-kaart`;
      const lang = await recipientLanguage(platformDb(d), ctx, o.id, to);
      await queueMail(platformDb(d), {
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

const findRequest = (d: repo.Db, ctx: TenantContext, token: string) =>
  assuranceRepo.findRequest(d, ctx.network.id, hashToken(token));

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
    if (!r || !(await assuranceRepo.spendRequest(d, ctx.network.id, r.id, at)))
      throw new AppError(410, 'curate_token_invalid');
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
  const networks = await assuranceRepo.publishedNetworks(repo.cur(db));
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
  log: JobLog,
  intervalMs = 24 * 3_600_000,
  firstAfterMs = 15 * 60_000,
): () => Promise<void> {
  return startJob(
    {
      run: () => runAssuranceRound(db),
      failure: 'assurance requests failed',
      everyMs: intervalMs,
      firstAfterMs,
    },
    log,
  );
}
