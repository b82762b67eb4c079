import { Route } from 'react-router';
import './analysis.css';
import { CoveragePage } from './CoveragePage.tsx';
import { DuplicatesPage, MergePage } from './DuplicatesPage.tsx';
import { MissesPage } from './MissesPage.tsx';
import { VocabularyPage } from './VocabularyPage.tsx';

/** Analysis pages, called inside the module's <Routes> (React Router wants the <Route>s themselves there). */
export function analysisRoutes() {
  return [
    <Route key="duplicates" path="dubbels" element={<DuplicatesPage />} />,
    <Route key="merge" path="dubbels/:kind/:a/:b" element={<MergePage />} />,
    <Route key="coverage" path="dekking" element={<CoveragePage />} />,
    <Route key="misses" path="zoekvragen" element={<MissesPage />} />,
    <Route key="vocabulary" path="woordenlijst" element={<VocabularyPage />} />,
  ];
}
