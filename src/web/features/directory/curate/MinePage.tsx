import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable.tsx';
import { ErrorNotice, Loading } from '../../../components/States.tsx';
import { useDocumentTitle } from '../../../lib/title.ts';
import { useDirectoryPath } from '../common.tsx';
import { type OrganizationView, useCurateApi } from './api.ts';
import { AssuredText, LoadError } from './parts.tsx';

/** "Mijn organisatie": a partner keeps its own record and services current. */
export function MinePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('directory.curate.mine.title'));
  const api = useCurateApi();
  const query = useQuery({ queryKey: ['curate', 'mine'], queryFn: () => api.mine() });
  return (
    <>
      <h1>{t('directory.curate.mine.title')}</h1>
      <p className="lead">{t('directory.curate.mine.intro')}</p>
      {query.isPending ? <Loading /> : null}
      {query.error ? <LoadError error={query.error} onRetry={() => query.refetch()} /> : null}
      {query.data && query.data.organizations.length === 0 ? (
        <p className="notice">{t('directory.curate.mine.none')}</p>
      ) : null}
      {query.data?.organizations.map((o) => (
        <OrganizationCard key={o.id} org={o} />
      ))}
    </>
  );
}

function OrganizationCard({ org }: { org: OrganizationView }) {
  const { t } = useTranslation();
  const api = useCurateApi();
  const path = useDirectoryPath();
  const client = useQueryClient();
  const assure = useMutation({
    mutationFn: (v: { kind: 'services' | 'organizations'; id: string }) => api.assure(v.kind, v.id),
    onSuccess: () => client.invalidateQueries({ queryKey: ['curate'] }),
  });
  const headingId = `org-${org.id}`;
  return (
    <section className="card curate-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{org.fields.name}</h2>
      <p>
        <AssuredText date={org.assured_date} by={org.assured_by} />
      </p>
      <div className="button-row">
        <Link className="button button-secondary" to={path(`organisatie/${org.id}/bewerken`)}>
          {t('directory.curate.mine.editOrganization')}
        </Link>
        <button
          type="button"
          className="button button-secondary"
          disabled={assure.isPending}
          onClick={() => assure.mutate({ kind: 'organizations', id: org.id })}
        >
          {t('directory.curate.stillCorrect')}
        </button>
        <Link className="button button-secondary" to={path(`nieuw?organisatie=${org.id}`)}>
          {t('directory.curate.mine.newService')}
        </Link>
      </div>
      {assure.isSuccess ? (
        <p className="notice" role="status">
          {t('directory.curate.confirmed')}
        </p>
      ) : null}
      {assure.error ? <ErrorNotice error={assure.error} /> : null}
      <DataTable
        caption={t('directory.curate.mine.services', { name: org.fields.name })}
        rows={org.services}
        rowKey={(s) => s.id}
        columns={[
          {
            id: 'service',
            header: t('directory.curate.table.service'),
            rowHeader: true,
            cell: (s) => s.name,
            sortValue: (s) => s.name,
          },
          {
            id: 'assured',
            header: t('directory.curate.table.assured'),
            cell: (s) => <AssuredText date={s.assured_date} by={null} />,
            sortValue: (s) => s.assured_date,
          },
          {
            id: 'actions',
            header: t('directory.curate.table.actions'),
            cell: (s) => (
              <div className="button-row">
                <Link className="button button-small" to={path(`dienst/${s.id}/bewerken`)}>
                  {t('directory.curate.edit')}
                  <span className="visually-hidden"> {s.name}</span>
                </Link>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={assure.isPending}
                  onClick={() => assure.mutate({ kind: 'services', id: s.id })}
                >
                  {t('directory.curate.stillCorrect')}
                  <span className="visually-hidden"> {s.name}</span>
                </button>
              </div>
            ),
          },
        ]}
      />
    </section>
  );
}
