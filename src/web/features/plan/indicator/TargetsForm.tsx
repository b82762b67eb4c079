import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/Field.tsx';
import type { IndicatorDetail, Target } from '../api.ts';
import { FormError, usePlanClient } from '../shared.tsx';
import { useRefresh } from './refresh.ts';
/** The indicator's targets per period, edited as a list of rows. */
export function TargetsForm({ planId, detail }: { planId: string; detail: IndicatorDetail }) {
  const { t } = useTranslation();
  const client = usePlanClient();
  const refresh = useRefresh(planId);
  const id = useId();
  const [rows, setRows] = useState<{ start: string; end: string; value: string }[]>(() =>
    detail.indicator.targets.map((target) => ({
      start: target.periodStart,
      end: target.periodEnd,
      value: String(target.value),
    })),
  );
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      client.setTargets(
        planId,
        detail.indicator.id,
        rows
          .filter((row) => row.start && row.end && row.value !== '')
          .map<Target>((row) => ({ periodStart: row.start, periodEnd: row.end, value: Number(row.value) })),
      ),
    onSuccess: async () => {
      setSaved(true);
      await refresh();
    },
  });
  const update = (index: number, key: 'start' | 'end' | 'value', value: string) => {
    setSaved(false);
    setRows((old) => old.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  };
  return (
    <section className="card plan-form-card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('plan.targets.title')}</h2>
      <form
        className="form form-wide"
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate();
        }}
      >
        {rows.length === 0 ? <p className="muted">{t('plan.targets.empty')}</p> : null}
        {rows.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and only removed from the end.
          <fieldset className="fieldset target-row" key={index}>
            <legend>{t('plan.targets.row', { n: index + 1 })}</legend>
            <TextField
              id={`${id}-${index}-start`}
              label={t('plan.targets.start')}
              type="date"
              value={row.start}
              onChange={(e) => update(index, 'start', e.target.value)}
              required
            />
            <TextField
              id={`${id}-${index}-end`}
              label={t('plan.targets.end')}
              type="date"
              value={row.end}
              onChange={(e) => update(index, 'end', e.target.value)}
              required
            />
            <TextField
              id={`${id}-${index}-value`}
              label={t('plan.targets.value', { unit: detail.indicator.unit })}
              type="number"
              step="any"
              value={row.value}
              onChange={(e) => update(index, 'value', e.target.value)}
              required
            />
          </fieldset>
        ))}
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setRows((old) => [...old, { start: '', end: '', value: '' }])}
          >
            {t('plan.targets.add')}
          </button>
          {rows.length > 0 ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setRows((old) => old.slice(0, -1))}
            >
              {t('plan.targets.removeLast')}
            </button>
          ) : null}
          <button type="submit" className="button" disabled={mutation.isPending}>
            {t('plan.targets.save')}
          </button>
        </div>
        <FormError error={mutation.error} />
        {saved ? (
          <p role="status" className="form-ok">
            {t('plan.targets.saved')}
          </p>
        ) : null}
      </form>
    </section>
  );
}
