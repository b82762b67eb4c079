import { z } from 'zod';
import { Id, SlugParams } from '../../platform/schemas.ts';

/** What the signals module's API accepts and returns; the web imports these. */

/** The eight phases of a Flemish policy signal, in order (REFERENCE.md §3). */
export const PHASES = [
  'notice',
  'collect',
  'bundle',
  'analyse',
  'report',
  'decide',
  'act',
  'feed_back',
] as const;
export type Phase = (typeof PHASES)[number];
/** The phases a single signal passes before it is bundled; from `bundle` on its dossier carries the phase. */
export const SIGNAL_PHASES = ['notice', 'collect'] as const;
export const DOSSIER_PHASES = ['bundle', 'analyse', 'report', 'decide', 'act', 'feed_back'] as const;
export const ADDRESSEE_KINDS = ['municipality', 'province', 'flemish_agency'] as const;
export const THEMES = [
  'access',
  'housing',
  'poverty',
  'mental_health',
  'elderly_care',
  'prevention',
  'mobility',
  'informal_care',
  'other',
] as const;
export const SECTORS = [
  'primary_care',
  'welfare',
  'mental_health',
  'elderly_care',
  'local_government',
  'other',
] as const;
export const PERSONAL_DATA_KINDS = ['national_number', 'email', 'phone', 'birth_date'] as const;

/** Days a signal or dossier may stay in a phase before it shows on the overdue list. */
export const DEFAULT_DEADLINES: Record<Phase, number> = {
  notice: 14,
  collect: 30,
  bundle: 30,
  analyse: 60,
  report: 30,
  decide: 90,
  act: 180,
  feed_back: 30,
};

const Text = (max: number) => z.string().trim().min(1).max(max);
const Nis = z.string().regex(/^\d{5}$/);
const isoDate = z.iso.date();

export { SlugParams };
export const SignalParams = SlugParams.extend({ signalId: Id });
export const DossierParams = SlugParams.extend({ dossierId: Id });
export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const CreateSignalBody = z.strictObject({
  title: Text(200),
  description: Text(5000),
  municipalities: z.array(Nis).min(1).max(50),
  targetGroup: Text(200).nullable().default(null),
  affectedCount: z.number().int().min(1).max(10_000_000).nullable().default(null),
  since: isoDate.nullable().default(null),
  theme: z.enum(THEMES),
  sector: z.enum(SECTORS).nullable().default(null),
  evidence: Text(5000).nullable().default(null),
  anonymous: z.boolean().default(false),
  /** The reporter saw the personal-data warning and keeps the text as it is. */
  confirmPersonalData: z.boolean().default(false),
});
export type CreateSignalInput = z.input<typeof CreateSignalBody>;

export const MoveBody = z.strictObject({ to: z.enum(PHASES), note: Text(2000) });

export const CreateDossierBody = z.strictObject({
  title: Text(200),
  signalIds: z.array(Id).min(1).max(200),
  note: Text(2000),
});

export const UpdateDossierBody = z.strictObject({
  title: Text(200).optional(),
  analysis: Text(20_000).nullable().optional(),
  proposal: Text(20_000).nullable().optional(),
  addresseeKind: z.enum(ADDRESSEE_KINDS).nullable().optional(),
  addresseeName: Text(200).nullable().optional(),
  answer: Text(20_000).nullable().optional(),
  answerOn: isoDate.nullable().optional(),
});

export const CosignBody = z.strictObject({ note: Text(1000).nullable().default(null) });
export const PlanActionBody = z.strictObject({ planId: Id, parentId: Id.nullable().default(null) });
export const SettingsBody = z.strictObject({
  publicForm: z.boolean(),
  deadlines: z.record(z.enum(PHASES), z.number().int().min(1).max(730)).optional(),
});

export const Settings = z.object({
  publicForm: z.boolean(),
  deadlines: z.record(z.string(), z.number()),
});

export const PersonalDataFinding = z.object({ field: z.string(), kind: z.enum(PERSONAL_DATA_KINDS) });

const Reporter = z.object({ name: z.string(), email: z.string().nullable() }).nullable();
const Place = z.object({ nis: z.string(), name: z.string() });

export const SignalSummary = z.object({
  id: z.string(),
  title: z.string(),
  theme: z.enum(THEMES),
  sector: z.enum(SECTORS).nullable(),
  municipalities: z.array(Place),
  phase: z.enum(PHASES),
  phaseSince: z.string(),
  phaseDue: z.string(),
  overdue: z.boolean(),
  dossierId: z.string().nullable(),
  channel: z.enum(['partner', 'citizen']),
  /** Null when the reporter chose to stay anonymous towards other partners (staff always see them). */
  reporter: Reporter,
  createdAt: z.string(),
});

export const HistoryEntry = z.object({
  from: z.enum(PHASES).nullable(),
  to: z.enum(PHASES),
  note: z.string(),
  by: z.string().nullable(),
  at: z.string(),
});

export const SignalView = SignalSummary.extend({
  description: z.string(),
  targetGroup: z.string().nullable(),
  affectedCount: z.number().nullable(),
  since: z.string().nullable(),
  evidence: z.string().nullable(),
  anonymous: z.boolean(),
  history: z.array(HistoryEntry),
  similar: z.array(z.object({ id: z.string(), title: z.string(), phase: z.enum(PHASES), score: z.number() })),
  nextPhase: z.enum(PHASES).nullable(),
});
export type SignalView = z.infer<typeof SignalView>;

export const DossierSummary = z.object({
  id: z.string(),
  title: z.string(),
  phase: z.enum(PHASES),
  phaseSince: z.string(),
  phaseDue: z.string(),
  overdue: z.boolean(),
  signalCount: z.number(),
  addressee: z.object({ kind: z.enum(ADDRESSEE_KINDS), name: z.string() }).nullable(),
});

export const DossierView = DossierSummary.extend({
  analysis: z.string().nullable(),
  proposal: z.string().nullable(),
  answer: z.string().nullable(),
  answerOn: z.string().nullable(),
  signals: z.array(SignalSummary),
  cosignatures: z.array(z.object({ name: z.string(), note: z.string().nullable(), at: z.string() })),
  history: z.array(HistoryEntry),
  planAction: z.object({ planId: z.string(), nodeId: z.string() }).nullable(),
  nextPhase: z.enum(PHASES).nullable(),
});
export type DossierView = z.infer<typeof DossierView>;

export const SignalBoard = z.object({
  signals: z.array(SignalSummary),
  dossiers: z.array(DossierSummary),
});

export const Overdue = z.object({
  signals: z.array(SignalSummary),
  dossiers: z.array(DossierSummary),
});

export const SignalReport = z.object({
  year: z.number(),
  network: z.string(),
  totals: z.object({ signals: z.number(), dossiers: z.number(), answered: z.number() }),
  byPhase: z.array(z.object({ phase: z.enum(PHASES), signals: z.number() })),
  byTheme: z.array(z.object({ theme: z.enum(THEMES), signals: z.number() })),
  byMunicipality: z.array(z.object({ nis: z.string(), name: z.string(), signals: z.number() })),
  dossiers: z.array(
    DossierSummary.extend({ proposal: z.string().nullable(), answer: z.string().nullable() }),
  ),
});
export type SignalReport = z.infer<typeof SignalReport>;
