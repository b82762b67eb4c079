import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { IndicatorChart } from './indicator/IndicatorChart.tsx';
import { MeasurementForm } from './indicator/MeasurementForm.tsx';
import { RequestForm, Requests } from './indicator/Requests.tsx';
import { TargetsForm } from './indicator/TargetsForm.tsx';
import { PlanNav, planKey, StatusChip, useLocalized, usePlanClient, useTree } from './shared.tsx';

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
