import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable.tsx';
import { Figure } from '../../../components/Figure.tsx';
import { useFormat } from '../../../lib/format.ts';
import type { IndicatorDetail } from '../api.ts';
import { AXIS_TEXT, chartFont, useLocalized } from '../shared.tsx';

const COLOURS = { actual: '#1d5591', target: '#8a5300', baseline: '#4a5562' } as const;

interface Point {
  kind: 'baseline' | 'target' | 'actual';
  date: string;
  end?: string;
  value: number;
  source?: string | null;
}

function points(detail: IndicatorDetail): Point[] {
  const { indicator, measurements } = detail;
  const out: Point[] = [];
  if (indicator.baseline.value !== null && indicator.baseline.on)
    out.push({ kind: 'baseline', date: indicator.baseline.on, value: indicator.baseline.value });
  for (const target of indicator.targets)
    out.push({ kind: 'target', date: target.periodStart, end: target.periodEnd, value: target.value });
  for (const m of measurements)
    out.push({ kind: 'actual', date: m.measuredOn, value: m.value, source: m.source });
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}

/** The indicator over time: baseline, targets and measurements, with the same points as a table. */
export function IndicatorChart({ detail }: { detail: IndicatorDetail }) {
  const { t, i18n } = useTranslation();
  const text = useLocalized();
  const format = useFormat();
  const { decimal: number } = useFormat();
  const all = points(detail);
  const { indicator } = detail;
  // biome-ignore lint/correctness/useExhaustiveDependencies: labels and formatters change with the language only.
  const option = useMemo<EChartsCoreOption>(() => {
    const time = (date: string) => Date.parse(`${date}T00:00:00Z`);
    // A target holds for its whole period: a flat segment, broken between periods.
    const targets = indicator.targets.flatMap((target) => [
      [time(target.periodStart), target.value],
      [time(target.periodEnd), target.value],
      [time(target.periodEnd) + 1, null],
    ]);
    const actuals = [...detail.measurements]
      .sort((a, b) => a.measuredOn.localeCompare(b.measuredOn))
      .map((m) => [time(m.measuredOn), m.value]);
    const baseline =
      indicator.baseline.value !== null && indicator.baseline.on
        ? [[time(indicator.baseline.on), indicator.baseline.value]]
        : [];
    return {
      animation: false,
      textStyle: { fontFamily: chartFont(), fontSize: 13 },
      legend: { top: 0, left: 0, textStyle: { color: AXIS_TEXT } },
      tooltip: { trigger: 'item', valueFormatter: (v: number) => `${number(v)} ${indicator.unit}` },
      grid: {
        left: 8,
        right: 24,
        top: 40,
        bottom: 8,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      xAxis: {
        type: 'time',
        // Room on both sides, so the baseline and the last point do not sit on the frame.
        boundaryGap: ['4%', '4%'],
        axisLabel: {
          color: AXIS_TEXT,
          hideOverlap: true,
          formatter: (v: number) => format.shortDay(new Date(v).toISOString()),
        },
      },
      yAxis: {
        type: 'value',
        scale: true,
        boundaryGap: ['10%', '10%'],
        axisLabel: { color: AXIS_TEXT, formatter: (v: number) => number(v) },
      },
      series: [
        {
          name: t('plan.chart.target'),
          type: 'line',
          data: targets,
          connectNulls: false,
          symbol: 'none',
          lineStyle: { width: 3, type: 'dashed', color: COLOURS.target },
          itemStyle: { color: COLOURS.target },
        },
        {
          name: t('plan.chart.actual'),
          type: 'line',
          data: actuals,
          symbolSize: 8,
          lineStyle: { width: 3, color: COLOURS.actual },
          itemStyle: { color: COLOURS.actual },
        },
        {
          name: t('plan.chart.baseline'),
          type: 'line',
          data: baseline,
          symbol: 'diamond',
          symbolSize: 12,
          itemStyle: { color: COLOURS.baseline },
        },
      ],
    };
  }, [detail, i18n.language]);
  if (all.length === 0)
    return (
      <section className="figure-block" aria-labelledby="indicator-chart-heading">
        <h2 id="indicator-chart-heading">{t('plan.chart.title')}</h2>
        <p>{t('plan.chart.empty')}</p>
      </section>
    );
  // Points have no id of their own (baseline, targets and measurements together): their place is their key.
  const rows = all.map((point, index) => ({ ...point, key: String(index) }));
  return (
    <Figure
      heading={t('plan.chart.title')}
      option={option}
      label={t('plan.chart.label', { title: text(indicator.title) })}
      height={300}
      table={
        <DataTable
          caption={t('plan.chart.tableCaption')}
          compact
          rows={rows}
          rowKey={(point) => point.key}
          columns={[
            {
              id: 'date',
              header: t('plan.chart.colDate'),
              rowHeader: true,
              cell: (point) =>
                `${format.shortDay(point.date)}${point.end ? ` – ${format.shortDay(point.end)}` : ''}`,
            },
            { id: 'kind', header: t('plan.chart.colKind'), cell: (point) => t(`plan.chart.${point.kind}`) },
            {
              id: 'value',
              header: t('plan.chart.colValue', { unit: indicator.unit }),
              numeric: true,
              cell: (point) => number(point.value),
            },
          ]}
        />
      }
    />
  );
}
