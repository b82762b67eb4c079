import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { useNetworkApi } from './api.ts';
import { Headline, PartnersTable, SectorSwatch } from './common.tsx';
import { NetworkGraph } from './NetworkGraph.tsx';
import { PartnerScores, RoundScores } from './ResultsPage.tsx';
import { RoundsTrend } from './SurveyPage.tsx';
import { type Metrics, SECTOR_COLOURS, SECTOR_LIST, type Sector } from './types.ts';

const today = () => new Date().toISOString().slice(0, 10);

function Changes({ before, now, since }: { before: Metrics; now: Metrics; since: string }) {
  const { t } = useTranslation();
  const n = useFormat();
  const rows: [string, number, number, (x: number) => string][] = [
    [t('network.figures.partners'), before.network.nodes, now.network.nodes, n.integer],
    [t('network.figures.ties'), before.network.edges, now.network.edges, n.integer],
    [t('network.figures.density'), before.network.density, now.network.density, n.fraction],
    [
      t('network.figures.components'),
      before.network.components.count,
      now.network.components.count,
      n.integer,
    ],
    [
      t('network.figures.communities'),
      before.network.communities.count,
      now.network.communities.count,
      n.integer,
    ],
    [
      t('network.figures.hub'),
      before.network.hub?.dependence ?? 0,
      now.network.hub?.dependence ?? 0,
      n.fraction,
    ],
    [t('network.figures.ei'), before.network.eiIndex ?? 0, now.network.eiIndex ?? 0, n.decimal],
  ];
  const sign = (x: number, f: (v: number) => string) => (x > 0 ? `+${f(x)}` : x < 0 ? `−${f(-x)}` : '0');
  type Change = (typeof rows)[number];
  const columns: Column<Change>[] = [
    { id: 'figure', header: t('network.report.figure'), rowHeader: true, cell: ([label]) => label },
    { id: 'then', header: n.shortDay(since), numeric: true, cell: ([, a, , f]) => f(a) },
    { id: 'now', header: t('network.report.now'), numeric: true, cell: ([, , b, f]) => f(b) },
    {
      id: 'change',
      header: t('network.report.change'),
      numeric: true,
      cell: ([, a, b, f]) => sign(b - a, f),
    },
  ];
  return (
    <DataTable
      caption={t('network.report.changesCaption', { date: n.day(since) })}
      compact
      rows={rows}
      columns={columns}
      rowKey={([label]) => label}
    />
  );
}

/** One printable page for the board: figures, the network, changes since the last round, scores. */
export function ReportPage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const api = useNetworkApi();
  const n = useFormat();
  const slug = detail.network.slug;
  useDocumentTitle(t('network.report.title'), detail.network.name);
  const now = { from: today(), to: today() };
  const metrics = useQuery({ queryKey: ['network-metrics', slug, now], queryFn: () => api.metrics(now) });
  const view = useQuery({ queryKey: ['network-view', slug, now], queryFn: () => api.view(now) });
  const rounds = useQuery({ queryKey: ['network-rounds', slug], queryFn: api.rounds });
  const compare = useQuery({ queryKey: ['network-compare', slug], queryFn: api.compare });
  const sorted = [...(rounds.data?.rounds ?? [])].sort((a, b) => b.opensOn.localeCompare(a.opensOn));
  const latest = sorted[0];
  const baseline = sorted.find((r) => r.closesOn < today());
  const since = baseline ? { from: baseline.closesOn, to: baseline.closesOn } : null;
  const before = useQuery({
    queryKey: ['network-metrics', slug, since],
    queryFn: () => api.metrics(since ?? now),
    enabled: since !== null,
  });
  const results = useQuery({
    queryKey: ['network-results', slug, latest?.id],
    queryFn: () => api.results(latest?.id ?? ''),
    enabled: latest !== undefined,
  });
  const m = metrics.data;
  const nodes = m
    ? Object.entries(m.nodes).map(([id, node]) => ({
        id,
        label: m.partners[id]?.name ?? id,
        colour: SECTOR_COLOURS[(m.partners[id]?.sector ?? 'other') as Sector],
        size: 4 + 2 * Math.sqrt(node.degree),
      }))
    : [];
  const edges = (view.data?.ties ?? []).map((tie) => ({
    source: tie.sourceId,
    target: tie.targetId,
    weight: tie.weight,
  }));
  const exportBase = api.base.replace(/\/$/, '');
  return (
    <article className="report">
      <p className="eyebrow">{detail.network.name}</p>
      <h1>{t('network.report.title')}</h1>
      <p className="lead">{t('network.report.date', { date: n.day(today()) })}</p>
      <div className="report-tools no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('network.report.print')}
        </button>
        <nav aria-label={t('network.report.exports')}>
          <ul className="export-links">
            {(['gexf', 'graphml', 'partners.csv', 'ties.csv'] as const).map((format) => (
              <li key={format}>
                <a href={`${exportBase}/export/${format}?from=${now.from}&to=${now.to}`} download>
                  {t(
                    `network.report.export.${format === 'partners.csv' ? 'partnersCsv' : format === 'ties.csv' ? 'tiesCsv' : format}`,
                  )}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {metrics.isPending ? <Loading /> : null}
      {metrics.isError ? <ErrorNotice error={metrics.error} /> : null}
      {m ? (
        <>
          <section aria-labelledby="report-figures">
            <h2 id="report-figures">{t('network.report.figures')}</h2>
            <Headline metrics={m} />
          </section>
          <section aria-labelledby="report-map" className="report-map">
            <h2 id="report-map">{t('network.report.map')}</h2>
            <NetworkGraph
              nodes={nodes}
              edges={edges}
              highlight={null}
              label={t('network.map.graphLabel', {
                partners: nodes.length,
                ties: m.network.edges,
                year: today().slice(0, 4),
              })}
            />
            <ul className="legend-items" aria-label={t('network.report.legend')}>
              {SECTOR_LIST.map((sector) => (
                <li key={sector}>
                  <SectorSwatch sector={sector} />
                  {t(`network.sector.${sector}`)}
                </li>
              ))}
            </ul>
            <PartnersTable metrics={m} caption={t('network.report.tableCaption')} sortable={false} />
          </section>
        </>
      ) : null}
      <section aria-labelledby="report-changes">
        <h2 id="report-changes">{t('network.report.changes')}</h2>
        {!baseline && rounds.data ? <p>{t('network.report.noBaseline')}</p> : null}
        {baseline && before.data && m ? (
          <Changes before={before.data} now={m} since={baseline.closesOn} />
        ) : null}
      </section>
      <section aria-labelledby="report-scores">
        <h2 id="report-scores">{t('network.report.scores')}</h2>
        {results.data ? (
          <>
            <h3>{results.data.round.title}</h3>
            <RoundScores results={results.data} />
            <p className="notice notice-info">
              {t('network.results.minRatersRule', { count: results.data.minRaters })}
            </p>
            <PartnerScores results={results.data} />
          </>
        ) : null}
        {!latest && rounds.data ? <p>{t('network.survey.noRounds')}</p> : null}
        {compare.data && compare.data.rounds.length > 0 ? (
          <RoundsTrend rounds={compare.data.rounds} level="h3" />
        ) : null}
      </section>
    </article>
  );
}
