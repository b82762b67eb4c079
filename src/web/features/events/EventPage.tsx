import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorList, TextField } from '../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { type EventView, eventsKey, type RegistrationView, useEventsClient } from './api.ts';
import { placesText, usePlacesTexts } from './EventsPage.tsx';
import { EventNav, useEvent, useRegistrations } from './shared.tsx';

export function EventPage() {
  const { eventId = '' } = useParams();
  const event = useEvent(eventId);
  if (event.isPending) return <Loading />;
  if (event.isError) return <ErrorNotice error={event.error} onRetry={() => void event.refetch()} />;
  return <Overview event={event.data} />;
}

function Overview({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const format = useFormat();
  const places = usePlacesTexts();
  const slug = detail.network.slug;
  useDocumentTitle(event.title, detail.network.name);
  const place = [event.venue, event.address].filter(Boolean).join(', ');
  const counts = event.counts;
  return (
    <>
      <p className="eyebrow">
        {t(`events.kind.${event.kind}`)}
        {event.series ? ` · ${event.series}` : ''}
      </p>
      <h1>{event.title}</h1>
      <EventNav eventId={event.id} />
      <dl className="events-facts">
        <dt>{t('events.detail.when')}</dt>
        <dd>
          {format.moment(event.startsAt)} – {format.moment(event.endsAt)}
        </dd>
        <dt>{t('events.detail.where')}</dt>
        <dd>
          {t(`events.format.${event.format}`)}
          {place ? `: ${place}` : ''}
          {event.onlineUrl ? ` · ${event.onlineUrl}` : ''}
        </dd>
        <dt>{t('events.col.places')}</dt>
        <dd>
          {placesText(places, { capacity: event.capacity, places_left: event.placesLeft })}
          {event.waitlistLimit ? ` · ${t('events.places.waitlist', { n: event.waitlistLimit })}` : ''}
        </dd>
        <dt>{t('events.col.visibility')}</dt>
        <dd>
          {t(`events.visibility.${event.visibility}`)} · {t(`events.status.${event.status}`)}
        </dd>
        {event.organisers.length ? (
          <>
            <dt>{t('events.detail.organisers')}</dt>
            <dd>{format.list(event.organisers.map((o) => o.name))}</dd>
          </>
        ) : null}
      </dl>
      {counts ? <p>{t('events.counts', counts)}</p> : null}
      <p className="events-actions">
        {event.visibility === 'public' ? (
          <a href={`/agenda/${slug}/${event.id}`}>{t('events.detail.public')}</a>
        ) : null}
        <a href={`/api/networks/${slug}/events/${event.id}/registrations.csv`}>{t('events.detail.csv')}</a>
      </p>
      <AddRegistration event={event} />
      <Registrations event={event} />
    </>
  );
}

function AddRegistration({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const client = useEventsClient();
  const queries = useQueryClient();
  const { detail } = useNetwork();
  const [values, setValues] = useState({ name: '', email: '', organisation: '' });
  const [done, setDone] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => client.register(event.id, { ...values, organisation: values.organisation || null }),
    onSuccess: async (r) => {
      setDone(
        t('events.detail.added', {
          name: values.name,
          status: t(`events.regStatus.${r.status as 'confirmed'}`),
        }),
      );
      setValues({ name: '', email: '', organisation: '' });
      await queries.invalidateQueries({ queryKey: eventsKey(detail.network.slug, event.id) });
    },
  });
  if (!event.registrationOpen) return null;
  const bind = (k: keyof typeof values) => ({
    value: values[k],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value })),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    add.mutate();
  };
  return (
    <section aria-labelledby="add-registration">
      <h2 id="add-registration">{t('events.detail.add')}</h2>
      <form className="events-form" onSubmit={submit}>
        <ErrorList errors={[add.error]} />
        {done ? <p role="status">{done}</p> : null}
        <div className="field-grid">
          <TextField label={t('events.col.name')} required {...bind('name')} />
          <TextField type="email" label={t('events.col.email')} required {...bind('email')} />
          <TextField label={t('events.col.organisation')} {...bind('organisation')} />
        </div>
        <button type="submit" className="button" disabled={add.isPending}>
          {t('events.detail.addButton')}
        </button>
      </form>
    </section>
  );
}

function Registrations({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useEventsClient();
  const queries = useQueryClient();
  const { detail } = useNetwork();
  const list = useRegistrations(event.id);
  const cancel = useMutation({
    mutationFn: (r: RegistrationView) => client.cancel(event.id, r.id),
    onSuccess: () => queries.invalidateQueries({ queryKey: eventsKey(detail.network.slug, event.id) }),
  });
  return (
    <section aria-labelledby="registrations">
      <h2 id="registrations">{t('events.detail.registrations')}</h2>
      <ErrorList errors={[cancel.error]} />
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorNotice error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <DataTable
          caption={t('events.detail.registrations')}
          rows={list.data.registrations}
          rowKey={(r) => r.id}
          empty={<p>{t('events.detail.none')}</p>}
          compact
          columns={[
            {
              id: 'name',
              header: t('events.col.name'),
              rowHeader: true,
              cell: (r) => r.name,
              sortValue: (r) => r.name,
            },
            { id: 'email', header: t('events.col.email'), cell: (r) => r.email },
            {
              id: 'org',
              header: t('events.col.organisation'),
              cell: (r) => r.organisation ?? '',
              sortValue: (r) => r.organisation,
            },
            {
              id: 'status',
              header: t('events.col.status'),
              cell: (r) => t(`events.regStatus.${r.status}`),
              sortValue: (r) => r.status,
            },
            {
              id: 'position',
              header: t('events.col.position'),
              cell: (r) => r.position ?? '',
              numeric: true,
              sortValue: (r) => r.position,
            },
            {
              id: 'registered',
              header: t('events.col.registered'),
              cell: (r) => format.shortMoment(r.createdAt),
              sortValue: (r) => r.seq,
            },
            {
              id: 'present',
              header: t('events.col.present'),
              cell: (r) => (r.checkedInAt ? format.shortMoment(r.checkedInAt) : ''),
            },
            {
              id: 'actions',
              header: t('events.col.actions'),
              cell: (r) =>
                r.status === 'cancelled' || r.status === 'expired' ? null : (
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-label={t('events.detail.cancelOf', { name: r.name })}
                    disabled={cancel.isPending}
                    onClick={() => cancel.mutate(r)}
                  >
                    {t('events.detail.cancel')}
                  </button>
                ),
            },
          ]}
        />
      ) : null}
    </section>
  );
}
