import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SelectField } from '../../../components/Field.tsx';
import { type MapArea, MunicipalityMap } from '../../../components/MunicipalityMap.tsx';
import { ErrorNotice, Loading } from '../../../components/States.tsx';
import { NoAccessPage } from '../../../components/StatusPages.tsx';
import { TableRegion } from '../../../components/TableRegion.tsx';
import { ApiError, api as shellApi } from '../../../lib/api.ts';
import { useFormat } from '../../../lib/format.ts';
import { useNetwork } from '../../../lib/network.ts';
import { useDocumentTitle } from '../../../lib/title.ts';
import { useDirectoryPath } from '../common.tsx';
import { type CoverageView, termName, useAnalysisApi } from './api.ts';

type Flag = CoverageView['rubrics'][number]['cells'][number]['flag'];

/** Red for no supply, orange for a gap, light and dark blue around the average: each legible with its label. */
export const FLAG_COLOURS: Record<Flag, string> = {
  none: '#c0392b',
  low: '#f0a15a',
  below: '#a9c8e6',
  above: '#2b65a3',
};
const FLAGS: Flag[] = ['none', 'low', 'below', 'above'];

/**
 * Where supply is missing: services per 10,000 inhabitants for one rubric, per municipality, against the
 * network's average, on the map and in a table with the same figures. Every member may read it.
 */
export function CoveragePage() {
  const { t, i18n } = useTranslation();
  const { detail } = useNetwork();
  const api = useAnalysisApi();
  const format = useFormat();
  const uid = useId();
  const [params, setParams] = useSearchParams();
  const slug = detail.network.slug;
  useDocumentTitle(t('directory.analysis.coverage.title'), detail.network.name);
  const coverage = useQuery({ queryKey: ['analysis', 'coverage', slug], queryFn: api.coverage });
  const boundaries = useQuery({ queryKey: ['boundaries', slug], queryFn: () => shellApi.boundaries(slug) });
  const data = coverage.data;
  const rubrics = useMemo(
    () =>
      [...(data?.rubrics ?? [])].sort((x, y) =>
        termName(x.names, i18n.language).localeCompare(termName(y.names, i18n.language), i18n.language),
      ),
    [data, i18n.language],
  );
  const wanted = params.get('rubriek');
  const rubric =
    rubrics.find((r) => r.termId === wanted) ?? rubrics.find((r) => r.services > 0) ?? rubrics[0] ?? null;
  const municipalityName = (m: { nameNl: string; nameFr: string | null }) =>
    i18n.language === 'fr' && m.nameFr ? m.nameFr : m.nameNl;
  const areas = useMemo<MapArea[]>(
    () =>
      (data?.municipalities ?? []).map((m) => ({
        nisCode: m.nisCode,
        name: i18n.language === 'fr' && m.nameFr ? m.nameFr : m.nameNl,
        share65plus: null,
      })),
    [data, i18n.language],
  );
  const fills = useMemo(
    () => Object.fromEntries((rubric?.cells ?? []).map((c) => [c.nisCode, FLAG_COLOURS[c.flag]])),
    [rubric],
  );
  const gap = data ? format.fraction(data.gapBelow, 0) : '';
  const flagText = (f: Flag) => t(`directory.analysis.coverage.flag.${f}`, { gap });
  const rubricLabel = rubric ? termName(rubric.names, i18n.language) : '';
  const path = useDirectoryPath();
  if (coverage.error instanceof ApiError && (coverage.error.status === 401 || coverage.error.status === 403))
    return <NoAccessPage message={t('directory.analysis.coverage.membersOnly')} backTo={path()} />;
  return (
    <>
      <h1>{t('directory.analysis.coverage.title')}</h1>
      <p className="lead">{t('directory.analysis.coverage.intro')}</p>
      {coverage.isPending ? <Loading /> : null}
      {coverage.isError ? <ErrorNotice error={coverage.error} onRetry={() => coverage.refetch()} /> : null}
      {data && rubric ? (
        <>
          <SelectField
            id={`${uid}-rubric`}
            className="analysis-rubric"
            label={t('directory.analysis.coverage.rubric')}
            value={rubric.termId}
            onChange={(event) => setParams({ rubriek: event.target.value }, { replace: true })}
          >
            {rubrics.map((r) => (
              <option key={r.termId} value={r.termId}>
                {t('directory.analysis.coverage.option', {
                  name: termName(r.names, i18n.language),
                  count: r.services,
                })}
              </option>
            ))}
          </SelectField>
          <p>
            {t('directory.analysis.coverage.average', {
              rubric: rubricLabel,
              average: format.fixed(rubric.average, 2),
              count: rubric.services,
            })}
          </p>
          <section className="figure-block" aria-labelledby={`${uid}-map`}>
            <h2 id={`${uid}-map`}>{t('directory.analysis.coverage.mapHeading', { rubric: rubricLabel })}</h2>
            {boundaries.isPending ? <Loading /> : null}
            {boundaries.isError ? <ErrorNotice error={boundaries.error} /> : null}
            {boundaries.data && boundaries.data.features.length > 0 ? (
              <MunicipalityMap
                boundaries={boundaries.data}
                areas={areas}
                fills={fills}
                label={t('directory.analysis.coverage.mapLabel', { rubric: rubricLabel })}
                attribution={t('directory.analysis.coverage.attribution')}
              />
            ) : null}
            <div className="legend">
              <p className="legend-title" id={`${uid}-legend`}>
                {t('directory.analysis.coverage.legend')}
              </p>
              <ul className="legend-items" aria-labelledby={`${uid}-legend`}>
                {FLAGS.map((f) => (
                  <li key={f}>
                    <span
                      className="legend-swatch"
                      style={{ background: FLAG_COLOURS[f] }}
                      aria-hidden="true"
                    />
                    {flagText(f)}
                  </li>
                ))}
              </ul>
            </div>
          </section>
          <TableRegion captionId={`${uid}-caption`}>
            <table className="data-table analysis-coverage">
              <caption id={`${uid}-caption`}>
                {t('directory.analysis.coverage.caption', { rubric: rubricLabel })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('directory.analysis.coverage.municipality')}</th>
                  <th scope="col" className="num">
                    {t('directory.analysis.coverage.population')}
                  </th>
                  <th scope="col" className="num">
                    {t('directory.analysis.coverage.services')}
                  </th>
                  <th scope="col" className="num">
                    {t('directory.analysis.coverage.per10k')}
                  </th>
                  <th scope="col" className="num">
                    {t('directory.analysis.coverage.vsAverage')}
                  </th>
                  <th scope="col">{t('directory.analysis.coverage.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.municipalities.map((m) => {
                  const cell = rubric.cells.find((c) => c.nisCode === m.nisCode);
                  if (!cell) return null;
                  return (
                    <tr key={m.nisCode} data-flag={cell.flag}>
                      <th scope="row">{municipalityName(m)}</th>
                      <td className="num">{format.integer(m.population)}</td>
                      <td className="num">{format.integer(cell.services)}</td>
                      <td className="num">{format.fixed(cell.per10k, 2)}</td>
                      <td className="num">{cell.ratio === null ? '–' : format.fraction(cell.ratio, 0)}</td>
                      <td className="analysis-status">
                        <span
                          className="legend-swatch"
                          style={{ background: FLAG_COLOURS[cell.flag] }}
                          aria-hidden="true"
                        />
                        {flagText(cell.flag)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('directory.analysis.coverage.network')}</th>
                  <td className="num">
                    {format.integer(data.municipalities.reduce((s, m) => s + m.population, 0))}
                  </td>
                  <td className="num">{format.integer(rubric.services)}</td>
                  <td className="num">{format.fixed(rubric.average, 2)}</td>
                  <td className="num">{format.fraction(1, 0)}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </TableRegion>
          <p className="source">
            {t('directory.analysis.coverage.source', {
              date: data.referenceDate ? format.day(data.referenceDate) : '',
            })}
          </p>
          <p className="muted">{t('directory.analysis.coverage.rule')}</p>
        </>
      ) : null}
    </>
  );
}
