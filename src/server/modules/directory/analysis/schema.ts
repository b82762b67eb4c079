import { z } from 'zod';
import { SlugParams } from '../../networks/schema.ts';
import { RECORD_KINDS } from './values.ts';

/** Zod types of the social map's analysis API: duplicates and merges, zero-result searches, coverage, vocabulary. */

export { RECORD_KINDS };
export const RecordKind = z.enum(RECORD_KINDS);
export type RecordKind = z.infer<typeof RecordKind>;

/** The fields a merge lets staff choose per side; everything else (lists, hours) is joined or kept. */
export const ORGANIZATION_MERGE_FIELDS = [
  'name',
  'alternate_name',
  'description',
  'email',
  'website',
  'legal_status',
] as const;
export const SERVICE_MERGE_FIELDS = [
  'name',
  'alternate_name',
  'description',
  'url',
  'email',
  'application_process',
  'fees_description',
  'wait_time',
  'eligibility_description',
  'minimum_age',
  'maximum_age',
] as const;
export type MergeField = (typeof ORGANIZATION_MERGE_FIELDS)[number] | (typeof SERVICE_MERGE_FIELDS)[number];

const Id = z.string().min(1).max(100);
const Side = z.enum(['survivor', 'merged']);

export const DuplicatesQuery = z.strictObject({ kind: RecordKind.default('organization') });

export const DuplicateReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('same_identifier'), scheme: z.string(), value: z.string() }),
  z.object({ code: z.literal('same_phone'), value: z.string() }),
  z.object({ code: z.literal('same_address'), value: z.string() }),
  z.object({ code: z.literal('similar_name'), similarity: z.number() }),
]);
export type DuplicateReason = z.infer<typeof DuplicateReason>;

export const RecordSummary = z.object({
  id: z.string(),
  kind: RecordKind,
  name: z.string(),
  organizationName: z.string().nullable(),
  local: z.boolean(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
});
export type RecordSummary = z.infer<typeof RecordSummary>;

export const DuplicatePair = z.object({
  kind: RecordKind,
  a: RecordSummary,
  b: RecordSummary,
  score: z.number(),
  reasons: z.array(DuplicateReason),
});
export type DuplicatePair = z.infer<typeof DuplicatePair>;

export const DuplicateList = z.object({ pairs: z.array(DuplicatePair), scanned: z.number() });

/** A record being entered or imported, checked against the map before it is written. */
export const DuplicateCheck = z.strictObject({
  kind: RecordKind,
  name: z.string().trim().min(1).max(300),
  kbo: z.string().max(40).optional(),
  address_1: z.string().max(300).optional(),
  postal_code: z.string().max(10).optional(),
  phone: z.string().max(40).optional(),
  organization_id: Id.optional(),
  excludeId: Id.optional(),
});
export type DuplicateCheck = z.infer<typeof DuplicateCheck>;

export const DuplicateMatch = z.object({
  id: z.string(),
  kind: RecordKind,
  name: z.string(),
  score: z.number(),
  reasons: z.array(DuplicateReason),
});

export const PairParams = SlugParams.extend({ kind: RecordKind, a: Id, b: Id });

export const MergeRecord = z.object({
  id: z.string(),
  name: z.string(),
  local: z.boolean(),
  fields: z.record(z.string(), z.union([z.string(), z.number()]).nullable()),
  counts: z.record(z.string(), z.number()),
});

export const MergeView = z.object({
  kind: RecordKind,
  fields: z.array(z.string()),
  a: MergeRecord,
  b: MergeRecord,
  /** Whether this caller may merge this pair (shared records need a network admin). */
  mergeable: z.boolean(),
  score: z.number(),
  reasons: z.array(DuplicateReason),
});
export type MergeView = z.infer<typeof MergeView>;

export const DismissInput = z.strictObject({ kind: RecordKind, a: Id, b: Id });

const choices = <T extends readonly [string, ...string[]]>(fields: T) =>
  z.strictObject(
    Object.fromEntries(fields.map((f) => [f, Side.optional()])) as Record<
      T[number],
      z.ZodOptional<typeof Side>
    >,
  );

export const MergeInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('organization'),
    survivorId: Id,
    mergedId: Id,
    fields: choices(ORGANIZATION_MERGE_FIELDS).default({}),
  }),
  z.strictObject({
    kind: z.literal('service'),
    survivorId: Id,
    mergedId: Id,
    fields: choices(SERVICE_MERGE_FIELDS).default({}),
  }),
]);
export type MergeInput = z.input<typeof MergeInput>;

export const MergeResult = z.object({ survivorId: z.string(), movedServices: z.number() });

export const MissesQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(366).default(30) });

export const SearchMiss = z.object({
  query: z.string(),
  filters: z.record(z.string(), z.unknown()),
  count: z.number(),
  lastSeen: z.string(),
});
export const MissList = z.object({ since: z.string(), misses: z.array(SearchMiss) });

export const COVERAGE_FLAGS = ['none', 'low', 'below', 'above'] as const;
export const CoverageCell = z.object({
  nisCode: z.string(),
  services: z.number(),
  per10k: z.number(),
  /** This municipality's rate over the network's rate (1 = average); null when the network has none. */
  ratio: z.number().nullable(),
  flag: z.enum(COVERAGE_FLAGS),
});
export const CoverageView = z.object({
  source: z.string(),
  referenceDate: z.string().nullable(),
  /** A municipality is a gap below this share of the network's average. */
  gapBelow: z.number(),
  municipalities: z.array(
    z.object({
      nisCode: z.string(),
      nameNl: z.string(),
      nameFr: z.string().nullable(),
      population: z.number(),
    }),
  ),
  rubrics: z.array(
    z.object({
      termId: z.string(),
      names: z.object({ nl: z.string(), fr: z.string().nullable(), en: z.string().nullable() }),
      services: z.number(),
      average: z.number(),
      cells: z.array(CoverageCell),
    }),
  ),
});
export type CoverageView = z.infer<typeof CoverageView>;

const Word = z.string().trim().min(2).max(80);
export const SynonymInput = z.strictObject({ term: Word, synonym: Word });
export const SynonymParams = SlugParams.extend({ synonymId: Id });
export const SynonymSwitch = z.strictObject({ enabled: z.boolean() });
export const Synonym = z.object({
  id: z.string(),
  term: z.string(),
  synonym: z.string(),
  /** global: for every network (can be switched off here); local: this network's own addition. */
  scope: z.enum(['global', 'local']),
  enabled: z.boolean(),
});
export type Synonym = z.infer<typeof Synonym>;

export const EDITABLE_TAXONOMY_KINDS = ['rubric', 'target_group'] as const;
const Label = z.string().trim().min(2).max(120);
export const TermNames = z.strictObject({ nl: Label, fr: Label.optional(), en: Label.optional() });
export const TermInput = z.strictObject({
  taxonomyId: Id,
  code: z
    .string()
    .min(2)
    .max(60)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .optional(),
  names: TermNames,
});
export const TermParams = SlugParams.extend({ termId: Id });
export const TermUpdate = z.strictObject({ names: TermNames });
export const TermRetire = z.strictObject({ replacementId: Id.optional() });
export const Term = z.object({
  id: z.string(),
  code: z.string(),
  names: z.object({ nl: z.string(), fr: z.string().nullable(), en: z.string().nullable() }),
  usage: z.number(),
});
export const TaxonomyView = z.object({
  taxonomies: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      name: z.string(),
      editable: z.boolean(),
      terms: z.array(Term),
    }),
  ),
});
export type TaxonomyView = z.infer<typeof TaxonomyView>;
