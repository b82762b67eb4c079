import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, SelectField, TextField } from '../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { useNetworkApi } from './api.ts';
import { Headline, PartnerComboBox, PartnersTable, SectorSwatch } from './common.tsx';
import { NetworkGraph } from './NetworkGraph.tsx';
import {
  type GraphFilterQuery,
  ORIGIN_LIST,
  SECTOR_COLOURS,
  SECTOR_LIST,
  type Sector,
  TIE_TYPE_LIST,
  type TieOrigin,
  type TieType,
} from './types.ts';

export const FIRST_YEAR = 2023;
export const LAST_YEAR = 2026;
const SIZE_METRICS = [
  'degree',
  'strength',
  'betweenness',
  'closeness',
  'eigenvector',
  'effectiveSize',
] as const;
type SizeMetric = (typeof SIZE_METRICS)[number];

/** The year on the slider as the view's time window: the ties active at some point in that year. */
export function yearWindow(year: number) {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

function Checkboxes<T extends string>({
  legend,
  values,
  chosen,
  label,
  onChange,
}: {
  legend: string;
  values: readonly T[];
  chosen: T[];
  label: (value: T) => string;
  onChange: (next: T[]) => void;
}) {
  return (
    <fieldset className="checks">
      <legend>{legend}</legend>
      {values.map((value) => (
        <label key={value} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(value)}
            onChange={(event) =>
              onChange(event.target.checked ? [...chosen, value] : chosen.filter((v) => v !== value))
            }
          />
          {label(value)}
        </label>
      ))}
    </fieldset>
  );
}

export function MapPage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const api = useNetworkApi();
  useDocumentTitle(t('network.map.title'), detail.network.name);
  const ids = { year: useId(), weight: useId(), size: useId() };
  const [year, setYear] = useState(LAST_YEAR);
  const [types, setTypes] = useState<TieType[]>([...TIE_TYPE_LIST]);
  const [sectors, setSectors] = useState<Sector[]>([...SECTOR_LIST]);
  const [origins, setOrigins] = useState<TieOrigin[]>([...ORIGIN_LIST]);
  const [minWeight, setMinWeight] = useState(0);
  const [sizeBy, setSizeBy] = useState<SizeMetric>('degree');
  const [found, setFound] = useState<string | null>(null);

  // An unticked list means "all" to the API, so only narrowed lists are sent.
  const filter: GraphFilterQuery = {
    ...yearWindow(year),
    ...(types.length < TIE_TYPE_LIST.length ? { types: types.join(',') } : {}),
    ...(sectors.length < SECTOR_LIST.length ? { sectors: sectors.join(',') } : {}),
    ...(origins.length < ORIGIN_LIST.length ? { origins: origins.join(',') } : {}),
    ...(minWeight > 0 ? { minWeight } : {}),
  };
  const empty = types.length === 0 || sectors.length === 0 || origins.length === 0;
  const key = ['network-view', detail.network.slug, filter];
  const view = useQuery({
    queryKey: key,
    queryFn: () => api.view(filter),
    enabled: !empty,
    placeholderData: keepPreviousData,
  });
  const metrics = useQuery({
    queryKey: ['network-metrics', ...key.slice(1)],
    queryFn: () => api.metrics(filter),
    enabled: !empty,
    placeholderData: keepPreviousData,
  });

  const m = metrics.data;
  const nodes = useMemo(() => {
    if (!m) return [];
    const values = Object.values(m.nodes).map((node) => node[sizeBy]);
    const max = Math.max(...values, 0) || 1;
    return Object.entries(m.nodes).map(([id, node]) => {
      const sector = (m.partners[id]?.sector ?? 'other') as Sector;
      return {
        id,
        label: m.partners[id]?.name ?? id,
        colour: SECTOR_COLOURS[sector],
        size: 4 + 14 * Math.sqrt(node[sizeBy] / max),
      };
    });
  }, [m, sizeBy]);
  const edges = useMemo(
    () =>
      (view.data?.ties ?? []).map((tie) => ({
        source: tie.sourceId,
        target: tie.targetId,
        weight: tie.weight,
      })),
    [view.data],
  );
  const partnerList = m
    ? Object.entries(m.partners)
        .map(([id, p]) => ({ id, name: p.name }))
        .sort((a, b) => a.name.localeCompare(b.name))
    : [];
  const foundName = found ? m?.partners[found]?.name : undefined;
  const counts = new Map<Sector, number>();
  for (const id of Object.keys(m?.nodes ?? {})) {
    const sector = (m?.partners[id]?.sector ?? 'other') as Sector;
    counts.set(sector, (counts.get(sector) ?? 0) + 1);
  }

  return (
    <>
      <p className="eyebrow">{detail.network.name}</p>
      <h1>{t('network.map.title')}</h1>
      <p className="lead">{t('network.map.intro')}</p>

      <section className="card filters no-print" aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t('network.map.filters')}</h2>
        <div className="filter-row">
          <Field id={ids.year} className="year-field" label={t('network.map.year', { year })}>
            {(control) => (
              <>
                <input
                  {...control}
                  type="range"
                  min={FIRST_YEAR}
                  max={LAST_YEAR}
                  step={1}
                  value={year}
                  aria-valuetext={t('network.map.yearValue', { year })}
                  onChange={(event) => setYear(Number(event.target.value))}
                />
                <span className="range-ends" aria-hidden="true">
                  <span>{FIRST_YEAR}</span>
                  <span>{LAST_YEAR}</span>
                </span>
              </>
            )}
          </Field>
          <SelectField
            id={ids.size}
            label={t('network.map.sizeBy')}
            value={sizeBy}
            onChange={(event) => setSizeBy(event.target.value as SizeMetric)}
          >
            {SIZE_METRICS.map((metric) => (
              <option key={metric} value={metric}>
                {t(`network.metric.${metric}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={ids.weight}
            label={t('network.map.minWeight')}
            type="number"
            min={0}
            max={1000}
            step={1}
            value={minWeight}
            onChange={(event) => setMinWeight(Math.max(0, Number(event.target.value) || 0))}
          />
          <PartnerComboBox
            label={t('network.map.search')}
            partners={partnerList}
            selected={found}
            onChange={setFound}
            description={t('network.map.searchHelp')}
          />
        </div>
        <div className="filter-row">
          <Checkboxes
            legend={t('network.map.types')}
            values={TIE_TYPE_LIST}
            chosen={types}
            label={(v) => t(`network.tieType.${v}`)}
            onChange={setTypes}
          />
          <Checkboxes
            legend={t('network.map.sectors')}
            values={SECTOR_LIST}
            chosen={sectors}
            label={(v) => t(`network.sector.${v}`)}
            onChange={setSectors}
          />
          <Checkboxes
            legend={t('network.map.origins')}
            values={ORIGIN_LIST}
            chosen={origins}
            label={(v) => t(`network.origin.${v}`)}
            onChange={setOrigins}
          />
        </div>
      </section>

      {empty ? <p className="notice notice-info">{t('network.map.emptyFilter')}</p> : null}
      {metrics.isPending && !empty ? <Loading /> : null}
      {metrics.isError ? <ErrorNotice error={metrics.error} onRetry={() => void metrics.refetch()} /> : null}
      {view.isError ? <ErrorNotice error={view.error} onRetry={() => void view.refetch()} /> : null}
      {m && !empty ? (
        <>
          <section aria-labelledby="headline-heading">
            <h2 id="headline-heading">{t('network.map.headline', { year })}</h2>
            <Headline metrics={m} />
          </section>
          <section className="figure-block" aria-labelledby="graph-heading">
            <h2 id="graph-heading">{t('network.map.graphHeading', { year })}</h2>
            <p className="muted" aria-live="polite">
              {foundName ? t('network.map.highlighted', { name: foundName }) : t('network.map.graphHelp')}
            </p>
            <NetworkGraph
              nodes={nodes}
              edges={edges}
              highlight={found}
              onSelect={setFound}
              label={t('network.map.graphLabel', {
                partners: nodes.length,
                ties: m.network.edges,
                year,
              })}
            />
            <div className="legend">
              <p className="legend-title" id="sector-legend">
                {t('network.map.legend', { metric: t(`network.metric.${sizeBy}`) })}
              </p>
              <ul className="legend-items" aria-labelledby="sector-legend">
                {SECTOR_LIST.filter((s) => counts.has(s)).map((sector) => (
                  <li key={sector}>
                    <SectorSwatch sector={sector} />
                    {t(`network.sector.${sector}`)} ({counts.get(sector)})
                  </li>
                ))}
              </ul>
            </div>
          </section>
          <PartnersTable metrics={m} caption={t('network.map.tableCaption', { year })} highlight={found} />
          <p className="source">{t('network.map.metricsNote')}</p>
        </>
      ) : null}
    </>
  );
}
