import { z } from 'zod';
import { SlugParams } from '../../platform/schemas.ts';

/** What the insights module's API accepts and returns; the web imports these. */

export const QUINTUPLE_AIMS = [
  'better_health',
  'care_experience',
  'lower_cost',
  'care_worker_wellbeing',
  'health_equity',
] as const;
export const POLARITIES = ['up', 'down'] as const;

export { SlugParams };

const IndicatorKey = z.string().min(1).max(80);
export const FigureParams = SlugParams.extend({ indicator: IndicatorKey });
export const PlaceParams = SlugParams.extend({ nis: z.string().regex(/^\d{5}$/) });

const Names = z.object({ nl: z.string(), fr: z.string().nullable(), en: z.string().nullable() });

export const IndicatorView = z.object({
  key: z.string(),
  name: Names,
  unit: z.string(),
  source: z.string(),
  licence: z.string(),
  year: z.number().nullable(),
  aims: z.array(z.enum(QUINTUPLE_AIMS)),
  polarity: z.enum(POLARITIES),
  fictional: z.boolean(),
  /** A fixed series computed from the shipped Statbel data (not imported). */
  builtIn: z.boolean(),
  periods: z.array(z.string()),
});
export type IndicatorView = z.infer<typeof IndicatorView>;

export const IndicatorList = z.object({ indicators: z.array(IndicatorView) });

/** The contract outside tools rely on: keep these keys exactly. */
export const FigureSeries = z.object({
  indicator: z.string(),
  unit: z.string(),
  source: z.string(),
  values: z.array(
    z.object({
      municipality: z.object({ nis: z.string(), name: z.string() }),
      period: z.string(),
      value: z.number(),
    }),
  ),
});
export type FigureSeries = z.infer<typeof FigureSeries>;

const Point = z.object({ period: z.string(), value: z.number() });

export const Comparison = z.object({
  indicator: IndicatorView,
  period: z.string().nullable(),
  indexMethod: z.string(),
  flanders: z.number().nullable(),
  flandersCount: z.number(),
  network: z.number().nullable(),
  municipalities: z.array(
    z.object({
      nis: z.string(),
      name: z.string(),
      value: z.number().nullable(),
      /** Flanders = 100; null without a Flemish mean. */
      index: z.number().nullable(),
    }),
  ),
  trend: z.array(
    z.object({ period: z.string(), network: z.number().nullable(), flanders: z.number().nullable() }),
  ),
  projection: z.object({ method: z.string(), points: z.array(Point) }),
});
export type Comparison = z.infer<typeof Comparison>;

export const Profile = z.object({
  municipality: z.object({ nis: z.string(), name: z.string(), population: z.number() }),
  indexMethod: z.string(),
  figures: z.array(
    z.object({
      indicator: IndicatorView,
      series: z.array(Point),
      latest: Point.nullable(),
      network: z.number().nullable(),
      flanders: z.number().nullable(),
      index: z.number().nullable(),
    }),
  ),
});
export type Profile = z.infer<typeof Profile>;

export const ImportResult = z.object({
  imported: z.number(),
  rejected: z.array(z.object({ line: z.number(), code: z.string(), message: z.string() })),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportQuery = z.object({ file: z.string().min(1).max(200).default('cijfers.csv') });

export const GapQuery = z.object({
  indicator: IndicatorKey,
  rubric: z.string().min(1).max(200).optional(),
});

export const GapMap = z.object({
  indicator: z.object({ key: z.string(), name: Names, unit: z.string(), source: z.string() }),
  rubric: z.object({ termId: z.string(), names: Names }).nullable(),
  /** How the score is made, in the user's language. */
  method: z.string(),
  municipalities: z.array(
    z.object({
      nis: z.string(),
      name: z.string(),
      need: z
        .object({
          period: z.string(),
          value: z.number(),
          networkMean: z.number().nullable(),
          gap: z.number(),
        })
        .nullable(),
      supply: z
        .object({ services: z.number(), per10k: z.number(), average: z.number(), gap: z.number() })
        .nullable(),
      signals: z.number(),
      score: z.number(),
    }),
  ),
});
export type GapMap = z.infer<typeof GapMap>;
