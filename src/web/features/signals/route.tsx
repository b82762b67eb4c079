import './signals.css';
import { Route, Routes } from 'react-router';
import { BoardPage } from './BoardPage.tsx';
import { DossierPage } from './DossierPage.tsx';
import { ReportPage } from './ReportPage.tsx';

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
