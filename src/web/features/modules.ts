import type { ComponentType } from 'react';

/**
 * The product's modules (DOMAIN.md) and where they live in a network's URL space. Paths are Dutch,
 * like the product; keys are the module folders under src/server/modules and src/web/features.
 */
export const MODULES = [
  { key: 'directory', path: 'sociale-kaart' },
  { key: 'network', path: 'netwerk' },
  { key: 'plan', path: 'beleidsplan' },
  { key: 'events', path: 'activiteiten' },
  { key: 'signals', path: 'signalen' },
  { key: 'insights', path: 'cijfers' },
  { key: 'maturity', path: 'maturiteit' },
  { key: 'referrals', path: 'doorverwijzingen' },
  { key: 'participation', path: 'participatie' },
  { key: 'knowledge', path: 'kennis' },
  { key: 'governance', path: 'bestuur' },
] as const;

export type ModuleKey = (typeof MODULES)[number]['key'];

/**
 * A module takes over its page by adding `src/web/features/<key>/route.tsx` that exports its page as
 * `Component` (rendered inside the network layout; `useNetwork()` gives the network); until then the
 * shell shows the module's purpose. Each file becomes its own lazily loaded chunk. The route matches the
 * module's path and everything below it, so the module renders its own sub-pages with <Routes>.
 */
export interface FeatureRoute {
  Component: ComponentType;
}

const featureRoutes = import.meta.glob<FeatureRoute>('./*/route.tsx');

export function featureRoute(key: ModuleKey): (() => Promise<FeatureRoute>) | undefined {
  return featureRoutes[`./${key}/route.tsx`];
}
