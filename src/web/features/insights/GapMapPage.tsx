import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { SelectField } from '../../components/Field.tsx';
import { SourceLine } from '../../components/Figure.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { type GapMap, insightsClient } from './api.ts';

type Row = GapMap['municipalities'][number];

/** Municipalities ranked by shortfall on a need figure, with the signals behind each. */
export function GapMapPage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const format = useFormat();
  const slug = detail.network.slug;
  const client = insightsClient(slug);
  useDocumentTitle(t('insights.gap.title'), detail.network.name);
  const indicators = useQuery({
    queryKey: ['insights', slug, 'indicators'],
    queryFn: () => client.indicators(),
  });
  const imported = indicators.data?.indicators.filter((i) => !i.builtIn) ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const key = chosen ?? imported[0]?.key ?? null;
  const gap = useQuery({
    queryKey: ['insights', slug, 'gap', key],
    queryFn: () => client.gapMap(key!),
    enabled: key !== null && !!detail.role,
  });
  if (!detail.role) return <p>{t('insights.gap.membersOnly')}</p>;
  return (
    <>
      <p className="eyebrow">
        <Link to={`/n/${slug}/cijfers`}>{t('insights.list.title')}</Link>
      </p>
      <h1>{t('insights.gap.title')}</h1>
      <p className="lead">{t('insights.gap.lead')}</p>
      {indicators.isPending ? <Loading /> : null}
      {imported.length === 0 && indicators.data ? <p>{t('insights.gap.noFigures')}</p> : null}
      {imported.length > 0 ? (
        <SelectField
          label={t('insights.gap.need')}
          value={key ?? ''}
          onChange={(e) => setChosen(e.currentTarget.value)}
        >
          {imported.map((i) => (
            <option key={i.key} value={i.key}>
              {i.name.nl}
            </option>
          ))}
        </SelectField>
      ) : null}
      {gap.isError ? <ErrorNotice error={gap.error} onRetry={() => void gap.refetch()} /> : null}
      {gap.data ? (
        <>
          <DataTable<Row>
            caption={t('insights.gap.table')}
            rows={gap.data.municipalities}
            rowKey={(m) => m.nis}
            testId="gap-table"
            columns={[
              { id: 'name', header: t('insights.municipality'), rowHeader: true, cell: (m) => m.name },
              {
                id: 'need',
                header: gap.data.indicator.unit,
                numeric: true,
                cell: (m) =>
                  m.need ? (
                    <Link to={`/n/${slug}/cijfers/${gap.data.indicator.key}`}>
                      {format.decimal(m.need.value)}
                    </Link>
                  ) : (
                    '—'
                  ),
              },
              {
                id: 'signals',
                header: t('insights.gap.signals'),
                numeric: true,
                cell: (m) => <Link to={`/n/${slug}/signalen`}>{m.signals}</Link>,
              },
              {
                id: 'score',
                header: t('insights.gap.score'),
                numeric: true,
                cell: (m) => format.decimal(m.score),
              },
            ]}
          />
          <p className="muted">{gap.data.method}</p>
          <SourceLine>{gap.data.indicator.source}</SourceLine>
        </>
      ) : null}
    </>
  );
}
