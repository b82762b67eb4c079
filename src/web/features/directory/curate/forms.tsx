import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceFields } from './api.ts';
import { DAYS, type Day, type FieldError } from './service-state.ts';

/** The list of problems at the top of a form; each links to its field (GOV.UK pattern). */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div className="notice notice-error error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2>{t('directory.curate.form.errorsTitle', { count: errors.length })}</h2>
      <ul>
        {errors.map((e) => (
          <li key={`${e.target}-${e.message}`}>
            <a
              href={`#${e.target}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(e.target)?.focus();
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

// ---------------------------------------------------------------- formatting values (diff, summaries)

export function useFormatValue() {
  const { t } = useTranslation();
  const day = (d: string) => t(`directory.curate.days.${d as Day}`);
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'hours') {
      const h = value as ServiceFields['hours'];
      const weekly = DAYS.map((d) => {
        const slots = h.weekly.filter((s) => s.day === d);
        return slots.length
          ? `${day(d)} ${slots.map((s) => `${s.opens_at}–${s.closes_at}`).join(', ')}`
          : null;
      }).filter(Boolean);
      const exceptions = h.exceptions.map(
        (e) =>
          `${e.date_from}${e.date_to !== e.date_from ? ` – ${e.date_to}` : ''}: ${
            e.closed ? t('directory.curate.hours.closed') : `${e.opens_at}–${e.closes_at}`
          }${e.reason ? ` (${e.reason})` : ''}`,
      );
      return [...weekly, ...exceptions].join('; ') || '—';
    }
    if (field === 'address') {
      const a = value as NonNullable<ServiceFields['address']>;
      return `${a.address_1}, ${a.postal_code} ${a.city}`;
    }
    if (field === 'capacity') {
      const c = value as NonNullable<ServiceFields['capacity']>;
      return t('directory.curate.capacitySummary', {
        available: c.available,
        waiting: c.waiting_list ?? '—',
      });
    }
    if (field === 'cost') return Number(value) === 0 ? t('directory.curate.free') : `€ ${value}`;
    if (field === 'status') return t(`directory.curate.status.${value as ServiceFields['status']}`);
    if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
    return String(value);
  };
}
