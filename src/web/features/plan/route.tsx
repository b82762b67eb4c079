import './plan.css';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import { ModuleNotFound } from '../../components/StatusPages.tsx';
import { ActionPlanPage } from './ActionPlanPage.tsx';
import { IndicatorPage } from './IndicatorPage.tsx';
import { MyActionsPage } from './MyActionsPage.tsx';
import { PlansPage } from './PlansPage.tsx';
import { ReportPage } from './ReportPage.tsx';
import { TreePage } from './tree/TreePage.tsx';

/** The policy-plan module's pages under /n/:slug/beleidsplan (Dutch paths, like the rest of the product). */
export function Component() {
  return (
    <Routes>
      <Route index element={<PlansPage />} />
      <Route path=":planId" element={<TreePage />} />
      <Route path=":planId/indicatoren/:indicatorId" element={<IndicatorPage />} />
      <Route path=":planId/mijn-acties" element={<MyActionsPage />} />
      <Route path=":planId/acties/:year" element={<ActionPlanPage />} />
      <Route path=":planId/rapport" element={<ReportPage />} />
      <Route path="*" element={<UnknownPage />} />
    </Routes>
  );
}

function UnknownPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  return (
    <ModuleNotFound
      title={t('plan.unknown.title')}
      back={t('plan.unknown.back')}
      backTo={`/n/${slug}/beleidsplan`}
    />
  );
}
