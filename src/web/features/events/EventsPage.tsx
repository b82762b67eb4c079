import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { type EventSummary, eventsKey, useEventsClient } from './api.ts';

/** "12 of 20", or "unlimited": the texts are passed in, so any component's translator can call it. */
export function placesText(
  texts: { unlimited: string; of: (taken: number, capacity: number) => string },
  e: Pick<EventSummary, 'capacity' | 'places_left'>,
) {
  if (e.capacity === null) return texts.unlimited;
  return texts.of(e.capacity - (e.places_left ?? 0), e.capacity);
}

export function usePlacesTexts() {
  const { t } = useTranslation();
  return {
    unlimited: t('events.places.unlimited'),
    of: (taken: number, capacity: number) => t('events.places.of', { taken, capacity }),
  };
}

export function EventsPage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const client = useEventsClient();
  const format = useFormat();
  const places = usePlacesTexts();
  const slug = detail.network.slug;
  useDocumentTitle(t('events.title'), detail.network.name);
  const query = useQuery({ queryKey: eventsKey(slug, 'list'), queryFn: () => client.list() });
  const root = `/n/${slug}/activiteiten`;
  return (
    <>
      <p className="eyebrow">{detail.network.name}</p>
      <h1>{t('events.title')}</h1>
      <p className="lead">{t('events.lead')}</p>
      <p className="events-actions">
        <Link className="button" to={`${root}/nieuw`}>
          {t('events.new')}
        </Link>
        <a href={`/agenda/${slug}`}>{t('events.publicAgenda')}</a>
        <a href={`/api/networks/${slug}/events.ics`}>{t('events.calendar')}</a>
      </p>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorNotice error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <DataTable
          caption={t('events.col.listCaption')}
          rows={[...query.data.events].reverse()}
          rowKey={(e) => e.id}
          empty={<p>{t('events.empty')}</p>}
          columns={[
            {
              id: 'title',
              header: t('events.col.title'),
              rowHeader: true,
              cell: (e) => <Link to={`${root}/${e.id}`}>{e.title}</Link>,
              sortValue: (e) => e.title,
            },
            {
              id: 'when',
              header: t('events.col.when'),
              cell: (e) => format.shortMoment(e.starts_at),
              sortValue: (e) => e.starts_at,
            },
            { id: 'kind', header: t('events.col.kind'), cell: (e) => t(`events.kind.${e.kind}`) },
            { id: 'status', header: t('events.col.status'), cell: (e) => t(`events.status.${e.status}`) },
            {
              id: 'places',
              header: t('events.col.places'),
              cell: (e) => placesText(places, e),
              numeric: true,
            },
          ]}
        />
      ) : null}
    </>
  );
}
