import { useQuery } from '@tanstack/react-query';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Chart } from '../components/Chart.tsx';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { Figure, SourceLine } from '../components/Figure.tsx';
import {
  type MapArea,
  MunicipalityMap,
  NO_DATA_COLOUR,
  SHARE_COLOURS,
  shareBreaks,
} from '../components/MunicipalityMap.tsx';
import { ErrorNotice, Loading } from '../components/States.tsx';
import { MODULES } from '../features/modules.ts';
import { api } from '../lib/api.ts';
import { useFormat } from '../lib/format.ts';
import { useDocumentTitle } from '../lib/title.ts';
import type { MunicipalityFigures, NetworkFigures } from '../lib/types.ts';
import { useNetwork } from './NetworkLayout.tsx';

const AGE_COLOURS = { young: '#8cb8e0', adult: '#3f78b5', senior: '#173f6e', unknown: '#9aa3ad' } as const;
const AXIS_TEXT = '#3d4955';

/**
 * ECharts measures text to lay out legends and axes; it needs the real font stack ("inherit" measures
 * as the browser default and makes labels overlap or get cut).
 */
const chartFont = () => getComputedStyle(document.body).fontFamily;

/** Where Statbel's age breakdown is missing, a row only has its population. */
function hasAgeBreakdown(m: MunicipalityFigures): boolean {
  return m.age65plus !== null;
}

/** French-speaking visitors see the official French name where the municipality has one. */
function useMunicipalityName() {
  const { i18n } = useTranslation();
  return (m: { nameNl: string; nameFr: string | null }) =>
    i18n.language === 'fr' && m.nameFr ? m.nameFr : m.nameNl;
}

/** A figure that may be missing: a dash for the eye, words for a screen reader. */
function MaybeNumber({ value, format }: { value: number | null; format: (n: number) => string }) {
  const { t } = useTranslation();
  if (value !== null) return <>{format(value)}</>;
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t('home.notAvailable')}</span>
    </>
  );
}

function MapSection({
  slug,
  networkName,
  figures,
}: {
  slug: string;
  networkName: string;
  figures: NetworkFigures;
}) {
  const { t, i18n } = useTranslation();
  const name = useMunicipalityName();
  const format = useFormat();
  const boundaries = useQuery({ queryKey: ['boundaries', slug], queryFn: () => api.boundaries(slug) });
  // biome-ignore lint/correctness/useExhaustiveDependencies: names follow the language; the map redraws only then.
  const areas = useMemo<MapArea[]>(
    () =>
      figures.municipalities.map((m) => ({
        nisCode: m.nisCode,
        name: name(m),
        share65plus: hasAgeBreakdown(m) ? m.share65plus : null,
      })),
    [figures, i18n.language],
  );
  const shares = areas.flatMap((area) => (area.share65plus === null ? [] : [area.share65plus]));
  const breaks = shareBreaks(shares);
  const lowest = Math.min(...shares);
  const shown = boundaries.data?.features.length ?? 0;
  return (
    <section className="figure-block" aria-labelledby="map-heading">
      <h3 id="map-heading">{t('home.mapHeading')}</h3>
      {boundaries.isPending ? <Loading /> : null}
      {boundaries.isError ? <ErrorNotice error={boundaries.error} /> : null}
      {boundaries.data && shown === 0 ? <p>{t('home.mapNoData')}</p> : null}
      {boundaries.data && shown > 0 ? (
        <MunicipalityMap
          boundaries={boundaries.data}
          areas={areas}
          label={t('home.mapLabel', { name: networkName })}
          attribution={t('home.mapAttribution')}
        />
      ) : null}
      {shown > 0 && shown < figures.municipalities.length ? (
        <p className="source">{t('home.mapPartial', { shown, count: figures.municipalities.length })}</p>
      ) : null}
      {shares.length > 0 ? (
        <div className="legend">
          <p className="legend-title" id="map-legend-title">
            {t('home.mapLegend')}
          </p>
          <ul className="legend-items" aria-labelledby="map-legend-title">
            {SHARE_COLOURS.map((colour, i) => (
              <li key={colour}>
                <span className="legend-swatch" style={{ background: colour }} aria-hidden="true" />
                {i === 0
                  ? `${format.share(lowest)} – ${format.share(breaks[0] ?? lowest)}`
                  : `≥ ${format.share(breaks[i - 1] ?? lowest)}`}
              </li>
            ))}
            {shares.length < areas.length ? (
              <li>
                <span className="legend-swatch" style={{ background: NO_DATA_COLOUR }} aria-hidden="true" />
                {t('home.mapNoDataLegend')}
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function PopulationChart({ figures }: { figures: NetworkFigures }) {
  const { t, i18n } = useTranslation();
  const name = useMunicipalityName();
  const format = useFormat();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the formatters and labels change with the language only.
  const option = useMemo<EChartsCoreOption>(() => {
    // Largest at the top: ECharts draws the first category at the bottom of a vertical axis.
    const rows = [...figures.municipalities].sort((a, b) => a.population - b.population);
    const anyUnknown = rows.some((m) => !hasAgeBreakdown(m));
    const series = (values: (number | null)[], label: string, colour: string) => ({
      name: label,
      type: 'bar',
      stack: 'population',
      itemStyle: { color: colour },
      barMaxWidth: 28,
      data: values,
    });
    const ages = (pick: (m: MunicipalityFigures) => number | null) => rows.map(pick);
    return {
      animation: false,
      textStyle: { fontFamily: chartFont(), fontSize: 13 },
      legend: { top: 0, left: 0, itemGap: 16, textStyle: { color: AXIS_TEXT } },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number | null) => (v === null ? '–' : format.integer(v)),
      },
      grid: {
        left: 8,
        right: 72,
        // Four legend entries wrap to a second line on narrow charts.
        top: anyUnknown ? 64 : 48,
        bottom: 8,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      xAxis: {
        type: 'value',
        splitNumber: 4,
        axisLabel: { color: AXIS_TEXT, hideOverlap: true, formatter: (v: number) => format.compact(v) },
      },
      yAxis: { type: 'category', data: rows.map(name), axisLabel: { color: AXIS_TEXT } },
      series: [
        series(
          ages((m) => m.age0to14),
          t('home.col0to14'),
          AGE_COLOURS.young,
        ),
        series(
          ages((m) => m.age15to64),
          t('home.col15to64'),
          AGE_COLOURS.adult,
        ),
        series(
          ages((m) => m.age65plus),
          t('home.col65plus'),
          AGE_COLOURS.senior,
        ),
        ...(anyUnknown
          ? [
              series(
                rows.map((m) => (hasAgeBreakdown(m) ? null : m.population)),
                t('home.chartUnknownAge'),
                AGE_COLOURS.unknown,
              ),
            ]
          : []),
        {
          // An invisible top layer carries the share label at the end of every bar, known or not.
          ...series(
            rows.map(() => 0),
            '',
            'transparent',
          ),
          tooltip: { show: false },
          label: {
            show: true,
            position: 'right',
            color: AXIS_TEXT,
            formatter: ({ dataIndex }: { dataIndex: number }) => {
              const m = rows[dataIndex];
              return m?.share65plus != null ? `${format.share(m.share65plus)} 65+` : '';
            },
          },
        },
      ],
    };
  }, [figures, i18n.language]);
  return (
    <section className="figure-block" aria-labelledby="chart-heading">
      <h3 id="chart-heading">{t('home.chartHeading')}</h3>
      <Chart
        option={option}
        label={t('home.chartLabel')}
        height={Math.max(340, 80 + 30 * figures.municipalities.length)}
      />
    </section>
  );
}

function FiguresTable({ figures }: { figures: NetworkFigures }) {
  const { t } = useTranslation();
  const name = useMunicipalityName();
  const format = useFormat();
  const complete = figures.totals.complete;
  const sum = (pick: (m: MunicipalityFigures) => number | null) =>
    complete ? figures.municipalities.reduce((total, m) => total + (pick(m) ?? 0), 0) : null;
  const age = (id: string, header: string, pick: (m: MunicipalityFigures) => number | null, share = false) =>
    ({
      id,
      header,
      numeric: true,
      sortValue: pick,
      cell: (m) => <MaybeNumber value={pick(m)} format={share ? format.share : format.integer} />,
    }) satisfies Column<MunicipalityFigures>;
  return (
    <DataTable
      caption={
        <>
          {t('home.tableCaption')}
          {figures.referenceDate ? ` (${format.day(figures.referenceDate)})` : null}
        </>
      }
      rows={figures.municipalities}
      rowKey={(m) => m.nisCode}
      columns={[
        { id: 'name', header: t('home.colMunicipality'), rowHeader: true, sortValue: name, cell: name },
        {
          id: 'population',
          header: t('home.colPopulation'),
          numeric: true,
          sortValue: (m) => m.population,
          cell: (m) => format.integer(m.population),
        },
        age('age0to14', t('home.col0to14'), (m) => m.age0to14),
        age('age15to64', t('home.col15to64'), (m) => m.age15to64),
        age('age65plus', t('home.col65plus'), (m) => m.age65plus),
        age('share65plus', t('home.colShare'), (m) => m.share65plus, true),
        { id: 'date', header: t('home.colDate'), cell: (m) => format.shortDay(m.referenceDate) },
      ]}
      footer={
        <tr>
          <th scope="row">{t('home.total')}</th>
          <td className="num">{format.integer(figures.totals.population)}</td>
          <td className="num">
            <MaybeNumber value={sum((m) => m.age0to14)} format={format.integer} />
          </td>
          <td className="num">
            <MaybeNumber value={sum((m) => m.age15to64)} format={format.integer} />
          </td>
          <td className="num">
            <MaybeNumber value={figures.totals.age65plus} format={format.integer} />
          </td>
          <td className="num">
            <MaybeNumber value={figures.totals.share65plus} format={format.share} />
          </td>
          <td>
            {figures.referenceDate ? (
              format.shortDay(figures.referenceDate)
            ) : (
              <MaybeNumber value={null} format={format.integer} />
            )}
          </td>
        </tr>
      }
    />
  );
}

function AgeingTrend({ figures, source }: { figures: NetworkFigures; source: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the formatters change with the language only.
  const option = useMemo<EChartsCoreOption>(() => {
    const shares = figures.series.map((point) => point.share65plus);
    return {
      animation: false,
      textStyle: { fontFamily: chartFont(), fontSize: 13 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => format.share(v) },
      grid: {
        left: 8,
        right: 16,
        top: 16,
        bottom: 8,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: figures.series.map((point) => format.year(point.referenceDate)),
        axisLabel: { color: AXIS_TEXT },
      },
      yAxis: {
        type: 'value',
        min: Math.floor(Math.min(...shares) - 1),
        max: Math.ceil(Math.max(...shares) + 1),
        axisLabel: { color: AXIS_TEXT, formatter: (v: number) => format.share(v) },
      },
      series: [
        {
          name: t('home.colShare'),
          type: 'line',
          data: shares,
          symbolSize: 7,
          lineStyle: { width: 3, color: AGE_COLOURS.senior },
          itemStyle: { color: AGE_COLOURS.senior },
        },
      ],
    };
  }, [figures, i18n.language]);
  return (
    <Figure
      heading={t('home.trendHeading')}
      level="h3"
      layout="beside"
      option={option}
      label={t('home.trendLabel')}
      height={260}
      source={source}
      table={
        <DataTable
          caption={t('home.trendCaption')}
          compact
          rows={figures.series}
          rowKey={(point) => point.referenceDate}
          columns={[
            {
              id: 'year',
              header: t('home.colYear'),
              rowHeader: true,
              cell: (point) => format.year(point.referenceDate),
            },
            {
              id: 'total',
              header: t('home.colPopulation'),
              numeric: true,
              cell: (point) => format.integer(point.total),
            },
            {
              id: 'age65plus',
              header: t('home.col65plus'),
              numeric: true,
              cell: (point) => format.integer(point.age65plus),
            },
            {
              id: 'share',
              header: t('home.colShare'),
              numeric: true,
              cell: (point) => format.share(point.share65plus),
            },
          ]}
        />
      }
    />
  );
}

function Figures({ slug, networkName }: { slug: string; networkName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery({ queryKey: ['figures', slug], queryFn: () => api.figures(slug) });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const figures = query.data;
  if (figures.municipalities.length === 0) return <p className="notice notice-info">{t('home.noFigures')}</p>;
  const missing = figures.municipalities.filter((m) => !hasAgeBreakdown(m)).length;
  const source = `${t('home.source')} · ${t('home.licence', { licence: figures.licence })}`;
  return (
    <>
      <p className="lead">
        {missing === 0
          ? t('home.totals', {
              population: format.integer(figures.totals.population),
              age65plus: format.integer(figures.totals.age65plus ?? 0),
              share: format.share(figures.totals.share65plus ?? 0),
            })
          : t('home.totalsPopulationOnly', { population: format.integer(figures.totals.population) })}
        {figures.referenceDate
          ? ` ${t('home.referenceDate', { date: format.day(figures.referenceDate) })}.`
          : null}
      </p>
      {missing > 0 ? (
        <p className="notice notice-info">{t('home.missingAgeData', { count: missing })}</p>
      ) : null}
      <div className="figure-grid">
        <MapSection slug={slug} networkName={networkName} figures={figures} />
        <PopulationChart figures={figures} />
      </div>
      <FiguresTable figures={figures} />
      <SourceLine>{source}</SourceLine>
      {figures.series.length > 0 ? <AgeingTrend figures={figures} source={source} /> : null}
    </>
  );
}

export function NetworkHomePage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const { network, municipalities } = detail;
  useDocumentTitle(network.name);
  return (
    <div className="page-wide">
      <p className="eyebrow">
        {t(`networks.kind.${network.kind}`, { defaultValue: t('networks.kind.other') })}
      </p>
      <h1>{network.name}</h1>
      {network.description ? <p className="lead">{network.description}</p> : null}
      {municipalities.length > 0 ? (
        <section aria-labelledby="figures-heading">
          <h2 id="figures-heading">{t('home.overviewHeading')}</h2>
          <p>{t('home.municipalitiesIntro', { count: municipalities.length })}</p>
          <Figures slug={network.slug} networkName={network.name} />
        </section>
      ) : null}
      <section aria-labelledby="modules-heading">
        <h2 id="modules-heading">{t('home.modulesHeading')}</h2>
        <ul className="module-grid">
          {MODULES.map((module) => (
            <li key={module.key} className="card module-card">
              <h3>
                <Link to={module.path}>{t(`modules.${module.key}.title`)}</Link>
              </h3>
              <p>{t(`modules.${module.key}.purpose`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
