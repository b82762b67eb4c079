import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, FieldSet, TextField } from '../../../components/Field.tsx';
import { useFormat } from '../../../lib/format.ts';
import type { TreeNode } from '../api.ts';
import { FormError, useLocalized, usePlanClient } from '../shared.tsx';
import { EditorFrame, useRefreshPlan, useTreeContext } from './context.tsx';

/** The weights of the nodes under `parent` (null: the plan's top level): equal, or percentages that add up. */
export function WeightsForm({ parent }: { parent: TreeNode | null }) {
  const { t } = useTranslation();
  const text = useLocalized();
  const client = usePlanClient();
  const { percent } = useFormat();
  const { tree, children, setEditing } = useTreeContext();
  const refresh = useRefreshPlan(tree.plan.id);
  const group = children.get(parent?.id ?? null) ?? [];
  const [equal, setEqual] = useState(group.every((node) => node.weight === null));
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      group.map((node) => [node.id, String(node.weight ?? Math.round(node.effectiveWeight * 100) / 100)]),
    ),
  );
  const sum = group.reduce((total, node) => total + (Number(values[node.id]) || 0), 0);
  const mutation = useMutation({
    mutationFn: () =>
      client.setWeights(
        tree.plan.id,
        parent?.id ?? null,
        equal ? null : Object.fromEntries(group.map((node) => [node.id, Number(values[node.id]) || 0])),
      ),
    onSuccess: async () => {
      await refresh();
      setEditing(null);
    },
  });
  return (
    <EditorFrame
      title={t('plan.form.weightsTitle', { title: parent ? text(parent.title) : text(tree.plan.title) })}
    >
      <form
        className="form form-wide"
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate();
        }}
      >
        <CheckboxField
          label={t('plan.form.equalWeights')}
          checked={equal}
          onChange={(e) => setEqual(e.target.checked)}
        />
        {equal ? null : (
          <FieldSet legend={t('plan.form.weightsLegend')}>
            {group.map((node) => (
              <TextField
                key={node.id}
                layout="inline"
                label={`${node.code ? `${node.code} ` : ''}${text(node.title)}`}
                type="number"
                min={0}
                max={100}
                step="any"
                value={values[node.id] ?? ''}
                onChange={(event) => setValues((old) => ({ ...old, [node.id]: event.target.value }))}
              />
            ))}
            <p aria-live="polite" className={Math.abs(sum - 100) > 0.01 ? 'form-error' : 'muted'}>
              {t('plan.form.weightsSum', { sum: percent(sum) })}
            </p>
          </FieldSet>
        )}
        <FormError error={mutation.error} />
        <div className="button-row">
          <button type="submit" className="button" disabled={mutation.isPending}>
            {t('plan.form.saveWeights')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setEditing(null)}>
            {t('plan.form.cancel')}
          </button>
        </div>
      </form>
    </EditorFrame>
  );
}
