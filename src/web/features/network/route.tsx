import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { type Section, SectionNav } from '../../components/SectionNav.tsx';
import { NotFoundPage } from '../../components/StatusPages.tsx';
import { useIsStaff, useModulePath } from './common.tsx';
import { ManagePage } from './ManagePage.tsx';
import { MapPage } from './MapPage.tsx';
import { ReportPage } from './ReportPage.tsx';
import { RespondPage } from './RespondPage.tsx';
import { ResultsPage } from './ResultsPage.tsx';
import { SuggestionsPage } from './SuggestionsPage.tsx';
import { SurveyPage } from './SurveyPage.tsx';
import './network.css';

/** The module's own sections; management and suggestions are staff work, so others do not see them. */
function ModuleSections() {
  const { t } = useTranslation();
  const staff = useIsStaff();
  const path = useModulePath();
  const links: Section[] = [
    ['', t('network.nav.map'), true],
    ['beheer', t('network.nav.manage'), staff],
    ['bevraging', t('network.nav.survey'), true],
    ['suggesties', t('network.nav.suggestions'), staff],
    ['rapport', t('network.nav.report'), true],
  ];
  return <SectionNav label={t('network.nav.label')} sections={links} path={path} />;
}

/** The partner network (issue 5): map and metrics, management, survey, suggestions, report. */
export function Component() {
  return (
    <div className="page-wide network-module">
      <ModuleSections />
      <Routes>
        <Route index element={<MapPage />} />
        <Route path="beheer" element={<ManagePage />} />
        <Route path="bevraging" element={<SurveyPage />} />
        <Route path="bevraging/:roundId" element={<RespondPage />} />
        <Route path="bevraging/:roundId/resultaten" element={<ResultsPage />} />
        <Route path="suggesties" element={<SuggestionsPage />} />
        <Route path="rapport" element={<ReportPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
