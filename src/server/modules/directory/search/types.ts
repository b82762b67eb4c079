// The search's public shapes: what a caller asks and what it gets back.
import type { Language } from '../../../platform/search/stem.ts';
import type { FacetName } from './document.ts';

export interface ServiceSearchParams {
  /** The network whose map is searched: its local additions join the shared map. Null: the shared map only. */
  networkId: string | null;
  text?: string | undefined;
  /** The searcher's language: query words are also stemmed in it. */
  lang?: Language | undefined;
  postcode?: string | undefined;
  /** NIS code */
  municipality?: string | undefined;
  /** Distance search: from a point, or from the centre of a postcode's services. */
  near?: { lat: number; lon: number } | { postcode: string } | undefined;
  radiusKm?: number | undefined;
  /** Every term must apply (rubric, target group, accessibility, sector…). */
  taxonomyTermIds?: string[] | undefined;
  age?: number | undefined;
  /** ISO 639-1 code of a language the service is offered in. */
  language?: string | undefined;
  free?: boolean | undefined;
  capacityAvailable?: boolean | undefined;
  /** Open at this moment ('now' is the time of the search). */
  openAt?: Date | 'now' | undefined;
  page?: number | undefined;
  perPage?: number | undefined;
}

export type MatchKind = 'exact' | 'word_form' | 'prefix' | 'synonym' | 'typo';
export type MatchField = 'name' | 'terms' | 'org' | 'place' | 'description';

export interface MatchReason {
  /** The word as typed (folded). */
  word: string;
  kind: MatchKind;
  field: MatchField;
  /** The word that was found: the correction of a typo, the synonym, the completed prefix. */
  matched: string;
}

export interface ServiceSearchHit {
  id: string;
  name: string;
  organization: string;
  description: string;
  address: string | null;
  phone: string | null;
  points: { lat: number; lon: number }[];
  distance_km: number | null;
  score: number;
  reasons: MatchReason[];
  /** The reasons as one English sentence, for logs and API clients without their own wording. */
  reason: string;
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export interface ServiceSearchResult {
  items: ServiceSearchHit[];
  page: number;
  per_page: number;
  total: number;
  /** False when the total is counted up to a cap or estimated from a sample (very broad searches). */
  total_exact: boolean;
  total_pages: number;
  facets: Record<FacetName, FacetCount[]>;
  /** False when facets were counted over the best-ranked matches only. */
  facets_exact: boolean;
  query: {
    words: string[];
    corrections: { from: string; to: string }[];
    synonyms: { word: string; synonym: string }[];
    completions: { from: string; to: string }[];
    /** Words that matched nothing in the vocabulary, not even as a typo. */
    unknown: string[];
    truncated: boolean;
  };
  timed_out: boolean;
}
