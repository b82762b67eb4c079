import { useQueryClient } from '@tanstack/react-query';
import { useNetwork } from '../../../lib/network.ts';
import { planKey } from '../shared.tsx';

/** Refetches the plan's queries after a change to one of its indicators. */
export function useRefresh(planId: string) {
  const queryClient = useQueryClient();
  const { detail } = useNetwork();
  return () => queryClient.invalidateQueries({ queryKey: planKey(detail.network.slug, planId) });
}
