import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { useLocalized, usePlanClient } from './shared.tsx';

export function PlansPage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const client = usePlanClient();
  const text = useLocalized();
  const format = useFormat();
  const slug = detail.network.slug;
  useDocumentTitle(t('plan.list.title'), detail.network.name);
  const query = useQuery({ queryKey: ['plan', slug, 'list'], queryFn: () => client.plans() });
  return (
    <>
      <p className="eyebrow">{detail.network.name}</p>
      <h1>{t('plan.list.title')}</h1>
      <p className="lead">{t('plan.list.lead')}</p>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorNotice error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data?.plans.length === 0 ? <p>{t('plan.list.empty')}</p> : null}
      {query.data && query.data.plans.length > 0 ? (
        <ul className="plan-list">
          {query.data.plans.map((plan) => (
            <li key={plan.id} className="card">
              <h2>
                <Link to={`/n/${slug}/beleidsplan/${plan.id}`}>{text(plan.title)}</Link>
              </h2>
              <p className="muted">
                {t(`plan.kind.${plan.kind}`)} · {format.day(plan.periodStart)} – {format.day(plan.periodEnd)}
                {plan.published ? ` · ${t('plan.list.published')}` : ''}
              </p>
              {plan.description ? <p>{text(plan.description)}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
