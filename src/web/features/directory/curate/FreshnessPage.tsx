import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FRESHNESS_BUCKETS } from '../../../../server/modules/directory/curate/values.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { SelectField } from '../../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../../components/States.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useDocumentTitle } from '../../../lib/title.ts';
import { useDirectoryPath } from '../common.tsx';
import { type FreshnessBucket, useCurateApi } from './api.ts';

const BUCKETS: readonly FreshnessBucket[] = FRESHNESS_BUCKETS;
const PER_PAGE = 50;

/** How current the social map is: the records confirmed longest ago (or never) first. */
export function FreshnessPage() {
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(t('directory.curate.freshness.title'));
  const api = useCurateApi();
  const path = useDirectoryPath();
  const uid = useId();
  const [params, setParams] = useSearchParams();
  const filter = {
    rubric: params.get('rubriek') ?? undefined,
    organization: params.get('organisatie') ?? undefined,
    bucket: (params.get('ouderdom') as FreshnessBucket | null) ?? undefined,
    page: Number(params.get('pagina') ?? '1') || 1,
  };
  const query = useQuery({
    queryKey: ['curate', 'freshness', filter],
    queryFn: () => api.freshness({ ...filter }),
    placeholderData: keepPreviousData,
  });
  const requests = useMutation({ mutationFn: () => api.sendRequests(12) });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'pagina') next.delete('pagina');
    setParams(next);
  };
  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PER_PAGE)) : 1;
  return (
    <>
      <h1>{t('directory.curate.freshness.title')}</h1>
      <p className="lead">{t('directory.curate.freshness.intro')}</p>
      {query.error ? <ErrorNotice error={query.error} onRetry={() => query.refetch()} /> : null}
      {!data ? <Loading /> : null}
      {data ? (
        <>
          <div className="table-scroll freshness-counts">
            <table className="data-table">
              <caption>{t('directory.curate.freshness.counts')}</caption>
              <thead>
                <tr>
                  {BUCKETS.map((b) => (
                    <th scope="col" key={b}>
                      {t(`directory.curate.buckets.${b}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  {BUCKETS.map((b) => (
                    <td key={b}>
                      <button type="button" className="link-button" onClick={() => set('ouderdom', b)}>
                        {data.counts[b]}
                        <span className="visually-hidden"> {t(`directory.curate.buckets.${b}`)}</span>
                      </button>
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          <form className="filter-row" onSubmit={(e) => e.preventDefault()}>
            <SelectField
              id={`${uid}-rubric`}
              label={t('directory.curate.freshness.rubric')}
              value={filter.rubric ?? ''}
              onChange={(e) => set('rubriek', e.target.value)}
            >
              <option value="">{t('directory.curate.freshness.all')}</option>
              {data.rubrics.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={`${uid}-org`}
              label={t('directory.curate.freshness.organization')}
              value={filter.organization ?? ''}
              onChange={(e) => set('organisatie', e.target.value)}
            >
              <option value="">{t('directory.curate.freshness.all')}</option>
              {data.organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={`${uid}-bucket`}
              label={t('directory.curate.freshness.age')}
              value={filter.bucket ?? ''}
              onChange={(e) => set('ouderdom', e.target.value)}
            >
              <option value="">{t('directory.curate.freshness.all')}</option>
              {BUCKETS.map((b) => (
                <option key={b} value={b}>
                  {t(`directory.curate.buckets.${b}`)}
                </option>
              ))}
            </SelectField>
          </form>
          {/* No sortable columns: the server pages the list stalest first, so a click would sort one page only. */}
          <DataTable
            caption={t('directory.curate.freshness.table', { count: data.total })}
            rows={data.items}
            rowKey={(r) => r.id}
            columns={[
              {
                id: 'service',
                header: t('directory.curate.table.service'),
                rowHeader: true,
                cell: (r) => <Link to={path(`dienst/${r.id}/bewerken`)}>{r.name}</Link>,
              },
              {
                id: 'organization',
                header: t('directory.curate.table.organization'),
                cell: (r) => r.organization.name,
              },
              {
                id: 'assured',
                header: t('directory.curate.table.assured'),
                className: 'nowrap',
                cell: (r) => (r.assured_date ? format.shortDay(r.assured_date) : '—'),
              },
              {
                id: 'assuredBy',
                header: t('directory.curate.table.assuredBy'),
                cell: (r) => r.assured_by ?? '—',
              },
              {
                id: 'updated',
                header: t('directory.curate.table.updated'),
                className: 'nowrap',
                cell: (r) => format.dayOf(r.updated_at),
              },
              {
                id: 'age',
                header: t('directory.curate.freshness.age'),
                cell: (r) => (
                  <span className={`bucket bucket-${r.bucket}`}>
                    {t(`directory.curate.buckets.${r.bucket}`)}
                  </span>
                ),
              },
            ]}
          />
          {pages > 1 ? (
            <nav className="pager" aria-label={t('directory.curate.freshness.pages')}>
              <button
                type="button"
                className="button button-secondary"
                disabled={filter.page <= 1}
                onClick={() => set('pagina', String(filter.page - 1))}
              >
                {t('directory.curate.freshness.previous')}
              </button>
              <span>{t('directory.curate.freshness.page', { page: filter.page, pages })}</span>
              <button
                type="button"
                className="button button-secondary"
                disabled={filter.page >= pages}
                onClick={() => set('pagina', String(filter.page + 1))}
              >
                {t('directory.curate.freshness.next')}
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
      <section className="card curate-card" aria-labelledby={`${uid}-requests`}>
        <h2 id={`${uid}-requests`}>{t('directory.curate.requests.title')}</h2>
        <p>{t('directory.curate.requests.intro')}</p>
        <button
          type="button"
          className="button"
          disabled={requests.isPending}
          onClick={() => requests.mutate()}
        >
          {t('directory.curate.requests.send')}
        </button>
        {requests.data ? (
          <p className="notice" role="status">
            {t('directory.curate.requests.result', {
              sent: requests.data.sent,
              recent: requests.data.recently_asked,
              noAddress: requests.data.no_address,
            })}
          </p>
        ) : null}
        {requests.error ? <ErrorNotice error={requests.error} /> : null}
      </section>
    </>
  );
}
