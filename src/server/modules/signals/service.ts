import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { type Actor, auditTenantWrite } from '../../platform/audit.ts';
import { inTransaction } from '../../platform/db/index.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { AppError, badRequest, conflict, forbidden } from '../../platform/errors.ts';
import { type Language, translate } from '../../platform/i18n.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { appLink, queueMail } from '../../platform/outbox.ts';
import { hasRole, type TenantContext } from '../../platform/tenancy.ts';
import { contactsByIds } from '../accounts/service.ts';
import { municipalityCodesOn } from '../networks/service.ts';
import * as plan from '../plan/service.ts';
import './messages.ts';
import { personalDataFindings } from './privacy.ts';
import * as repo from './repo.ts';
import {
  CreateDossierBody,
  CreateSignalBody,
  type CreateSignalInput,
  DEFAULT_DEADLINES,
  MoveBody,
  PHASES,
  type Phase,
  PlanActionBody,
  SettingsBody,
  UpdateDossierBody,
} from './schema.ts';
import type { SignalDossierTable, SignalHistoryTable, SignalTable } from './tables.ts';

type Db = Kysely<PlatformTables>;
const audit = auditTenantWrite;

export type SignalInput = CreateSignalInput;

export const today = () => new Date().toISOString().slice(0, 10);
export const isStaff = (tenant: TenantContext) => hasRole(tenant, 'staff');

function requireStaff(tenant: TenantContext) {
  if (!isStaff(tenant)) throw forbidden();
}

export const nextPhase = (phase: Phase): Phase | null => PHASES[PHASES.indexOf(phase) + 1] ?? null;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// Settings.

export async function settingsOf(db: Db, networkId: string) {
  const row = await repo.findSettings(db, networkId);
  const saved = row ? (JSON.parse(row.deadlines) as Partial<Record<Phase, number>>) : {};
  return { publicForm: row?.public_form === 1, deadlines: { ...DEFAULT_DEADLINES, ...saved } };
}

export async function updateSettings(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  raw: z.input<typeof SettingsBody>,
) {
  requireStaff(tenant);
  const input = SettingsBody.parse(raw);
  return inTransaction(db, async (trx) => {
    const before = await settingsOf(trx, tenant.network.id);
    const deadlines = { ...before.deadlines, ...input.deadlines };
    await repo.saveSettings(trx, {
      network_id: tenant.network.id,
      public_form: input.publicForm ? 1 : 0,
      deadlines: JSON.stringify(deadlines),
      updated_at: nowIso(),
    });
    const after = { publicForm: input.publicForm, deadlines };
    await audit(
      trx,
      tenant,
      actor,
      'signals.settings_updated',
      'signal_settings',
      tenant.network.id,
      before,
      after,
    );
    return after;
  });
}

const dueFor = async (db: Db, networkId: string, phase: Phase, from = today()) =>
  addDays(from, (await settingsOf(db, networkId)).deadlines[phase]);

const history = (
  networkId: string,
  subject: { signalId?: string; dossierId?: string },
  from: Phase | null,
  to: Phase,
  note: string,
  actor: Actor,
): SignalHistoryTable => ({
  id: newId(),
  network_id: networkId,
  signal_id: subject.signalId ?? null,
  dossier_id: subject.dossierId ?? null,
  from_phase: from,
  to_phase: to,
  note,
  actor_user_id: actor.userId,
  at: nowIso(),
});

// Signals.

/**
 * A partner (or, through the public form, a citizen) reports a signal. Free text with what looks like
 * personal data is refused with the findings until the reporter confirms (422 `signals_personal_data`).
 */
export async function reportSignal(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  raw: CreateSignalInput,
  citizen: { email: string | null } | null = null,
): Promise<string> {
  if (!citizen && !hasRole(tenant, 'partner')) throw forbidden();
  if (citizen && !(await settingsOf(db, tenant.network.id)).publicForm)
    throw new AppError(403, 'signals_public_closed');
  const input = CreateSignalBody.parse(raw);
  const places = await municipalityCodesOn(db, tenant.network.id);
  const outside = input.municipalities.filter((m) => !places.includes(m));
  if (outside.length) throw badRequest('signals_unknown_municipality', { codes: outside.join(', ') });
  const findings = personalDataFindings({
    title: input.title,
    description: input.description,
    targetGroup: input.targetGroup,
    evidence: input.evidence,
  });
  if (findings.length && !input.confirmPersonalData) {
    throw new AppError(422, 'signals_personal_data', {
      findings: findings.map((f) => `${f.field}: ${f.kind}`).join(', '),
    });
  }
  const now = nowIso();
  const row: SignalTable = {
    id: newId(),
    network_id: tenant.network.id,
    channel: citizen ? 'citizen' : 'partner',
    reporter_user_id: citizen ? null : actor.userId,
    reporter_email: citizen?.email ?? null,
    anonymous: input.anonymous ? 1 : 0,
    title: input.title,
    description: input.description,
    municipalities: JSON.stringify([...new Set(input.municipalities)]),
    target_group: input.targetGroup,
    affected_count: input.affectedCount,
    since: input.since,
    theme: input.theme,
    sector: input.sector,
    evidence: input.evidence,
    phase: 'notice',
    phase_since: today(),
    phase_due: await dueFor(db, tenant.network.id, 'notice'),
    dossier_id: null,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await repo.insertSignal(trx, row);
    await repo.insertHistory(trx, [history(row.network_id, { signalId: row.id }, null, 'notice', '', actor)]);
    // The audit keeps what was reported, not a citizen's address.
    await audit(trx, tenant, actor, 'signals.reported', 'signal', row.id, null, {
      ...row,
      reporter_email: undefined,
    });
  });
  return row.id;
}

async function activeSignal(db: Db, tenant: TenantContext, id: string) {
  const row = await repo.findSignal(db, tenant.network.id, id);
  if (!row) throw new AppError(404, 'signals_unknown_signal');
  return row;
}

function checkNext(from: Phase, to: Phase) {
  const expected = nextPhase(from);
  if (expected === null) throw badRequest('signals_phase_final');
  if (to !== expected) throw badRequest('signals_phase_skip', { from, to, expected });
}

/** Staff move a signal on its own from noticed to collected; from there on it is bundled into a dossier. */
export async function moveSignal(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  id: string,
  raw: z.input<typeof MoveBody>,
) {
  requireStaff(tenant);
  const input = MoveBody.parse(raw);
  await inTransaction(db, async (trx) => {
    const row = await activeSignal(trx, tenant, id);
    if (row.dossier_id) throw badRequest('signals_phase_in_dossier');
    const from = row.phase as Phase;
    checkNext(from, input.to);
    if (input.to === 'bundle') throw badRequest('signals_bundle_via_dossier');
    const patch = {
      phase: input.to,
      phase_since: today(),
      phase_due: await dueFor(trx, tenant.network.id, input.to),
      updated_at: nowIso(),
    };
    await repo.setSignalPhase(trx, tenant.network.id, [id], patch);
    await repo.insertHistory(trx, [
      history(tenant.network.id, { signalId: id }, from, input.to, input.note, actor),
    ]);
    await audit(
      trx,
      tenant,
      actor,
      'signals.moved',
      'signal',
      id,
      { phase: from },
      { ...patch, note: input.note },
    );
  });
}

// Dossiers.

async function activeDossier(db: Db, tenant: TenantContext, id: string) {
  const row = await repo.findDossier(db, tenant.network.id, id);
  if (!row) throw new AppError(404, 'signals_unknown_dossier');
  return row;
}

/** Tells every reporter of the dossier's signals (partners by their account, citizens who left an address). */
async function notifyReporters(
  db: Db,
  tenant: TenantContext,
  dossier: SignalDossierTable,
  phase: Phase,
  note: string,
) {
  const signals = await repo.signalsOfDossier(db, tenant.network.id, dossier.id);
  const contacts = await contactsByIds(
    db,
    signals.flatMap((s) => (s.reporter_user_id ? [s.reporter_user_id] : [])),
  );
  const link = appLink(`/n/${tenant.network.slug}/signalen/dossiers/${dossier.id}`);
  const sent = new Set<string>();
  for (const s of signals) {
    const contact = s.reporter_user_id ? contacts.get(s.reporter_user_id) : undefined;
    const to = contact?.email ?? s.reporter_email;
    if (!to || sent.has(`${to}\u0000${s.id}`)) continue;
    sent.add(`${to}\u0000${s.id}`);
    const lang: Language = contact?.language ?? 'nl';
    const params = {
      title: s.title,
      dossier: dossier.title,
      phase: translate(lang, `phase_${phase}`),
      note,
      link,
      network: tenant.network.name,
    };
    await queueMail(db, {
      networkId: tenant.network.id,
      to,
      subject: translate(lang, 'signals_moved_subject', params),
      text: translate(lang, 'signals_moved_body', params),
      kind: 'signals.dossier_moved',
    });
  }
}

/** Staff bundle collected signals into a dossier (phase 3); the reporters hear of it. */
export async function createDossier(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  raw: z.input<typeof CreateDossierBody>,
): Promise<string> {
  requireStaff(tenant);
  const input = CreateDossierBody.parse(raw);
  return inTransaction(db, async (trx) => {
    const ids = [...new Set(input.signalIds)];
    const signals = await repo.signalsByIds(trx, tenant.network.id, ids);
    if (signals.length !== ids.length) throw new AppError(404, 'signals_unknown_signal');
    const wrong = signals.filter((s) => s.phase !== 'collect' || s.dossier_id);
    if (wrong.length)
      throw badRequest('signals_bundle_phase', { titles: wrong.map((s) => s.title).join(', ') });
    const now = nowIso();
    const due = await dueFor(trx, tenant.network.id, 'bundle');
    const row: SignalDossierTable = {
      id: newId(),
      network_id: tenant.network.id,
      title: input.title,
      analysis: null,
      proposal: null,
      addressee_kind: null,
      addressee_name: null,
      answer: null,
      answer_on: null,
      phase: 'bundle',
      phase_since: today(),
      phase_due: due,
      plan_id: null,
      plan_node_id: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
    await repo.insertDossier(trx, row);
    await repo.setSignalPhase(trx, tenant.network.id, ids, {
      phase: 'bundle',
      phase_since: today(),
      phase_due: due,
      updated_at: now,
      dossier_id: row.id,
    });
    await repo.insertHistory(trx, [
      history(tenant.network.id, { dossierId: row.id }, null, 'bundle', input.note, actor),
      ...ids.map((id) =>
        history(tenant.network.id, { signalId: id }, 'collect', 'bundle', input.note, actor),
      ),
    ]);
    await notifyReporters(trx, tenant, row, 'bundle', input.note);
    await audit(trx, tenant, actor, 'signals.dossier_created', 'signal_dossier', row.id, null, {
      ...row,
      signalIds: ids,
    });
    return row.id;
  });
}

export async function updateDossier(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  id: string,
  raw: z.input<typeof UpdateDossierBody>,
) {
  requireStaff(tenant);
  const input = UpdateDossierBody.parse(raw);
  await inTransaction(db, async (trx) => {
    const before = await activeDossier(trx, tenant, id);
    const patch: Partial<SignalDossierTable> = { updated_at: nowIso() };
    if (input.title !== undefined) patch.title = input.title;
    if (input.analysis !== undefined) patch.analysis = input.analysis;
    if (input.proposal !== undefined) patch.proposal = input.proposal;
    if (input.addresseeKind !== undefined) patch.addressee_kind = input.addresseeKind;
    if (input.addresseeName !== undefined) patch.addressee_name = input.addresseeName;
    if (input.answer !== undefined) patch.answer = input.answer;
    if (input.answerOn !== undefined) patch.answer_on = input.answerOn;
    if (input.answer && !input.answerOn && !before.answer_on) patch.answer_on = today();
    await repo.updateDossier(trx, tenant.network.id, id, patch);
    await audit(trx, tenant, actor, 'signals.dossier_updated', 'signal_dossier', id, before, {
      ...before,
      ...patch,
    });
  });
}

/**
 * Staff move a dossier one phase on, with a note; its signals follow and every reporter is told. Reporting
 * needs an analysis, a proposal and an addressee; feeding back needs the addressee's answer.
 */
export async function moveDossier(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  id: string,
  raw: z.input<typeof MoveBody>,
) {
  requireStaff(tenant);
  const input = MoveBody.parse(raw);
  await inTransaction(db, async (trx) => {
    const row = await activeDossier(trx, tenant, id);
    const from = row.phase as Phase;
    checkNext(from, input.to);
    if (input.to === 'report' && (!row.analysis || !row.proposal)) throw badRequest('signals_needs_analysis');
    if (input.to === 'report' && (!row.addressee_kind || !row.addressee_name))
      throw badRequest('signals_needs_addressee');
    if (input.to === 'feed_back' && !row.answer)
      throw badRequest('signals_needs_answer', { addressee: row.addressee_name ?? '' });
    const now = nowIso();
    const patch = {
      phase: input.to,
      phase_since: today(),
      phase_due: await dueFor(trx, tenant.network.id, input.to),
      updated_at: now,
    };
    await repo.updateDossier(trx, tenant.network.id, id, patch);
    const signals = await repo.signalsOfDossier(trx, tenant.network.id, id);
    await repo.setSignalPhase(
      trx,
      tenant.network.id,
      signals.map((s) => s.id),
      patch,
    );
    await repo.insertHistory(trx, [
      history(tenant.network.id, { dossierId: id }, from, input.to, input.note, actor),
    ]);
    await notifyReporters(trx, tenant, { ...row, ...patch }, input.to, input.note);
    await audit(
      trx,
      tenant,
      actor,
      'signals.dossier_moved',
      'signal_dossier',
      id,
      { phase: from },
      {
        ...patch,
        note: input.note,
      },
    );
  });
}

/** Another partner recognises the dossier as shared (a structural signal is "recognised and shared"). */
export async function cosign(db: Db, tenant: TenantContext, actor: Actor, id: string, note: string | null) {
  if (!hasRole(tenant, 'partner') || !actor.userId) throw forbidden();
  await inTransaction(db, async (trx) => {
    await activeDossier(trx, tenant, id);
    const signals = await repo.signalsOfDossier(trx, tenant.network.id, id);
    if (signals.some((s) => s.reporter_user_id === actor.userId)) throw badRequest('signals_cosign_own');
    const existing = await repo.cosignaturesOf(trx, tenant.network.id, id);
    if (existing.some((c) => c.user_id === actor.userId)) throw conflict('signals_cosign_twice');
    const row = { dossier_id: id, network_id: tenant.network.id, user_id: actor.userId!, note, at: nowIso() };
    await repo.insertCosignature(trx, row);
    await audit(trx, tenant, actor, 'signals.cosigned', 'signal_dossier', id, null, row);
  });
}

/** The dossier becomes an action of a plan (through the plan's own use case); the action names its origin. */
export async function toPlanAction(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  id: string,
  raw: z.input<typeof PlanActionBody>,
) {
  requireStaff(tenant);
  const input = PlanActionBody.parse(raw);
  return inTransaction(db, async (trx) => {
    const row = await activeDossier(trx, tenant, id);
    if (row.plan_node_id) throw conflict('signals_plan_action_exists');
    const link = appLink(`/n/${tenant.network.slug}/signalen/dossiers/${id}`);
    const origin = (lang: Language) => translate(lang, 'signals_origin', { title: row.title, link });
    const description = [row.proposal, origin('nl')].filter(Boolean).join('\n\n');
    const nodeId = await plan.createNode(trx, tenant, actor, input.planId, {
      parentId: input.parentId,
      title: { nl: row.title, fr: null, en: null },
      description: { nl: description, fr: origin('fr'), en: origin('en') },
      tags: [{ kind: 'theme', value: 'signalendossier' }],
    });
    await repo.updateDossier(trx, tenant.network.id, id, {
      plan_id: input.planId,
      plan_node_id: nodeId,
      updated_at: nowIso(),
    });
    await audit(trx, tenant, actor, 'signals.plan_action', 'signal_dossier', id, null, {
      planId: input.planId,
      nodeId,
    });
    return { planId: input.planId, nodeId };
  });
}

/** Open signals (not yet fed back) per municipality, for the gap map of the insights module. */
export const openSignalCounts = (db: Db, networkId: string) => repo.openSignalsByMunicipality(db, networkId);
