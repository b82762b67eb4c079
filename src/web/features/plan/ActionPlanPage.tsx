import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { SelectField } from '../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import {
  ExportLinks,
  PlanNav,
  ProgressBar,
  planKey,
  StatusChip,
  useLocalized,
  usePlanClient,
} from './shared.tsx';

/** The yearly action plan ("Acties 2025"): the actions running in a year, grouped by their top-level goal. */
export function ActionPlanPage() {
  const { t } = useTranslation();
  const { planId = '', slug = '', year: yearParam = '' } = useParams();
  const year = Number(yearParam);
  const { detail } = useNetwork();
  const client = usePlanClient();
  const text = useLocalized();
  const format = useFormat();
  const navigate = useNavigate();
  const yearId = useId();
  useDocumentTitle(t('plan.actions.title', { year }), detail.network.name);
  const query = useQuery({
    queryKey: planKey(detail.network.slug, planId, 'actions', year),
    queryFn: () => client.actionPlan(planId, year),
    enabled: Number.isInteger(year),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const { plan, groups } = query.data;
  const first = Number(plan.periodStart.slice(0, 4));
  const last = Number(plan.periodEnd.slice(0, 4));
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return (
    <div className="plan-printable">
      <p className="eyebrow">{text(plan.title)}</p>
      <h1>{t('plan.actions.title', { year })}</h1>
      <PlanNav plan={plan} />
      <div className="toolbar no-print">
        <SelectField
          layout="inline"
          id={yearId}
          label={t('plan.actions.year')}
          value={year}
          onChange={(e) => navigate(`/n/${slug}/beleidsplan/${planId}/acties/${e.target.value}`)}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('plan.print')}
        </button>
      </div>
      {groups.length === 0 ? <p>{t('plan.actions.empty', { year })}</p> : null}
      {groups.map((group) => {
        const headingId = `actions-${group.root.id}-h`;
        return (
          <section key={group.root.id} className="print-section" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {group.root.code ? `${group.root.code} ` : ''}
              {text(group.root.title)}
            </h2>
            <DataTable
              caption={t('plan.actions.caption', { count: group.actions.length, year })}
              rows={group.actions}
              rowKey={(action) => action.id}
              columns={[
                {
                  id: 'title',
                  header: t('plan.table.title'),
                  rowHeader: true,
                  cell: (action) => `${action.code ? `${action.code} ` : ''}${text(action.title)}`,
                },
                {
                  id: 'goal',
                  header: t('plan.table.goal'),
                  cell: (action) => action.path.filter(Boolean).join(' › '),
                },
                {
                  id: 'owner',
                  header: t('plan.table.owner'),
                  cell: (action) => action.owner?.name ?? action.leadPartner ?? '',
                  sortValue: (action) => action.owner?.name ?? action.leadPartner ?? null,
                },
                {
                  id: 'period',
                  header: t('plan.table.period'),
                  className: 'nowrap',
                  cell: (action) =>
                    `${action.startDate ? format.shortDay(action.startDate) : ''}${action.endDate ? ` – ${format.shortDay(action.endDate)}` : ''}`,
                  sortValue: (action) => action.startDate,
                },
                {
                  id: 'status',
                  header: t('plan.table.status'),
                  cell: (action) => <StatusChip status={action.rolledStatus} />,
                },
                {
                  id: 'progress',
                  header: t('plan.table.progress'),
                  cell: (action) => <ProgressBar value={action.rolledProgress} />,
                  sortValue: (action) => action.rolledProgress,
                },
              ]}
            />
          </section>
        );
      })}
      <ExportLinks planId={planId} />
    </div>
  );
}
