import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useFormat } from '../../lib/format.ts';
import type { ServiceRecord } from './api.ts';
import { useDirectoryPath } from './common.tsx';

type Phone = ServiceRecord['phones'][number];
type Contact = ServiceRecord['contacts'][number];
type Location = ServiceRecord['locations'][number];

/** The search a record was opened from travels in the link's state, so "back" returns to those results. */
export function useBackToSearch(): string {
  const path = useDirectoryPath();
  const search = (useLocation().state as { search?: string } | null)?.search;
  return search ? `${path()}?${search}` : path();
}

/**
 * The record's actions: back to the results, and the place where keeping the map current adds its links
 * (edit, suggest a change) for the people allowed to use them.
 */
export function RecordActions({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const back = useBackToSearch();
  return (
    <div className="record-actions no-print">
      <Link to={back}>{t('directory.record.back')}</Link>
      {children}
    </div>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="record-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function PhoneLine({ phone }: { phone: Phone }) {
  const { t } = useTranslation();
  const tel = phone.number.replace(/[^+\d]/g, '');
  return (
    <>
      <a href={`tel:${tel}`}>{phone.number}</a>
      {phone.extension ? ` ${t('directory.record.extension', { ext: phone.extension })}` : null}
      {phone.description ? ` (${phone.description})` : null}
    </>
  );
}

export function ContactList({
  phones,
  contacts,
  email,
  website,
}: {
  phones: Phone[];
  contacts: Contact[];
  email: string | null;
  website: string | null;
}) {
  const { t } = useTranslation();
  if (phones.length === 0 && contacts.length === 0 && !email && !website)
    return <p className="muted">{t('directory.record.noContact')}</p>;
  return (
    <dl className="record-facts">
      {phones.length > 0 ? (
        <>
          <dt>{t('directory.record.phone')}</dt>
          {phones.map((p) => (
            <dd key={`${p.number}-${p.extension ?? ''}`}>
              <PhoneLine phone={p} />
            </dd>
          ))}
        </>
      ) : null}
      {email ? (
        <>
          <dt>{t('directory.record.email')}</dt>
          <dd>
            <a href={`mailto:${email}`}>{email}</a>
          </dd>
        </>
      ) : null}
      {website ? (
        <>
          <dt>{t('directory.record.website')}</dt>
          <dd>
            <a href={website} rel="noreferrer noopener" target="_blank">
              {website}
            </a>
          </dd>
        </>
      ) : null}
      {contacts.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id of their own in this view.
        <div key={i} className="record-contact">
          <dt>
            {[c.name, c.title, c.department].filter(Boolean).join(', ') || t('directory.record.contact')}
          </dt>
          {c.email ? (
            <dd>
              <a href={`mailto:${c.email}`}>{c.email}</a>
            </dd>
          ) : null}
          {c.phones.map((p) => (
            <dd key={p.number}>
              <PhoneLine phone={p} />
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}

export function LocationList({ locations }: { locations: Location[] }) {
  const { t } = useTranslation();
  if (locations.length === 0) return <p className="muted">{t('directory.record.noLocation')}</p>;
  return (
    <ul className="record-locations">
      {locations.map((l) => (
        <li key={l.id}>
          {l.name ? <strong>{l.name}</strong> : null}
          {l.addresses.map((a) => (
            <address key={`${a.address_1}-${a.postal_code}`}>
              {a.address_1}
              {a.address_2 ? (
                <>
                  <br />
                  {a.address_2}
                </>
              ) : null}
              <br />
              {a.postal_code} {a.city}
              {l.municipality && l.municipality !== a.city ? ` (${l.municipality})` : null}
            </address>
          ))}
          {l.transportation ? <p>{l.transportation}</p> : null}
          {l.accessibility.length > 0 ? (
            <p>
              {t('directory.record.accessibility')}: {l.accessibility.join(', ')}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function Identifiers({ identifiers }: { identifiers: ServiceRecord['identifiers'] }) {
  const { t } = useTranslation();
  if (identifiers.length === 0) return null;
  return (
    <Section id="identifiers-heading" title={t('directory.record.identifiers')}>
      <dl className="record-facts">
        {identifiers.map((i) => (
          <div key={`${i.scheme}-${i.identifier}`}>
            <dt>{t(`directory.scheme.${i.scheme}`, { defaultValue: i.scheme })}</dt>
            <dd>{i.identifier}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

/** "Last confirmed on … by …": how current the record is, the first thing a careful reader asks. */
export function Assured({ assured, updatedAt }: { assured: ServiceRecord['assured']; updatedAt: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <p className="record-assured">
      {assured.date
        ? assured.by
          ? t('directory.record.assuredBy', { date: format.day(assured.date), by: assured.by })
          : t('directory.record.assured', { date: format.day(assured.date) })
        : t('directory.record.notAssured')}{' '}
      <span className="muted">{t('directory.record.updated', { date: format.day(updatedAt) })}</span>
    </p>
  );
}
