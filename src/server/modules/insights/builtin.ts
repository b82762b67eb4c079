import { STATBEL_LICENCE, STATBEL_SOURCE } from '../geography/schema.ts';

/**
 * The fixed series every network has without importing anything: population and broad age groups from the
 * shipped Statbel data. Counts add up over municipalities; the share of 65+ is recomputed from the sums.
 */
export interface BuiltIn {
  key: string;
  name: { nl: string; fr: string; en: string };
  unit: string;
  aggregate: 'sum' | 'share65';
  pick: (r: { total: number; age_0_14: number; age_15_64: number; age_65_plus: number }) => number;
}

export const BUILT_INS: readonly BuiltIn[] = [
  {
    key: 'population',
    name: { nl: 'Bevolking', fr: 'Population', en: 'Population' },
    unit: 'inwoners',
    aggregate: 'sum',
    pick: (r) => r.total,
  },
  {
    key: 'age_0_14',
    name: { nl: 'Inwoners van 0 tot 14 jaar', fr: 'Habitants de 0 à 14 ans', en: 'Residents aged 0 to 14' },
    unit: 'inwoners',
    aggregate: 'sum',
    pick: (r) => r.age_0_14,
  },
  {
    key: 'age_15_64',
    name: {
      nl: 'Inwoners van 15 tot 64 jaar',
      fr: 'Habitants de 15 à 64 ans',
      en: 'Residents aged 15 to 64',
    },
    unit: 'inwoners',
    aggregate: 'sum',
    pick: (r) => r.age_15_64,
  },
  {
    key: 'age_65_plus',
    name: {
      nl: 'Inwoners van 65 jaar en ouder',
      fr: 'Habitants de 65 ans et plus',
      en: 'Residents aged 65 and over',
    },
    unit: 'inwoners',
    aggregate: 'sum',
    pick: (r) => r.age_65_plus,
  },
  {
    key: 'share_65_plus',
    name: { nl: 'Aandeel 65-plussers', fr: 'Part des 65 ans et plus', en: 'Share aged 65 and over' },
    unit: '%',
    aggregate: 'share65',
    pick: (r) => (r.total > 0 ? Math.round((r.age_65_plus / r.total) * 1000) / 10 : 0),
  },
];

export const BUILT_IN_KEYS = new Set(BUILT_INS.map((b) => b.key));
export const BUILT_IN_SOURCE = STATBEL_SOURCE;
export const BUILT_IN_LICENCE = STATBEL_LICENCE;
