import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import { NotFoundPage } from '../../routes/NotFoundPage.tsx';
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
function SectionNav() {
  const { t } = useTranslation();
  const staff = useIsStaff();
  const path = useModulePath();
  const links: [string, string, boolean][] = [
    ['', t('network.nav.map'), true],
    ['beheer', t('network.nav.manage'), staff],
    ['bevraging', t('network.nav.survey'), true],
    ['suggesties', t('network.nav.suggestions'), staff],
    ['rapport', t('network.nav.report'), true],
  ];
  return (
    <nav className="section-nav no-print" aria-label={t('network.nav.label')}>
      <ul>
        {links
          .filter(([, , shown]) => shown)
          .map(([sub, label]) => (
            <li key={sub}>
              <NavLink end={sub === ''} to={path(sub)}>
                {label}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

/** The partner network (issue 5): map and metrics, management, survey, suggestions, report. */
export function Component() {
  return (
    <div className="page-wide network-module">
      <SectionNav />
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
