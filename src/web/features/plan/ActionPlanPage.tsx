import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { SelectField } from '../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { TableRegion } from '../../components/TableRegion.tsx';
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
        const captionId = `actions-${group.root.id}`;
        return (
          <section key={group.root.id} className="print-section" aria-labelledby={`${captionId}-h`}>
            <h2 id={`${captionId}-h`}>
              {group.root.code ? `${group.root.code} ` : ''}
              {text(group.root.title)}
            </h2>
            <TableRegion captionId={captionId}>
              <table className="data-table">
                <caption id={captionId}>
                  {t('plan.actions.caption', { count: group.actions.length, year })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('plan.table.title')}</th>
                    <th scope="col">{t('plan.table.goal')}</th>
                    <th scope="col">{t('plan.table.owner')}</th>
                    <th scope="col">{t('plan.table.period')}</th>
                    <th scope="col">{t('plan.table.status')}</th>
                    <th scope="col">{t('plan.table.progress')}</th>
                  </tr>
                </thead>
                <tbody>
                  {group.actions.map((action) => (
                    <tr key={action.id}>
                      <th scope="row">
                        {action.code ? `${action.code} ` : ''}
                        {text(action.title)}
                      </th>
                      <td>{action.path.filter(Boolean).join(' › ')}</td>
                      <td>{action.owner?.name ?? action.leadPartner ?? ''}</td>
                      <td className="nowrap">
                        {action.startDate ? format.shortDay(action.startDate) : ''}
                        {action.endDate ? ` – ${format.shortDay(action.endDate)}` : ''}
                      </td>
                      <td>
                        <StatusChip status={action.rolledStatus} />
                      </td>
                      <td>
                        <ProgressBar value={action.rolledProgress} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </section>
        );
      })}
      <ExportLinks planId={planId} />
    </div>
  );
}
