import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { ApiError } from '../../lib/api.ts';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { directoryClient, type ServiceRecord } from './api.ts';
import { useDirectoryPath } from './common.tsx';
import { RecordLinks } from './curate/RecordLinks.tsx';
import { OpenBadge } from './OpenBadge.tsx';
import {
  Assured,
  ContactList,
  Identifiers,
  LocationList,
  RecordActions,
  Section,
  useBackToSearch,
} from './RecordParts.tsx';

export function ServicePage() {
  const { t } = useTranslation();
  const { serviceId = '' } = useParams();
  const { detail } = useNetwork();
  const slug = detail.network.slug;
  const query = useQuery({
    queryKey: ['directory-service', slug, serviceId],
    queryFn: () => directoryClient(slug).service(serviceId),
    retry: false,
  });
  useDocumentTitle(query.data?.name ?? t('directory.record.serviceTitle'), detail.network.name);
  if (query.isPending) return <Loading />;
  if (query.isError) return <Missing error={query.error} />;
  return <ServiceView s={query.data} />;
}

export function Missing({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const back = useBackToSearch();
  if (error instanceof ApiError && error.status === 404)
    return (
      <>
        <h1>{t('directory.record.missingTitle')}</h1>
        <p>{t('directory.record.missingText')}</p>
        <p>
          <Link to={back}>{t('directory.record.back')}</Link>
        </p>
      </>
    );
  return <ErrorNotice error={error} />;
}

function ServiceView({ s }: { s: ServiceRecord }) {
  const { t } = useTranslation();
  const path = useDirectoryPath();
  const format = useFormat();
  const groups = (['rubric', 'target_group', 'sector', 'quintuple_aim', 'accessibility'] as const)
    .map((kind) => ({ kind, terms: s.terms.filter((x) => x.kind === kind) }))
    .filter((g) => g.terms.length > 0);
  const ages =
    s.eligibility.minimum_age !== null || s.eligibility.maximum_age !== null
      ? t('directory.record.ages', {
          from: s.eligibility.minimum_age ?? 0,
          to: s.eligibility.maximum_age ?? '…',
        })
      : null;
  return (
    <article className="record">
      <RecordActions />
      <p className="eyebrow">
        <Link to={path(`organisatie/${s.organization.id}`)}>{s.organization.name}</Link>
      </p>
      <h1>{s.name}</h1>
      {s.alternate_name ? <p className="muted">{s.alternate_name}</p> : null}
      <div className="record-badges">
        <OpenBadge open={s.hours.open_now} />
        {s.cost.free ? <span className="badge">{t('directory.record.free')}</span> : null}
        {s.local ? <span className="tag">{t('directory.results.local')}</span> : null}
        {!s.published ? <span className="tag tag-warning">{t('directory.record.draft')}</span> : null}
      </div>
      {s.alert ? (
        <div className="notice notice-warning" role="note">
          <p>{s.alert}</p>
        </div>
      ) : null}
      <Assured assured={s.assured} updatedAt={s.updated_at} />
      <RecordLinks serviceId={s.id} organizationId={s.organization.id} />
      {s.description ? (
        <p className="record-description" lang={s.text_lang}>
          {s.description}
        </p>
      ) : null}

      <div className="record-grid">
        <div>
          <Section id="contact-heading" title={t('directory.record.contactHeading')}>
            <ContactList phones={s.phones} contacts={s.contacts} email={s.email} website={s.url} />
          </Section>
          <Section id="where-heading" title={t('directory.record.where')}>
            <LocationList locations={s.locations} />
            {s.service_areas.length > 0 ? (
              <p>
                {t('directory.record.serviceArea')}:{' '}
                {s.service_areas.map((a) => a.municipality ?? a.name).join(', ')}
              </p>
            ) : null}
          </Section>
        </div>
        <Section id="hours-heading" title={t('directory.record.hours')}>
          <HoursTable hours={s.hours} />
        </Section>
      </div>

      <Section id="for-whom-heading" title={t('directory.record.forWhom')}>
        <dl className="record-facts">
          {ages ? (
            <>
              <dt>{t('directory.record.age')}</dt>
              <dd>{ages}</dd>
            </>
          ) : null}
          {s.eligibility.description ? (
            <>
              <dt>{t('directory.record.eligibility')}</dt>
              <dd>{s.eligibility.description}</dd>
            </>
          ) : null}
          {s.application_process ? (
            <>
              <dt>{t('directory.record.application')}</dt>
              <dd>{s.application_process}</dd>
            </>
          ) : null}
          {s.wait_time ? (
            <>
              <dt>{t('directory.record.waitTime')}</dt>
              <dd>{s.wait_time}</dd>
            </>
          ) : null}
          <dt>{t('directory.record.languages')}</dt>
          <dd>
            {s.languages.length > 0
              ? s.languages.map((code) => t(`directory.language.${code}`, { defaultValue: code })).join(', ')
              : t('directory.record.unknown')}
          </dd>
          <dt>{t('directory.record.cost')}</dt>
          <dd>
            {s.cost.free === true
              ? t('directory.record.free')
              : s.cost.options.length > 0
                ? s.cost.options
                    .map((c) =>
                      [
                        c.option,
                        c.amount !== null ? format.currency(c.amount, c.currency) : null,
                        c.description,
                      ]
                        .filter(Boolean)
                        .join(' '),
                    )
                    .join('; ')
                : (s.fees_description ?? t('directory.record.unknown'))}
          </dd>
          {s.capacity.length > 0 ? (
            <>
              <dt>{t('directory.record.capacity')}</dt>
              {s.capacity.map((c) => (
                <dd key={c.unit}>
                  {t('directory.record.capacityLine', {
                    available: c.available,
                    unit: c.unit,
                    date: format.day(c.updated),
                  })}
                  {c.waiting_list ? ` ${t('directory.record.waitingList', { count: c.waiting_list })}` : null}
                </dd>
              ))}
            </>
          ) : null}
        </dl>
      </Section>

      {groups.length > 0 ? (
        <Section id="terms-heading" title={t('directory.record.terms')}>
          <dl className="record-facts">
            {groups.map((g) => (
              <div key={g.kind}>
                <dt>{t(`directory.kind.${g.kind}`)}</dt>
                <dd>
                  <ul className="tag-list">
                    {g.terms.map((term) => (
                      <li key={term.id} className="tag">
                        {term.name}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ))}
          </dl>
        </Section>
      ) : null}
      <Identifiers identifiers={s.identifiers} />
    </article>
  );
}

const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function HoursTable({ hours }: { hours: ServiceRecord['hours'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const none = hours.week.every((d) => d.slots.length === 0);
  if (none && hours.exceptions.length === 0) return <p className="muted">{t('directory.record.noHours')}</p>;
  return (
    <>
      {none ? null : (
        <DataTable
          caption={t('directory.record.hoursCaption')}
          compact
          className="hours-table"
          rows={hours.week}
          rowKey={(d) => String(d.day)}
          columns={[
            {
              id: 'day',
              header: t('directory.record.day'),
              rowHeader: true,
              cell: (d) => t(`directory.day.${DAY_KEYS[d.day] ?? 'mon'}`),
            },
            {
              id: 'hours',
              header: t('directory.record.openingHours'),
              cell: (d) =>
                d.slots.length === 0
                  ? t('directory.record.closed')
                  : d.slots.map((x) => `${x.opens}–${x.closes}`).join(', '),
            },
          ]}
        />
      )}
      {hours.notes.map((n) => (
        <p key={n}>{n}</p>
      ))}
      {hours.exceptions.length > 0 ? (
        <>
          <h3>{t('directory.record.exceptions')}</h3>
          <ul className="record-exceptions">
            {hours.exceptions.map((e) => (
              <li key={`${e.from}-${e.to}`}>
                {e.from === e.to
                  ? format.day(e.from)
                  : t('directory.record.range', { from: format.day(e.from), to: format.day(e.to) })}
                {': '}
                {e.closed ? t('directory.record.closed') : `${e.opens ?? ''}–${e.closes ?? ''}`}
                {e.reason ? ` (${e.reason})` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
