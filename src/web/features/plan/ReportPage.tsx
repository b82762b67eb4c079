import { useQuery } from '@tanstack/react-query';
import type { EChartsCoreOption } from 'echarts/core';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { INDICATOR_STATUSES, ROLLED_STATUSES } from '../../../server/modules/plan/values.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { TextField } from '../../components/Field.tsx';
import { Figure } from '../../components/Figure.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import type { ProgressReport, RolledStatus, TreeNode } from './api.ts';
import {
  AXIS_TEXT,
  chartFont,
  ExportLinks,
  PlanNav,
  ProgressBar,
  planKey,
  StatusChip,
  today,
  useLocalized,
  usePlanClient,
  useTree,
} from './shared.tsx';

const NODE_STATUSES: readonly RolledStatus[] = ROLLED_STATUSES;
/** Chart colours match the status chips; the chart is never the only carrier (tables and labels). */
const STATUS_COLOURS: Record<string, string> = {
  on_track: '#2e7d46',
  at_risk: '#b86e00',
  off_track: '#b3261e',
  done: '#153a63',
  stopped: '#7b8794',
  none: '#c4ccd5',
  no_target: '#c4ccd5',
  no_data: '#c4ccd5',
};

type ReportIndicator = ProgressReport['indicators'][number];

/** The report's default period: this calendar year up to today, within the plan's period. */
function defaultPeriod(plan: { periodStart: string; periodEnd: string }): { from: string; to: string } {
  const now = today();
  const to = now < plan.periodEnd ? (now > plan.periodStart ? now : plan.periodEnd) : plan.periodEnd;
  const from = `${to.slice(0, 4)}-01-01`;
  return { from: from < plan.periodStart ? plan.periodStart : from, to };
}

export function ReportPage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const tree = useTree(planId);
  if (tree.isPending) return <Loading />;
  if (tree.isError) return <ErrorNotice error={tree.error} onRetry={() => void tree.refetch()} />;
  return <Report planId={planId} fallback={defaultPeriod(tree.data.plan)} title={t('plan.report.title')} />;
}

function Report({
  planId,
  fallback,
  title,
}: {
  planId: string;
  fallback: { from: string; to: string };
  title: string;
}) {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const client = usePlanClient();
  const text = useLocalized();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const from = params.get('van') ?? fallback.from;
  const to = params.get('tot') ?? fallback.to;
  const [draft, setDraft] = useState({ from, to });
  const id = useId();
  useDocumentTitle(title, detail.network.name);
  const query = useQuery({
    queryKey: planKey(detail.network.slug, planId, 'report', from, to),
    queryFn: () => client.report(planId, from, to),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({ van: draft.from, tot: draft.to });
  };
  return (
    <div className="plan-printable plan-report">
      <p className="eyebrow">{query.data ? text(query.data.plan.title) : detail.network.name}</p>
      <h1>{title}</h1>
      {query.data ? <PlanNav plan={query.data.plan} /> : null}
      <form className="toolbar no-print" onSubmit={submit} aria-label={t('plan.report.periodForm')}>
        <TextField
          layout="inline"
          id={`${id}-from`}
          label={t('plan.report.from')}
          type="date"
          value={draft.from}
          onChange={(e) => setDraft((old) => ({ ...old, from: e.target.value }))}
          required
        />
        <TextField
          layout="inline"
          id={`${id}-to`}
          label={t('plan.report.to')}
          type="date"
          value={draft.to}
          onChange={(e) => setDraft((old) => ({ ...old, to: e.target.value }))}
          required
        />
        <button type="submit" className="button button-secondary">
          {t('plan.report.show')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('plan.print')}
        </button>
      </form>
      <p className="muted">
        {t('plan.report.period', { from: format.day(from), to: format.day(to) })}
        {query.data ? ` · ${t('plan.report.generated', { at: format.moment(query.data.generatedAt) })}` : ''}
      </p>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorNotice error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? <ReportBody report={query.data} planId={planId} /> : null}
    </div>
  );
}

/** The pillar (top-level node) every reported node and indicator belongs to. */
function pillarOf(report: ProgressReport) {
  const parents = new Map<string, string | null>();
  for (const node of [...report.goals, ...report.actions]) parents.set(node.id, node.parentId);
  return (nodeId: string): string | null => {
    let current: string | null = nodeId;
    for (let guard = 0; current && guard < 100; guard++) {
      const parent: string | null = parents.get(current) ?? null;
      if (!parent) return parents.has(current) ? current : null;
      current = parent;
    }
    return null;
  };
}

function ReportBody({ report, planId }: { report: ProgressReport; planId: string }) {
  const { t } = useTranslation();
  const text = useLocalized();
  const { percent } = useFormat();
  const { decimal: number } = useFormat();
  const pillars = report.goals.filter((goal) => goal.depth === 0);
  const pillar = pillarOf(report);
  const concerns = report.indicators.filter((i) => i.status === 'at_risk' || i.status === 'off_track');
  const { totals } = report;
  return (
    <>
      <section aria-labelledby="headline-heading" className="report-headline">
        <h2 id="headline-heading">{t('plan.report.headline')}</h2>
        <div className="headline-grid">
          <div className="card headline-card">
            <p className="headline-label">{t('plan.report.progress')}</p>
            <p className="headline-figure">{percent(totals.progress)}</p>
            <ProgressBar value={totals.progress} />
          </div>
          <div className="card headline-card">
            <p className="headline-label">{t('plan.report.nodesByStatus', { count: totals.nodes })}</p>
            <ul className="status-counts">
              {NODE_STATUSES.filter((s) => (totals.byStatus[s] ?? 0) > 0).map((s) => (
                <li key={s}>
                  <StatusChip status={s} /> <strong>{totals.byStatus[s]}</strong>
                </li>
              ))}
            </ul>
          </div>
          <div className="card headline-card">
            <p className="headline-label">{t('plan.report.indicatorsByStatus')}</p>
            <ul className="status-counts">
              {INDICATOR_STATUSES.filter((s) => (totals.indicatorsByStatus[s] ?? 0) > 0).map((s) => (
                <li key={s}>
                  <StatusChip status={s} /> <strong>{totals.indicatorsByStatus[s]}</strong>
                </li>
              ))}
            </ul>
          </div>
          {totals.budgetPlanned > 0 ? (
            <div className="card headline-card">
              <p className="headline-label">{t('plan.report.budget')}</p>
              <p className="headline-figure">{percent((totals.budgetSpent / totals.budgetPlanned) * 100)}</p>
              <p className="muted">
                {t('plan.report.budgetText', {
                  spent: number(totals.budgetSpent),
                  planned: number(totals.budgetPlanned),
                })}
              </p>
            </div>
          ) : null}
        </div>
      </section>
      <PillarChart pillars={pillars} />
      <StatusChart report={report} />
      <section aria-labelledby="concerns-heading">
        <h2 id="concerns-heading">{t('plan.report.concerns', { count: concerns.length })}</h2>
        {concerns.length === 0 ? (
          <p>{t('plan.report.noConcerns')}</p>
        ) : (
          <IndicatorTable indicators={concerns} planId={planId} caption={t('plan.report.concernsCaption')} />
        )}
      </section>
      {pillars.map((root) => {
        const goals = report.goals.filter((g) => g.id !== root.id && pillar(g.id) === root.id);
        const indicators = report.indicators.filter((i) => pillar(i.nodeId) === root.id);
        const actions = report.actions.filter((a) => pillar(a.id) === root.id);
        const headingId = `pillar-${root.id}`;
        return (
          <section key={root.id} className="print-section report-pillar" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {root.code ? `${root.code} ` : ''}
              {text(root.title)}
            </h2>
            <div className="tree-meta">
              <StatusChip status={root.rolledStatus} />
              <ProgressBar value={root.rolledProgress} weight={root.effectiveWeight} />
            </div>
            <NodeTable nodes={goals} caption={t('plan.report.goalsCaption')} />
            {actions.length > 0 ? (
              <NodeTable nodes={actions} caption={t('plan.report.actionsCaption')} />
            ) : null}
            {indicators.length > 0 ? (
              <IndicatorTable
                indicators={indicators}
                planId={planId}
                caption={t('plan.report.indicatorsCaption')}
              />
            ) : null}
          </section>
        );
      })}
      <StatusChanges report={report} />
      <div className="no-print">
        <ExportLinks planId={planId} />
      </div>
    </>
  );
}

function NodeTable({ nodes, caption }: { nodes: TreeNode[]; caption: string }) {
  const { t } = useTranslation();
  const text = useLocalized();
  if (nodes.length === 0) return null;
  return (
    <DataTable
      caption={caption}
      compact
      rows={nodes}
      rowKey={(node) => node.id}
      columns={[
        {
          id: 'title',
          header: t('plan.table.title'),
          rowHeader: true,
          // The depth indents the title, so the table reads as the plan's outline.
          cell: (node) => (
            <span className={`indent-${Math.min(node.depth, 4)}`}>
              {node.code ? `${node.code} ` : ''}
              {text(node.title)}
            </span>
          ),
        },
        {
          id: 'status',
          header: t('plan.table.status'),
          cell: (node) => <StatusChip status={node.rolledStatus} />,
        },
        {
          id: 'progress',
          header: t('plan.table.progress'),
          cell: (node) => <ProgressBar value={node.rolledProgress} weight={node.effectiveWeight} />,
        },
      ]}
    />
  );
}

function IndicatorTable({
  indicators,
  planId,
  caption,
}: {
  indicators: ReportIndicator[];
  planId: string;
  caption: string;
}) {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const text = useLocalized();
  const format = useFormat();
  return (
    <DataTable
      caption={caption}
      compact
      rows={indicators}
      rowKey={(indicator) => indicator.id}
      columns={[
        {
          id: 'indicator',
          header: t('plan.table.indicator'),
          rowHeader: true,
          cell: (indicator) => (
            <Link to={`/n/${slug}/beleidsplan/${planId}/indicatoren/${indicator.id}`}>
              {text(indicator.title)}
            </Link>
          ),
        },
        {
          id: 'status',
          header: t('plan.table.status'),
          cell: (indicator) => <StatusChip status={indicator.status} />,
        },
        {
          id: 'latest',
          header: t('plan.table.latest'),
          numeric: true,
          cell: (indicator) => (
            <>
              {indicator.endValue !== null ? `${format.decimal(indicator.endValue)} ${indicator.unit}` : '–'}
              {indicator.endOn ? <span className="muted"> ({format.shortDay(indicator.endOn)})</span> : null}
            </>
          ),
        },
        {
          id: 'target',
          header: t('plan.table.target'),
          numeric: true,
          cell: (indicator) =>
            indicator.target ? `${format.decimal(indicator.target.value)} ${indicator.unit}` : '–',
        },
        {
          id: 'achieved',
          header: t('plan.table.achieved'),
          numeric: true,
          cell: (indicator) => (indicator.achievedPct !== null ? format.percent(indicator.achievedPct) : '–'),
          sortValue: (indicator) => indicator.achievedPct,
        },
      ]}
    />
  );
}

function PillarChart({ pillars }: { pillars: TreeNode[] }) {
  const { t, i18n } = useTranslation();
  const text = useLocalized();
  const { percent } = useFormat();
  // biome-ignore lint/correctness/useExhaustiveDependencies: labels change with the language only.
  const option = useMemo<EChartsCoreOption>(() => {
    // ECharts draws the first category at the bottom: reverse so the chart reads like the table.
    const rows = [...pillars].reverse();
    return {
      animation: false,
      textStyle: { fontFamily: chartFont(), fontSize: 13 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => percent(v),
      },
      grid: {
        left: 8,
        right: 56,
        top: 8,
        bottom: 8,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      xAxis: {
        type: 'value',
        max: 100,
        axisLabel: { color: AXIS_TEXT, formatter: (v: number) => percent(v) },
      },
      yAxis: {
        type: 'category',
        data: rows.map((p) => p.code ?? text(p.title).slice(0, 24)),
        axisLabel: { color: AXIS_TEXT },
      },
      series: [
        {
          name: t('plan.table.progress'),
          type: 'bar',
          barMaxWidth: 26,
          data: rows.map((p) => ({
            value: p.rolledProgress,
            itemStyle: { color: STATUS_COLOURS[p.rolledStatus] },
          })),
          label: {
            show: true,
            position: 'right',
            color: AXIS_TEXT,
            formatter: ({ value }: { value: number }) => percent(value),
          },
        },
      ],
    };
  }, [pillars, i18n.language]);
  return (
    <Figure
      className="print-keep"
      heading={t('plan.report.perPillar')}
      option={option}
      label={t('plan.report.perPillarLabel')}
      height={Math.max(200, 50 + 40 * pillars.length)}
      table={<NodeTable nodes={pillars} caption={t('plan.report.perPillarCaption')} />}
    />
  );
}

function StatusChart({ report }: { report: ProgressReport }) {
  const { t, i18n } = useTranslation();
  const { totals } = report;
  // biome-ignore lint/correctness/useExhaustiveDependencies: labels change with the language only.
  const option = useMemo<EChartsCoreOption>(() => {
    const labels = NODE_STATUSES.map((s) => t(`plan.status.${s}`));
    return {
      animation: false,
      textStyle: { fontFamily: chartFont(), fontSize: 13 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
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
        data: labels,
        axisLabel: { color: AXIS_TEXT, interval: 0, overflow: 'break', width: 70 },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: AXIS_TEXT } },
      series: [
        {
          name: t('plan.report.count'),
          type: 'bar',
          barMaxWidth: 40,
          data: NODE_STATUSES.map((s) => ({
            value: totals.byStatus[s] ?? 0,
            itemStyle: { color: STATUS_COLOURS[s] },
          })),
          label: { show: true, position: 'top', color: AXIS_TEXT },
        },
      ],
    };
  }, [totals, i18n.language]);
  return (
    <Figure
      className="print-keep"
      heading={t('plan.report.statusChart')}
      option={option}
      label={t('plan.report.statusChartLabel')}
      height={260}
      table={
        <DataTable
          caption={t('plan.report.statusCaption')}
          compact
          rows={NODE_STATUSES.map((status) => ({ status }))}
          rowKey={(row) => row.status}
          columns={[
            {
              id: 'status',
              header: t('plan.table.status'),
              rowHeader: true,
              cell: (row) => t(`plan.status.${row.status}`),
            },
            {
              id: 'count',
              header: t('plan.report.count'),
              numeric: true,
              cell: (row) => totals.byStatus[row.status] ?? 0,
            },
          ]}
        />
      }
    />
  );
}

function StatusChanges({ report }: { report: ProgressReport }) {
  const { t } = useTranslation();
  const text = useLocalized();
  const format = useFormat();
  return (
    <section className="print-section" aria-labelledby="changes-heading">
      <h2 id="changes-heading">{t('plan.report.changes', { count: report.statusChanges.length })}</h2>
      {report.statusChanges.length === 0 ? (
        <p className="muted">{t('plan.report.noChanges')}</p>
      ) : (
        <DataTable
          caption={t('plan.report.changesCaption')}
          compact
          rows={report.statusChanges}
          rowKey={(change) => change.id}
          columns={[
            {
              id: 'date',
              header: t('plan.table.date'),
              className: 'nowrap',
              cell: (change) => format.shortDay(change.on),
            },
            {
              id: 'title',
              header: t('plan.table.title'),
              rowHeader: true,
              cell: (change) => `${change.code ? `${change.code} ` : ''}${text(change.title)}`,
            },
            {
              id: 'status',
              header: t('plan.table.status'),
              cell: (change) => <StatusChip status={change.status} />,
            },
            { id: 'note', header: t('plan.table.note'), cell: (change) => change.note ?? '' },
          ]}
        />
      )}
      {report.overdueRequests.length > 0 ? (
        <>
          <h2>{t('plan.report.overdue', { count: report.overdueRequests.length })}</h2>
          <ul>
            {report.overdueRequests.map((request) => (
              <li key={request.id}>
                {text(request.indicatorTitle)} · {request.requestedFrom?.name ?? ''} ·{' '}
                {t('plan.mine.due', { due: format.day(request.dueOn) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
