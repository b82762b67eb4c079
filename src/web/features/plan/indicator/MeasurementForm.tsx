import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/Field.tsx';
import type { IndicatorDetail, RequestView } from '../api.ts';
import { FormError, today, usePlanClient } from '../shared.tsx';
import { useRefresh } from './refresh.ts';
/** Adds a measurement; with a request it answers that request (a partner's only way to report). */
export function MeasurementForm({
  planId,
  detail,
  request,
  onDone,
}: {
  planId: string;
  detail?: IndicatorDetail;
  request?: RequestView;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const client = usePlanClient();
  const refresh = useRefresh(planId);
  const id = useId();
  const indicatorId = request?.indicatorId ?? detail?.indicator.id ?? '';
  const unit = request?.unit ?? detail?.indicator.unit ?? '';
  const [on, setOn] = useState(today());
  const [value, setValue] = useState('');
  const [source, setSource] = useState('');
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      client.addMeasurement(planId, indicatorId, {
        measuredOn: on,
        value: Number(value),
        unit,
        source: source.trim() || null,
        ...(request ? { requestId: request.id } : {}),
      }),
    onSuccess: async () => {
      setValue('');
      setSource('');
      setSaved(true);
      await refresh();
      onDone?.();
    },
  });
  const form = (
    <form
      className="form form-wide"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        mutation.mutate();
      }}
    >
      <div className="field-grid">
        <TextField
          id={`${id}-value`}
          label={t('plan.measurement.value', { unit })}
          type="number"
          step="any"
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          required
        />
        <TextField
          id={`${id}-on`}
          label={t('plan.measurement.on')}
          type="date"
          value={on}
          max={today()}
          onChange={(e) => setOn(e.target.value)}
          required
        />
        <TextField
          layout="span"
          id={`${id}-source`}
          label={t('plan.measurement.source')}
          value={source}
          onChange={(e) => setSource(e.target.value)}
          maxLength={300}
        />
      </div>
      <FormError error={mutation.error} />
      <button type="submit" className="button" disabled={mutation.isPending}>
        {request ? t('plan.measurement.submitRequest') : t('plan.measurement.submit')}
      </button>
      {saved ? (
        <p role="status" className="form-ok">
          {t('plan.measurement.saved')}
        </p>
      ) : null}
    </form>
  );
  if (request) return form;
  return (
    <section className="card plan-form-card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('plan.measurement.title')}</h2>
      {form}
    </section>
  );
}
