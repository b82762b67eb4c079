import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DataTable } from '../../../components/DataTable.tsx';
import { SelectField } from '../../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../../components/States.tsx';
import { NoAccessPage } from '../../../components/StatusPages.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useNetwork } from '../../../lib/network.ts';
import { useDocumentTitle } from '../../../lib/title.ts';
import { useDirectoryPath, useIsStaff } from '../common.tsx';
import { useAnalysisApi } from './api.ts';

const WINDOWS = [7, 30, 90, 365] as const;

/** The filters of a logged search in words ("postcode 9300, vanaf 65 jaar"); the log holds no person. */
function useFilterText() {
  const { t } = useTranslation();
  return (filters: Record<string, unknown>) =>
    Object.entries(filters)
      .filter(
        ([, v]) => v !== undefined && v !== null && v !== false && !(Array.isArray(v) && v.length === 0),
      )
      .map(([k, v]) => {
        const value = Array.isArray(v)
          ? v.join(', ')
          : typeof v === 'object'
            ? Object.values(v as Record<string, unknown>).join(', ')
            : String(v);
        const known = [
          'postcode',
          'municipality',
          'near',
          'radius_km',
          'taxonomy_term_ids',
          'age',
          'language',
          'free',
          'capacity_available',
          'open_at',
        ];
        const name = known.includes(k)
          ? t(`directory.analysis.misses.filter.${k}` as 'directory.analysis.misses.filter.age')
          : k;
        return v === true || v === 'set' || v === 'point' ? name : `${name}: ${value}`;
      })
      .join(' · ');
}

/** What people looked for in this network's social map and did not find, most asked first. */
export function MissesPage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const staff = useIsStaff();
  const path = useDirectoryPath();
  const api = useAnalysisApi();
  const format = useFormat();
  const filterText = useFilterText();
  const uid = useId();
  const [params, setParams] = useSearchParams();
  const days = WINDOWS.find((w) => String(w) === params.get('dagen')) ?? 30;
  useDocumentTitle(t('directory.analysis.misses.title'), detail.network.name);
  const misses = useQuery({
    queryKey: ['analysis', 'misses', detail.network.slug, days],
    queryFn: () => api.misses(days),
    enabled: staff,
    placeholderData: keepPreviousData,
  });
  if (!staff) return <NoAccessPage message={t('directory.analysis.staffOnly')} backTo={path()} />;
  return (
    <>
      <h1>{t('directory.analysis.misses.title')}</h1>
      <p className="lead">{t('directory.analysis.misses.intro')}</p>
      <SelectField
        id={`${uid}-days`}
        className="analysis-rubric"
        label={t('directory.analysis.misses.window')}
        value={days}
        onChange={(event) => setParams({ dagen: event.target.value }, { replace: true })}
      >
        {WINDOWS.map((w) => (
          <option key={w} value={w}>
            {t('directory.analysis.misses.days', { count: w })}
          </option>
        ))}
      </SelectField>
      {misses.isPending ? <Loading /> : null}
      {misses.isError ? <ErrorNotice error={misses.error} onRetry={() => misses.refetch()} /> : null}
      {misses.data && misses.data.misses.length === 0 ? <p>{t('directory.analysis.misses.none')}</p> : null}
      {misses.data && misses.data.misses.length > 0 ? (
        <DataTable
          caption={t('directory.analysis.misses.caption', { count: days })}
          rows={misses.data.misses}
          rowKey={(m) => `${m.query}|${JSON.stringify(m.filters)}`}
          columns={[
            {
              id: 'query',
              header: t('directory.analysis.misses.query'),
              rowHeader: true,
              cell: (m) => m.query || <span className="muted">{t('directory.analysis.misses.noText')}</span>,
              sortValue: (m) => m.query || null,
            },
            {
              id: 'filters',
              header: t('directory.analysis.misses.filters'),
              cell: (m) =>
                filterText(m.filters) || (
                  <span className="muted">{t('directory.analysis.misses.noFilters')}</span>
                ),
            },
            {
              id: 'count',
              header: t('directory.analysis.misses.count'),
              numeric: true,
              cell: (m) => format.integer(m.count),
              sortValue: (m) => m.count,
            },
            {
              id: 'lastSeen',
              header: t('directory.analysis.misses.lastSeen'),
              className: 'nowrap',
              cell: (m) => format.moment(m.lastSeen),
              sortValue: (m) => m.lastSeen,
            },
          ]}
        />
      ) : null}
      <p className="muted">{t('directory.analysis.misses.privacy')}</p>
    </>
  );
}
