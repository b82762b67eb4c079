import { z } from 'zod';

export const STATBEL_SOURCE = 'Statbel (Algemene Directie Statistiek)';
export const STATBEL_LICENCE = 'CC BY 4.0';

export const MunicipalityFigures = z.object({
  nisCode: z.string(),
  nameNl: z.string(),
  nameFr: z.string().nullable(),
  population: z.number(),
  /** Null where Statbel's age breakdown for the municipality is not in our reference data. */
  age0to14: z.number().nullable(),
  age15to64: z.number().nullable(),
  age65plus: z.number().nullable(),
  share65plus: z.number().nullable(),
  /** The date the figures of this row refer to (1 January of a year). */
  referenceDate: z.string(),
});

export const PopulationFigures = z.object({
  source: z.string(),
  licence: z.string(),
  referenceDate: z.string().nullable(),
  municipalities: z.array(MunicipalityFigures),
  series: z.array(
    z.object({
      referenceDate: z.string(),
      total: z.number(),
      age65plus: z.number(),
      share65plus: z.number(),
    }),
  ),
  /** Age totals only when every municipality has its age breakdown (`complete`); never a sum over a part. */
  totals: z.object({
    population: z.number(),
    age65plus: z.number().nullable(),
    share65plus: z.number().nullable(),
    complete: z.boolean(),
  }),
});
export type PopulationFigures = z.infer<typeof PopulationFigures>;

export const BoundaryCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ nisCode: z.string(), nameNl: z.string(), nameFr: z.string().nullable() }),
      geometry: z.unknown(),
    }),
  ),
});
export type BoundaryCollection = z.infer<typeof BoundaryCollection>;
