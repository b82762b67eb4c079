import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldSet, SelectField, TextField } from '../../../components/Field.tsx';
import type { TreeNode } from '../api.ts';
import { FormError, useLocalized, usePlanClient } from '../shared.tsx';
import { EditorFrame, levelName, usePeople, useRefreshPlan, useTreeContext } from './context.tsx';

/** Adds a node under `parent` (null: the plan's top level) or edits `node`. */
export function NodeForm({ parent, node }: { parent?: TreeNode | null; node?: TreeNode }) {
  const { t } = useTranslation();
  const text = useLocalized();
  const client = usePlanClient();
  const { tree, children, setEditing, setExpanded } = useTreeContext();
  const refresh = useRefreshPlan(tree.plan.id);
  const people = usePeople(tree);
  const depth = node ? node.depth : parent ? parent.depth + 1 : 0;
  const level = levelName(tree, depth, text);
  const siblings = node ? [] : (children.get(parent?.id ?? null) ?? []);
  const weighted = siblings.some((s) => s.weight !== null);
  const [form, setForm] = useState({
    code: node?.code ?? '',
    nl: node?.title.nl ?? '',
    fr: node?.title.fr ?? '',
    en: node?.title.en ?? '',
    owner: node?.owner?.id ?? '',
    start: node?.startDate ?? '',
    end: node?.endDate ?? '',
    progress: node?.progress === null || node?.progress === undefined ? '' : String(node.progress),
  });
  const [weights, setWeights] = useState<Record<string, string>>(() =>
    Object.fromEntries([...siblings.map((s) => [s.id, String(s.weight ?? 0)]), ['new', '0']]),
  );
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((old) => ({ ...old, [key]: event.target.value }));
  const leaf = node ? node.childCount === 0 : true;
  const mutation = useMutation({
    mutationFn: async () => {
      const title = { nl: form.nl.trim(), fr: form.fr.trim() || null, en: form.en.trim() || null };
      const common = {
        code: form.code.trim() || null,
        title,
        ownerUserId: form.owner || null,
        startDate: form.start || null,
        endDate: form.end || null,
      };
      if (node) {
        await client.updateNode(tree.plan.id, node.id, {
          ...common,
          ...(leaf ? { progress: form.progress === '' ? null : Number(form.progress) } : {}),
        });
        return;
      }
      const own = weighted ? Number(weights.new) : null;
      const siblingWeights = weighted
        ? Object.fromEntries(siblings.map((s) => [s.id, Number(weights[s.id] ?? 0)]))
        : undefined;
      await client.createNode(tree.plan.id, {
        ...common,
        parentId: parent?.id ?? null,
        weight: own,
        ...(siblingWeights ? { siblingWeights } : {}),
        progress: form.progress === '' ? null : Number(form.progress),
      });
    },
    onSuccess: async () => {
      await refresh();
      // The new node shows at once: its parent opens.
      if (parent) setExpanded(parent.id, true);
      setEditing(null);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const heading = node
    ? t('plan.form.editTitle', { title: text(node.title) })
    : t('plan.form.addTitle', { level, parent: parent ? text(parent.title) : text(tree.plan.title) });
  return (
    <EditorFrame title={heading}>
      <form className="form form-wide" onSubmit={submit}>
        <div className="field-grid">
          <TextField label={t('plan.form.code')} value={form.code} onChange={set('code')} maxLength={30} />
          <TextField
            layout="span"
            label={t('plan.form.titleNl')}
            value={form.nl}
            onChange={set('nl')}
            required
            maxLength={300}
          />
          <TextField
            layout="span"
            label={t('plan.form.titleFr')}
            value={form.fr}
            onChange={set('fr')}
            maxLength={300}
            lang="fr"
          />
          <TextField
            layout="span"
            label={t('plan.form.titleEn')}
            value={form.en}
            onChange={set('en')}
            maxLength={300}
            lang="en"
          />
          <SelectField label={t('plan.form.owner')} value={form.owner} onChange={set('owner')}>
            <option value="">{t('plan.form.noOwner')}</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </SelectField>
          <TextField label={t('plan.form.start')} type="date" value={form.start} onChange={set('start')} />
          <TextField label={t('plan.form.end')} type="date" value={form.end} onChange={set('end')} />
          {leaf ? (
            <TextField
              label={t('plan.form.progress')}
              type="number"
              min={0}
              max={100}
              step="any"
              inputMode="decimal"
              value={form.progress}
              onChange={set('progress')}
            />
          ) : null}
        </div>
        {weighted ? (
          <FieldSet legend={t('plan.form.weightsJoin')}>
            {[...siblings, null].map((sibling) => {
              const key = sibling?.id ?? 'new';
              return (
                <TextField
                  key={key}
                  layout="inline"
                  label={sibling ? text(sibling.title) : t('plan.form.newNode')}
                  type="number"
                  min={0}
                  max={100}
                  step="any"
                  value={weights[key] ?? ''}
                  onChange={(event) => setWeights((old) => ({ ...old, [key]: event.target.value }))}
                />
              );
            })}
          </FieldSet>
        ) : null}
        <FormError error={mutation.error} />
        <div className="button-row">
          <button type="submit" className="button" disabled={mutation.isPending}>
            {node ? t('plan.form.save') : t('plan.form.add', { level })}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setEditing(null)}>
            {t('plan.form.cancel')}
          </button>
        </div>
      </form>
    </EditorFrame>
  );
}
