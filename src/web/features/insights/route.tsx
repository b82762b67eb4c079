import './insights.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { insightsClient } from './api.ts';
import { GapMapPage } from './GapMapPage.tsx';
import { IndicatorPage } from './IndicatorPage.tsx';

/** The figures module's pages under /n/:slug/cijfers. */
export function Component() {
  return (
    <div className="insights-page">
      <Routes>
        <Route index element={<FiguresPage />} />
        <Route path="kansenkaart" element={<GapMapPage />} />
        <Route path=":indicator" element={<IndicatorPage />} />
      </Routes>
    </div>
  );
}

/** The network's indicators: the Statbel series every network has and the figures staff imported. */
function FiguresPage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const slug = detail.network.slug;
  useDocumentTitle(t('insights.list.title'), detail.network.name);
  const query = useQuery({
    queryKey: ['insights', slug, 'indicators'],
    queryFn: () => insightsClient(slug).indicators(),
  });
  return (
    <>
      <p className="eyebrow">{detail.network.name}</p>
      <h1>{t('insights.list.title')}</h1>
      <p className="lead">{t('insights.list.lead')}</p>
      {detail.role ? (
        <p>
          <Link to={`/n/${slug}/cijfers/kansenkaart`}>{t('insights.gap.title')}</Link>
        </p>
      ) : null}
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorNotice error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <ul className="plan-list">
          {query.data.indicators.map((i) => (
            <li key={i.key} className="card">
              <h2>
                <Link to={`/n/${slug}/cijfers/${i.key}`}>{i.name.nl}</Link>
              </h2>
              <p className="muted">
                {i.unit} · {t('figure.source')} {i.source}
                {i.fictional ? ` · ${t('insights.fictional')}` : ''}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
