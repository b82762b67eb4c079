import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SelectField, TextField } from '../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { api } from '../../lib/api.ts';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { directoryClient, type FilterOptions, type SearchItem, type SearchResult } from './api.ts';
import { useDirectoryPath } from './common.tsx';
import { OpenBadge } from './OpenBadge.tsx';
import { ReasonText } from './ReasonText.tsx';
import { type MapPin, ResultsMap } from './ResultsMap.tsx';

/** The search's state lives in the URL under the API's own names, so a search can be shared and revisited. */
const KEYS = [
  'q',
  'near',
  'radius_km',
  'municipality',
  'rubric',
  'target_group',
  'accessibility',
  'age',
  'language',
  'free',
  'capacity',
  'open_now',
  'open_at',
  'page',
] as const;
type Key = (typeof KEYS)[number];
type Draft = Record<Key, string>;

const RADII = ['2', '5', '10', '20'];
const PER_PAGE = 20;

function draftOf(params: URLSearchParams): Draft {
  return Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as Draft;
}

function queryOf(draft: Draft): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of KEYS) if (draft[k]) out.set(k, draft[k]);
  return out;
}

function useSearchState() {
  const [params, setParams] = useSearchParams();
  const key = queryOf(draftOf(params)).toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the canonical query string is the identity.
  const current = useMemo(() => draftOf(params), [key]);
  // Each change is a new history entry, so the back button returns to the previous search.
  const apply = useCallback((next: Draft) => setParams(queryOf(next)), [setParams]);
  return { current, key, apply };
}

export function SearchPage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const slug = detail.network.slug;
  const client = useMemo(() => directoryClient(slug), [slug]);
  const { current, key, apply } = useSearchState();
  useDocumentTitle(
    current.q ? t('directory.search.titleFor', { q: current.q }) : t('directory.search.title'),
  );

  const options = useQuery({ queryKey: ['directory-filters', slug], queryFn: () => client.filters() });
  const results = useQuery({
    queryKey: ['directory-search', slug, key],
    queryFn: () => client.search(new URLSearchParams(`${key}&per_page=${PER_PAGE}`)),
    placeholderData: keepPreviousData,
    // A search without results is logged for the analysis; refetching on focus would log it again.
    staleTime: 60_000,
    refetchOnWindowFocus: false,
    retry: false,
  });

  return (
    <div className="directory-search">
      <p className="eyebrow">{detail.network.name}</p>
      <h1>{t('directory.search.title')}</h1>
      <p className="lead">{t('directory.search.intro')}</p>
      <SearchForm current={current} options={options.data} facets={results.data} apply={apply} />
      {results.isError ? <ErrorNotice error={results.error} /> : null}
      {results.isPending ? <Loading /> : null}
      {results.data ? (
        <Results result={results.data} current={current} apply={apply} stale={results.isPlaceholderData} />
      ) : null}
    </div>
  );
}

function facetCount(result: SearchResult | undefined, facet: string, value: string): number | undefined {
  return result?.facets[facet]?.find((f) => f.value === value)?.count;
}

function SearchForm({
  current,
  options,
  facets,
  apply,
}: {
  current: Draft;
  options: FilterOptions | undefined;
  facets: SearchResult | undefined;
  apply: (next: Draft) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(current);
  // Back, forward or a shared link change the URL: the form shows that search again.
  useEffect(() => setDraft(current), [current]);
  const [filtersOpen] = useState(() => window.matchMedia('(min-width: 48rem)').matches);

  const set = (patch: Partial<Draft>, now = false) => {
    const next = { ...draft, ...patch, page: '' };
    setDraft(next);
    if (now) apply(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({ ...draft, page: '' });
  };
  const openMode = draft.open_now ? 'now' : draft.open_at ? 'at' : 'any';
  const active = KEYS.filter((k) => k !== 'q' && k !== 'page' && current[k]).length;

  const counted = (label: string, n: number | undefined) =>
    n === undefined ? label : t('directory.filter.withCount', { label, count: n });
  const select = (
    key: 'near' | 'municipality' | 'rubric' | 'target_group' | 'language' | 'accessibility',
    facet: string | null,
    list: { value: string; label: string }[],
  ) => (
    <SelectField
      id={`${id}-${key}`}
      label={t(`directory.filter.${key}`)}
      value={draft[key]}
      onChange={(e) => set({ [key]: e.target.value }, true)}
    >
      <option value="">{t('directory.filter.any')}</option>
      {list.map((o) => {
        const n = facet ? facetCount(facets, facet, o.value) : undefined;
        return (
          <option key={o.value} value={o.value}>
            {counted(o.label, n)}
          </option>
        );
      })}
    </SelectField>
  );

  return (
    <search aria-label={t('directory.search.formLabel')}>
      <form className="search-form" onSubmit={submit}>
        <div className="search-box">
          <label htmlFor={`${id}-q`}>{t('directory.search.label')}</label>
          <div className="search-box-row">
            <input
              id={`${id}-q`}
              type="search"
              name="q"
              value={draft.q}
              maxLength={200}
              aria-describedby={`${id}-q-help`}
              onChange={(e) => set({ q: e.target.value })}
            />
            <button type="submit" className="button">
              {t('directory.search.submit')}
            </button>
          </div>
          <p id={`${id}-q-help`} className="muted">
            {t('directory.search.help')}
          </p>
        </div>
        <details className="filter-panel" open={filtersOpen}>
          <summary>
            {active > 0
              ? t('directory.filter.headingActive', { count: active })
              : t('directory.filter.heading')}
          </summary>
          <div className="filter-grid">
            <fieldset className="filter-group">
              <legend>{t('directory.filter.where')}</legend>
              {select(
                'near',
                null,
                (options?.postcode ?? []).map((p) => ({ value: p.value, label: p.label })),
              )}
              <SelectField
                id={`${id}-radius`}
                label={t('directory.filter.radius_km')}
                value={draft.radius_km}
                disabled={!draft.near}
                onChange={(e) => set({ radius_km: e.target.value }, true)}
              >
                <option value="">{t('directory.filter.anyDistance')}</option>
                {RADII.map((r) => (
                  <option key={r} value={r}>
                    {t('directory.filter.km', { km: r })}
                  </option>
                ))}
              </SelectField>
              {select('municipality', 'municipality', options?.municipality ?? [])}
            </fieldset>
            <fieldset className="filter-group">
              <legend>{t('directory.filter.what')}</legend>
              {select('rubric', 'rubric', options?.rubric ?? [])}
              {select('target_group', 'target_group', options?.target_group ?? [])}
              <TextField
                id={`${id}-age`}
                label={t('directory.filter.age')}
                type="number"
                inputMode="numeric"
                min={0}
                max={120}
                value={draft.age}
                onChange={(e) => set({ age: e.target.value })}
                onBlur={() => draft.age !== current.age && apply(draft)}
              />
            </fieldset>
            <fieldset className="filter-group">
              <legend>{t('directory.filter.how')}</legend>
              {select('language', 'language', options?.language ?? [])}
              {select('accessibility', 'accessibility', options?.accessibility ?? [])}
              <label className="check">
                <input
                  type="checkbox"
                  checked={draft.free === '1'}
                  onChange={(e) => set({ free: e.target.checked ? '1' : '' }, true)}
                />
                {counted(t('directory.filter.free'), facetCount(facets, 'cost', 'free'))}
              </label>
              <label className="check">
                <input
                  type="checkbox"
                  checked={draft.capacity === '1'}
                  onChange={(e) => set({ capacity: e.target.checked ? '1' : '' }, true)}
                />
                {counted(t('directory.filter.capacity'), facetCount(facets, 'capacity', 'available'))}
              </label>
            </fieldset>
            <fieldset className="filter-group">
              <legend>{t('directory.filter.when')}</legend>
              {(['any', 'now', 'at'] as const).map((mode) => (
                <label key={mode} className="check">
                  <input
                    type="radio"
                    name={`${id}-open`}
                    value={mode}
                    checked={openMode === mode}
                    onChange={() =>
                      set(
                        {
                          open_now: mode === 'now' ? '1' : '',
                          open_at: mode === 'at' ? draft.open_at || nextWeekdayMorning() : '',
                        },
                        true,
                      )
                    }
                  />
                  {t(`directory.filter.open.${mode}`)}
                </label>
              ))}
              <TextField
                id={`${id}-at`}
                label={t('directory.filter.openAt')}
                type="datetime-local"
                value={draft.open_at}
                disabled={openMode !== 'at'}
                onChange={(e) => set({ open_at: e.target.value, open_now: '' })}
                onBlur={() => draft.open_at !== current.open_at && apply(draft)}
              />
            </fieldset>
          </div>
          <div className="filter-actions">
            <button type="submit" className="button">
              {t('directory.filter.apply')}
            </button>
            {active > 0 ? (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => apply({ ...draftOf(new URLSearchParams()), q: draft.q })}
              >
                {t('directory.filter.clear')}
              </button>
            ) : null}
          </div>
        </details>
      </form>
    </search>
  );
}

/** A sensible default for "open at": the next weekday at 10:00, local time. */
function nextWeekdayMorning(): string {
  const d = new Date();
  do d.setDate(d.getDate() + 1);
  while (d.getDay() === 0 || d.getDay() === 6);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
}

function Results({
  result,
  current,
  apply,
  stale,
}: {
  result: SearchResult;
  current: Draft;
  apply: (next: Draft) => void;
  stale: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { detail } = useNetwork();
  const slug = detail.network.slug;
  const path = useDirectoryPath();
  const navigate = useNavigate();
  const boundaries = useQuery({ queryKey: ['boundaries', slug], queryFn: () => api.boundaries(slug) });
  const offset = (result.page - 1) * result.per_page;
  const pins = useMemo<MapPin[]>(
    () =>
      result.items.flatMap((item, i) => {
        const p = item.points[0];
        return p ? [{ id: item.id, number: offset + i + 1, name: item.name, lat: p.lat, lon: p.lon }] : [];
      }),
    [result, offset],
  );
  const pick = useCallback((id: string) => navigate(path(`dienst/${id}`)), [navigate, path]);
  const moment = current.open_at ? format.wallClock(current.open_at) : null;
  const corrections = result.query.corrections.filter(
    (c, i, all) => all.findIndex((x) => x.from === c.from) === i,
  );

  if (result.total === 0) {
    const filtered = KEYS.some((k) => k !== 'q' && k !== 'page' && current[k]);
    return (
      <section className="card nothing-found" aria-labelledby="nothing-heading" aria-live="polite">
        <h2 id="nothing-heading">{t('directory.empty.title')}</h2>
        <p>{current.q ? t('directory.empty.forText', { q: current.q }) : t('directory.empty.forFilters')}</p>
        <ul>
          {result.query.unknown.length > 0 ? (
            <li>{t('directory.empty.spelling', { words: result.query.unknown.join(', ') })}</li>
          ) : null}
          <li>{t('directory.empty.fewerWords')}</li>
          {filtered ? <li>{t('directory.empty.fewerFilters')}</li> : null}
          {current.radius_km ? <li>{t('directory.empty.widerRadius')}</li> : null}
        </ul>
        <p className="muted">{t('directory.empty.noted')}</p>
        {filtered ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => apply({ ...draftOf(new URLSearchParams()), q: current.q })}
          >
            {t('directory.filter.clear')}
          </button>
        ) : null}
      </section>
    );
  }

  return (
    <section className="search-results" aria-labelledby="results-heading" aria-busy={stale}>
      <h2 id="results-heading" aria-live="polite">
        {result.total_exact
          ? t('directory.results.count', { count: result.total })
          : t('directory.results.countAbout', { count: result.total })}
      </h2>
      {corrections.length > 0 ? (
        <p className="notice">
          {t('directory.results.corrected', {
            list: corrections.map((c) => t('directory.results.correction', c)).join(', '),
          })}
        </p>
      ) : null}
      {moment ? <p className="muted">{t('directory.results.openAt', { at: moment })}</p> : null}
      <div className="results-layout">
        <ol className="result-list" start={offset + 1}>
          {result.items.map((item, i) => (
            <ResultCard key={item.id} item={item} number={offset + i + 1} atMoment={Boolean(moment)} />
          ))}
        </ol>
        <div className="results-map-column">
          {boundaries.data && pins.length > 0 ? (
            <ResultsMap
              boundaries={boundaries.data}
              pins={pins}
              origin={result.origin}
              label={t('directory.map.label', { count: pins.length })}
              onPick={pick}
            />
          ) : null}
          {pins.length > 0 ? <p className="muted small">{t('directory.map.listIsText')}</p> : null}
        </div>
      </div>
      <Pager result={result} current={current} apply={apply} />
    </section>
  );
}

function ResultCard({ item, number, atMoment }: { item: SearchItem; number: number; atMoment: boolean }) {
  const { t } = useTranslation();
  const path = useDirectoryPath();
  // The record page's "back" link returns to exactly this search.
  const state = { search: useSearchParams()[0].toString() };
  const format = useFormat();
  return (
    <li className="result-card card">
      <span className="result-number" aria-hidden="true">
        {number}
      </span>
      <div className="result-body">
        <h3>
          <Link to={path(`dienst/${item.id}`)} state={state}>
            {item.name}
          </Link>
        </h3>
        <p className="result-org">
          <Link to={path(`organisatie/${item.organization.id}`)} state={state}>
            {item.organization.name}
          </Link>
          {item.local ? <span className="tag">{t('directory.results.local')}</span> : null}
        </p>
        <p className="result-place">
          {[item.address, item.municipality].filter(Boolean).join(', ')}
          {item.distance_km !== null ? (
            <span className="result-distance">
              {' · '}
              {t('directory.results.distance', { km: format.decimal(item.distance_km, 1) })}
            </span>
          ) : null}
        </p>
        <OpenBadge open={item.open} atMoment={atMoment} />
        {item.description ? <p className="result-description">{item.description}</p> : null}
        {item.reasons.length > 0 ? (
          <p className="result-reasons">
            <span className="result-reasons-label">{t('directory.results.why')}</span>{' '}
            <ReasonText reasons={item.reasons} />
          </p>
        ) : null}
      </div>
    </li>
  );
}

function Pager({
  result,
  current,
  apply,
}: {
  result: SearchResult;
  current: Draft;
  apply: (next: Draft) => void;
}) {
  const { t } = useTranslation();
  if (result.total_pages <= 1) return null;
  const go = (page: number) => {
    apply({ ...current, page: page === 1 ? '' : String(page) });
    window.scrollTo({ top: 0 });
  };
  return (
    <nav className="pager" aria-label={t('directory.pager.label')}>
      <button
        type="button"
        className="button button-secondary"
        disabled={result.page <= 1}
        onClick={() => go(result.page - 1)}
      >
        {t('directory.pager.previous')}
      </button>
      <p>{t('directory.pager.page', { page: result.page, pages: result.total_pages })}</p>
      <button
        type="button"
        className="button button-secondary"
        disabled={result.page >= result.total_pages}
        onClick={() => go(result.page + 1)}
      >
        {t('directory.pager.next')}
      </button>
    </nav>
  );
}
