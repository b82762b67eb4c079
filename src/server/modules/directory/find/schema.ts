import { z } from 'zod';
import { SlugParams } from '../../../platform/schemas.ts';

/** What the social map's search and record API for the app accepts and returns; the web imports these. */

export { SlugParams };
export const RecordParams = SlugParams.extend({ id: z.string().min(1).max(200) });

/** Query-string flags: `1`/`true` switch a filter on; anything else is a mistake worth a message. */
const Flag = z
  .enum(['1', 'true', '0', 'false'])
  .transform((v) => v === '1' || v === 'true')
  .optional();
/** A term id of the shared vocabulary (rubric, target group, accessibility); several comma-separated. */
const TermList = z
  .string()
  .max(1000)
  .regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/)
  .optional();
/** Local Brussels time (what a date-time field sends) or an instant with its offset. */
const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/);

export const MAX_RADIUS_KM = 100;

export const SearchQuery = z
  .object({
    /** Any text is a valid search (operators and quotes are plain punctuation); only its length is bounded. */
    q: z.string().max(500).optional(),
    municipality: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
    postcode: z
      .string()
      .regex(/^\d{4}$/)
      .optional(),
    /** Distance from the centre of this postcode, or from lat/lon. */
    near: z
      .string()
      .regex(/^\d{4}$/)
      .optional(),
    lat: z.coerce.number().min(-90).max(90).optional(),
    lon: z.coerce.number().min(-180).max(180).optional(),
    radius_km: z.coerce.number().positive().max(MAX_RADIUS_KM).optional(),
    rubric: TermList,
    target_group: TermList,
    accessibility: TermList,
    age: z.coerce.number().int().min(0).max(120).optional(),
    language: z
      .string()
      .regex(/^[a-z]{2}$/)
      .optional(),
    free: Flag,
    capacity: Flag,
    open_now: Flag,
    open_at: LocalDateTime.optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    per_page: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((q) => (q.lat === undefined) === (q.lon === undefined), {
    message: 'lat and lon go together',
    path: ['lat'],
  })
  .refine((q) => q.near === undefined || q.lat === undefined, {
    message: 'near a postcode or near a point, not both',
    path: ['near'],
  })
  .refine((q) => q.radius_km === undefined || q.near !== undefined || q.lat !== undefined, {
    message: 'radius_km needs near or lat/lon',
    path: ['radius_km'],
  })
  .refine((q) => !(q.open_now && q.open_at), {
    message: 'open_now or open_at, not both',
    path: ['open_at'],
  });
export type SearchQuery = z.infer<typeof SearchQuery>;

export const MatchReason = z.object({
  word: z.string(),
  kind: z.enum(['exact', 'word_form', 'prefix', 'synonym', 'typo']),
  field: z.enum(['name', 'terms', 'org', 'place', 'description']),
  matched: z.string(),
});
export type MatchReason = z.infer<typeof MatchReason>;

const Point = z.object({ lat: z.number(), lon: z.number() });

export const SearchItem = z.object({
  id: z.string(),
  name: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  description: z.string(),
  municipality: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  points: z.array(Point),
  distance_km: z.number().nullable(),
  /** Open at the searched moment (or now); null when the service keeps no opening hours. */
  open: z.boolean().nullable(),
  reasons: z.array(MatchReason),
  /** A network's own addition rather than the shared map. */
  local: z.boolean(),
});
export type SearchItem = z.infer<typeof SearchItem>;

const FacetCount = z.object({ value: z.string(), label: z.string(), count: z.number() });

export const SearchResult = z.object({
  items: z.array(SearchItem),
  page: z.number(),
  per_page: z.number(),
  total: z.number(),
  total_exact: z.boolean(),
  total_pages: z.number(),
  facets: z.record(z.string(), z.array(FacetCount)),
  facets_exact: z.boolean(),
  query: z.object({
    words: z.array(z.string()),
    corrections: z.array(z.object({ from: z.string(), to: z.string() })),
    synonyms: z.array(z.object({ word: z.string(), synonym: z.string() })),
    completions: z.array(z.object({ from: z.string(), to: z.string() })),
    unknown: z.array(z.string()),
    truncated: z.boolean(),
  }),
  /** The point distances were measured from (a postcode's centre or the given point). */
  origin: Point.nullable(),
  /** The moment the opening state was checked for, as an instant. */
  moment: z.string(),
  timed_out: z.boolean(),
});
export type SearchResult = z.infer<typeof SearchResult>;

const Option = z.object({ value: z.string(), label: z.string() });

/** Everything the search form offers to choose from: the vocabulary and the network's region. */
export const FilterOptions = z.object({
  rubric: z.array(Option),
  target_group: z.array(Option),
  accessibility: z.array(Option),
  municipality: z.array(Option),
  postcode: z.array(Option),
  language: z.array(Option),
});
export type FilterOptions = z.infer<typeof FilterOptions>;

const Term = z.object({ id: z.string(), kind: z.string(), name: z.string() });
const Phone = z.object({
  number: z.string(),
  extension: z.string().nullable(),
  type: z.string().nullable(),
  description: z.string().nullable(),
});
const Contact = z.object({
  name: z.string().nullable(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  email: z.string().nullable(),
  phones: z.array(Phone),
});
const Identifier = z.object({ scheme: z.string(), identifier: z.string() });
const Assured = z.object({ date: z.string().nullable(), by: z.string().nullable() });

export const Location = z.object({
  id: z.string(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  transportation: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  municipality: z.string().nullable(),
  addresses: z.array(
    z.object({
      address_1: z.string(),
      address_2: z.string().nullable(),
      postal_code: z.string(),
      city: z.string(),
      country: z.string(),
    }),
  ),
  accessibility: z.array(z.string()),
});

/** Opening hours as a week (Monday first) of HH:MM slots, and the dated exceptions still to come. */
export const Hours = z.object({
  week: z.array(
    z.object({ day: z.number(), slots: z.array(z.object({ opens: z.string(), closes: z.string() })) }),
  ),
  exceptions: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      closed: z.boolean(),
      opens: z.string().nullable(),
      closes: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
  notes: z.array(z.string()),
  /** Open right now; null without opening hours. */
  open_now: z.boolean().nullable(),
});
export type Hours = z.infer<typeof Hours>;

export const ServiceRecord = z.object({
  id: z.string(),
  name: z.string(),
  alternate_name: z.string().nullable(),
  description: z.string().nullable(),
  /** The language the texts are in: the asked one where a translation exists, else Dutch. */
  text_lang: z.string(),
  url: z.string().nullable(),
  email: z.string().nullable(),
  status: z.string(),
  published: z.boolean(),
  local: z.boolean(),
  organization: z.object({ id: z.string(), name: z.string() }),
  application_process: z.string().nullable(),
  fees_description: z.string().nullable(),
  wait_time: z.string().nullable(),
  alert: z.string().nullable(),
  eligibility: z.object({
    description: z.string().nullable(),
    minimum_age: z.number().nullable(),
    maximum_age: z.number().nullable(),
  }),
  cost: z.object({
    free: z.boolean().nullable(),
    options: z.array(
      z.object({
        option: z.string().nullable(),
        amount: z.number().nullable(),
        currency: z.string(),
        description: z.string().nullable(),
      }),
    ),
  }),
  capacity: z.array(
    z.object({
      unit: z.string(),
      available: z.number(),
      maximum: z.number().nullable(),
      waiting_list: z.number().nullable(),
      updated: z.string(),
    }),
  ),
  languages: z.array(z.string()),
  terms: z.array(Term),
  locations: z.array(Location),
  phones: z.array(Phone),
  contacts: z.array(Contact),
  hours: Hours,
  service_areas: z.array(z.object({ name: z.string().nullable(), municipality: z.string().nullable() })),
  identifiers: z.array(Identifier),
  assured: Assured,
  updated_at: z.string(),
});
export type ServiceRecord = z.infer<typeof ServiceRecord>;

export const OrganizationRecord = z.object({
  id: z.string(),
  name: z.string(),
  alternate_name: z.string().nullable(),
  description: z.string().nullable(),
  text_lang: z.string(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  legal_status: z.string().nullable(),
  published: z.boolean(),
  local: z.boolean(),
  parent: z.object({ id: z.string(), name: z.string() }).nullable(),
  phones: z.array(Phone),
  contacts: z.array(Contact),
  locations: z.array(Location),
  identifiers: z.array(Identifier),
  services: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string().nullable(),
      published: z.boolean(),
    }),
  ),
  assured: Assured,
  updated_at: z.string(),
});
export type OrganizationRecord = z.infer<typeof OrganizationRecord>;
