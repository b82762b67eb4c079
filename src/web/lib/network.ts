import { useOutletContext } from 'react-router';
import type { NetworkDetail } from './types.ts';

/** What the network layout hands to every page under /n/:slug. */
export interface NetworkContext {
  detail: NetworkDetail;
  canSeeAudit: boolean;
}

/** The network every page under /n/:slug works in, as loaded by the layout. */
export function useNetwork(): NetworkContext {
  return useOutletContext<NetworkContext>();
}
