import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { MeasurementForm } from './indicator/MeasurementForm.tsx';
import { PlanNav, ProgressBar, planKey, StatusChip, useLocalized, usePlanClient } from './shared.tsx';

/** What the signed-in person has to do in this plan: requests addressed to them, and the nodes they lead. */
export function MyActionsPage() {
  const { t } = useTranslation();
  const { planId = '', slug = '' } = useParams();
  const { detail } = useNetwork();
  const client = usePlanClient();
  const text = useLocalized();
  const format = useFormat();
  useDocumentTitle(t('plan.mine.title'), detail.network.name);
  const query = useQuery({
    queryKey: planKey(detail.network.slug, planId, 'mine'),
    queryFn: () => client.myActions(planId),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const { plan, nodes, requests } = query.data;
  const open = requests.filter((request) => request.state !== 'fulfilled');
  const root = `/n/${slug}/beleidsplan/${planId}`;
  return (
    <>
      <p className="eyebrow">{text(plan.title)}</p>
      <h1>{t('plan.mine.title')}</h1>
      <PlanNav plan={plan} />
      <section aria-labelledby="mine-requests">
        <h2 id="mine-requests">{t('plan.mine.requests', { count: open.length })}</h2>
        {open.length === 0 ? <p className="muted">{t('plan.mine.noRequests')}</p> : null}
        <ul className="request-list">
          {open.map((request) => (
            <li key={request.id} className="card plan-form-card">
              <h3>
                <Link to={`${root}/indicatoren/${request.indicatorId}`}>{text(request.indicatorTitle)}</Link>
              </h3>
              <p>
                {request.state === 'overdue' ? (
                  <strong className="overdue">
                    {t('plan.mine.overdue', { due: format.day(request.dueOn) })}
                  </strong>
                ) : (
                  t('plan.mine.due', { due: format.day(request.dueOn) })
                )}
                {request.requestedBy
                  ? ` · ${t('plan.mine.askedBy', { name: request.requestedBy.name })}`
                  : ''}
              </p>
              {request.message ? (
                <blockquote className="request-message">{request.message}</blockquote>
              ) : null}
              <MeasurementForm planId={planId} request={request} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="mine-nodes">
        <h2 id="mine-nodes">{t('plan.mine.nodes', { count: nodes.length })}</h2>
        {nodes.length === 0 ? (
          <p className="muted">{t('plan.mine.noNodes')}</p>
        ) : (
          <DataTable
            caption={t('plan.mine.nodesCaption')}
            rows={nodes}
            rowKey={(node) => node.id}
            columns={[
              {
                id: 'title',
                header: t('plan.table.title'),
                rowHeader: true,
                cell: (node) => `${node.code ? `${node.code} ` : ''}${text(node.title)}`,
              },
              {
                id: 'status',
                header: t('plan.table.status'),
                cell: (node) => <StatusChip status={node.rolledStatus} />,
              },
              {
                id: 'progress',
                header: t('plan.table.progress'),
                cell: (node) => <ProgressBar value={node.rolledProgress} />,
                sortValue: (node) => node.rolledProgress,
              },
              {
                id: 'period',
                header: t('plan.table.period'),
                className: 'nowrap',
                cell: (node) =>
                  `${node.startDate ? format.shortDay(node.startDate) : ''}${node.endDate ? ` – ${format.shortDay(node.endDate)}` : ''}`,
                sortValue: (node) => node.endDate,
              },
            ]}
          />
        )}
      </section>
    </>
  );
}
