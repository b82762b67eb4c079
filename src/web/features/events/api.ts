import { useMemo } from 'react';
import type { z } from 'zod';
import type {
  Attendance as AttendanceSchema,
  EventInput,
  EventList as EventListSchema,
  EventView,
  FeedbackResults as FeedbackResultsSchema,
  RegistrationList as RegistrationListSchema,
  RegistrationView,
} from '../../../server/modules/events/schema.ts';
import { apiRequest as request } from '../../lib/api.ts';
import { useNetwork } from '../../lib/network.ts';
import { useSession } from '../../lib/session.ts';

/** API shapes of the events module, from its Zod schemas (type-only: no server code reaches the bundle). */
export type { EventInput, EventView, RegistrationView };
export type EventList = z.infer<typeof EventListSchema>;
export type RegistrationList = z.infer<typeof RegistrationListSchema>;
export type Attendance = z.infer<typeof AttendanceSchema>;
export type FeedbackResults = z.infer<typeof FeedbackResultsSchema>;
export type EventSummary = EventList['events'][number];

export const eventsBase = (slug: string) => `/api/networks/${encodeURIComponent(slug)}/events`;

export function eventsClient(slug: string, csrf: string | null) {
  const base = eventsBase(slug);
  const get = <T>(path: string) => request<T>('GET', `${base}${path}`, csrf);
  const send = <T>(method: string, path: string, body?: unknown) =>
    request<T>(method, `${base}${path}`, csrf, body);
  return {
    list: () => get<EventList>('?scope=all'),
    event: (id: string) => get<EventView>(`/${id}`),
    create: (body: EventInput) => send<{ id: string }>('POST', '', body),
    update: (id: string, body: EventInput) => send<EventView>('PUT', `/${id}`, body),
    registrations: (id: string) => get<RegistrationList>(`/${id}/registrations`),
    register: (id: string, body: { name: string; email: string; organisation?: string | null }) =>
      send<{ id: string; status: string; position?: number }>('POST', `/${id}/registrations`, body),
    checkIn: (id: string, registrationId: string, present: boolean) =>
      send<{ ok: true }>('POST', `/${id}/registrations/${registrationId}/check-in`, { present }),
    cancel: (id: string, registrationId: string) =>
      send<{ ok: true }>('POST', `/${id}/registrations/${registrationId}/cancel`),
    attendance: (id: string) => get<Attendance>(`/${id}/attendance`),
    feedback: (id: string) => get<FeedbackResults>(`/${id}/feedback`),
    partners: () =>
      request<{ partners: { id: string; name: string; archived: boolean }[] }>(
        'GET',
        `/api/networks/${encodeURIComponent(slug)}/network/partners`,
        csrf,
      ),
  };
}

/** The events client for the current network and session. */
export function useEventsClient() {
  const { detail } = useNetwork();
  const { data: session } = useSession();
  const slug = detail.network.slug;
  const csrf = session?.csrfToken ?? null;
  return useMemo(() => eventsClient(slug, csrf), [slug, csrf]);
}

export const eventsKey = (slug: string, ...rest: string[]) => ['events', slug, ...rest] as const;
