import './signals.css';
import { useMemo } from 'react';
import { Route, Routes } from 'react-router';
import { useSession } from '../../lib/session.ts';
import { useNetwork } from '../../routes/NetworkLayout.tsx';
import { signalsClient } from './api.ts';
import { BoardPage } from './BoardPage.tsx';
import { DossierPage } from './DossierPage.tsx';
import { ReportPage } from './ReportPage.tsx';

/** The signals client for the current network and session. */
export function useSignalsClient() {
  const { detail } = useNetwork();
  const { data: session } = useSession();
  const csrf = session?.csrfToken ?? null;
  return useMemo(() => signalsClient(detail.network.slug, csrf), [detail.network.slug, csrf]);
}

/** The signals module's pages under /n/:slug/signalen. */
export function Component() {
  return (
    <Routes>
      <Route index element={<BoardPage />} />
      <Route path="melden" element={<ReportPage />} />
      <Route path="dossiers/:dossierId" element={<DossierPage />} />
    </Routes>
  );
}
