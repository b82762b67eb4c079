import { z } from 'zod';
import { TARGET_FIELDS } from './values.ts';

/** Zod types of the exchange API (decision 024). */

export const SlugParams = z.object({ slug: z.string().min(1).max(60) });
export const JobParams = SlugParams.extend({ id: z.uuid() });
export const UploadQuery = z.object({ name: z.string().min(1).max(255) });

const Mapping = z.partialRecord(z.enum(TARGET_FIELDS), z.string().max(200));
export const MappingBody = z.object({ mapping: Mapping });
/** skipRejected: leave out a spreadsheet's rejected rows (the rest is still all or nothing). */
export const CommitBody = z.object({ skipRejected: z.boolean().optional() });

const Counts = z.object({ create: z.number(), update: z.number(), link: z.number() });
export const Report = z.object({
  ok: z.boolean(),
  rows: z.number(),
  errors: z.array(
    z.object({
      file: z.string(),
      line: z.number(),
      code: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      message: z.string(),
    }),
  ),
  skipped: z.array(
    z.object({
      file: z.string(),
      line: z.number(),
      code: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      message: z.string(),
    }),
  ),
  planned: z.array(
    z.object({
      file: z.string(),
      line: z.number(),
      entity: z.enum(['organization', 'service', 'location']),
      name: z.string(),
      action: z.enum(['create', 'update', 'link']),
    }),
  ),
  counts: z.object({ organizations: Counts, services: Counts, locations: Counts }),
  duplicates: z.array(
    z.object({
      file: z.string(),
      line: z.number(),
      entity: z.string(),
      name: z.string(),
      matches: z.array(z.object({ id: z.string(), name: z.string(), score: z.number() })),
    }),
  ),
});

export const Job = z.object({
  id: z.string(),
  fileName: z.string(),
  kind: z.enum(['hsds-tabular', 'hsds-json', 'spreadsheet']),
  status: z.enum(['uploaded', 'running', 'done', 'failed']),
  phase: z.string().nullable(),
  processed: z.number(),
  total: z.number(),
  createdAt: z.string(),
  sheet: z
    .object({
      columns: z.array(z.string()),
      sample: z.array(z.array(z.string())),
      encoding: z.string(),
      delimiter: z.string().nullable(),
      rows: z.number(),
    })
    .nullable(),
  mapping: Mapping.nullable(),
  suggested: Mapping.nullable(),
  result: Report.nullable(),
});
