import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorList, TextField } from '../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { eventsKey, type RegistrationView, useEventsClient } from './api.ts';
import { EventNav, useEvent, useRegistrations } from './shared.tsx';

/** Folded for searching: case and accents do not matter at the door. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The door list, made for a phone: search, then one large button per person. */
export function DoorPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const { detail } = useNetwork();
  const format = useFormat();
  const client = useEventsClient();
  const queries = useQueryClient();
  const event = useEvent(eventId);
  const list = useRegistrations(eventId);
  const [search, setSearch] = useState('');
  useDocumentTitle(t('events.door.title'), event.data?.title ?? '');
  const toggle = useMutation({
    mutationFn: (r: RegistrationView) => client.checkIn(eventId, r.id, !r.checkedInAt),
    onSuccess: () => queries.invalidateQueries({ queryKey: eventsKey(detail.network.slug, eventId) }),
  });
  if (event.isPending || list.isPending) return <Loading />;
  if (event.isError) return <ErrorNotice error={event.error} />;
  if (list.isError) return <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />;
  const people = list.data.registrations.filter((r) => r.status === 'confirmed');
  const q = fold(search.trim());
  const shown = q
    ? people.filter((r) => fold(`${r.name} ${r.organisation ?? ''} ${r.email} ${r.checkinCode}`).includes(q))
    : people;
  const present = people.filter((r) => r.checkedInAt).length;
  return (
    <>
      <p className="eyebrow">{event.data.title}</p>
      <h1>{t('events.door.title')}</h1>
      <EventNav eventId={eventId} />
      <p>{t('events.door.lead')}</p>
      <TextField
        type="search"
        label={t('events.door.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <p role="status">{t('events.door.tally', { present, total: people.length })}</p>
      <ErrorList errors={[toggle.error]} />
      {shown.length === 0 ? <p>{t('events.door.noMatch')}</p> : null}
      <ul className="door-list">
        {shown.map((r) => (
          <li key={r.id}>
            <span>
              <strong>{r.name}</strong>
              {r.organisation ? <> · {r.organisation}</> : null}
              {r.checkedInAt ? (
                <>
                  <br />
                  <span className="door-present">
                    {t('events.door.present', { time: format.shortMoment(r.checkedInAt) })}
                  </span>
                </>
              ) : null}
            </span>
            <button
              type="button"
              className={r.checkedInAt ? 'button button-secondary' : 'button'}
              aria-label={t(r.checkedInAt ? 'events.door.undoOf' : 'events.door.checkInOf', { name: r.name })}
              disabled={toggle.isPending}
              onClick={() => toggle.mutate(r)}
            >
              {t(r.checkedInAt ? 'events.door.undo' : 'events.door.checkIn')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
