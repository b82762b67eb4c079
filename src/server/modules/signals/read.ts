import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { STOPWORDS, words } from '../../platform/search/normalise.ts';
import { stem } from '../../platform/search/stem.ts';
import { hasRole, type TenantContext } from '../../platform/tenancy.ts';
import { contactsByIds } from '../accounts/service.ts';
import { municipalityNames } from '../geography/service.ts';
import * as repo from './repo.ts';
import type {
  DossierSummary,
  DossierView,
  HistoryEntry,
  Phase,
  SignalReport,
  SignalSummary,
  SignalView,
} from './schema.ts';
import { PHASES, THEMES } from './schema.ts';
import { isStaff, nextPhase, today } from './service.ts';
import type { SignalDossierTable, SignalHistoryTable, SignalTable } from './tables.ts';

type Db = Kysely<PlatformTables>;
type Summary = z.infer<typeof SignalSummary>;
type DossierSum = z.infer<typeof DossierSummary>;

/** Signals and dossiers are the network's internal work: members read them, the public does not. */
function requireMember(tenant: TenantContext) {
  if (!hasRole(tenant, 'viewer')) throw forbidden();
}

interface Lookup {
  viewerId: string | null;
  staff: boolean;
  people: Map<string, { name: string; email: string }>;
  places: Map<string, string>;
  today: string;
}

async function lookup(
  db: Db,
  tenant: TenantContext,
  viewerId: string | null,
  signals: SignalTable[],
  userIds: string[] = [],
) {
  const codes = [...new Set(signals.flatMap((s) => JSON.parse(s.municipalities) as string[]))];
  const [people, places] = await Promise.all([
    contactsByIds(db, [
      ...signals.flatMap((s) => (s.reporter_user_id ? [s.reporter_user_id] : [])),
      ...userIds,
    ]),
    municipalityNames(db, codes),
  ]);
  return {
    viewerId,
    staff: isStaff(tenant),
    people,
    places: new Map(places.map((p) => [p.nis_code, p.name_nl])),
    today: today(),
  } satisfies Lookup;
}

function reporterOf(s: SignalTable, l: Lookup): Summary['reporter'] {
  const own = l.viewerId !== null && s.reporter_user_id === l.viewerId;
  if (s.channel === 'citizen') return l.staff ? { name: '', email: s.reporter_email } : null;
  if (!l.staff && !own && s.anonymous === 1) return null;
  const person = s.reporter_user_id ? l.people.get(s.reporter_user_id) : undefined;
  if (!person) return null;
  return { name: person.name, email: l.staff || own ? person.email : null };
}

const FINAL: Phase = 'feed_back';

function summary(s: SignalTable, l: Lookup): Summary {
  return {
    id: s.id,
    title: s.title,
    theme: s.theme as Summary['theme'],
    sector: s.sector as Summary['sector'],
    municipalities: (JSON.parse(s.municipalities) as string[]).map((nis) => ({
      nis,
      name: l.places.get(nis) ?? nis,
    })),
    phase: s.phase as Phase,
    phaseSince: s.phase_since,
    phaseDue: s.phase_due,
    overdue: s.phase !== FINAL && s.phase_due < l.today,
    dossierId: s.dossier_id,
    channel: s.channel as Summary['channel'],
    reporter: reporterOf(s, l),
    createdAt: s.created_at,
  };
}

function dossierSummary(d: SignalDossierTable, signalCount: number, day = today()): DossierSum {
  return {
    id: d.id,
    title: d.title,
    phase: d.phase as Phase,
    phaseSince: d.phase_since,
    phaseDue: d.phase_due,
    overdue: d.phase !== FINAL && d.phase_due < day,
    signalCount,
    addressee:
      d.addressee_kind && d.addressee_name
        ? { kind: d.addressee_kind as 'municipality', name: d.addressee_name }
        : null,
  };
}

async function historyView(db: Db, rows: SignalHistoryTable[]): Promise<z.infer<typeof HistoryEntry>[]> {
  const people = await contactsByIds(
    db,
    rows.flatMap((r) => (r.actor_user_id ? [r.actor_user_id] : [])),
  );
  return rows.map((r) => ({
    from: r.from_phase as Phase | null,
    to: r.to_phase as Phase,
    note: r.note,
    by: r.actor_user_id ? (people.get(r.actor_user_id)?.name ?? null) : null,
    at: r.at,
  }));
}

export async function board(db: Db, tenant: TenantContext, viewerId: string | null) {
  requireMember(tenant);
  const [signals, dossiers] = await Promise.all([
    repo.listSignals(db, tenant.network.id),
    repo.listDossiers(db, tenant.network.id),
  ]);
  const l = await lookup(db, tenant, viewerId, signals);
  const counts = new Map<string, number>();
  for (const s of signals) if (s.dossier_id) counts.set(s.dossier_id, (counts.get(s.dossier_id) ?? 0) + 1);
  return {
    signals: signals.map((s) => summary(s, l)),
    dossiers: dossiers.map((d) => dossierSummary(d, counts.get(d.id) ?? 0, l.today)),
  };
}

export async function overdue(db: Db, tenant: TenantContext, viewerId: string | null) {
  const all = await board(db, tenant, viewerId);
  return {
    signals: all.signals.filter((s) => s.overdue && !s.dossierId),
    dossiers: all.dossiers.filter((d) => d.overdue),
  };
}

/** Stemmed content words of a signal's text, for a cheap similarity between signals. */
function stems(s: SignalTable): Set<string> {
  return new Set(
    words(`${s.title} ${s.description}`)
      .filter((w) => w.length > 2 && !STOPWORDS.has(w))
      .map((w) => stem(w, 'nl')),
  );
}

/**
 * Signals like this one, as context: text overlap (Jaccard over Dutch stems, as the social map's search
 * stems), plus a bonus for the same theme and for a shared municipality.
 */
export function similarSignals(target: SignalTable, others: SignalTable[], limit = 5) {
  const mine = stems(target);
  const places = new Set(JSON.parse(target.municipalities) as string[]);
  return others
    .filter((o) => o.id !== target.id)
    .map((o) => {
      const theirs = stems(o);
      const shared = [...mine].filter((w) => theirs.has(w)).length;
      const union = mine.size + theirs.size - shared;
      const text = union === 0 ? 0 : shared / union;
      const place = (JSON.parse(o.municipalities) as string[]).some((m) => places.has(m)) ? 0.2 : 0;
      const theme = o.theme === target.theme ? 0.3 : 0;
      return {
        id: o.id,
        title: o.title,
        phase: o.phase as Phase,
        score: Math.round((text + place + theme) * 100) / 100,
      };
    })
    .filter((o) => o.score >= 0.3)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

export async function signalView(
  db: Db,
  tenant: TenantContext,
  viewerId: string | null,
  id: string,
): Promise<SignalView> {
  requireMember(tenant);
  const s = await repo.findSignal(db, tenant.network.id, id);
  if (!s) throw new AppError(404, 'signals_unknown_signal');
  const [all, rows] = await Promise.all([
    repo.listSignals(db, tenant.network.id),
    repo.historyOf(db, tenant.network.id, { signalId: id }),
  ]);
  const l = await lookup(db, tenant, viewerId, [s]);
  return {
    ...summary(s, l),
    description: s.description,
    targetGroup: s.target_group,
    affectedCount: s.affected_count,
    since: s.since,
    evidence: s.evidence,
    anonymous: s.anonymous === 1,
    history: await historyView(db, rows),
    similar: similarSignals(s, all),
    nextPhase: s.dossier_id ? null : nextPhase(s.phase as Phase),
  };
}

export async function dossierView(
  db: Db,
  tenant: TenantContext,
  viewerId: string | null,
  id: string,
): Promise<DossierView> {
  requireMember(tenant);
  const d = await repo.findDossier(db, tenant.network.id, id);
  if (!d) throw new AppError(404, 'signals_unknown_dossier');
  const [signals, cosignatures, rows] = await Promise.all([
    repo.signalsOfDossier(db, tenant.network.id, id),
    repo.cosignaturesOf(db, tenant.network.id, id),
    repo.historyOf(db, tenant.network.id, { dossierId: id }),
  ]);
  const l = await lookup(
    db,
    tenant,
    viewerId,
    signals,
    cosignatures.map((c) => c.user_id),
  );
  return {
    ...dossierSummary(d, signals.length, l.today),
    analysis: d.analysis,
    proposal: d.proposal,
    answer: d.answer,
    answerOn: d.answer_on,
    signals: signals.map((s) => summary(s, l)),
    cosignatures: cosignatures.map((c) => ({
      name: l.people.get(c.user_id)?.name ?? '',
      note: c.note,
      at: c.at,
    })),
    history: await historyView(db, rows),
    planAction: d.plan_id && d.plan_node_id ? { planId: d.plan_id, nodeId: d.plan_node_id } : null,
    nextPhase: nextPhase(d.phase as Phase),
  };
}

/** The yearly signal report: what was reported in the year, where, on what, and what came of the dossiers. */
export async function yearReport(db: Db, tenant: TenantContext, year: number): Promise<SignalReport> {
  requireMember(tenant);
  const [signals, dossiers] = await Promise.all([
    repo.listSignals(db, tenant.network.id),
    repo.listDossiers(db, tenant.network.id),
  ]);
  const inYear = signals.filter((s) => s.created_at.startsWith(String(year)));
  const dossierIds = new Set(inYear.flatMap((s) => (s.dossier_id ? [s.dossier_id] : [])));
  const yearDossiers = dossiers.filter((d) => dossierIds.has(d.id) || d.created_at.startsWith(String(year)));
  const count = <K extends string>(keys: readonly K[], of: (s: SignalTable) => K[]) =>
    keys.map((k) => ({ key: k, n: inYear.filter((s) => of(s).includes(k)).length }));
  const codes = [...new Set(inYear.flatMap((s) => JSON.parse(s.municipalities) as string[]))];
  const names = new Map((await municipalityNames(db, codes)).map((m) => [m.nis_code, m.name_nl]));
  const perDossier = new Map<string, number>();
  for (const s of signals)
    if (s.dossier_id) perDossier.set(s.dossier_id, (perDossier.get(s.dossier_id) ?? 0) + 1);
  return {
    year,
    network: tenant.network.name,
    totals: {
      signals: inYear.length,
      dossiers: yearDossiers.length,
      answered: yearDossiers.filter((d) => d.answer).length,
    },
    byPhase: count(PHASES, (s) => [s.phase as Phase]).map((c) => ({ phase: c.key, signals: c.n })),
    byTheme: count(THEMES, (s) => [s.theme as (typeof THEMES)[number]])
      .filter((c) => c.n > 0)
      .map((c) => ({ theme: c.key, signals: c.n })),
    byMunicipality: count(codes, (s) => JSON.parse(s.municipalities) as string[])
      .map((c) => ({ nis: c.key, name: names.get(c.key) ?? c.key, signals: c.n }))
      .sort((a, b) => b.signals - a.signals),
    dossiers: yearDossiers.map((d) => ({
      ...dossierSummary(d, perDossier.get(d.id) ?? 0),
      proposal: d.proposal,
      answer: d.answer,
    })),
  };
}
