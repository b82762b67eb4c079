import { z } from 'zod';

/** Zod types of the public HSDS 3.1 API (decision 022). */

export const HSDS_VERSION = '3.1';
export const HSDS_PROFILE =
  'https://github.com/knooppunt/knooppunt/blob/main/docs/decisions/020-directory-data-model.md';

const NetworkSlug = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const Page = z.coerce.number().int().min(1).max(1000).default(1);
const PerPage = z.coerce.number().int().min(1).max(100).default(20);
const Lang = z.enum(['nl', 'fr', 'en']).optional();

/** Paging and scope that every list accepts; unknown parameters are ignored, as HSDS clients send their own. */
export const ListQuery = z.object({
  page: Page,
  per_page: PerPage,
  network: NetworkSlug.optional(),
  lang: Lang,
});

export const ServicesQuery = ListQuery.extend({
  // Any text is a valid search (operators and quotes are plain punctuation); only its length is bounded.
  search: z.string().max(1000).optional(),
  postcode: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  /** Metres around lat/lon. */
  proximity: z.coerce.number().positive().max(500_000).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lon: z.coerce.number().min(-180).max(180).optional(),
  /** One or more taxonomy term ids, comma-separated: every one must apply. */
  taxonomy_term_id: z.string().max(2000).optional(),
  modified_after: z.union([z.iso.datetime({ offset: true }), z.iso.date()]).optional(),
  format: z.enum(['json', 'ndjson']).default('json'),
})
  .refine((q) => (q.lat === undefined) === (q.lon === undefined), {
    message: 'lat and lon go together',
    path: ['lat'],
  })
  .refine((q) => q.proximity === undefined || q.lat !== undefined, {
    message: 'proximity needs lat and lon',
    path: ['proximity'],
  })
  .refine((q) => q.modified_after === undefined || (q.search === undefined && q.lat === undefined), {
    message: 'modified_after lists changes; it does not combine with search or proximity',
    path: ['modified_after'],
  });

export const TaxonomyTermsQuery = ListQuery.extend({ taxonomy_id: z.string().max(200).optional() });

export const IdParams = z.strictObject({ id: z.string().min(1).max(200) });
export const ScopeQuery = z.object({ network: NetworkSlug.optional(), lang: Lang });

/** An HSDS object: its fields are checked against the HSDS JSON schemas in the tests. */
export const HsdsObject = z.record(z.string(), z.unknown());

/** HSDS 3.1 paging envelope; x_knooppunt holds our extras (search reasons, facets, exactness of the total). */
export const HsdsPage = z.object({
  total_items: z.number().int(),
  total_pages: z.number().int(),
  page_number: z.number().int(),
  size: z.number().int(),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(HsdsObject),
  x_knooppunt: z.record(z.string(), z.unknown()).optional(),
});

export const HsdsMeta = z.object({
  version: z.string(),
  profile: z.string(),
  openapi_url: z.string(),
});
