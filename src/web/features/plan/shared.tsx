import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useParams } from 'react-router';
import { useFormat } from '../../lib/format.ts';
import { useSession } from '../../lib/session.ts';
import { useNetwork } from '../../routes/NetworkLayout.tsx';
import { type IndicatorStatus, type PlanView, planBase, planClient, type RolledStatus } from './api.ts';

/** The plan client for the current network and session. */
export function usePlanClient() {
  const { detail } = useNetwork();
  const { data: session } = useSession();
  const slug = detail.network.slug;
  const csrf = session?.csrfToken ?? null;
  return useMemo(() => planClient(slug, csrf), [slug, csrf]);
}

/** Query keys: everything of one plan starts with the same prefix, so one invalidation refreshes it. */
export function planKey(slug: string, planId: string, ...rest: (string | number | boolean)[]) {
  return ['plan', slug, planId, ...rest] as const;
}

/** The plan's tree: the plan, its nodes in tree order, its indicators and whether the visitor may edit. */
export function useTree(planId: string) {
  const client = usePlanClient();
  const { detail } = useNetwork();
  return useQuery({
    queryKey: planKey(detail.network.slug, planId, 'tree'),
    queryFn: () => client.tree(planId),
  });
}

/** Multilingual texts fall back to Dutch, which the API always has. */
export function useLocalized() {
  const { i18n } = useTranslation();
  return (text: { nl: string; fr: string | null; en: string | null } | null | undefined): string => {
    if (!text) return '';
    if (i18n.language === 'fr') return text.fr ?? text.nl;
    if (i18n.language === 'en') return text.en ?? text.nl;
    return text.nl;
  };
}

/** A status is always written out; the colour only repeats it (WCAG 1.4.1). */
export function StatusChip({ status }: { status: RolledStatus | IndicatorStatus }) {
  const { t } = useTranslation();
  return <span className={`status-chip status-${status}`}>{t(`plan.status.${status}`)}</span>;
}

/** A bar for the eye; the figure next to it is the text for everyone. */
export function ProgressBar({ value, weight }: { value: number; weight?: number | null }) {
  const { t } = useTranslation();
  const { percent } = useFormat();
  return (
    <span className="progress">
      <span className="progress-track" aria-hidden="true">
        <span className="progress-fill" style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
      </span>
      <span className="progress-text">{t('plan.tree.progress', { value: percent(value) })}</span>
      {weight !== undefined && weight !== null ? (
        <span className="progress-weight">{t('plan.tree.weight', { value: percent(weight) })}</span>
      ) : null}
    </span>
  );
}

/** The plan's own pages, with the export links everyone who may read the plan may use. */
export function PlanNav({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const root = `/n/${slug}/beleidsplan/${plan.id}`;
  const year = actionYear(plan);
  return (
    <nav className="plan-nav" aria-label={t('plan.nav.label')}>
      <ul>
        <li>
          <NavLink end to={root}>
            {t('plan.nav.tree')}
          </NavLink>
        </li>
        <li>
          <NavLink to={`${root}/mijn-acties`}>{t('plan.nav.mine')}</NavLink>
        </li>
        <li>
          <NavLink to={`${root}/acties/${year}`}>{t('plan.nav.actions', { year })}</NavLink>
        </li>
        <li>
          <NavLink to={`${root}/rapport`}>{t('plan.nav.report')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}

export function ExportLinks({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const base = `${planBase(detail.network.slug)}/${planId}`;
  return (
    <section className="plan-exports" aria-labelledby="exports-heading">
      <h2 id="exports-heading">{t('plan.exports.title')}</h2>
      <ul>
        <li>
          <a href={`${base}/export.csv?table=nodes`} download>
            {t('plan.exports.nodes')}
          </a>
        </li>
        <li>
          <a href={`${base}/export.csv?table=indicators`} download>
            {t('plan.exports.indicators')}
          </a>
        </li>
        <li>
          <a href={`${base}/export.csv?table=measurements`} download>
            {t('plan.exports.measurements')}
          </a>
        </li>
        <li>
          <a href={`${base}/export.json`} download>
            {t('plan.exports.json')}
          </a>
        </li>
      </ul>
    </section>
  );
}

/** The year of the yearly action plan to show first: this year when the plan runs, else its last year. */
export function actionYear(plan: PlanView): number {
  const year = new Date().getFullYear();
  const first = Number(plan.periodStart.slice(0, 4));
  const last = Number(plan.periodEnd.slice(0, 4));
  return Math.min(Math.max(year, first), last);
}

/** Today as a calendar day (yyyy-mm-dd) in the visitor's time zone. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A form's error, read out when it appears. */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {t('plan.form.failed')}
      {error instanceof Error && error.message ? ` ${error.message}` : null}
    </p>
  );
}

/** ECharts measures text with the real font stack (see the network home page). */
export const chartFont = () => getComputedStyle(document.body).fontFamily;
export const AXIS_TEXT = '#3d4955';
