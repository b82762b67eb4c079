import type { z } from 'zod';
import type {
  GraphFilter as GraphFilterSchema,
  Introduction,
  NetworkMetrics,
  Partner,
  PartnerInput,
  ResponseInput,
  RoundComparison,
  RoundResults,
  Round as RoundSchema,
  Suggestion,
  SurveyForm,
  Tie,
  TieInput,
} from '../../../server/modules/network/schema.ts';
import {
  CONTRIBUTIONS,
  INTRODUCTION_STATUSES,
  OUTCOMES,
  SCALES,
  SECTORS,
  TIE_ORIGINS,
  TIE_TYPES,
} from '../../../server/modules/network/values.ts';

/** API shapes of the network module, type-only from the server (no server code reaches the bundle). */
export type {
  Introduction,
  Partner,
  PartnerInput,
  ResponseInput,
  RoundComparison,
  RoundResults,
  Suggestion,
  SurveyForm,
  Tie,
  TieInput,
};
export type Sector = (typeof SECTORS)[number];
export type TieType = (typeof TIE_TYPES)[number];
export type TieOrigin = (typeof TIE_ORIGINS)[number];
export type Contribution = (typeof CONTRIBUTIONS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type Round = z.infer<typeof RoundSchema>;
export type GraphFilterQuery = z.input<typeof GraphFilterSchema>;
export type Metrics = NetworkMetrics & { partners: Record<string, { name: string; sector: Sector }> };
export type NodeMetrics = NetworkMetrics['nodes'][string];
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];
export type Rating = ResponseInput['ratings'][number];
export type Scale = (typeof SCALES)[number];

/** The server's lists, shared through its import-free values file. */
export const SECTOR_LIST: readonly Sector[] = SECTORS;
export const TIE_TYPE_LIST: readonly TieType[] = TIE_TYPES;
export const ORIGIN_LIST: readonly TieOrigin[] = TIE_ORIGINS;
export const CONTRIBUTION_LIST: readonly Contribution[] = CONTRIBUTIONS;
export const OUTCOME_LIST: readonly Outcome[] = OUTCOMES;
export { INTRODUCTION_STATUSES, SCALES };

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
