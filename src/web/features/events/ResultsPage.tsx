import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { eventsKey, useEventsClient } from './api.ts';
import { EventNav, useEvent } from './shared.tsx';

/** Attendance per organisation and the feedback afterwards, as tables (the scores need no chart). */
export function ResultsPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const { detail } = useNetwork();
  const format = useFormat();
  const client = useEventsClient();
  const event = useEvent(eventId);
  const slug = detail.network.slug;
  const attendance = useQuery({
    queryKey: eventsKey(slug, eventId, 'attendance'),
    queryFn: () => client.attendance(eventId),
  });
  const feedback = useQuery({
    queryKey: eventsKey(slug, eventId, 'feedback'),
    queryFn: () => client.feedback(eventId),
  });
  useDocumentTitle(t('events.nav.results'), event.data?.title ?? '');
  if (event.isPending || attendance.isPending || feedback.isPending) return <Loading />;
  const error = event.error ?? attendance.error ?? feedback.error;
  if (error || !event.data || !attendance.data || !feedback.data) return <ErrorNotice error={error} />;
  const a = attendance.data;
  const f = feedback.data;
  const one = (v: number | null) => (v === null ? '–' : format.decimal(v, 1));
  return (
    <>
      <p className="eyebrow">{event.data.title}</p>
      <h1>{t('events.nav.results')}</h1>
      <EventNav eventId={eventId} />
      <h2>{t('events.results.attendance')}</h2>
      <p>{t('events.results.attendanceSummary', { attended: a.attended, registered: a.registered })}</p>
      <DataTable
        caption={t('events.results.attendance')}
        rows={a.organisations}
        rowKey={(o) => o.organisation}
        empty={<p>{t('events.detail.none')}</p>}
        columns={[
          {
            id: 'org',
            header: t('events.col.organisation'),
            rowHeader: true,
            cell: (o) => o.organisation,
            sortValue: (o) => o.organisation,
          },
          {
            id: 'registered',
            header: t('events.col.registeredCount'),
            cell: (o) => o.registered,
            numeric: true,
            sortValue: (o) => o.registered,
          },
          {
            id: 'attended',
            header: t('events.col.attended'),
            cell: (o) => o.attended,
            numeric: true,
            sortValue: (o) => o.attended,
          },
        ]}
      />
      <h2>{t('events.results.feedback')}</h2>
      {f.responses === 0 ? (
        <p>{t('events.results.noFeedback')}</p>
      ) : (
        <>
          <p>{t('events.results.responses', { responses: f.responses, attended: f.attended })}</p>
          <ul>
            <li>{t('events.results.averageRating', { value: one(f.averageRating) })}</li>
            <li>{t('events.results.averageUseful', { value: one(f.averageUseful) })}</li>
          </ul>
          <DataTable
            caption={t('events.results.distribution')}
            rows={f.ratings.map((count, i) => ({ score: i + 1, count }))}
            rowKey={(r) => String(r.score)}
            compact
            columns={[
              {
                id: 'score',
                header: t('events.col.rating'),
                rowHeader: true,
                cell: (r) => r.score,
                numeric: true,
              },
              { id: 'count', header: t('events.col.count'), cell: (r) => r.count, numeric: true },
            ]}
          />
          {f.comments.length ? (
            <>
              <h3>{t('events.results.comments')}</h3>
              <ul>
                {f.comments.map((c, i) => (
                  // Comments have no id of their own; their order is fixed by the API.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <li key={i}>{c}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </>
  );
}
