import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import { ModuleNotFound } from '../../components/StatusPages.tsx';
import { useNetwork } from '../../lib/network.ts';
import { DoorPage } from './DoorPage.tsx';
import { EventFormPage } from './EventFormPage.tsx';
import { EventPage } from './EventPage.tsx';
import { EventsPage } from './EventsPage.tsx';
import { ResultsPage } from './ResultsPage.tsx';
import './events.css';

/** The activities module's staff pages under /n/:slug/activiteiten; the public agenda is /agenda/:slug. */
export function Component() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  if (detail.role !== 'staff' && detail.role !== 'admin') {
    return (
      <>
        <h1>{t('events.title')}</h1>
        <p>{t('events.staffOnly')}</p>
        <p>
          <a href={`/agenda/${detail.network.slug}`}>{t('events.publicAgenda')}</a>
        </p>
      </>
    );
  }
  return (
    <Routes>
      <Route index element={<EventsPage />} />
      <Route path="nieuw" element={<EventFormPage />} />
      <Route path=":eventId" element={<EventPage />} />
      <Route path=":eventId/bewerken" element={<EventFormPage />} />
      <Route path=":eventId/deur" element={<DoorPage />} />
      <Route path=":eventId/resultaten" element={<ResultsPage />} />
      <Route path="*" element={<UnknownPage />} />
    </Routes>
  );
}

function UnknownPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  return (
    <ModuleNotFound
      title={t('events.unknown.title')}
      back={t('events.unknown.back')}
      backTo={`/n/${slug}/activiteiten`}
    />
  );
}
