import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { useNetworkApi } from './api.ts';
import { Missing, useModulePath } from './common.tsx';
import { CONTRIBUTION_LIST, OUTCOME_LIST, type RoundResults, type Sector } from './types.ts';

/** Network trust and value of one round, as two figures. */
export function RoundScores({ results }: { results: RoundResults }) {
  const { t } = useTranslation();
  const n = useFormat();
  const net = results.network;
  return (
    <dl className="headline">
      <div className="headline-item">
        <dt>{t('network.survey.trust')}</dt>
        <dd className="headline-value">{net.trust === null ? <Missing /> : n.percent(net.trust)}</dd>
        <dd className="headline-help">{t('network.results.trustHelp')}</dd>
      </div>
      <div className="headline-item">
        <dt>{t('network.survey.value')}</dt>
        <dd className="headline-value">{net.value === null ? <Missing /> : n.percent(net.value)}</dd>
        <dd className="headline-help">{t('network.results.valueHelp')}</dd>
      </div>
      <div className="headline-item">
        <dt>{t('network.survey.respondents')}</dt>
        <dd className="headline-value">{n.integer(net.respondents)}</dd>
        <dd className="headline-help">{t('network.results.ratings', { count: net.ratings })}</dd>
      </div>
    </dl>
  );
}

/** Partner scores; below the minimum number of raters the score stays hidden and the table says why. */
export function PartnerScores({ results }: { results: RoundResults }) {
  const { t } = useTranslation();
  const n = useFormat();
  const hidden = t('network.results.tooFew', { count: results.minRaters });
  const rows = [...results.partners].sort(
    (a, b) => (b.trust ?? -1) - (a.trust ?? -1) || b.raters - a.raters || a.name.localeCompare(b.name),
  );
  const columns: Column<RoundResults['partners'][number]>[] = [
    {
      id: 'partner',
      header: t('network.results.partner'),
      rowHeader: true,
      cell: (p) => p.name,
      sortValue: (p) => p.name,
    },
    {
      id: 'sector',
      header: t('network.manage.sector'),
      cell: (p) => t(`network.sector.${p.sector as Sector}`),
      sortValue: (p) => t(`network.sector.${p.sector as Sector}`),
    },
    {
      id: 'raters',
      header: t('network.results.raters'),
      numeric: true,
      cell: (p) => n.integer(p.raters),
      sortValue: (p) => p.raters,
    },
    {
      id: 'trust',
      header: t('network.survey.trust'),
      numeric: true,
      cell: (p) => (p.trust === null ? <Missing reason={hidden} /> : n.percent(p.trust)),
      sortValue: (p) => p.trust,
    },
    {
      id: 'value',
      header: t('network.survey.value'),
      numeric: true,
      cell: (p) => (p.value === null ? <Missing reason={hidden} /> : n.percent(p.value)),
      sortValue: (p) => p.value,
    },
  ];
  return (
    <DataTable
      caption={t('network.results.partnersCaption', { title: results.round.title })}
      rows={rows}
      columns={columns}
      rowKey={(p) => p.partnerId}
    />
  );
}

function Tally({
  caption,
  keys,
  counts,
  label,
  respondents,
}: {
  caption: string;
  keys: readonly string[];
  counts: Record<string, number>;
  label: (key: string) => string;
  respondents: number;
}) {
  const { t } = useTranslation();
  const n = useFormat();
  const rows = keys.map((key) => [key, counts[key] ?? 0] as const).sort((a, b) => b[1] - a[1]);
  const columns: Column<readonly [string, number]>[] = [
    { id: 'answer', header: t('network.results.answer'), rowHeader: true, cell: ([key]) => label(key) },
    { id: 'count', header: t('network.results.count'), numeric: true, cell: ([, count]) => n.integer(count) },
    {
      id: 'share',
      header: t('network.results.share'),
      cell: ([, count]) => {
        const share = respondents ? count / respondents : 0;
        return (
          <>
            <span className="bar" aria-hidden="true">
              <span style={{ width: `${share * 100}%` }} />
            </span>{' '}
            {n.fraction(share)}
          </>
        );
      },
    },
  ];
  return <DataTable caption={caption} compact rows={rows} columns={columns} rowKey={([key]) => key} />;
}

export function ResultsPage() {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  const { detail } = useNetwork();
  const api = useNetworkApi();
  const path = useModulePath();
  const results = useQuery({
    queryKey: ['network-results', detail.network.slug, roundId],
    queryFn: () => api.results(roundId),
  });
  const title = results.data?.round.title ?? t('network.results.title');
  useDocumentTitle(title, detail.network.name);
  if (results.isPending) return <Loading />;
  if (results.isError) return <ErrorNotice error={results.error} onRetry={() => void results.refetch()} />;
  const r = results.data;
  return (
    <>
      <p className="eyebrow">
        <Link to={path('bevraging')}>{t('network.survey.title')}</Link>
      </p>
      <h1>{t('network.results.heading', { title: r.round.title })}</h1>
      <p className="lead">{t(`network.survey.stateName.${r.round.state}`)}</p>
      <section aria-labelledby="scores-heading">
        <h2 id="scores-heading">{t('network.results.networkScores')}</h2>
        <RoundScores results={r} />
        <p>{t('network.survey.scoresExplained')}</p>
      </section>
      <section aria-labelledby="partner-scores-heading">
        <h2 id="partner-scores-heading">{t('network.results.partnerScores')}</h2>
        <p className="notice notice-info">{t('network.results.minRatersRule', { count: r.minRaters })}</p>
        <PartnerScores results={r} />
      </section>
      <section aria-labelledby="tally-heading">
        <h2 id="tally-heading">{t('network.results.tallies')}</h2>
        <div className="two-columns">
          <Tally
            caption={t('network.results.contributions')}
            keys={CONTRIBUTION_LIST}
            counts={r.contributions}
            label={(k) => t(`network.contribution.${k as (typeof CONTRIBUTION_LIST)[number]}`)}
            respondents={r.network.respondents}
          />
          <Tally
            caption={t('network.results.outcomes')}
            keys={OUTCOME_LIST}
            counts={r.outcomes}
            label={(k) => t(`network.outcome.${k as (typeof OUTCOME_LIST)[number]}`)}
            respondents={r.network.respondents}
          />
        </div>
      </section>
    </>
  );
}
