// The partner survey (after the PARTNER Tool): rounds, the form a spokesperson fills in, and the results.
import type { Kysely } from 'kysely';
import { type Actor, auditTenantWrite, writeAudit } from '../../../platform/audit.ts';
import type { Auth } from '../../../platform/auth.ts';
import { inTransaction } from '../../../platform/db/index.ts';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../../platform/errors.ts';
import { isLanguage, type Language, translate } from '../../../platform/i18n.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { appLink, queueMail } from '../../../platform/outbox.ts';
import type { TenantContext } from '../../../platform/tenancy.ts';
import '../messages.ts';
import * as networkRepo from '../repo.ts';
import type { ResponseInput } from '../schema.ts';
import { graphView, partnersSpokenForBy, requirePartners } from '../service.ts';
import * as repo from './repo.ts';

type Db = Kysely<PlatformTables>;
const today = () => new Date().toISOString().slice(0, 10);
const audit = auditTenantWrite;

// ---------------------------------------------------------------- survey (after the PARTNER Tool)

type RoundRow = NonNullable<Awaited<ReturnType<typeof repo.findRound>>>;
const roundState = (r: RoundRow, on = today()): 'upcoming' | 'open' | 'closed' =>
  on < r.opens_on ? 'upcoming' : on > r.closes_on ? 'closed' : 'open';

export async function listRounds(db: Db, ctx: TenantContext) {
  const rounds = await repo.listRounds(db, ctx.network.id);
  const invited = new Set((await networkRepo.spokespersons(db, ctx.network.id)).map((s) => s.partner_id))
    .size;
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
  const people = (await networkRepo.spokespersons(db, ctx.network.id)).filter(
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
      (await networkRepo.spokespersons(trx, ctx.network.id))
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
    networkRepo.listPartners(db, ctx.network.id),
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
