import { z } from 'zod';
import { DuplicateReason } from '../analysis/schema.ts';
import { RECORD_KINDS } from '../analysis/values.ts';
import { FRESHNESS_BUCKETS, SUGGESTION_STATUSES } from './values.ts';

/** What the curation API accepts and returns; the web imports these types. */

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;

// The range (00:00–24:00) and the order of times are checked by the service, with a message naming the slot.
const Clock = z.string().regex(/^\d{2}:\d{2}$/);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => Text(max).nullable();
const Age = z.number().int().min(0).max(120).nullable();
const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ./()-]{6,25}$/);

export const Slot = z.strictObject({ day: z.enum(WEEKDAYS), opens_at: Clock, closes_at: Clock });
export const HoursException = z.strictObject({
  date_from: Day,
  date_to: Day,
  closed: z.boolean(),
  opens_at: Clock.nullable(),
  closes_at: Clock.nullable(),
  reason: OptionalText(200),
});
export const Hours = z.strictObject({
  weekly: z.array(Slot).max(70),
  exceptions: z.array(HoursException).max(100),
});
export const Address = z.strictObject({
  address_1: Text(200),
  postal_code: z.string().regex(/^\d{4}$/),
  city: Text(100),
});
export const Capacity = z.strictObject({
  available: z.number().int().min(0).max(100_000),
  waiting_list: z.number().int().min(0).max(100_000).nullable(),
});

/** Every field of a service that can be edited or suggested, one key per field of provenance. */
export const ServiceFields = z.strictObject({
  name: Text(200),
  alternate_name: OptionalText(200),
  description: OptionalText(4000),
  name_fr: OptionalText(200),
  name_en: OptionalText(200),
  description_fr: OptionalText(4000),
  description_en: OptionalText(4000),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
  email: z.email().max(200).nullable(),
  phones: z.array(Phone).max(5),
  address: Address.nullable(),
  hours: Hours,
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(20),
  /** Euro per use; 0 is free, null unknown. */
  cost: z.number().min(0).max(100_000).nullable(),
  fees_description: OptionalText(1000),
  minimum_age: Age,
  maximum_age: Age,
  eligibility_description: OptionalText(1000),
  capacity: Capacity.nullable(),
  status: z.enum(SERVICE_STATUSES),
});
export type ServiceFields = z.infer<typeof ServiceFields>;
export type ServiceField = keyof ServiceFields;
export const SERVICE_FIELDS = Object.keys(ServiceFields.shape) as ServiceField[];

export const OrganizationFields = z.strictObject({
  name: Text(200),
  alternate_name: OptionalText(200),
  description: OptionalText(4000),
  name_fr: OptionalText(200),
  name_en: OptionalText(200),
  description_fr: OptionalText(4000),
  description_en: OptionalText(4000),
  email: z.email().max(200).nullable(),
  website: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
  phones: z.array(Phone).max(5),
});
export type OrganizationFields = z.infer<typeof OrganizationFields>;
export type OrganizationField = keyof OrganizationFields;

const nonEmpty = (o: object) => Object.keys(o).length > 0;
export const ServicePatch = ServiceFields.partial().refine(nonEmpty, { message: 'no fields' });
export type ServicePatch = z.infer<typeof ServicePatch>;
export const OrganizationPatch = OrganizationFields.partial().refine(nonEmpty, { message: 'no fields' });
export type OrganizationPatch = z.infer<typeof OrganizationPatch>;

export const SlugParams = z.strictObject({ slug: z.string().min(1).max(100) });
export const IdParams = SlugParams.extend({ id: z.string().min(1).max(200) });
export const TokenParams = SlugParams.extend({ token: z.string().min(20).max(100) });

/** Save although the likely duplicates were shown (the answer 409 directory_possible_duplicate lists them). */
const ConfirmDuplicate = { confirmDuplicate: z.boolean().optional() };
export const NewServiceBody = ServiceFields.partial().extend({ name: Text(200), ...ConfirmDuplicate });
export const OrganizationUpdateBody = OrganizationFields.partial()
  .extend(ConfirmDuplicate)
  .refine((o) => Object.keys(o).some((k) => k !== 'confirmDuplicate'), { message: 'no fields' });

export const DuplicateMatchView = z.object({
  id: z.string(),
  kind: z.enum(RECORD_KINDS),
  name: z.string(),
  score: z.number(),
  reasons: z.array(DuplicateReason),
});
export type DuplicateMatchView = z.infer<typeof DuplicateMatchView>;
export const DuplicateWarning = z.object({
  error: z.object({ code: z.literal('directory_possible_duplicate'), message: z.string() }),
  matches: z.array(DuplicateMatchView),
});

export const SuggestionBody = z.strictObject({
  proposed: ServicePatch,
  comment: OptionalText(1000).optional(),
  email: z.email().max(200).nullable().optional(),
  /** A honeypot: hidden from people, filled in by bots. */
  homepage: z.string().max(200).optional(),
});
export const RejectBody = z.strictObject({ reason: Text(500) });
export const SuggestionsQuery = z.strictObject({
  status: z.enum(SUGGESTION_STATUSES).default('open'),
});

export { FRESHNESS_BUCKETS };
export type FreshnessBucket = (typeof FRESHNESS_BUCKETS)[number];
export const FreshnessQuery = z.strictObject({
  rubric: z.string().max(200).optional(),
  organization: z.string().max(200).optional(),
  bucket: z.enum(FRESHNESS_BUCKETS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(50),
});
export type FreshnessQuery = z.infer<typeof FreshnessQuery>;

export const AssuranceRunBody = z.strictObject({
  months: z.number().int().min(1).max(60).default(12),
});

// ---------------------------------------------------------------- answers

export const Provenance = z.object({
  source: z.string(),
  by: z.string().nullable(),
  at: z.string(),
});
export type Provenance = z.infer<typeof Provenance>;

const Assurance = {
  assured_date: z.string().nullable(),
  assured_by: z.string().nullable(),
  updated_at: z.string(),
};

export const ServiceView = z.object({
  id: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  fields: ServiceFields,
  ...Assurance,
  provenance: z.record(z.string(), Provenance),
});
export type ServiceView = z.infer<typeof ServiceView>;

export const ServiceSummary = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  assured_date: z.string().nullable(),
  updated_at: z.string(),
});

export const OrganizationView = z.object({
  id: z.string(),
  fields: OrganizationFields,
  ...Assurance,
  provenance: z.record(z.string(), Provenance),
  services: z.array(ServiceSummary),
});
export type OrganizationView = z.infer<typeof OrganizationView>;

export const MineView = z.object({ organizations: z.array(OrganizationView) });

export const DiffRow = z.object({ field: z.string(), current: z.unknown(), proposed: z.unknown() });
export const SuggestionView = z.object({
  id: z.string(),
  service: z.object({ id: z.string(), name: z.string(), organization: z.string() }),
  status: z.string(),
  comment: z.string().nullable(),
  proposer: z.string().nullable(),
  proposer_email: z.string().nullable(),
  created_at: z.string(),
  decided_at: z.string().nullable(),
  reason: z.string().nullable(),
  diff: z.array(DiffRow),
});
export type SuggestionView = z.infer<typeof SuggestionView>;

export const FreshnessRow = z.object({
  id: z.string(),
  name: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  assured_date: z.string().nullable(),
  assured_by: z.string().nullable(),
  updated_at: z.string(),
  bucket: z.enum(FRESHNESS_BUCKETS),
});
export const FreshnessView = z.object({
  total: z.number(),
  counts: z.record(z.enum(FRESHNESS_BUCKETS), z.number()),
  items: z.array(FreshnessRow),
  rubrics: z.array(z.object({ id: z.string(), name: z.string() })),
  organizations: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type FreshnessView = z.infer<typeof FreshnessView>;

export const AssuranceView = z.object({
  organization: z.string(),
  services: z.array(z.string()),
  state: z.enum(['open', 'used', 'expired']),
  edit_path: z.string(),
});
export type AssuranceView = z.infer<typeof AssuranceView>;
