import type { z } from 'zod';
import type {
  Comparison as ComparisonSchema,
  GapMap as GapMapSchema,
  IndicatorList as IndicatorListSchema,
} from '../../../server/modules/insights/schema.ts';
import { apiRequest as request } from '../../lib/api.ts';

export type IndicatorList = z.infer<typeof IndicatorListSchema>;
export type Comparison = z.infer<typeof ComparisonSchema>;
export type GapMap = z.infer<typeof GapMapSchema>;

export function insightsClient(slug: string) {
  const base = `/api/networks/${encodeURIComponent(slug)}`;
  return {
    indicators: () => request<IndicatorList>('GET', `${base}/insights/indicators`, null),
    comparison: (key: string) =>
      request<Comparison>('GET', `${base}/figures/${encodeURIComponent(key)}/comparison`, null),
    gapMap: (key: string) =>
      request<GapMap>('GET', `${base}/insights/gap-map?indicator=${encodeURIComponent(key)}`, null),
  };
}
