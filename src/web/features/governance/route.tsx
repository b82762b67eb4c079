import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import { ModuleNotFound } from '../../components/StatusPages.tsx';
import { BodiesPage } from './BodiesPage.tsx';
import { BodyPage } from './BodyPage.tsx';
import { DecisionsPage } from './DecisionsPage.tsx';
import { MeetingPage } from './MeetingPage.tsx';
import './governance.css';

/** The governance module under /n/:slug/bestuur: every member of the network reads, staff record. */
export function Component() {
  return (
    <Routes>
      <Route index element={<BodiesPage />} />
      <Route path="besluiten" element={<DecisionsPage />} />
      <Route path="orgaan/:bodyId" element={<BodyPage />} />
      <Route path="vergadering/:meetingId" element={<MeetingPage />} />
      <Route path="*" element={<UnknownPage />} />
    </Routes>
  );
}

function UnknownPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  return (
    <ModuleNotFound
      title={t('governance.unknown.title')}
      back={t('governance.unknown.back')}
      backTo={`/n/${slug}/bestuur`}
    />
  );
}
