import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { TextField } from '../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { governanceKey, useGovernanceClient } from './api.ts';
import { GovernanceNav } from './shared.tsx';

/** Every decision of the network's bodies, newest first, searchable by words of its title or text. */
export function DecisionsPage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const client = useGovernanceClient();
  const format = useFormat();
  const slug = detail.network.slug;
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  useDocumentTitle(t('governance.decisions.listTitle'), detail.network.name);
  const query = useQuery({
    queryKey: governanceKey(slug, 'decisions', q),
    queryFn: () => client.decisions(q),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQ(draft.trim());
  };
  return (
    <>
      <p className="eyebrow">{detail.network.name}</p>
      <h1>{t('governance.decisions.listTitle')}</h1>
      <GovernanceNav />
      <form className="gov-search" onSubmit={submit}>
        <TextField
          type="search"
          label={t('governance.decisions.search')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button">
          {t('governance.decisions.searchButton')}
        </button>
      </form>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorNotice error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <>
          <p role="status">{t('governance.decisions.found', { count: query.data.decisions.length })}</p>
          <DataTable
            caption={t('governance.decisions.listTitle')}
            captionHidden
            rows={query.data.decisions}
            rowKey={(d) => d.id}
            empty={<p>{t('governance.decisions.empty')}</p>}
            columns={[
              {
                id: 'title',
                header: t('governance.decisions.titleField'),
                rowHeader: true,
                cell: (d) => <Link to={`/n/${slug}/bestuur/vergadering/${d.meetingId}`}>{d.title}</Link>,
                sortValue: (d) => d.title,
              },
              {
                id: 'body',
                header: t('governance.decisions.body'),
                cell: (d) => d.bodyName,
                sortValue: (d) => d.bodyName,
              },
              {
                id: 'day',
                header: t('governance.meetings.day'),
                cell: (d) => format.day(d.heldOn),
                sortValue: (d) => d.heldOn,
              },
              {
                id: 'rule',
                header: t('governance.decisions.rule'),
                cell: (d) => t(`governance.rule.${d.rule}`),
              },
              {
                id: 'outcome',
                header: t('governance.decisions.outcome'),
                cell: (d) => t(`governance.outcome.${d.outcome}`),
              },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
