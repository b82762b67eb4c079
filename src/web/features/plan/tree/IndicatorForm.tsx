import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FREQUENCIES, INDICATOR_KINDS, POLARITIES } from '../../../../server/modules/plan/values.ts';
import { SelectField, TextField } from '../../../components/Field.tsx';
import type { TreeNode } from '../api.ts';
import { FormError, useLocalized, usePlanClient } from '../shared.tsx';
import { EditorFrame, useRefreshPlan, useTreeContext } from './context.tsx';

/** Adds an indicator to a node; its targets and measurements follow on the indicator's own page. */
export function IndicatorForm({ node }: { node: TreeNode }) {
  const { t } = useTranslation();
  const text = useLocalized();
  const client = usePlanClient();
  const { tree, setEditing } = useTreeContext();
  const refresh = useRefreshPlan(tree.plan.id);
  const [form, setForm] = useState({
    nl: '',
    kind: 'how_much' as (typeof INDICATOR_KINDS)[number],
    unit: '',
    polarity: 'up' as (typeof POLARITIES)[number],
    frequency: 'yearly' as (typeof FREQUENCIES)[number],
    baseline: '',
    baselineOn: '',
  });
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((old) => ({ ...old, [key]: event.target.value }));
  const mutation = useMutation({
    mutationFn: () =>
      client.createIndicator(tree.plan.id, {
        nodeId: node.id,
        kind: form.kind,
        title: { nl: form.nl.trim() },
        unit: form.unit.trim(),
        polarity: form.polarity,
        frequency: form.frequency,
        baselineValue: form.baseline === '' ? null : Number(form.baseline),
        baselineOn: form.baselineOn || null,
      }),
    onSuccess: async () => {
      await refresh();
      setEditing(null);
    },
  });
  return (
    <EditorFrame title={t('plan.form.indicatorTitle', { title: text(node.title) })}>
      <form
        className="form form-wide"
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate();
        }}
      >
        <div className="field-grid">
          <TextField
            layout="span"
            label={t('plan.form.titleNl')}
            value={form.nl}
            onChange={set('nl')}
            required
            maxLength={300}
          />
          <SelectField label={t('plan.indicator.kind')} value={form.kind} onChange={set('kind')}>
            {INDICATOR_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`plan.indicatorKind.${kind}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('plan.indicator.unit')}
            value={form.unit}
            onChange={set('unit')}
            required
            maxLength={30}
          />
          <SelectField label={t('plan.indicator.polarity')} value={form.polarity} onChange={set('polarity')}>
            {POLARITIES.map((polarity) => (
              <option key={polarity} value={polarity}>
                {t(`plan.polarity.${polarity}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('plan.indicator.frequency')}
            value={form.frequency}
            onChange={set('frequency')}
          >
            {FREQUENCIES.map((frequency) => (
              <option key={frequency} value={frequency}>
                {t(`plan.frequency.${frequency}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('plan.indicator.baseline')}
            type="number"
            step="any"
            value={form.baseline}
            onChange={set('baseline')}
          />
          <TextField
            label={t('plan.indicator.baselineOn')}
            type="date"
            value={form.baselineOn}
            onChange={set('baselineOn')}
          />
        </div>
        <FormError error={mutation.error} />
        <div className="button-row">
          <button type="submit" className="button" disabled={mutation.isPending}>
            {t('plan.form.addIndicator')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setEditing(null)}>
            {t('plan.form.cancel')}
          </button>
        </div>
      </form>
    </EditorFrame>
  );
}
