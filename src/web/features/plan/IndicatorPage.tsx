import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EChartsCoreOption } from 'echarts/core';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Figure } from '../../components/Figure.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { TableRegion } from '../../components/TableRegion.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useSession } from '../../lib/session.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import type { IndicatorDetail, RequestView, Target } from './api.ts';
import {
  AXIS_TEXT,
  chartFont,
  FormError,
  PlanNav,
  planKey,
  StatusChip,
  today,
  useLocalized,
  usePlanClient,
  useTree,
} from './shared.tsx';
import { usePeople } from './tree/context.tsx';

const COLOURS = { actual: '#1d5591', target: '#8a5300', baseline: '#4a5562' } as const;

export function IndicatorPage() {
  const { t } = useTranslation();
  const { planId = '', indicatorId = '', slug = '' } = useParams();
  const { detail } = useNetwork();
  const client = usePlanClient();
  const text = useLocalized();
  const format = useFormat();
  const { decimal: number } = useFormat();
  const { percent } = useFormat();
  const tree = useTree(planId);
  const query = useQuery({
    queryKey: planKey(detail.network.slug, planId, 'indicator', indicatorId),
    queryFn: () => client.indicator(planId, indicatorId),
  });
  useDocumentTitle(
    query.data ? text(query.data.indicator.title) : t('plan.indicator.title'),
    detail.network.name,
  );
  if (query.isPending || tree.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (tree.isError) return <ErrorNotice error={tree.error} onRetry={() => void tree.refetch()} />;
  const { indicator } = query.data;
  const node = tree.data.nodes.find((n) => n.id === indicator.nodeId);
  const canEdit = tree.data.canEdit;
  const value = (v: number) => `${number(v)} ${indicator.unit}`;
  return (
    <>
      <p className="eyebrow">{t('plan.indicator.title')}</p>
      <h1>{text(indicator.title)}</h1>
      <PlanNav plan={tree.data.plan} />
      {node ? (
        <p>
          {t('plan.indicator.of')}{' '}
          <Link to={`/n/${slug}/beleidsplan/${planId}`}>
            {node.code ? `${node.code} ` : ''}
            {text(node.title)}
          </Link>
        </p>
      ) : null}
      {indicator.description ? <p className="lead">{text(indicator.description)}</p> : null}
      <div className="card indicator-facts">
        <dl className="facts">
          <div>
            <dt>{t('plan.indicator.status')}</dt>
            <dd>
              <StatusChip status={indicator.status} />
            </dd>
          </div>
          <div>
            <dt>{t('plan.indicator.kind')}</dt>
            <dd>{t(`plan.indicatorKind.${indicator.kind}`)}</dd>
          </div>
          <div>
            <dt>{t('plan.indicator.unit')}</dt>
            <dd>{indicator.unit}</dd>
          </div>
          <div>
            <dt>{t('plan.indicator.polarity')}</dt>
            <dd>{t(`plan.polarity.${indicator.polarity}`)}</dd>
          </div>
          <div>
            <dt>{t('plan.indicator.frequency')}</dt>
            <dd>{t(`plan.frequency.${indicator.frequency}`)}</dd>
          </div>
          <div>
            <dt>{t('plan.indicator.baseline')}</dt>
            <dd>
              {indicator.baseline.value !== null
                ? `${value(indicator.baseline.value)}${indicator.baseline.on ? ` (${format.shortDay(indicator.baseline.on)})` : ''}`
                : t('plan.indicator.none')}
            </dd>
          </div>
          <div>
            <dt>{t('plan.indicator.latest')}</dt>
            <dd>
              {indicator.latest
                ? `${value(indicator.latest.value)} (${format.shortDay(indicator.latest.on)})`
                : t('plan.indicator.none')}
            </dd>
          </div>
          <div>
            <dt>{t('plan.indicator.target')}</dt>
            <dd>
              {indicator.target
                ? `${value(indicator.target.value)} (${format.shortDay(indicator.target.periodStart)} – ${format.shortDay(indicator.target.periodEnd)})`
                : t('plan.indicator.none')}
            </dd>
          </div>
          <div>
            <dt>{t('plan.indicator.achieved')}</dt>
            <dd>
              {indicator.achievedPct !== null ? percent(indicator.achievedPct) : t('plan.indicator.none')}
            </dd>
          </div>
        </dl>
        <p className="plan-rules">
          <strong>{t('plan.indicator.rule')}</strong> {query.data.rules.text}
        </p>
      </div>
      <IndicatorChart detail={query.data} />
      {canEdit ? <TargetsForm planId={planId} detail={query.data} /> : null}
      {canEdit ? <MeasurementForm planId={planId} detail={query.data} /> : null}
      <Requests planId={planId} detail={query.data} canEdit={canEdit} />
      {canEdit ? <RequestForm planId={planId} detail={query.data} /> : null}
    </>
  );
}

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

function IndicatorChart({ detail }: { detail: IndicatorDetail }) {
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

function useRefresh(planId: string) {
  const queryClient = useQueryClient();
  const { detail } = useNetwork();
  return () => queryClient.invalidateQueries({ queryKey: planKey(detail.network.slug, planId) });
}

function TargetsForm({ planId, detail }: { planId: string; detail: IndicatorDetail }) {
  const { t } = useTranslation();
  const client = usePlanClient();
  const refresh = useRefresh(planId);
  const id = useId();
  const [rows, setRows] = useState<{ start: string; end: string; value: string }[]>(() =>
    detail.indicator.targets.map((target) => ({
      start: target.periodStart,
      end: target.periodEnd,
      value: String(target.value),
    })),
  );
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      client.setTargets(
        planId,
        detail.indicator.id,
        rows
          .filter((row) => row.start && row.end && row.value !== '')
          .map<Target>((row) => ({ periodStart: row.start, periodEnd: row.end, value: Number(row.value) })),
      ),
    onSuccess: async () => {
      setSaved(true);
      await refresh();
    },
  });
  const update = (index: number, key: 'start' | 'end' | 'value', value: string) => {
    setSaved(false);
    setRows((old) => old.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  };
  return (
    <section className="card plan-form-card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('plan.targets.title')}</h2>
      <form
        className="form form-wide"
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate();
        }}
      >
        {rows.length === 0 ? <p className="muted">{t('plan.targets.empty')}</p> : null}
        {rows.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and only removed from the end.
          <fieldset className="fieldset target-row" key={index}>
            <legend>{t('plan.targets.row', { n: index + 1 })}</legend>
            <TextField
              id={`${id}-${index}-start`}
              label={t('plan.targets.start')}
              type="date"
              value={row.start}
              onChange={(e) => update(index, 'start', e.target.value)}
              required
            />
            <TextField
              id={`${id}-${index}-end`}
              label={t('plan.targets.end')}
              type="date"
              value={row.end}
              onChange={(e) => update(index, 'end', e.target.value)}
              required
            />
            <TextField
              id={`${id}-${index}-value`}
              label={t('plan.targets.value', { unit: detail.indicator.unit })}
              type="number"
              step="any"
              value={row.value}
              onChange={(e) => update(index, 'value', e.target.value)}
              required
            />
          </fieldset>
        ))}
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setRows((old) => [...old, { start: '', end: '', value: '' }])}
          >
            {t('plan.targets.add')}
          </button>
          {rows.length > 0 ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setRows((old) => old.slice(0, -1))}
            >
              {t('plan.targets.removeLast')}
            </button>
          ) : null}
          <button type="submit" className="button" disabled={mutation.isPending}>
            {t('plan.targets.save')}
          </button>
        </div>
        <FormError error={mutation.error} />
        {saved ? (
          <p role="status" className="form-ok">
            {t('plan.targets.saved')}
          </p>
        ) : null}
      </form>
    </section>
  );
}

/** Adds a measurement; with a request it answers that request (a partner's only way to report). */
export function MeasurementForm({
  planId,
  detail,
  request,
  onDone,
}: {
  planId: string;
  detail?: IndicatorDetail;
  request?: RequestView;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const client = usePlanClient();
  const refresh = useRefresh(planId);
  const id = useId();
  const indicatorId = request?.indicatorId ?? detail?.indicator.id ?? '';
  const unit = request?.unit ?? detail?.indicator.unit ?? '';
  const [on, setOn] = useState(today());
  const [value, setValue] = useState('');
  const [source, setSource] = useState('');
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      client.addMeasurement(planId, indicatorId, {
        measuredOn: on,
        value: Number(value),
        unit,
        source: source.trim() || null,
        ...(request ? { requestId: request.id } : {}),
      }),
    onSuccess: async () => {
      setValue('');
      setSource('');
      setSaved(true);
      await refresh();
      onDone?.();
    },
  });
  const form = (
    <form
      className="form form-wide"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        mutation.mutate();
      }}
    >
      <div className="field-grid">
        <TextField
          id={`${id}-value`}
          label={t('plan.measurement.value', { unit })}
          type="number"
          step="any"
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          required
        />
        <TextField
          id={`${id}-on`}
          label={t('plan.measurement.on')}
          type="date"
          value={on}
          max={today()}
          onChange={(e) => setOn(e.target.value)}
          required
        />
        <TextField
          layout="span"
          id={`${id}-source`}
          label={t('plan.measurement.source')}
          value={source}
          onChange={(e) => setSource(e.target.value)}
          maxLength={300}
        />
      </div>
      <FormError error={mutation.error} />
      <button type="submit" className="button" disabled={mutation.isPending}>
        {request ? t('plan.measurement.submitRequest') : t('plan.measurement.submit')}
      </button>
      {saved ? (
        <p role="status" className="form-ok">
          {t('plan.measurement.saved')}
        </p>
      ) : null}
    </form>
  );
  if (request) return form;
  return (
    <section className="card plan-form-card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('plan.measurement.title')}</h2>
      {form}
    </section>
  );
}

function Requests({
  planId,
  detail,
  canEdit,
}: {
  planId: string;
  detail: IndicatorDetail;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const client = usePlanClient();
  const format = useFormat();
  const refresh = useRefresh(planId);
  const { data: session } = useSession();
  const remind = useMutation({
    mutationFn: (requestId: string) => client.remind(planId, requestId),
    onSuccess: () => refresh(),
  });
  const mine = detail.requests.filter(
    (request) => request.state !== 'fulfilled' && request.requestedFrom?.id === session?.user.id,
  );
  return (
    <section aria-labelledby="requests-heading">
      <h2 id="requests-heading">{t('plan.requests.title')}</h2>
      {mine.map((request) => (
        <div key={request.id} className="card plan-form-card">
          <h3>{t('plan.requests.forYou', { due: format.day(request.dueOn) })}</h3>
          {request.message ? <p>{request.message}</p> : null}
          <MeasurementForm planId={planId} request={request} />
        </div>
      ))}
      {detail.requests.length === 0 ? (
        <p className="muted">{t('plan.requests.empty')}</p>
      ) : (
        <TableRegion captionId="requests-caption">
          <table className="data-table data-table-compact">
            <caption id="requests-caption">{t('plan.requests.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plan.requests.colFrom')}</th>
                <th scope="col">{t('plan.requests.colDue')}</th>
                <th scope="col">{t('plan.requests.colState')}</th>
                <th scope="col">{t('plan.requests.colMessage')}</th>
                {canEdit ? <th scope="col">{t('plan.requests.colActions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {detail.requests.map((request) => (
                <tr key={request.id}>
                  <th scope="row">{request.requestedFrom?.name ?? t('plan.indicator.none')}</th>
                  <td>{format.shortDay(request.dueOn)}</td>
                  <td>
                    {t(`plan.requests.state.${request.state}`)}
                    {request.remindedAt
                      ? ` · ${t('plan.requests.reminded', { on: format.shortDay(request.remindedAt) })}`
                      : ''}
                  </td>
                  <td>{request.message ?? ''}</td>
                  {canEdit ? (
                    <td>
                      {request.state !== 'fulfilled' ? (
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          onClick={() => remind.mutate(request.id)}
                          disabled={remind.isPending}
                        >
                          {t('plan.requests.remind')}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <FormError error={remind.error} />
    </section>
  );
}

function RequestForm({ planId, detail }: { planId: string; detail: IndicatorDetail }) {
  const { t } = useTranslation();
  const client = usePlanClient();
  const refresh = useRefresh(planId);
  const tree = useTree(planId);
  const known = usePeople(tree.data);
  const id = useId();
  const people = useMemo(() => {
    const map = new Map(known.map((p) => [p.id, p.name]));
    for (const request of detail.requests)
      if (request.requestedFrom) map.set(request.requestedFrom.id, request.requestedFrom.name);
    return [...map]
      .map(([personId, name]) => ({ id: personId, name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [known, detail.requests]);
  const [person, setPerson] = useState('');
  const [due, setDue] = useState('');
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      client.createRequest(planId, detail.indicator.id, {
        requestedFrom: person,
        dueOn: due,
        message: message.trim() || null,
      }),
    onSuccess: async () => {
      setSent(true);
      setMessage('');
      await refresh();
    },
  });
  return (
    <section className="card plan-form-card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('plan.requests.ask')}</h2>
      <form
        className="form form-wide"
        onSubmit={(event) => {
          event.preventDefault();
          setSent(false);
          mutation.mutate();
        }}
      >
        <div className="field-grid">
          <SelectField
            id={`${id}-person`}
            label={t('plan.requests.person')}
            value={person}
            onChange={(e) => setPerson(e.target.value)}
            required
          >
            <option value="">{t('plan.requests.choose')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <TextField
            id={`${id}-due`}
            label={t('plan.requests.due')}
            type="date"
            value={due}
            min={today()}
            onChange={(e) => setDue(e.target.value)}
            required
          />
          <TextAreaField
            layout="span"
            id={`${id}-message`}
            label={t('plan.requests.message')}
            rows={3}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            maxLength={2000}
          />
        </div>
        <p className="muted">{t('plan.requests.peopleHint')}</p>
        <FormError error={mutation.error} />
        <button type="submit" className="button" disabled={mutation.isPending}>
          {t('plan.requests.send')}
        </button>
        {sent ? (
          <p role="status" className="form-ok">
            {t('plan.requests.sent')}
          </p>
        ) : null}
      </form>
    </section>
  );
}
