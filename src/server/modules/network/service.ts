import type { Kysely } from 'kysely';
import { type Actor, auditTenantWrite, writeAudit } from '../../platform/audit.ts';
import type { Auth } from '../../platform/auth.ts';
import { inTransaction } from '../../platform/db/index.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { isLanguage, type Language, translate } from '../../platform/i18n.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { appLink, queueMail } from '../../platform/outbox.ts';
import { hasRole, type TenantContext } from '../../platform/tenancy.ts';
import './messages.ts';
import type { z } from 'zod';
import { computeNetworkMetrics, type NetworkMetrics } from './metrics/index.ts';
import * as repo from './repo.ts';
import {
  type GraphFilter,
  type Partner,
  PartnerInput,
  type PartnerUpdate,
  type ResponseInput,
  type SECTORS,
  TIE_TYPES,
  type Tie,
  TieInput,
  type TieUpdate,
} from './schema.ts';
import type { NetworkPartnerTable, NetworkTieTable } from './tables.ts';

type Db = Kysely<PlatformTables>;
const today = () => new Date().toISOString().slice(0, 10);

const partnerView = (p: NetworkPartnerTable): Partner => ({
  id: p.id,
  name: p.name,
  sector: p.sector as (typeof SECTORS)[number],
  role: p.role,
  organizationId: p.organization_id,
  themes: JSON.parse(p.themes_json) as string[],
  targetGroups: JSON.parse(p.target_groups_json) as string[],
  isHub: p.is_hub === 1,
  archived: p.archived_at !== null,
  isDemo: p.is_demo === 1,
});

const tieView = (t: NetworkTieTable): Tie => ({
  id: t.id,
  sourceId: t.source_partner_id,
  targetId: t.target_partner_id,
  type: t.type as Tie['type'],
  directed: t.directed === 1,
  weight: t.weight,
  startDate: t.start_date,
  endDate: t.end_date,
  origin: t.origin as Tie['origin'],
  originRef: t.origin_ref,
  note: t.note,
});

const audit = auditTenantWrite;

// ---------------------------------------------------------------- partners

export async function listPartners(db: Db, ctx: TenantContext): Promise<Partner[]> {
  return (await repo.listPartners(db, ctx.network.id)).map(partnerView);
}

export async function createPartner(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  raw: PartnerInput,
  opts: { isDemo?: boolean } = {},
) {
  const input = PartnerInput.parse(raw);
  const now = nowIso();
  const row: NetworkPartnerTable = {
    id: newId(),
    network_id: ctx.network.id,
    organization_id: input.organizationId,
    name: input.name,
    sector: input.sector,
    role: input.role,
    themes_json: JSON.stringify(input.themes),
    target_groups_json: JSON.stringify(input.targetGroups),
    is_hub: input.isHub ? 1 : 0,
    is_demo: opts.isDemo ? 1 : 0,
    archived_at: null,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await repo.insertPartner(trx, row);
    await audit(trx, ctx, actor, 'partner.created', 'partner', row.id, null, partnerView(row));
  });
  return partnerView(row);
}

export async function updatePartner(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  id: string,
  patch: z.output<typeof PartnerUpdate>,
) {
  return inTransaction(db, async (trx) => {
    const existing = await repo.findPartner(trx, ctx.network.id, id);
    if (!existing) throw notFound();
    const changes: Partial<NetworkPartnerTable> = { updated_at: nowIso() };
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.sector !== undefined) changes.sector = patch.sector;
    if (patch.role !== undefined) changes.role = patch.role;
    if (patch.organizationId !== undefined) changes.organization_id = patch.organizationId;
    if (patch.themes !== undefined) changes.themes_json = JSON.stringify(patch.themes);
    if (patch.targetGroups !== undefined) changes.target_groups_json = JSON.stringify(patch.targetGroups);
    if (patch.isHub !== undefined) changes.is_hub = patch.isHub ? 1 : 0;
    if (patch.archived !== undefined)
      changes.archived_at = patch.archived ? (existing.archived_at ?? nowIso()) : null;
    await repo.updatePartner(trx, ctx.network.id, id, changes);
    const after = partnerView({ ...existing, ...changes });
    await audit(trx, ctx, actor, 'partner.updated', 'partner', id, partnerView(existing), after);
    return after;
  });
}

/** Makes a user the voice of a partner (answers its surveys); used by admins and the demo seed. */
export async function addSpokesperson(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  partnerId: string,
  userId: string,
) {
  await inTransaction(db, async (trx) => {
    if (!(await repo.findPartner(trx, ctx.network.id, partnerId))) throw notFound();
    await repo.linkPartnerUser(trx, ctx.network.id, partnerId, userId);
    await audit(trx, ctx, actor, 'partner.spokesperson_added', 'partner', partnerId, null, { userId });
  });
}

export async function partnersSpokenForBy(db: Db, ctx: TenantContext, auth: Auth | null): Promise<string[]> {
  if (!auth) return [];
  return (await repo.partnersOfUser(db, ctx.network.id, auth.user.id)).map((r) => r.partner_id);
}

/** The accounts that speak for these partners, with their language: for mails about those partners. */
export async function spokespersonsOf(db: Db, ctx: TenantContext, partnerIds: string[]) {
  const wanted = new Set(partnerIds);
  return (await repo.spokespersons(db, ctx.network.id))
    .filter((s) => wanted.has(s.partner_id))
    .map((s) => ({ partnerId: s.partner_id, email: s.email, language: s.preferred_language }));
}

async function requirePartners(db: Db, networkId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = await repo.partnerIdsIn(db, networkId, unique);
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length) throw badRequest('unknown_partner', { ids: missing.join(', ') });
}

// ---------------------------------------------------------------- ties

export async function createTie(db: Db, ctx: TenantContext, actor: Actor, raw: TieInput) {
  const input = TieInput.parse(raw);
  const now = nowIso();
  const row: NetworkTieTable = {
    id: newId(),
    network_id: ctx.network.id,
    source_partner_id: input.sourceId,
    target_partner_id: input.targetId,
    type: input.type,
    directed: input.directed ? 1 : 0,
    weight: input.weight,
    start_date: input.startDate,
    end_date: input.endDate,
    origin: 'declared',
    origin_ref: null,
    note: input.note,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    // Both ends must be partners of this very network: a tie can never reach into another tenant.
    await requirePartners(trx, ctx.network.id, [input.sourceId, input.targetId]);
    await repo.insertTies(trx, [row]);
    await audit(trx, ctx, actor, 'tie.created', 'tie', row.id, null, tieView(row));
  });
  return tieView(row);
}

export async function updateTie(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  id: string,
  patch: z.output<typeof TieUpdate>,
) {
  return inTransaction(db, async (trx) => {
    const existing = await repo.findTie(trx, ctx.network.id, id);
    if (!existing) throw notFound();
    if (existing.origin === 'derived') throw conflict('derived_tie_readonly');
    if (patch.endDate && patch.endDate <= existing.start_date) {
      throw badRequest('validation_failed', { details: 'endDate' });
    }
    const changes: Partial<NetworkTieTable> = { updated_at: nowIso() };
    if (patch.weight !== undefined) changes.weight = patch.weight;
    if (patch.endDate !== undefined) changes.end_date = patch.endDate;
    if (patch.note !== undefined) changes.note = patch.note;
    await repo.updateTie(trx, ctx.network.id, id, changes);
    const after = tieView({ ...existing, ...changes });
    await audit(trx, ctx, actor, 'tie.updated', 'tie', id, tieView(existing), after);
    return after;
  });
}

export async function deleteTie(db: Db, ctx: TenantContext, actor: Actor, id: string) {
  await inTransaction(db, async (trx) => {
    const existing = await repo.findTie(trx, ctx.network.id, id);
    if (!existing) throw notFound();
    if (existing.origin === 'derived') throw conflict('derived_tie_readonly');
    await repo.deleteTie(trx, ctx.network.id, id);
    await audit(trx, ctx, actor, 'tie.deleted', 'tie', id, tieView(existing), null);
  });
}

export interface DerivedTie {
  a: string;
  b: string;
  weight: number;
  startDate: string;
  endDate: string | null;
  /** What the tie comes from, e.g. "plan-node:<id>"; must start with the source's prefix. */
  ref: string;
}

/**
 * Replaces the ties another module derives from its records (shared plan actions, events attended
 * together, referrals, co-signed signals). The source module calls this whenever its records change; when
 * the network switched derivation off for the type, the old ties are removed and none are added.
 */
export async function replaceDerivedTies(
  db: Db,
  networkId: string,
  type: (typeof TIE_TYPES)[number],
  refPrefix: string,
  ties: DerivedTie[],
): Promise<number> {
  return inTransaction(db, async (trx) => {
    await repo.deleteTiesOfOrigin(trx, networkId, 'derived', type, refPrefix);
    const settings = await repo.tieTypeSettings(trx, networkId);
    if (settings.find((s) => s.type === type)?.derive === 0) return 0;
    const valid = await repo.partnerIdsIn(trx, networkId, [...new Set(ties.flatMap((t) => [t.a, t.b]))]);
    const now = nowIso();
    const rows: NetworkTieTable[] = ties
      .filter((t) => t.a !== t.b && valid.has(t.a) && valid.has(t.b) && t.ref.startsWith(refPrefix))
      .map((t) => ({
        id: newId(),
        network_id: networkId,
        source_partner_id: t.a,
        target_partner_id: t.b,
        type,
        directed: 0,
        weight: t.weight,
        start_date: t.startDate,
        end_date: t.endDate,
        origin: 'derived',
        origin_ref: t.ref,
        note: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      }));
    for (let i = 0; i < rows.length; i += 200) await repo.insertTies(trx, rows.slice(i, i + 200));
    return rows.length;
  });
}

export async function tieTypeSettings(db: Db, ctx: TenantContext) {
  const rows = await repo.tieTypeSettings(db, ctx.network.id);
  return Object.fromEntries(
    TIE_TYPES.map((type) => [type, rows.find((r) => r.type === type)?.derive !== 0]),
  ) as Record<(typeof TIE_TYPES)[number], boolean>;
}

export async function setTieTypeSettings(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  derive: Partial<Record<(typeof TIE_TYPES)[number], boolean>>,
) {
  await inTransaction(db, async (trx) => {
    const before = await tieTypeSettings(trx, ctx);
    for (const [type, on] of Object.entries(derive)) {
      await repo.setTieTypeSetting(trx, ctx.network.id, type, on);
      // Switching a type off removes its derived ties at once; switching on takes effect at the next derivation.
      if (!on) await repo.deleteTiesOfOrigin(trx, ctx.network.id, 'derived', type, '');
    }
    await audit(trx, ctx, actor, 'network.tie_settings_changed', 'network', ctx.network.id, before, {
      ...before,
      ...derive,
    });
  });
  return tieTypeSettings(db, ctx);
}

// ---------------------------------------------------------------- views and metrics

export interface GraphView {
  partners: Partner[];
  ties: Tie[];
}

/** The ties active in the window (a tie without end is active from its start on) between the chosen partners. */
export async function graphView(db: Db, ctx: TenantContext, filter: GraphFilter): Promise<GraphView> {
  const [partnerRows, tieRows] = await Promise.all([
    repo.listPartners(db, ctx.network.id),
    repo.listTies(db, ctx.network.id),
  ]);
  const from = filter.from ?? filter.to ?? today();
  const to = filter.to ?? filter.from ?? today();
  const partners = partnerRows
    .filter((p) => p.archived_at === null)
    .filter((p) => !filter.sectors?.length || filter.sectors.includes(p.sector as (typeof SECTORS)[number]))
    .map(partnerView);
  const included = new Set(partners.map((p) => p.id));
  const ties = tieRows
    .filter((t) => included.has(t.source_partner_id) && included.has(t.target_partner_id))
    .filter((t) => t.start_date <= to && (t.end_date === null || t.end_date > from))
    .filter((t) => !filter.types?.length || filter.types.includes(t.type as Tie['type']))
    .filter((t) => !filter.origins?.length || filter.origins.includes(t.origin as Tie['origin']))
    .filter((t) => filter.minWeight === undefined || t.weight >= filter.minWeight)
    .map(tieView);
  return { partners, ties };
}

export interface MetricsResult extends NetworkMetrics {
  partners: Record<string, { name: string; sector: string }>;
  filter: GraphFilter;
}

/**
 * The metric suite on a filtered view. Ties are read as undirected (a referral from A to B still connects
 * them); the suite itself runs off the request thread for large networks.
 */
export async function metrics(db: Db, ctx: TenantContext, filter: GraphFilter): Promise<MetricsResult> {
  const view = await graphView(db, ctx, filter);
  const hub = view.partners.find((p) => p.isHub)?.id;
  const result = await computeNetworkMetrics(
    {
      directed: false,
      nodes: view.partners.map((p) => ({ id: p.id, sector: p.sector })),
      edges: view.ties.map((t) => ({
        source: t.sourceId,
        target: t.targetId,
        weight: t.weight,
        type: t.type,
      })),
    },
    { ...(hub ? { hub } : {}), seed: 1 },
  );
  return {
    ...result,
    partners: Object.fromEntries(view.partners.map((p) => [p.id, { name: p.name, sector: p.sector }])),
    filter,
  };
}

// ---------------------------------------------------------------- survey (after the PARTNER Tool)

type RoundRow = NonNullable<Awaited<ReturnType<typeof repo.findRound>>>;
const roundState = (r: RoundRow, on = today()): 'upcoming' | 'open' | 'closed' =>
  on < r.opens_on ? 'upcoming' : on > r.closes_on ? 'closed' : 'open';

export async function listRounds(db: Db, ctx: TenantContext) {
  const rounds = await repo.listRounds(db, ctx.network.id);
  const invited = new Set((await repo.spokespersons(db, ctx.network.id)).map((s) => s.partner_id)).size;
  return Promise.all(
    rounds.map(async (r) => ({
      id: r.id,
      title: r.title,
      opensOn: r.opens_on,
      closesOn: r.closes_on,
      state: roundState(r),
      respondents: (await repo.roundAnswers(db, ctx.network.id, r.id)).length,
      invited,
    })),
  );
}

function surveyMail(lang: Language, key: 'invitation' | 'reminder', p: Record<string, string>) {
  return {
    subject: translate(
      lang,
      key === 'invitation' ? 'survey_invitation_subject' : 'survey_reminder_subject',
      p,
    ),
    text: translate(lang, 'survey_invitation_body', p),
  };
}

async function mailSpokespersons(
  db: Db,
  ctx: TenantContext,
  round: RoundRow,
  kind: 'invitation' | 'reminder',
  onlyPartners?: Set<string>,
) {
  const people = (await repo.spokespersons(db, ctx.network.id)).filter(
    (s) => !onlyPartners || onlyPartners.has(s.partner_id),
  );
  const seen = new Set<string>();
  for (const person of people) {
    if (seen.has(person.email)) continue;
    seen.add(person.email);
    const lang = isLanguage(person.preferred_language) ? person.preferred_language : 'nl';
    const mail = surveyMail(lang, kind, {
      name: person.name,
      network: ctx.network.name,
      title: round.title,
      closes: round.closes_on,
      link: appLink(`/n/${ctx.network.slug}/netwerk/bevraging/${round.id}`),
    });
    await queueMail(db, { networkId: ctx.network.id, to: person.email, kind: `survey.${kind}`, ...mail });
  }
  return seen.size;
}

export async function openRound(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  input: { title: string; opensOn: string; closesOn: string },
) {
  const row = {
    id: newId(),
    network_id: ctx.network.id,
    title: input.title,
    opens_on: input.opensOn,
    closes_on: input.closesOn,
    created_by: actor.userId,
    created_at: nowIso(),
  };
  await inTransaction(db, async (trx) => {
    await repo.insertRound(trx, row);
    const invited = await mailSpokespersons(trx, ctx, row, 'invitation');
    await audit(trx, ctx, actor, 'survey.round_opened', 'survey_round', row.id, null, { ...input, invited });
  });
  return row.id;
}

export async function remindRound(db: Db, ctx: TenantContext, actor: Actor, roundId: string) {
  return inTransaction(db, async (trx) => {
    const round = await repo.findRound(trx, ctx.network.id, roundId);
    if (!round) throw notFound();
    if (roundState(round) === 'closed') throw conflict('survey_closed', { date: round.closes_on });
    const answered = new Set(
      (await repo.roundAnswers(trx, ctx.network.id, roundId)).map((a) => a.partner_id),
    );
    const pending = new Set(
      (await repo.spokespersons(trx, ctx.network.id))
        .map((s) => s.partner_id)
        .filter((p) => !answered.has(p)),
    );
    const reminded = await mailSpokespersons(trx, ctx, round, 'reminder', pending);
    await audit(trx, ctx, actor, 'survey.reminders_sent', 'survey_round', roundId, null, { reminded });
    return reminded;
  });
}

async function requireSpokesperson(db: Db, ctx: TenantContext, auth: Auth | null, partnerId: string) {
  if (!(await partnersSpokenForBy(db, ctx, auth)).includes(partnerId)) throw forbidden();
}

/**
 * What a respondent sees: only its own answers, and the partners to rate — those it has ties with (as the
 * PARTNER Tool asks only about real working relations) plus any it rated before.
 */
export async function surveyForm(
  db: Db,
  ctx: TenantContext,
  auth: Auth | null,
  roundId: string,
  partnerId: string,
) {
  await requireSpokesperson(db, ctx, auth, partnerId);
  const round = await repo.findRound(db, ctx.network.id, roundId);
  if (!round) throw notFound();
  const [view, ratings, answer] = await Promise.all([
    graphView(db, ctx, { from: round.opens_on, to: round.closes_on }),
    repo.roundRatings(db, ctx.network.id, roundId),
    repo.findAnswer(db, ctx.network.id, roundId, partnerId),
  ]);
  const mine = ratings.filter((r) => r.rater_partner_id === partnerId);
  const tied = new Set(
    view.ties.flatMap((t) =>
      t.sourceId === partnerId ? [t.targetId] : t.targetId === partnerId ? [t.sourceId] : [],
    ),
  );
  for (const r of mine) tied.add(r.rated_partner_id);
  return {
    round: {
      id: round.id,
      title: round.title,
      opensOn: round.opens_on,
      closesOn: round.closes_on,
      state: roundState(round),
    },
    partner: view.partners.find((p) => p.id === partnerId) ?? null,
    suggested: view.partners.filter((p) => tied.has(p.id)),
    others: view.partners.filter((p) => p.id !== partnerId && !tied.has(p.id)),
    answer: answer
      ? {
          ratings: mine.map((r) => ({
            partnerId: r.rated_partner_id,
            reliability: r.reliability,
            mission: r.mission,
            openness: r.openness,
            power: r.power,
            involvement: r.involvement,
            resources: r.resources,
          })),
          contributes: JSON.parse(answer.contributes_json) as string[],
          outcomes: JSON.parse(answer.outcomes_json) as string[],
          submittedAt: answer.submitted_at,
        }
      : null,
  };
}

/** `mode` create refuses a second answer; update refuses when there is none yet. Both only while open. */
export async function submitResponse(
  db: Db,
  ctx: TenantContext,
  auth: Auth | null,
  roundId: string,
  partnerId: string,
  input: ResponseInput,
  mode: 'create' | 'update',
  requestId: string,
) {
  await requireSpokesperson(db, ctx, auth, partnerId);
  const rated = input.ratings.map((r) => r.partnerId);
  if (rated.includes(partnerId)) throw badRequest('cannot_rate_self');
  if (new Set(rated).size !== rated.length) throw badRequest('duplicate_rating');
  await inTransaction(db, async (trx) => {
    const round = await repo.findRound(trx, ctx.network.id, roundId);
    if (!round) throw notFound();
    const state = roundState(round);
    if (state === 'upcoming') throw conflict('survey_not_open', { date: round.opens_on });
    if (state === 'closed') throw conflict('survey_closed', { date: round.closes_on });
    const existing = await repo.findAnswer(trx, ctx.network.id, roundId, partnerId);
    if (mode === 'create' && existing) throw conflict('already_answered');
    if (mode === 'update' && !existing) throw new AppError(404, 'no_answer_yet');
    await requirePartners(trx, ctx.network.id, rated);
    const now = nowIso();
    await repo.replaceResponse(
      trx,
      {
        network_id: ctx.network.id,
        round_id: roundId,
        partner_id: partnerId,
        contributes_json: JSON.stringify(input.contributes),
        outcomes_json: JSON.stringify(input.outcomes),
        submitted_by: auth!.user.id,
        submitted_at: now,
      },
      input.ratings.map((r) => ({
        network_id: ctx.network.id,
        round_id: roundId,
        rater_partner_id: partnerId,
        rated_partner_id: r.partnerId,
        reliability: r.reliability,
        mission: r.mission,
        openness: r.openness,
        power: r.power,
        involvement: r.involvement,
        resources: r.resources,
        updated_at: now,
      })),
    );
    // The audit keeps that and when a partner answered, not what it said of others: the scores are shown
    // only in aggregate.
    await writeAudit(trx, {
      networkId: ctx.network.id,
      actorUserId: auth!.user.id,
      action: mode === 'create' ? 'survey.answered' : 'survey.answer_changed',
      entityType: 'survey_round',
      entityId: roundId,
      after: { partnerId, ratings: input.ratings.length },
      requestId,
    });
  });
}

/** Per partner, scores appear only with at least this many raters, so no single rater can be read back. */
export const MIN_RATERS = 3;

const pct = (sum: number, count: number) => (count === 0 ? null : Math.round((sum / count / 4) * 1000) / 10);
type RatingRow = Awaited<ReturnType<typeof repo.roundRatings>>[number];
const trustScore = (r: RatingRow) => (r.reliability + r.mission + r.openness) / 3;
const valueScore = (r: RatingRow) => (r.power + r.involvement + r.resources) / 3;

export async function roundResults(db: Db, ctx: TenantContext, roundId: string) {
  const round = await repo.findRound(db, ctx.network.id, roundId);
  if (!round) throw notFound();
  const [ratings, answers, partners] = await Promise.all([
    repo.roundRatings(db, ctx.network.id, roundId),
    repo.roundAnswers(db, ctx.network.id, roundId),
    repo.listPartners(db, ctx.network.id),
  ]);
  const perPartner = partners.map((p) => {
    const received = ratings.filter((r) => r.rated_partner_id === p.id);
    const shown = received.length >= MIN_RATERS;
    return {
      partnerId: p.id,
      name: p.name,
      sector: p.sector,
      raters: received.length,
      trust: shown
        ? pct(
            received.reduce((s, r) => s + trustScore(r), 0),
            received.length,
          )
        : null,
      value: shown
        ? pct(
            received.reduce((s, r) => s + valueScore(r), 0),
            received.length,
          )
        : null,
    };
  });
  const count = (key: 'contributes_json' | 'outcomes_json') => {
    const tally: Record<string, number> = {};
    for (const a of answers) for (const v of JSON.parse(a[key]) as string[]) tally[v] = (tally[v] ?? 0) + 1;
    return tally;
  };
  return {
    round: {
      id: round.id,
      title: round.title,
      opensOn: round.opens_on,
      closesOn: round.closes_on,
      state: roundState(round),
    },
    network: {
      respondents: answers.length,
      ratings: ratings.length,
      trust: pct(
        ratings.reduce((s, r) => s + trustScore(r), 0),
        ratings.length,
      ),
      value: pct(
        ratings.reduce((s, r) => s + valueScore(r), 0),
        ratings.length,
      ),
    },
    partners: perPartner,
    contributions: count('contributes_json'),
    outcomes: count('outcomes_json'),
    minRaters: MIN_RATERS,
  };
}

/** Network-level trust and value per round, oldest first: is the climate of trust improving? */
export async function compareRounds(db: Db, ctx: TenantContext) {
  const rounds = await repo.listRounds(db, ctx.network.id);
  return Promise.all(
    rounds.map(async (r) => {
      const res = await roundResults(db, ctx, r.id);
      return { id: r.id, title: r.title, closesOn: r.closes_on, ...res.network };
    }),
  );
}

// ---------------------------------------------------------------- suggestions and introductions

export interface Suggestion {
  partnerAId: string;
  partnerBId: string;
  score: number;
  reasons: (
    | { code: 'shared_themes'; values: string[] }
    | { code: 'shared_target_groups'; values: string[] }
    | { code: 'complementary_sectors'; sectors: [string, string] }
    | { code: 'structural_hole'; via: string[] }
  )[];
}

/**
 * Who should meet whom: untied pairs that share themes or target groups, come from different sectors, or
 * are both tied to the same partner but not to each other (a tie would close a structural hole and lessen
 * the dependence on that broker). Each reason is given so staff can judge it.
 */
export async function suggestions(db: Db, ctx: TenantContext, limit = 25): Promise<Suggestion[]> {
  const view = await graphView(db, ctx, {});
  const neighbours = new Map<string, Set<string>>(view.partners.map((p) => [p.id, new Set()]));
  for (const t of view.ties) {
    neighbours.get(t.sourceId)?.add(t.targetId);
    neighbours.get(t.targetId)?.add(t.sourceId);
  }
  const name = new Map(view.partners.map((p) => [p.id, p.name]));
  const out: Suggestion[] = [];
  const ps = view.partners.filter((p) => !p.isHub);
  for (let i = 0; i < ps.length; i++) {
    for (let j = i + 1; j < ps.length; j++) {
      const a = ps[i]!;
      const b = ps[j]!;
      if (neighbours.get(a.id)?.has(b.id)) continue;
      const reasons: Suggestion['reasons'] = [];
      const themes = a.themes.filter((x) => b.themes.includes(x));
      const groups = a.targetGroups.filter((x) => b.targetGroups.includes(x));
      const via = [...(neighbours.get(a.id) ?? [])].filter((n) => neighbours.get(b.id)?.has(n));
      if (themes.length) reasons.push({ code: 'shared_themes', values: themes });
      if (groups.length) reasons.push({ code: 'shared_target_groups', values: groups });
      if (!themes.length && !groups.length) continue;
      if (a.sector !== b.sector)
        reasons.push({ code: 'complementary_sectors', sectors: [a.sector, b.sector] });
      if (via.length) reasons.push({ code: 'structural_hole', via: via.map((v) => name.get(v) ?? v) });
      const score =
        themes.length * 2 + groups.length * 2 + (a.sector !== b.sector ? 1.5 : 0) + Math.min(via.length, 3);
      out.push({ partnerAId: a.id, partnerBId: b.id, score, reasons });
    }
  }
  return out.sort((x, y) => y.score - x.score || x.partnerAId.localeCompare(y.partnerAId)).slice(0, limit);
}

export async function listIntroductions(db: Db, ctx: TenantContext) {
  return (await repo.listIntroductions(db, ctx.network.id)).map((r) => ({
    id: r.id,
    partnerAId: r.partner_a_id,
    partnerBId: r.partner_b_id,
    reason: r.reason,
    status: r.status,
    createdAt: r.created_at,
  }));
}

export async function createIntroduction(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  input: { partnerAId: string; partnerBId: string; reason: string },
) {
  const now = nowIso();
  const row = {
    id: newId(),
    network_id: ctx.network.id,
    partner_a_id: input.partnerAId,
    partner_b_id: input.partnerBId,
    reason: input.reason,
    status: 'open',
    assigned_to: actor.userId,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await requirePartners(trx, ctx.network.id, [input.partnerAId, input.partnerBId]);
    await repo.insertIntroduction(trx, row);
    await audit(trx, ctx, actor, 'introduction.created', 'introduction', row.id, null, input);
  });
  return row.id;
}

export async function setIntroductionStatus(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  id: string,
  status: string,
) {
  await inTransaction(db, async (trx) => {
    const existing = await repo.findIntroduction(trx, ctx.network.id, id);
    if (!existing) throw notFound();
    await repo.updateIntroduction(trx, ctx.network.id, id, { status, updated_at: nowIso() });
    await audit(
      trx,
      ctx,
      actor,
      'introduction.updated',
      'introduction',
      id,
      { status: existing.status },
      { status },
    );
  });
}

export const canEdit = (ctx: TenantContext) => hasRole(ctx, 'staff');
