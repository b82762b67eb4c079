import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { type Section, SectionNav } from '../../components/SectionNav.tsx';
import { ModuleNotFound } from '../../components/StatusPages.tsx';
import { useNetwork } from '../../lib/network.ts';
import { analysisRoutes } from './analysis/routes.tsx';
import { useDirectoryPath, useIsStaff } from './common.tsx';
import { curateRoutes } from './curate/routes.tsx';
import { exchangeRoutes } from './exchange/routes.tsx';
import { OrganizationPage } from './OrganizationPage.tsx';
import { SearchPage } from './SearchPage.tsx';
import { ServicePage } from './ServicePage.tsx';
import './directory.css';

/**
 * The module's sections. Searching is for everyone; a partner keeps its own organisation; keeping the map
 * current, importing and analysing it are staff work, so others do not see those tabs.
 */
function ModuleSections() {
  const { t } = useTranslation();
  const staff = useIsStaff();
  const { detail } = useNetwork();
  const path = useDirectoryPath();
  const links: Section[] = [
    ['', t('directory.nav.search'), true],
    ['mijn-organisatie', t('directory.nav.mine'), detail.role === 'partner'],
    ['actualiteit', t('directory.nav.freshness'), staff],
    ['voorstellen', t('directory.nav.suggestions'), staff],
    ['dubbels', t('directory.nav.duplicates'), staff],
    ['dekking', t('directory.nav.coverage'), true],
    ['zoekvragen', t('directory.nav.misses'), staff],
    ['woordenlijst', t('directory.nav.vocabulary'), staff],
    ['import', t('directory.nav.import'), staff],
  ];
  return <SectionNav label={t('directory.nav.label')} sections={links} path={path} />;
}

/**
 * The social map's pages under /n/:slug/sociale-kaart. Each area of the module (search and records,
 * curation, exchange, analysis) keeps its pages in its own folder and adds its routes here.
 */
export function Component() {
  return (
    <div className="directory-module">
      <ModuleSections />
      <Routes>
        <Route index element={<SearchPage />} />
        <Route path="dienst/:serviceId" element={<ServicePage />} />
        <Route path="organisatie/:orgId" element={<OrganizationPage />} />
        {curateRoutes()}
        {analysisRoutes()}
        {exchangeRoutes()}
        <Route path="*" element={<UnknownPage />} />
      </Routes>
    </div>
  );
}

function UnknownPage() {
  const { t } = useTranslation();
  const path = useDirectoryPath();
  return (
    <ModuleNotFound title={t('directory.unknown.title')} back={t('directory.unknown.back')} backTo={path()} />
  );
}
