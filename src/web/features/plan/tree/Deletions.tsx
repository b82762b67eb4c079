import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/States.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useNetwork } from '../../../lib/network.ts';
import type { DeletionResult, PlanTree, TreeNode } from '../api.ts';
import { FormError, planKey, useLocalized, usePlanClient } from '../shared.tsx';
import { EditorFrame, useRefreshPlan, useTreeContext } from './context.tsx';

/** Deleting a node with everything below it, and undoing that: right after, or later from the list. */

export function DeleteConfirm({ node }: { node: TreeNode }) {
  const { t } = useTranslation();
  const text = useLocalized();
  const client = usePlanClient();
  const { tree, setEditing, onDeleted } = useTreeContext();
  const refresh = useRefreshPlan(tree.plan.id);
  const below = tree.nodes.filter((other) => isBelow(tree, other, node.id)).length;
  const mutation = useMutation({
    mutationFn: () => client.deleteNode(tree.plan.id, node.id),
    onSuccess: async (result) => {
      setEditing(null);
      onDeleted(result, text(node.title));
      await refresh();
    },
  });
  return (
    <EditorFrame title={t('plan.delete.title', { title: text(node.title) })}>
      <p>
        {below > 0 || node.indicatorIds.length > 0
          ? t('plan.delete.withChildren', { nodes: below, indicators: node.indicatorIds.length })
          : t('plan.delete.single')}
      </p>
      <p className="muted">{t('plan.delete.undoHint')}</p>
      <FormError error={mutation.error} />
      <div className="button-row">
        <button
          type="button"
          className="button button-danger"
          onClick={() => mutation.mutate()}
          disabled={mutation.isPending}
        >
          {t('plan.delete.confirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setEditing(null)}>
          {t('plan.form.cancel')}
        </button>
      </div>
    </EditorFrame>
  );
}

function isBelow(tree: PlanTree, node: TreeNode, ancestorId: string): boolean {
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  let parent = node.parentId;
  while (parent) {
    if (parent === ancestorId) return true;
    parent = byId.get(parent)?.parentId ?? null;
  }
  return false;
}

export function UndoNotice({
  planId,
  deleted,
  onDone,
}: {
  planId: string;
  deleted: { result: DeletionResult; title: string };
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const client = usePlanClient();
  const refresh = useRefreshPlan(planId);
  const mutation = useMutation({
    mutationFn: () => client.undo(planId, deleted.result.deletionId),
    onSuccess: async () => {
      onDone();
      await refresh();
    },
  });
  return (
    <div className="notice" role="status">
      <p>
        {t('plan.delete.done', {
          title: deleted.title,
          nodes: deleted.result.nodes,
          indicators: deleted.result.indicators,
          measurements: deleted.result.measurements,
        })}
      </p>
      <FormError error={mutation.error} />
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => mutation.mutate()}
          disabled={mutation.isPending}
        >
          {t('plan.delete.undo')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('plan.delete.dismiss')}
        </button>
      </div>
    </div>
  );
}

export function DeletionsList({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const client = usePlanClient();
  const format = useFormat();
  const { detail } = useNetwork();
  const refresh = useRefreshPlan(planId);
  const query = useQuery({
    queryKey: planKey(detail.network.slug, planId, 'deletions'),
    queryFn: () => client.deletions(planId),
  });
  const undo = useMutation({
    mutationFn: (deletionId: string) => client.undo(planId, deletionId),
    onSuccess: () => refresh(),
  });
  const deletions = query.data?.deletions ?? [];
  return (
    <section aria-labelledby="deletions-heading" className="plan-deletions">
      <h2 id="deletions-heading">{t('plan.deletions.title')}</h2>
      {query.isError ? <ErrorNotice error={query.error} /> : null}
      {query.data && deletions.length === 0 ? <p className="muted">{t('plan.deletions.empty')}</p> : null}
      {deletions.length > 0 ? (
        <ul className="deletion-list">
          {deletions.map((deletion) => (
            <li key={deletion.deletionId} className="deletion-item">
              <span>
                {t(`plan.deletions.type.${deletion.what.type}`)}: <strong>{deletion.what.title}</strong>
                <span className="muted">
                  {' '}
                  · {format.moment(deletion.deletedAt)}
                  {deletion.deletedBy ? ` · ${deletion.deletedBy.name}` : ''}
                </span>
              </span>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => undo.mutate(deletion.deletionId)}
                disabled={undo.isPending}
              >
                {t('plan.delete.undoNamed', { title: deletion.what.title })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <FormError error={undo.error} />
    </section>
  );
}
