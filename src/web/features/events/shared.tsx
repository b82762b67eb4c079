import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type Section, SectionNav } from '../../components/SectionNav.tsx';
import { useNetwork } from '../../lib/network.ts';
import { eventsKey, useEventsClient } from './api.ts';

/** One event and its registrations, shared by the event's pages (one query each, refreshed together). */
export function useEvent(eventId: string) {
  const client = useEventsClient();
  const { detail } = useNetwork();
  return useQuery({
    queryKey: eventsKey(detail.network.slug, eventId),
    queryFn: () => client.event(eventId),
  });
}

export function useRegistrations(eventId: string) {
  const client = useEventsClient();
  const { detail } = useNetwork();
  return useQuery({
    queryKey: eventsKey(detail.network.slug, eventId, 'registrations'),
    queryFn: () => client.registrations(eventId),
  });
}

export function EventNav({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const root = `/n/${detail.network.slug}/activiteiten/${eventId}`;
  const sections: Section[] = [
    ['', t('events.nav.overview'), true],
    ['deur', t('events.nav.door'), true],
    ['resultaten', t('events.nav.results'), true],
    ['bewerken', t('events.nav.edit'), true],
  ];
  return (
    <SectionNav
      label={t('events.nav.label')}
      sections={sections}
      path={(sub) => (sub ? `${root}/${sub}` : root)}
    />
  );
}
