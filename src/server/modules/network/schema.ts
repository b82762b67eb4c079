import { z } from 'zod';
import { Id } from '../../platform/schemas.ts';
import type { NetworkMetrics } from './metrics/suite.ts';
import type { compareRounds, listIntroductions, roundResults, Suggestion, surveyForm } from './service.ts';
import {
  CONTRIBUTIONS,
  INTRODUCTION_STATUSES,
  OUTCOMES,
  SCALES,
  SECTORS,
  TIE_ORIGINS,
  TIE_TYPES,
} from './values.ts';

export { CONTRIBUTIONS, INTRODUCTION_STATUSES, OUTCOMES, SCALES, SECTORS, TIE_ORIGINS, TIE_TYPES };

const isoDate = z.iso.date();
const Label = z.string().trim().min(1).max(60);

export const PartnerParams = z.strictObject({ slug: z.string().max(60), partnerId: Id });
export const TieParams = z.strictObject({ slug: z.string().max(60), tieId: Id });
export const RoundParams = z.strictObject({ slug: z.string().max(60), roundId: Id });
export const ResponseParams = z.strictObject({ slug: z.string().max(60), roundId: Id, partnerId: Id });
export const IntroductionParams = z.strictObject({ slug: z.string().max(60), introductionId: Id });

export const PartnerInput = z.strictObject({
  name: z.string().trim().min(2).max(200),
  sector: z.enum(SECTORS),
  role: z.string().trim().max(200).nullable().default(null),
  organizationId: z.string().trim().min(1).max(100).nullable().default(null),
  themes: z.array(Label).max(30).default([]),
  targetGroups: z.array(Label).max(30).default([]),
  isHub: z.boolean().default(false),
});
export type PartnerInput = z.input<typeof PartnerInput>;

export const PartnerUpdate = z
  .strictObject({
    name: z.string().trim().min(2).max(200),
    sector: z.enum(SECTORS),
    role: z.string().trim().max(200).nullable(),
    organizationId: z.string().trim().min(1).max(100).nullable(),
    themes: z.array(Label).max(30),
    targetGroups: z.array(Label).max(30),
    isHub: z.boolean(),
    archived: z.boolean(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

export const Partner = z.object({
  id: z.string(),
  name: z.string(),
  sector: z.enum(SECTORS),
  role: z.string().nullable(),
  organizationId: z.string().nullable(),
  themes: z.array(z.string()),
  targetGroups: z.array(z.string()),
  isHub: z.boolean(),
  archived: z.boolean(),
  isDemo: z.boolean(),
});
export type Partner = z.infer<typeof Partner>;

export const TieInput = z
  .strictObject({
    sourceId: Id,
    targetId: Id,
    type: z.enum(TIE_TYPES),
    directed: z.boolean().default(false),
    weight: z.number().positive().max(1000).default(1),
    startDate: isoDate,
    endDate: isoDate.nullable().default(null),
    note: z.string().trim().max(1000).nullable().default(null),
  })
  .refine((t) => t.sourceId !== t.targetId, {
    message: 'a tie needs two different partners',
    path: ['targetId'],
  })
  .refine((t) => t.endDate === null || t.endDate > t.startDate, {
    message: 'endDate must be after startDate',
    path: ['endDate'],
  });
export type TieInput = z.input<typeof TieInput>;

export const TieUpdate = z
  .strictObject({
    weight: z.number().positive().max(1000),
    endDate: isoDate.nullable(),
    note: z.string().trim().max(1000).nullable(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

export const Tie = z.object({
  id: z.string(),
  sourceId: z.string(),
  targetId: z.string(),
  type: z.enum(TIE_TYPES),
  directed: z.boolean(),
  weight: z.number(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  origin: z.enum(TIE_ORIGINS),
  originRef: z.string().nullable(),
  note: z.string().nullable(),
});
export type Tie = z.infer<typeof Tie>;

const csv = <const E extends readonly [string, ...string[]]>(values: E) =>
  z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).max(20));

/** A view of the network: the ties active in a time window, of some types, between some sectors. */
export const GraphFilter = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  types: csv(TIE_TYPES).optional(),
  sectors: csv(SECTORS).optional(),
  origins: csv(TIE_ORIGINS).optional(),
  minWeight: z.coerce.number().min(0).max(1000).optional(),
  lang: z.string().optional(),
});
export type GraphFilter = z.output<typeof GraphFilter>;

export const TieTypeSettings = z.strictObject({
  derive: z.partialRecord(z.enum(TIE_TYPES), z.boolean()),
});

const Score = z.number().int().min(1).max(4);
export const RoundInput = z
  .strictObject({
    title: z.string().trim().min(2).max(200),
    opensOn: isoDate,
    closesOn: isoDate,
  })
  .refine((r) => r.closesOn >= r.opensOn, {
    message: 'closesOn must not be before opensOn',
    path: ['closesOn'],
  });

export const Round = z.object({
  id: z.string(),
  title: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  state: z.enum(['upcoming', 'open', 'closed']),
  respondents: z.number(),
  invited: z.number(),
});

export const RatingInput = z.strictObject({
  partnerId: Id,
  reliability: Score,
  mission: Score,
  openness: Score,
  power: Score,
  involvement: Score,
  resources: Score,
});

export const ResponseInput = z.strictObject({
  ratings: z.array(RatingInput).max(500),
  contributes: z.array(z.enum(CONTRIBUTIONS)).max(CONTRIBUTIONS.length),
  outcomes: z.array(z.enum(OUTCOMES)).max(OUTCOMES.length),
});
export type ResponseInput = z.output<typeof ResponseInput>;

export const IntroductionInput = z
  .strictObject({ partnerAId: Id, partnerBId: Id, reason: z.string().trim().min(2).max(1000) })
  .refine((i) => i.partnerAId !== i.partnerBId, { message: 'two different partners', path: ['partnerBId'] });
export const IntroductionUpdate = z.strictObject({ status: z.enum(INTRODUCTION_STATUSES) });

/**
 * Answers the web reads that have no schema of their own, named here so the web imports only this file.
 * Type-only: nothing of the services reaches the bundle.
 */
export type { NetworkMetrics, Suggestion };
export type RoundResults = Awaited<ReturnType<typeof roundResults>>;
export type RoundComparison = Awaited<ReturnType<typeof compareRounds>>;
export type SurveyForm = Awaited<ReturnType<typeof surveyForm>>;
export type Introduction = Awaited<ReturnType<typeof listIntroductions>>[number];
