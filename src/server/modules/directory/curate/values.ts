/**
 * Values of the curation API that the web needs at run time. No imports: the web bundles this file as it
 * is (see decision 031).
 */

/** Where a citizen's or partner's suggestion stands in the staff inbox. */
export const SUGGESTION_STATUSES = ['open', 'approved', 'rejected'] as const;

/** How long ago a record was last confirmed: never, over 12 months, 6 to 12 months, under 6 months. */
export const FRESHNESS_BUCKETS = ['never', 'over_12', '6_12', 'under_6'] as const;
