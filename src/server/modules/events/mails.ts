import type { NetworkTable } from '../../platform/db/tables.ts';
import { type Language, translate } from '../../platform/i18n.ts';
import { appLink, type Mail } from '../../platform/outbox.ts';
import { type CalendarEvent, calendar } from './ics.ts';
import './messages.ts';
import type { EventTable, RegistrationTable } from './tables.ts';

const formats = new Map<Language, Intl.DateTimeFormat>();

/** Times are shown as the network lives them: in Brussels, in the reader's language. */
export function when(iso: string, lang: Language): string {
  let format = formats.get(lang);
  if (!format) {
    // Building a formatter costs far more than using one; a crowd registering at once needs it cheap.
    const locale = lang === 'fr' ? 'fr-BE' : lang === 'en' ? 'en-GB' : 'nl-BE';
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: 'Europe/Brussels',
    });
    formats.set(lang, format);
  }
  return format.format(new Date(iso));
}

export const registrationPath = (slug: string, token: string) => `/agenda/${slug}/inschrijving/${token}`;
export const eventPath = (slug: string, eventId: string) => `/agenda/${slug}/${eventId}`;

export function calendarEvent(network: NetworkTable, ev: EventTable): CalendarEvent {
  const place = [ev.venue, ev.address].filter(Boolean).join(', ');
  return {
    id: ev.id,
    title: ev.title,
    description: ev.description,
    startsAt: ev.starts_at,
    endsAt: ev.ends_at,
    updatedAt: ev.updated_at,
    location: place || ev.online_url,
    url: ev.online_url ?? appLink(eventPath(network.slug, ev.id)),
    lat: ev.lat,
    lng: ev.lng,
    cancelled: ev.status === 'cancelled',
  };
}

function where(ev: EventTable, lang: Language): string {
  const place = [ev.venue, ev.address].filter(Boolean).join(', ');
  const lines: string[] = [];
  if (place) lines.push(translate(lang, 'events_where_place', { place }));
  if (ev.online_url) lines.push(translate(lang, 'events_where_online', { link: ev.online_url }));
  return lines.join('\n');
}

type Kind = 'confirmed' | 'waitlisted' | 'offered' | 'reminder';

/**
 * One of the mails of a registration, in the language of its form. Confirmations and reminders carry the
 * event as an .ics file; the link (with the participant's token) is only ever in the mail itself.
 */
export function registrationMail(
  kind: Kind,
  network: NetworkTable,
  ev: EventTable,
  reg: Pick<RegistrationTable, 'name' | 'email' | 'language' | 'hold_expires_at'>,
  extra: { token?: string; position?: number; sendAfter?: Date },
): Mail {
  const lang = reg.language as Language;
  const params = {
    name: reg.name,
    title: ev.title,
    when: when(ev.starts_at, lang),
    where: where(ev, lang),
    link: extra.token ? appLink(registrationPath(network.slug, extra.token)) : '',
    position: extra.position ?? 0,
    until: reg.hold_expires_at ? when(reg.hold_expires_at, lang) : '',
  };
  const withCalendar = kind === 'confirmed' || kind === 'reminder';
  return {
    networkId: network.id,
    to: reg.email,
    subject: translate(lang, `events_mail_${kind}_subject`, params),
    text: translate(lang, `events_mail_${kind}_body`, params),
    kind: `events.${kind}`,
    sendAfter: extra.sendAfter,
    attachments: withCalendar
      ? [
          {
            filename: 'activiteit.ics',
            contentType: 'text/calendar; charset=utf-8',
            content: calendar(network.name, [calendarEvent(network, ev)]),
          },
        ]
      : undefined,
  };
}
