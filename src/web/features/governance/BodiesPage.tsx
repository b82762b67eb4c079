import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { type BodyList, governanceKey, useGovernanceClient } from './api.ts';
import { GovernanceNav } from './shared.tsx';

type Member = BodyList['bodies'][number]['members'][number];

/** The members of a body by cluster: who, for which partner, in which role, for how long. */
export function MembersTable({ caption, members }: { caption: string; members: Member[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      caption={caption}
      captionHidden
      compact
      rows={members}
      rowKey={(m) => m.id}
      empty={<p>{t('governance.members.empty')}</p>}
      columns={[
        { id: 'name', header: t('governance.members.name'), rowHeader: true, cell: (m) => m.personName },
        { id: 'partner', header: t('governance.members.partner'), cell: (m) => m.partnerName ?? '—' },
        {
          id: 'cluster',
          header: t('governance.members.cluster'),
          cell: (m) => t(`governance.cluster.${m.cluster}`),
          sortValue: (m) => m.cluster,
        },
        { id: 'role', header: t('governance.members.role'), cell: (m) => t(`governance.role.${m.role}`) },
        {
          id: 'mandate',
          header: t('governance.members.mandate'),
          cell: (m) =>
            m.mandateTo
              ? format.dayRange(m.mandateFrom, m.mandateTo)
              : t('governance.members.since', { date: format.day(m.mandateFrom) }),
        },
      ]}
    />
  );
}

export function BodiesPage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const client = useGovernanceClient();
  const slug = detail.network.slug;
  useDocumentTitle(t('governance.title'), detail.network.name);
  const query = useQuery({ queryKey: governanceKey(slug, 'bodies'), queryFn: () => client.bodies() });
  return (
    <>
      <p className="eyebrow">{detail.network.name}</p>
      <h1>{t('governance.title')}</h1>
      <GovernanceNav />
      <p className="lead">{t('governance.lead')}</p>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorNotice error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data?.bodies.length === 0 ? <p>{t('governance.bodies.empty')}</p> : null}
      {query.data?.bodies.map((b) => (
        <section key={b.id} className="gov-body" aria-labelledby={`body-${b.id}`}>
          <h2 id={`body-${b.id}`}>
            <Link to={`/n/${slug}/bestuur/orgaan/${b.id}`}>{b.name}</Link>
          </h2>
          <p className="gov-meta">
            {t(`governance.kind.${b.kind}`)} ·{' '}
            {t('governance.bodies.memberCount', { count: b.members.length })}
          </p>
          {b.description ? <p>{b.description}</p> : null}
          <MembersTable caption={t('governance.members.caption', { body: b.name })} members={b.members} />
        </section>
      ))}
    </>
  );
}
