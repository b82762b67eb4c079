// Zod schemas every module's routes share. Import-free but for zod: the web may import schema files that use them.
import { z } from 'zod';

/** A record's id. */
export const Id = z.uuid();

/**
 * A network's slug in a path. Its form is checked where a network is created; a path only bounds its length,
 * so that a slug of no network is answered "not found" like any unknown network.
 */
export const SlugParam = z.string().min(2).max(60);

/** The path of a network's own pages and API: /…/:slug/…. */
export const SlugParams = z.strictObject({ slug: SlugParam });

/** Paging of a long list by page number (from 1) and page size (50 unless asked). Spread into a query schema. */
export const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(50),
};
