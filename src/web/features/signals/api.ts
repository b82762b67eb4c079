import { useMemo } from 'react';
import type { z } from 'zod';
import type {
  CreateSignalInput,
  DossierView as DossierViewSchema,
  Overdue as OverdueSchema,
  SignalBoard as SignalBoardSchema,
} from '../../../server/modules/signals/schema.ts';
import { apiRequest as request } from '../../lib/api.ts';
import { useNetwork } from '../../lib/network.ts';
import { useSession } from '../../lib/session.ts';

export type SignalBoard = z.infer<typeof SignalBoardSchema>;
export type Overdue = z.infer<typeof OverdueSchema>;
export type DossierView = z.infer<typeof DossierViewSchema>;
export type { CreateSignalInput };

/** The signals API of one network, with the session's CSRF token for writes. */
export function signalsClient(slug: string, csrf: string | null) {
  const base = `/api/networks/${encodeURIComponent(slug)}`;
  return {
    board: () => request<SignalBoard>('GET', `${base}/signals`, csrf),
    overdue: () => request<Overdue>('GET', `${base}/signals/overdue`, csrf),
    report: (body: CreateSignalInput) => request<{ id: string }>('POST', `${base}/signals`, csrf, body),
    dossier: (id: string) => request<DossierView>('GET', `${base}/signal-dossiers/${id}`, csrf),
    moveDossier: (id: string, to: string, note: string) =>
      request<DossierView>('POST', `${base}/signal-dossiers/${id}/phase`, csrf, { to, note }),
    cosign: (id: string, note: string | null) =>
      request<DossierView>('POST', `${base}/signal-dossiers/${id}/cosign`, csrf, { note }),
  };
}

/** The signals client for the current network and session. */
export function useSignalsClient() {
  const { detail } = useNetwork();
  const { data: session } = useSession();
  const csrf = session?.csrfToken ?? null;
  return useMemo(() => signalsClient(detail.network.slug, csrf), [detail.network.slug, csrf]);
}
