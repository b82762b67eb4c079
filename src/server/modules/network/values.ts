/**
 * The network module's enumerations, used by its schema and services and by the web UI. No imports: the
 * web bundles this file as it is (see decision 031).
 */

/** Sector clusters of seed 001/003: who sits at the table of a care and welfare network. */
export const SECTORS = [
  'care',
  'welfare',
  'local_government',
  'pzon_carers',
  'education',
  'business',
  'other',
] as const;
export const TIE_TYPES = [
  'collaboration',
  'referral',
  'shared_project',
  'cluster_membership',
  'formal_agreement',
  'co_attendance',
] as const;
export const TIE_ORIGINS = ['declared', 'survey', 'derived'] as const;
/** What a partner brings to the network (PARTNER Tool's resource list, in our words). */
export const CONTRIBUTIONS = [
  'funding',
  'expertise',
  'data',
  'staff_time',
  'volunteers',
  'space',
  'contacts',
  'client_access',
  'advocacy',
  'leadership',
] as const;
export const OUTCOMES = [
  'better_access',
  'better_coordination',
  'shared_knowledge',
  'new_services',
  'policy_influence',
  'less_duplication',
  'stronger_trust',
  'more_funding',
] as const;

/** The six PARTNER Tool scales a survey response rates each partner on. */
export const SCALES = ['reliability', 'mission', 'openness', 'power', 'involvement', 'resources'] as const;
export const INTRODUCTION_STATUSES = ['open', 'done', 'dismissed'] as const;
