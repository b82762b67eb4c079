import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/States.tsx';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { directoryClient, type OrganizationRecord } from './api.ts';
import { useDirectoryPath } from './common.tsx';
import { Assured, ContactList, Identifiers, LocationList, RecordActions, Section } from './RecordParts.tsx';
import { Missing } from './ServicePage.tsx';

export function OrganizationPage() {
  const { t } = useTranslation();
  const { orgId = '' } = useParams();
  const { detail } = useNetwork();
  const slug = detail.network.slug;
  const query = useQuery({
    queryKey: ['directory-organization', slug, orgId],
    queryFn: () => directoryClient(slug).organization(orgId),
    retry: false,
  });
  useDocumentTitle(query.data?.name ?? t('directory.record.organizationTitle'), detail.network.name);
  if (query.isPending) return <Loading />;
  if (query.isError) return <Missing error={query.error} />;
  return <OrganizationView o={query.data} />;
}

function OrganizationView({ o }: { o: OrganizationRecord }) {
  const { t } = useTranslation();
  const path = useDirectoryPath();
  return (
    <article className="record">
      <RecordActions />
      <p className="eyebrow">{t('directory.record.organizationTitle')}</p>
      <h1>{o.name}</h1>
      {o.alternate_name ? <p className="muted">{o.alternate_name}</p> : null}
      <div className="record-badges">
        {o.local ? <span className="tag">{t('directory.results.local')}</span> : null}
        {!o.published ? <span className="tag tag-warning">{t('directory.record.draft')}</span> : null}
      </div>
      <Assured assured={o.assured} updatedAt={o.updated_at} />
      {o.description ? (
        <p className="record-description" lang={o.text_lang}>
          {o.description}
        </p>
      ) : null}
      {o.parent ? (
        <p>
          {t('directory.record.partOf')} <Link to={path(`organisatie/${o.parent.id}`)}>{o.parent.name}</Link>
        </p>
      ) : null}

      <Section id="services-heading" title={t('directory.record.services', { count: o.services.length })}>
        {o.services.length === 0 ? (
          <p className="muted">{t('directory.record.noServices')}</p>
        ) : (
          <ul className="record-services">
            {o.services.map((s) => (
              <li key={s.id}>
                <Link to={path(`dienst/${s.id}`)}>{s.name}</Link>
                {!s.published ? <span className="tag tag-warning">{t('directory.record.draft')}</span> : null}
                {s.description ? <p className="muted">{s.description}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <div className="record-grid">
        <Section id="contact-heading" title={t('directory.record.contactHeading')}>
          <ContactList phones={o.phones} contacts={o.contacts} email={o.email} website={o.website} />
        </Section>
        <Section id="where-heading" title={t('directory.record.where')}>
          <LocationList locations={o.locations} />
        </Section>
      </div>
      {o.legal_status ? (
        <p>
          {t('directory.record.legalStatus')}: {o.legal_status}
        </p>
      ) : null}
      <Identifiers identifiers={o.identifiers} />
    </article>
  );
}
