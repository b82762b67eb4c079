import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { Figure } from '../../components/Figure.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { type Comparison, insightsClient } from './api.ts';

type Trend = Comparison['trend'][number];
type Place = Comparison['municipalities'][number];

/** One indicator: the trend of the network against Flanders, each municipality with its index, the projection. */
export function IndicatorPage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const { indicator = '' } = useParams();
  const format = useFormat();
  const slug = detail.network.slug;
  const query = useQuery({
    queryKey: ['insights', slug, 'comparison', indicator],
    queryFn: () => insightsClient(slug).comparison(indicator),
  });
  const c = query.data;
  useDocumentTitle(c?.indicator.name.nl ?? t('insights.list.title'), detail.network.name);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const value = (n: number | null) => (n === null ? '—' : format.decimal(n));
  const source = `${c!.indicator.source} (${c!.indicator.licence})`;
  return (
    <>
      <p className="eyebrow">
        <Link to={`/n/${slug}/cijfers`}>{t('insights.list.title')}</Link>
      </p>
      <h1>{c!.indicator.name.nl}</h1>
      <p className="lead">
        {t('insights.indicator.unit', { unit: c!.indicator.unit })}
        {c!.indicator.fictional ? ` ${t('insights.fictionalLong')}` : ''}
      </p>
      <Figure
        heading={t('insights.indicator.trend')}
        label={t('insights.indicator.trendLabel')}
        height={280}
        option={{
          tooltip: { trigger: 'axis' },
          legend: {},
          xAxis: { type: 'category', data: c!.trend.map((p) => p.period) },
          yAxis: { type: 'value', scale: true },
          series: [
            { name: t('insights.network'), type: 'line', data: c!.trend.map((p) => p.network) },
            { name: t('insights.flanders'), type: 'line', data: c!.trend.map((p) => p.flanders) },
          ],
        }}
        layout="beside"
        table={
          <DataTable<Trend>
            caption={t('insights.indicator.trend')}
            compact
            rows={c!.trend}
            rowKey={(p) => p.period}
            columns={[
              { id: 'period', header: t('insights.period'), rowHeader: true, cell: (p) => p.period },
              { id: 'network', header: t('insights.network'), numeric: true, cell: (p) => value(p.network) },
              {
                id: 'flanders',
                header: t('insights.flanders'),
                numeric: true,
                cell: (p) => value(p.flanders),
              },
            ]}
          />
        }
        source={source}
      />
      <section aria-labelledby="places-heading">
        <h2 id="places-heading">{t('insights.indicator.places', { period: c!.period ?? '—' })}</h2>
        <DataTable<Place>
          caption={t('insights.indicator.places', { period: c!.period ?? '—' })}
          rows={c!.municipalities}
          rowKey={(m) => m.nis}
          initialSort={{ id: 'value' }}
          columns={[
            {
              id: 'name',
              header: t('insights.municipality'),
              rowHeader: true,
              cell: (m) => m.name,
              sortValue: (m) => m.name,
            },
            {
              id: 'value',
              header: c!.indicator.unit,
              numeric: true,
              cell: (m) => value(m.value),
              sortValue: (m) => m.value,
            },
            {
              id: 'index',
              header: t('insights.index'),
              numeric: true,
              cell: (m) => value(m.index),
              sortValue: (m) => m.index,
            },
          ]}
        />
        <p className="muted">{c!.indexMethod}</p>
      </section>
      <section aria-labelledby="projection-heading">
        <h2 id="projection-heading">{t('insights.indicator.projection')}</h2>
        <p>{c!.projection.method}</p>
        {c!.projection.points.length ? (
          <ul>
            {c!.projection.points.map((p) => (
              <li key={p.period}>
                {p.period}: {format.decimal(p.value)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('insights.indicator.noProjection')}</p>
        )}
      </section>
    </>
  );
}
