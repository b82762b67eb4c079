/**
 * The plan module's enumerations and the SMART template's field list, used by its schema and services and
 * by the web UI. No imports: the web bundles this file as it is (see decision 031).
 */

export const PLAN_KINDS = ['policy_plan', 'action_programme'] as const;
export const NODE_STATUSES = ['on_track', 'at_risk', 'off_track', 'done', 'stopped'] as const;
/** A node's status after roll-up; `none` when nothing below it has a status yet. */
export const ROLLED_STATUSES = [...NODE_STATUSES, 'none'] as const;
export const INDICATOR_STATUSES = ['on_track', 'at_risk', 'off_track', 'no_target', 'no_data'] as const;
/** The Quintuple Aim (DOMAIN.md): better health, care experience, cost per capita, care workers, equity. */
export const QUINTUPLE_AIMS = [
  'better_health',
  'care_experience',
  'lower_cost',
  'care_worker_wellbeing',
  'health_equity',
] as const;
export const TAG_KINDS = ['theme', 'sector', 'target_group'] as const;
/** Results-based accountability: population indicators for results, three kinds of performance measures. */
export const INDICATOR_KINDS = ['population', 'how_much', 'how_well', 'better_off'] as const;
export const POLARITIES = ['up', 'down'] as const;
export const FREQUENCIES = ['monthly', 'quarterly', 'half_yearly', 'yearly', 'once'] as const;
/** Figures of the platform that an indicator can take its values from (geography's population figures). */
export const PLATFORM_FIGURES = ['population', 'age65plus', 'share65plus'] as const;
export const ATTACHMENT_KINDS = ['link', 'file'] as const;

/**
 * The fixed order of an action programme written to the SMART template (seed 003), with the headings the
 * template uses, so that a programme is written, reviewed and printed in that order.
 */
export const SMART_FIELDS = [
  { key: 'challenges', label: { nl: 'Uitdagingen', fr: 'Défis', en: 'Challenges' } },
  { key: 'goals', label: { nl: 'Doelen', fr: 'Objectifs', en: 'Goals' } },
  { key: 'ambition', label: { nl: 'Ambitie', fr: 'Ambition', en: 'Ambition' } },
  { key: 'projects', label: { nl: 'Projecten/acties', fr: 'Projets/actions', en: 'Projects/actions' } },
  {
    key: 'partnersApproach',
    label: { nl: 'Partners en aanpak', fr: 'Partenaires et approche', en: 'Partners and approach' },
  },
  { key: 'results', label: { nl: 'Resultaten', fr: 'Résultats', en: 'Results' } },
  { key: 'planning', label: { nl: 'Planning', fr: 'Planification', en: 'Planning' } },
  {
    key: 'resources',
    label: { nl: 'Middelen/inzet team', fr: "Moyens/engagement de l'équipe", en: 'Resources/team' },
  },
  { key: 'monitoring', label: { nl: 'Monitoring', fr: 'Suivi', en: 'Monitoring' } },
  {
    key: 'smartCombinations',
    label: {
      nl: 'Slimme combinaties met andere pijlers',
      fr: "Combinaisons intelligentes avec d'autres piliers",
      en: 'Smart combinations with other pillars',
    },
  },
] as const;
export type SmartKey = (typeof SMART_FIELDS)[number]['key'];
