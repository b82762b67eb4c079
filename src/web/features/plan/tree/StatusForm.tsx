import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NODE_STATUSES } from '../../../../server/modules/plan/values.ts';
import { RadioGroup, TextAreaField, TextField } from '../../../components/Field.tsx';
import type { NodeStatus, TreeNode } from '../api.ts';
import { FormError, today, useLocalized, usePlanClient } from '../shared.tsx';
import { EditorFrame, useRefreshPlan, useTreeContext } from './context.tsx';

/** Sets a node's status on a day, with a note that goes into its history. */
export function StatusForm({ node }: { node: TreeNode }) {
  const { t } = useTranslation();
  const text = useLocalized();
  const client = usePlanClient();
  const { tree, setEditing } = useTreeContext();
  const refresh = useRefreshPlan(tree.plan.id);
  const [status, setStatus] = useState<NodeStatus>(node.status ?? 'on_track');
  const [on, setOn] = useState(today());
  const [note, setNote] = useState('');
  const mutation = useMutation({
    mutationFn: () => client.setStatus(tree.plan.id, node.id, { status, on, note: note.trim() || null }),
    onSuccess: async () => {
      await refresh();
      setEditing(null);
    },
  });
  return (
    <EditorFrame title={t('plan.form.statusTitle', { title: text(node.title) })}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate();
        }}
      >
        <RadioGroup
          legend={t('plan.form.status')}
          name={`status-${node.id}`}
          choices={NODE_STATUSES.map((value) => ({ value, label: t(`plan.status.${value}`) }))}
          value={status}
          onChange={setStatus}
        />
        <TextField
          label={t('plan.form.statusOn')}
          type="date"
          value={on}
          max={today()}
          onChange={(e) => setOn(e.target.value)}
          required
        />
        <TextAreaField
          label={t('plan.form.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={3}
          maxLength={4000}
        />
        <FormError error={mutation.error} />
        <div className="button-row">
          <button type="submit" className="button" disabled={mutation.isPending}>
            {t('plan.form.saveStatus')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setEditing(null)}>
            {t('plan.form.cancel')}
          </button>
        </div>
      </form>
    </EditorFrame>
  );
}
