import type { z } from 'zod';
import type { NetworkMetrics } from '../../../server/modules/network/metrics/suite.ts';
import type {
  CONTRIBUTIONS,
  GraphFilter as GraphFilterSchema,
  OUTCOMES,
  Partner,
  PartnerInput,
  ResponseInput,
  Round as RoundSchema,
  SECTORS,
  TIE_ORIGINS,
  TIE_TYPES,
  Tie,
  TieInput,
} from '../../../server/modules/network/schema.ts';
import type {
  compareRounds,
  listIntroductions,
  roundResults,
  Suggestion,
  surveyForm,
} from '../../../server/modules/network/service.ts';

/** API shapes of the network module, type-only from the server (no server code reaches the bundle). */
export type { Partner, PartnerInput, ResponseInput, Suggestion, Tie, TieInput };
export type Sector = (typeof SECTORS)[number];
export type TieType = (typeof TIE_TYPES)[number];
export type TieOrigin = (typeof TIE_ORIGINS)[number];
export type Contribution = (typeof CONTRIBUTIONS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type Round = z.infer<typeof RoundSchema>;
export type GraphFilterQuery = z.input<typeof GraphFilterSchema>;
export type Metrics = NetworkMetrics & { partners: Record<string, { name: string; sector: Sector }> };
export type NodeMetrics = NetworkMetrics['nodes'][string];
export type RoundResults = Awaited<ReturnType<typeof roundResults>>;
export type RoundComparison = Awaited<ReturnType<typeof compareRounds>>;
export type SurveyForm = Awaited<ReturnType<typeof surveyForm>>;
export type Introduction = Awaited<ReturnType<typeof listIntroductions>>[number];
export type IntroductionStatus = 'open' | 'done' | 'dismissed';
export type Rating = ResponseInput['ratings'][number];

/** Runtime copies of the server's enums (the schema module itself must not reach the bundle). */
export const SECTOR_LIST: readonly Sector[] = [
  'care',
  'welfare',
  'local_government',
  'pzon_carers',
  'education',
  'business',
  'other',
];
export const TIE_TYPE_LIST: readonly TieType[] = [
  'collaboration',
  'referral',
  'shared_project',
  'cluster_membership',
  'formal_agreement',
  'co_attendance',
];
export const ORIGIN_LIST: readonly TieOrigin[] = ['declared', 'survey', 'derived'];
export const CONTRIBUTION_LIST: readonly Contribution[] = [
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
];
export const OUTCOME_LIST: readonly Outcome[] = [
  'better_access',
  'better_coordination',
  'shared_knowledge',
  'new_services',
  'policy_influence',
  'less_duplication',
  'stronger_trust',
  'more_funding',
];
export const SCALES = ['reliability', 'mission', 'openness', 'power', 'involvement', 'resources'] as const;
export type Scale = (typeof SCALES)[number];

/**
 * Sector colours for the map and its legend: distinguishable hues that each reach 3:1 against white
 * (WCAG 1.4.11 for graphical objects); the legend names them in text, so colour is never the only cue.
 */
export const SECTOR_COLOURS: Record<Sector, string> = {
  care: '#1d5591',
  welfare: '#b3261e',
  local_government: '#2e7d32',
  pzon_carers: '#8e44ad',
  education: '#b85c00',
  business: '#00727a',
  other: '#5f6b78',
};
