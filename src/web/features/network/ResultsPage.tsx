import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { TableRegion } from '../../components/TableRegion.tsx';
import { useFormat } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { useNetwork } from '../../routes/NetworkLayout.tsx';
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
export function PartnerScores({ results, captionId }: { results: RoundResults; captionId: string }) {
  const { t } = useTranslation();
  const n = useFormat();
  const hidden = t('network.results.tooFew', { count: results.minRaters });
  const rows = [...results.partners].sort(
    (a, b) => (b.trust ?? -1) - (a.trust ?? -1) || b.raters - a.raters || a.name.localeCompare(b.name),
  );
  return (
    <TableRegion captionId={captionId}>
      <table className="data-table">
        <caption id={captionId}>
          {t('network.results.partnersCaption', { title: results.round.title })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('network.results.partner')}</th>
            <th scope="col">{t('network.manage.sector')}</th>
            <th scope="col" className="num">
              {t('network.results.raters')}
            </th>
            <th scope="col" className="num">
              {t('network.survey.trust')}
            </th>
            <th scope="col" className="num">
              {t('network.survey.value')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.partnerId}>
              <th scope="row">{p.name}</th>
              <td>{t(`network.sector.${p.sector as Sector}`)}</td>
              <td className="num">{n.integer(p.raters)}</td>
              <td className="num">{p.trust === null ? <Missing reason={hidden} /> : n.percent(p.trust)}</td>
              <td className="num">{p.value === null ? <Missing reason={hidden} /> : n.percent(p.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function Tally({
  caption,
  id,
  keys,
  counts,
  label,
  respondents,
}: {
  caption: string;
  id: string;
  keys: readonly string[];
  counts: Record<string, number>;
  label: (key: string) => string;
  respondents: number;
}) {
  const { t } = useTranslation();
  const n = useFormat();
  const rows = keys.map((key) => [key, counts[key] ?? 0] as const).sort((a, b) => b[1] - a[1]);
  return (
    <TableRegion captionId={id}>
      <table className="data-table data-table-compact">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('network.results.answer')}</th>
            <th scope="col" className="num">
              {t('network.results.count')}
            </th>
            <th scope="col">{t('network.results.share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, count]) => {
            const share = respondents ? count / respondents : 0;
            return (
              <tr key={key}>
                <th scope="row">{label(key)}</th>
                <td className="num">{n.integer(count)}</td>
                <td>
                  <span className="bar" aria-hidden="true">
                    <span style={{ width: `${share * 100}%` }} />
                  </span>{' '}
                  {n.fraction(share)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
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
        <PartnerScores results={r} captionId="partner-scores-caption" />
      </section>
      <section aria-labelledby="tally-heading">
        <h2 id="tally-heading">{t('network.results.tallies')}</h2>
        <div className="two-columns">
          <Tally
            id="contrib-caption"
            caption={t('network.results.contributions')}
            keys={CONTRIBUTION_LIST}
            counts={r.contributions}
            label={(k) => t(`network.contribution.${k as (typeof CONTRIBUTION_LIST)[number]}`)}
            respondents={r.network.respondents}
          />
          <Tally
            id="outcome-caption"
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
