import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EChartsCoreOption } from 'echarts/core';
import { type FormEvent, type ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { TextField } from '../../components/Field.tsx';
import { Figure } from '../../components/Figure.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { useNetworkApi } from './api.ts';
import { Missing, useIsStaff, useModulePath, usePartners } from './common.tsx';
import type { Round, RoundComparison } from './types.ts';

const TRUST_COLOUR = '#1d5591';
const VALUE_COLOUR = '#b85c00';
const AXIS_TEXT = '#3d4955';

function OpenRoundForm() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const api = useNetworkApi();
  const queryClient = useQueryClient();
  const ids = { title: useId(), opens: useId(), closes: useId() };
  const [done, setDone] = useState<string | null>(null);
  const open = useMutation({
    mutationFn: api.openRound,
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: ['network-rounds', detail.network.slug] }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const title = String(data.get('title'));
    setDone(null);
    open.mutate(
      { title, opensOn: String(data.get('opensOn')), closesOn: String(data.get('closesOn')) },
      {
        onSuccess: () => {
          setDone(t('network.survey.opened', { title }));
          form.reset();
        },
      },
    );
  };
  const today = new Date().toISOString().slice(0, 10);
  const inFourWeeks = new Date(Date.now() + 28 * 86_400_000).toISOString().slice(0, 10);
  return (
    <section className="card" aria-labelledby="open-round-heading">
      <h2 id="open-round-heading">{t('network.survey.open')}</h2>
      <p>{t('network.survey.openIntro')}</p>
      <form className="form" onSubmit={submit}>
        <TextField
          id={ids.title}
          label={t('network.survey.roundTitle')}
          name="title"
          required
          minLength={2}
          maxLength={200}
        />
        <div className="field-pair">
          <TextField
            id={ids.opens}
            label={t('network.survey.opensOn')}
            name="opensOn"
            type="date"
            required
            defaultValue={today}
          />
          <TextField
            id={ids.closes}
            label={t('network.survey.closesOn')}
            name="closesOn"
            type="date"
            required
            defaultValue={inFourWeeks}
          />
        </div>
        {open.isError ? <ErrorNotice error={open.error} /> : null}
        {done ? (
          <p className="notice notice-success" role="status">
            {done}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={open.isPending}>
          {t('network.survey.openButton')}
        </button>
      </form>
    </section>
  );
}

function RemindButton({ round }: { round: Round }) {
  const { t } = useTranslation();
  const api = useNetworkApi();
  const remind = useMutation({ mutationFn: () => api.remind(round.id) });
  return (
    <>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => remind.mutate()}
        disabled={remind.isPending}
        aria-label={t('network.survey.remindLabel', { title: round.title })}
      >
        {t('network.survey.remind')}
      </button>
      <span role="status" className="inline-status">
        {remind.data ? t('network.survey.reminded', { count: remind.data.reminded }) : null}
        {remind.isError ? remind.error.message : null}
      </span>
    </>
  );
}

/** Trust and value per round over time: a chart with the same figures in a table beside it, and its source. */
export function RoundsTrend({
  rounds,
  level = 'h2',
  intro,
}: {
  rounds: RoundComparison;
  level?: 'h2' | 'h3';
  intro?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const n = useFormat();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels change with the language only.
  const option = useMemo<EChartsCoreOption>(
    () => ({
      animation: false,
      textStyle: { fontFamily: getComputedStyle(document.body).fontFamily, fontSize: 13 },
      legend: { top: 0, left: 0, textStyle: { color: AXIS_TEXT } },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => n.percent(v) },
      grid: {
        left: 8,
        right: 16,
        top: 40,
        bottom: 8,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      xAxis: { type: 'category', data: rounds.map((r) => r.title), axisLabel: { color: AXIS_TEXT } },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { color: AXIS_TEXT, formatter: (v: number) => `${v} %` },
      },
      series: [
        {
          name: t('network.survey.trust'),
          type: 'line',
          data: rounds.map((r) => r.trust),
          symbolSize: 8,
          lineStyle: { width: 3, color: TRUST_COLOUR },
          itemStyle: { color: TRUST_COLOUR },
        },
        {
          name: t('network.survey.value'),
          type: 'line',
          data: rounds.map((r) => r.value),
          symbol: 'diamond',
          symbolSize: 10,
          lineStyle: { width: 3, type: 'dashed', color: VALUE_COLOUR },
          itemStyle: { color: VALUE_COLOUR },
        },
      ],
    }),
    [rounds, i18n.language],
  );
  const columns = useMemo<Column<RoundComparison[number]>[]>(
    () => [
      { id: 'round', header: t('network.survey.round'), rowHeader: true, cell: (r) => r.title },
      {
        id: 'respondents',
        header: t('network.survey.respondents'),
        numeric: true,
        cell: (r) => n.integer(r.respondents),
      },
      {
        id: 'trust',
        header: t('network.survey.trust'),
        numeric: true,
        cell: (r) => (r.trust === null ? <Missing /> : n.percent(r.trust)),
      },
      {
        id: 'value',
        header: t('network.survey.value'),
        numeric: true,
        cell: (r) => (r.value === null ? <Missing /> : n.percent(r.value)),
      },
    ],
    [t, n],
  );
  return (
    <Figure
      heading={t('network.survey.trendHeading')}
      level={level}
      intro={intro}
      layout="beside"
      option={option}
      label={t('network.survey.trendLabel')}
      height={280}
      source={t('network.survey.trendSource')}
      table={
        <DataTable
          caption={t('network.survey.trendCaption')}
          compact
          rows={rounds}
          columns={columns}
          rowKey={(r) => r.id}
        />
      }
    />
  );
}

/** The rounds: staff open them and remind; spokespersons find their form; everyone reads results. */
export function SurveyPage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const api = useNetworkApi();
  const staff = useIsStaff();
  const path = useModulePath();
  const n = useFormat();
  useDocumentTitle(t('network.survey.title'), detail.network.name);
  const rounds = useQuery({ queryKey: ['network-rounds', detail.network.slug], queryFn: api.rounds });
  const compare = useQuery({ queryKey: ['network-compare', detail.network.slug], queryFn: api.compare });
  const partners = usePartners();
  const speaksFor = (partners.data?.mine.length ?? 0) > 0;
  const roundColumns: Column<Round>[] = [
    { id: 'round', header: t('network.survey.round'), rowHeader: true, cell: (round) => round.title },
    {
      id: 'period',
      header: t('network.survey.period'),
      className: 'nowrap',
      sortValue: (round) => round.opensOn,
      cell: (round) => `${n.shortDay(round.opensOn)} – ${n.shortDay(round.closesOn)}`,
    },
    {
      id: 'state',
      header: t('network.survey.state'),
      cell: (round) => t(`network.survey.stateName.${round.state}`),
    },
    {
      id: 'respondents',
      header: t('network.survey.respondents'),
      numeric: true,
      cell: (round) =>
        t('network.survey.responseCount', { count: round.respondents, invited: n.integer(round.invited) }),
    },
    {
      id: 'actions',
      header: t('network.survey.actions'),
      cell: (round) => (
        <span className="actions">
          <Link to={path(`bevraging/${round.id}/resultaten`)}>
            {t('network.survey.resultsLink')}
            <span className="visually-hidden"> {round.title}</span>
          </Link>
          {speaksFor && round.state === 'open' ? (
            <Link to={path(`bevraging/${round.id}`)}>
              {t('network.survey.answerLink')}
              <span className="visually-hidden"> {round.title}</span>
            </Link>
          ) : null}
          {staff && round.state === 'open' ? <RemindButton round={round} /> : null}
        </span>
      ),
    },
  ];
  return (
    <>
      <p className="eyebrow">{detail.network.name}</p>
      <h1>{t('network.survey.title')}</h1>
      <p className="lead">{t('network.survey.intro')}</p>
      {staff ? <OpenRoundForm /> : null}
      <section aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">{t('network.survey.rounds')}</h2>
        {rounds.isPending ? <Loading /> : null}
        {rounds.isError ? <ErrorNotice error={rounds.error} onRetry={() => void rounds.refetch()} /> : null}
        {rounds.data?.rounds.length === 0 ? <p>{t('network.survey.noRounds')}</p> : null}
        {rounds.data && rounds.data.rounds.length > 0 ? (
          <DataTable
            caption={t('network.survey.roundsCaption')}
            rows={rounds.data.rounds}
            columns={roundColumns}
            rowKey={(round) => round.id}
            initialSort={{ id: 'period', desc: true }}
          />
        ) : null}
      </section>
      {compare.data && compare.data.rounds.length > 0 ? (
        <RoundsTrend rounds={compare.data.rounds} intro={<p>{t('network.survey.scoresExplained')}</p>} />
      ) : (
        <section aria-labelledby="trend-heading">
          <h2 id="trend-heading">{t('network.survey.trendHeading')}</h2>
          <p>{t('network.survey.scoresExplained')}</p>
          {compare.isError ? <ErrorNotice error={compare.error} /> : null}
        </section>
      )}
    </>
  );
}
