/**
 * Values of the social map's analysis API that the web needs at run time. No imports: the web bundles
 * this file as it is (see decision 031).
 */

/** The kinds of record that can be duplicates of each other. */
export const RECORD_KINDS = ['organization', 'service'] as const;
