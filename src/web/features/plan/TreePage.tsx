import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type FormEvent,
  type ReactNode,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { useNetwork } from '../../routes/NetworkLayout.tsx';
import type { DeletionResult, IndicatorView, NodeStatus, PlanTree, TreeNode } from './api.ts';
import {
  ExportLinks,
  FormError,
  PlanNav,
  ProgressBar,
  planKey,
  StatusChip,
  today,
  useLocalized,
  usePlanClient,
  useTree,
} from './shared.tsx';

type Mode = 'add' | 'edit' | 'status' | 'weights' | 'indicator' | 'delete';
/** `nodeId` null is the plan itself (its top level). */
interface Editing {
  nodeId: string | null;
  mode: Mode;
}

interface TreeContextValue {
  tree: PlanTree;
  children: Map<string | null, TreeNode[]>;
  indicators: Map<string, IndicatorView[]>;
  editing: Editing | null;
  setEditing: (editing: Editing | null) => void;
  isExpanded: (node: TreeNode) => boolean;
  setExpanded: (id: string, expanded: boolean) => void;
  onDeleted: (result: DeletionResult, title: string) => void;
}

const TreeContext = createContext<TreeContextValue | null>(null);

function useTreeContext(): TreeContextValue {
  const value = useContext(TreeContext);
  if (!value) throw new Error('useTreeContext outside the plan tree');
  return value;
}

/** Invalidates every query of the plan: a change in one node moves roll-ups, reports and lists. */
function useRefreshPlan(planId: string) {
  const queryClient = useQueryClient();
  const { detail } = useNetwork();
  return () => queryClient.invalidateQueries({ queryKey: planKey(detail.network.slug, planId) });
}

function levelName(tree: PlanTree, depth: number, text: ReturnType<typeof useLocalized>): string {
  const names = tree.plan.levelNames;
  return text(names[Math.min(depth, names.length - 1)]);
}

export function TreePage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const { detail } = useNetwork();
  const text = useLocalized();
  const format = useFormat();
  const query = useTree(planId);
  const [editing, setEditing] = useState<Editing | null>(null);
  // Pillars open, deeper branches closed, until the visitor opens or closes them.
  const [expandedOverrides, setExpandedOverrides] = useState<Map<string, boolean>>(new Map());
  const [deleted, setDeleted] = useState<{ result: DeletionResult; title: string } | null>(null);
  useDocumentTitle(query.data ? text(query.data.plan.title) : t('plan.list.title'), detail.network.name);

  const maps = useMemo(() => {
    const children = new Map<string | null, TreeNode[]>();
    const indicators = new Map<string, IndicatorView[]>();
    for (const node of query.data?.nodes ?? []) {
      const list = children.get(node.parentId) ?? [];
      list.push(node);
      children.set(node.parentId, list);
    }
    for (const indicator of query.data?.indicators ?? []) {
      const list = indicators.get(indicator.nodeId) ?? [];
      list.push(indicator);
      indicators.set(indicator.nodeId, list);
    }
    return { children, indicators };
  }, [query.data]);

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const tree = query.data;
  const { plan } = tree;
  const roots = maps.children.get(null) ?? [];
  const parents = tree.nodes.filter((node) => node.childCount > 0).map((node) => node.id);
  const setAll = (expanded: boolean) => setExpandedOverrides(new Map(parents.map((id) => [id, expanded])));
  const overall = roots.reduce((sum, node) => sum + (node.rolledProgress * node.effectiveWeight) / 100, 0);

  const context: TreeContextValue = {
    tree,
    ...maps,
    editing,
    setEditing,
    isExpanded: (node) => expandedOverrides.get(node.id) ?? node.depth === 0,
    setExpanded: (id, expanded) => setExpandedOverrides((old) => new Map(old).set(id, expanded)),
    onDeleted: (result, title) => setDeleted({ result, title }),
  };

  return (
    <TreeContext.Provider value={context}>
      <p className="eyebrow">{t(`plan.kind.${plan.kind}`)}</p>
      <h1>{text(plan.title)}</h1>
      <PlanNav plan={plan} />
      <p className="muted">
        {t('plan.tree.period', { from: format.day(plan.periodStart), to: format.day(plan.periodEnd) })}
      </p>
      {plan.description ? <p className="lead">{text(plan.description)}</p> : null}
      <div className="plan-summary card">
        <p>
          <strong>{t('plan.tree.overall')}</strong>
        </p>
        <ProgressBar value={overall} />
        <p className="muted plan-rules">
          <strong>{t('plan.tree.rules')}</strong> {plan.statusRules.text}
        </p>
      </div>
      {deleted ? <UndoNotice planId={plan.id} deleted={deleted} onDone={() => setDeleted(null)} /> : null}
      <section aria-labelledby="tree-heading" className="plan-tree-section">
        <div className="section-head">
          <h2 id="tree-heading">{t('plan.tree.title')}</h2>
          <div className="button-row">
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => setAll(true)}
            >
              {t('plan.tree.expandAll')}
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => setAll(false)}
            >
              {t('plan.tree.collapseAll')}
            </button>
          </div>
        </div>
        {tree.canEdit ? (
          <div className="tree-root-actions">
            <div className="button-row">
              <ModeButton
                nodeId={null}
                mode="add"
                label={t('plan.tree.addUnder', { level: levelName(tree, 0, text) })}
              />
              {roots.length > 1 ? (
                <ModeButton
                  nodeId={null}
                  mode="weights"
                  label={t('plan.tree.weightsOf', { title: text(plan.title) })}
                />
              ) : null}
            </div>
            {editing?.nodeId === null ? <Editor node={null} /> : null}
          </div>
        ) : null}
        {roots.length === 0 ? <p>{t('plan.tree.empty')}</p> : null}
        <ul className="plan-tree">
          {roots.map((node) => (
            <TreeItem key={node.id} node={node} />
          ))}
        </ul>
      </section>
      {tree.canEdit ? <DeletionsList planId={plan.id} /> : null}
      <ExportLinks planId={plan.id} />
    </TreeContext.Provider>
  );
}

function ModeButton({ nodeId, mode, label }: { nodeId: string | null; mode: Mode; label: string }) {
  const { editing, setEditing } = useTreeContext();
  const active = editing?.nodeId === nodeId && editing.mode === mode;
  return (
    <button
      type="button"
      className={
        mode === 'delete' ? 'button button-danger button-small' : 'button button-secondary button-small'
      }
      aria-pressed={active}
      onClick={() => setEditing(active ? null : { nodeId, mode })}
    >
      {label}
    </button>
  );
}

function TreeItem({ node }: { node: TreeNode }) {
  const { t } = useTranslation();
  const text = useLocalized();
  const format = useFormat();
  const { decimal: number } = useFormat();
  const { slug = '' } = useParams();
  const { tree, children, indicators, editing, setEditing, isExpanded, setExpanded } = useTreeContext();
  const [tools, setTools] = useState(false);
  const kids = children.get(node.id) ?? [];
  const ownIndicators = indicators.get(node.id) ?? [];
  const expanded = isExpanded(node);
  const editingHere = editing?.nodeId === node.id;
  const toolsId = useId();
  const toolsOpen = tools || editingHere;
  const toolsButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // When a form here closes (saved or cancelled) its button is gone: focus returns to this node's tools.
  useEffect(() => {
    if (wasEditing.current && !editingHere && document.activeElement === document.body)
      toolsButton.current?.focus();
    wasEditing.current = editingHere;
  }, [editingHere]);
  const listId = useId();
  const title = `${node.code ? `${node.code} ` : ''}${text(node.title)}`;
  const level = node.levelName ? text(node.levelName) : levelName(tree, node.depth, text);
  const childLevel = levelName(tree, node.depth + 1, text);
  const canAddChild = node.depth + 1 < tree.plan.levelNames.length;
  return (
    <li className={`tree-node depth-${Math.min(node.depth, 4)}`}>
      <div className="tree-row">
        {kids.length > 0 ? (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={expanded}
            aria-controls={listId}
            onClick={() => setExpanded(node.id, !expanded)}
          >
            <span aria-hidden="true" className="tree-chevron" />
            <span className="visually-hidden">
              {t(expanded ? 'plan.tree.collapse' : 'plan.tree.expand', { title })}
            </span>
          </button>
        ) : (
          <span className="tree-spacer" aria-hidden="true" />
        )}
        <div className="tree-body">
          <p className="tree-level">{level}</p>
          <p className="tree-title">{title}</p>
          <div className="tree-meta">
            <StatusChip status={node.rolledStatus} />
            <ProgressBar value={node.rolledProgress} weight={node.effectiveWeight} />
            {node.owner ? (
              <span className="muted">{t('plan.tree.owner', { name: node.owner.name })}</span>
            ) : null}
            {node.startDate && node.endDate ? (
              <span className="muted">
                {format.shortDay(node.startDate)} – {format.shortDay(node.endDate)}
              </span>
            ) : null}
          </div>
          {node.statusNote ? <p className="tree-note">{node.statusNote}</p> : null}
          {ownIndicators.length > 0 ? (
            <ul className="tree-indicators" aria-label={t('plan.tree.indicatorsOf', { title })}>
              {ownIndicators.map((indicator) => (
                <li key={indicator.id}>
                  <StatusChip status={indicator.status} />{' '}
                  <Link to={`/n/${slug}/beleidsplan/${tree.plan.id}/indicatoren/${indicator.id}`}>
                    {text(indicator.title)}
                  </Link>
                  {indicator.latest ? (
                    <span className="muted">
                      {' '}
                      ·{' '}
                      {t('plan.indicator.latestShort', {
                        value: indicator.latest.value,
                        unit: indicator.unit,
                      })}
                      {indicator.target
                        ? ` · ${t('plan.indicator.targetShort', { value: number(indicator.target.value), unit: indicator.unit })}`
                        : ''}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          {tree.canEdit ? (
            <button
              type="button"
              ref={toolsButton}
              className="button button-secondary button-small tree-tools-toggle"
              aria-expanded={toolsOpen}
              aria-controls={toolsId}
              onClick={() => {
                if (toolsOpen && editingHere) setEditing(null);
                setTools(!toolsOpen);
              }}
            >
              {t('plan.tree.tools')}
              <span className="visually-hidden"> {title}</span>
            </button>
          ) : null}
          {tree.canEdit && toolsOpen ? (
            <div className="button-row tree-actions" id={toolsId}>
              {canAddChild ? (
                <ModeButton
                  nodeId={node.id}
                  mode="add"
                  label={t('plan.tree.addUnder', { level: childLevel })}
                />
              ) : null}
              <ModeButton nodeId={node.id} mode="edit" label={t('plan.tree.edit')} />
              <ModeButton nodeId={node.id} mode="status" label={t('plan.tree.setStatus')} />
              <ModeButton nodeId={node.id} mode="indicator" label={t('plan.tree.addIndicator')} />
              {kids.length > 1 ? (
                <ModeButton nodeId={node.id} mode="weights" label={t('plan.tree.weights')} />
              ) : null}
              <ModeButton nodeId={node.id} mode="delete" label={t('plan.tree.delete')} />
            </div>
          ) : null}
          {editingHere ? <Editor node={node} /> : null}
        </div>
      </div>
      {kids.length > 0 ? (
        <ul id={listId} className="plan-tree" hidden={!expanded}>
          {kids.map((child) => (
            <TreeItem key={child.id} node={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function Editor({ node }: { node: TreeNode | null }) {
  const { editing } = useTreeContext();
  switch (editing?.mode) {
    case 'add':
      return <NodeForm parent={node} />;
    case 'edit':
      return node ? <NodeForm node={node} /> : null;
    case 'status':
      return node ? <StatusForm node={node} /> : null;
    case 'weights':
      return <WeightsForm parent={node} />;
    case 'indicator':
      return node ? <IndicatorForm node={node} /> : null;
    case 'delete':
      return node ? <DeleteConfirm node={node} /> : null;
    default:
      return null;
  }
}

/** People the plan already names (owners, and those asked for measurements): who staff can pick. */
export function usePeople(tree: PlanTree | undefined) {
  const client = usePlanClient();
  const { detail } = useNetwork();
  const slug = detail.network.slug;
  const isAdmin = detail.role === 'admin';
  const members = useQuery({
    queryKey: ['plan', slug, 'members'],
    queryFn: () => client.members(),
    enabled: isAdmin,
  });
  return useMemo(() => {
    const people = new Map<string, string>();
    for (const node of tree?.nodes ?? []) if (node.owner) people.set(node.owner.id, node.owner.name);
    for (const member of members.data?.members ?? []) people.set(member.userId, member.name);
    return [...people].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [tree, members.data]);
}

function EditorFrame({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  const frame = useRef<HTMLElement>(null);
  // The form opens below the buttons: start in its first field (or button) so typing can begin at once.
  useEffect(() => {
    frame.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }, []);
  return (
    <section className="tree-editor" aria-labelledby={headingId} ref={frame}>
      <h3 id={headingId}>{title}</h3>
      {children}
    </section>
  );
}

function NodeForm({ parent, node }: { parent?: TreeNode | null; node?: TreeNode }) {
  const { t } = useTranslation();
  const text = useLocalized();
  const client = usePlanClient();
  const { tree, children, setEditing, setExpanded } = useTreeContext();
  const refresh = useRefreshPlan(tree.plan.id);
  const people = usePeople(tree);
  const id = useId();
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
          <div className="field">
            <label htmlFor={`${id}-code`}>{t('plan.form.code')}</label>
            <input id={`${id}-code`} value={form.code} onChange={set('code')} maxLength={30} />
          </div>
          <div className="field field-span">
            <label htmlFor={`${id}-nl`}>{t('plan.form.titleNl')}</label>
            <input id={`${id}-nl`} value={form.nl} onChange={set('nl')} required maxLength={300} />
          </div>
          <div className="field field-span">
            <label htmlFor={`${id}-fr`}>{t('plan.form.titleFr')}</label>
            <input id={`${id}-fr`} value={form.fr} onChange={set('fr')} maxLength={300} lang="fr" />
          </div>
          <div className="field field-span">
            <label htmlFor={`${id}-en`}>{t('plan.form.titleEn')}</label>
            <input id={`${id}-en`} value={form.en} onChange={set('en')} maxLength={300} lang="en" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-owner`}>{t('plan.form.owner')}</label>
            <select id={`${id}-owner`} value={form.owner} onChange={set('owner')}>
              <option value="">{t('plan.form.noOwner')}</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-start`}>{t('plan.form.start')}</label>
            <input id={`${id}-start`} type="date" value={form.start} onChange={set('start')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-end`}>{t('plan.form.end')}</label>
            <input id={`${id}-end`} type="date" value={form.end} onChange={set('end')} />
          </div>
          {leaf ? (
            <div className="field">
              <label htmlFor={`${id}-progress`}>{t('plan.form.progress')}</label>
              <input
                id={`${id}-progress`}
                type="number"
                min={0}
                max={100}
                step="any"
                inputMode="decimal"
                value={form.progress}
                onChange={set('progress')}
              />
            </div>
          ) : null}
        </div>
        {weighted ? (
          <fieldset className="fieldset">
            <legend>{t('plan.form.weightsJoin')}</legend>
            {[...siblings, null].map((sibling) => {
              const key = sibling?.id ?? 'new';
              return (
                <div className="field field-inline" key={key}>
                  <label htmlFor={`${id}-w-${key}`}>
                    {sibling ? text(sibling.title) : t('plan.form.newNode')}
                  </label>
                  <input
                    id={`${id}-w-${key}`}
                    type="number"
                    min={0}
                    max={100}
                    step="any"
                    value={weights[key] ?? ''}
                    onChange={(event) => setWeights((old) => ({ ...old, [key]: event.target.value }))}
                  />
                </div>
              );
            })}
          </fieldset>
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

const STATUSES: NodeStatus[] = ['on_track', 'at_risk', 'off_track', 'done', 'stopped'];

function StatusForm({ node }: { node: TreeNode }) {
  const { t } = useTranslation();
  const text = useLocalized();
  const client = usePlanClient();
  const { tree, setEditing } = useTreeContext();
  const refresh = useRefreshPlan(tree.plan.id);
  const id = useId();
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
        <fieldset className="fieldset">
          <legend>{t('plan.form.status')}</legend>
          {STATUSES.map((value) => (
            <label key={value} className="radio">
              <input
                type="radio"
                name={`${id}-status`}
                value={value}
                checked={status === value}
                onChange={() => setStatus(value)}
              />
              {t(`plan.status.${value}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-on`}>{t('plan.form.statusOn')}</label>
          <input
            id={`${id}-on`}
            type="date"
            value={on}
            max={today()}
            onChange={(e) => setOn(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('plan.form.note')}</label>
          <textarea
            id={`${id}-note`}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={3}
            maxLength={4000}
          />
        </div>
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

function WeightsForm({ parent }: { parent: TreeNode | null }) {
  const { t } = useTranslation();
  const text = useLocalized();
  const client = usePlanClient();
  const { percent } = useFormat();
  const { tree, children, setEditing } = useTreeContext();
  const refresh = useRefreshPlan(tree.plan.id);
  const id = useId();
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
        <label className="checkbox">
          <input type="checkbox" checked={equal} onChange={(e) => setEqual(e.target.checked)} />
          {t('plan.form.equalWeights')}
        </label>
        {equal ? null : (
          <fieldset className="fieldset">
            <legend>{t('plan.form.weightsLegend')}</legend>
            {group.map((node) => (
              <div className="field field-inline" key={node.id}>
                <label htmlFor={`${id}-${node.id}`}>
                  {node.code ? `${node.code} ` : ''}
                  {text(node.title)}
                </label>
                <input
                  id={`${id}-${node.id}`}
                  type="number"
                  min={0}
                  max={100}
                  step="any"
                  value={values[node.id] ?? ''}
                  onChange={(event) => setValues((old) => ({ ...old, [node.id]: event.target.value }))}
                />
              </div>
            ))}
            <p aria-live="polite" className={Math.abs(sum - 100) > 0.01 ? 'form-error' : 'muted'}>
              {t('plan.form.weightsSum', { sum: percent(sum) })}
            </p>
          </fieldset>
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

const KINDS = ['population', 'how_much', 'how_well', 'better_off'] as const;
const FREQUENCIES = ['monthly', 'quarterly', 'half_yearly', 'yearly', 'once'] as const;

function IndicatorForm({ node }: { node: TreeNode }) {
  const { t } = useTranslation();
  const text = useLocalized();
  const client = usePlanClient();
  const { tree, setEditing } = useTreeContext();
  const refresh = useRefreshPlan(tree.plan.id);
  const id = useId();
  const [form, setForm] = useState({
    nl: '',
    kind: 'how_much' as (typeof KINDS)[number],
    unit: '',
    polarity: 'up' as 'up' | 'down',
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
          <div className="field field-span">
            <label htmlFor={`${id}-nl`}>{t('plan.form.titleNl')}</label>
            <input id={`${id}-nl`} value={form.nl} onChange={set('nl')} required maxLength={300} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('plan.indicator.kind')}</label>
            <select id={`${id}-kind`} value={form.kind} onChange={set('kind')}>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`plan.indicatorKind.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-unit`}>{t('plan.indicator.unit')}</label>
            <input id={`${id}-unit`} value={form.unit} onChange={set('unit')} required maxLength={30} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-polarity`}>{t('plan.indicator.polarity')}</label>
            <select id={`${id}-polarity`} value={form.polarity} onChange={set('polarity')}>
              <option value="up">{t('plan.polarity.up')}</option>
              <option value="down">{t('plan.polarity.down')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-frequency`}>{t('plan.indicator.frequency')}</label>
            <select id={`${id}-frequency`} value={form.frequency} onChange={set('frequency')}>
              {FREQUENCIES.map((frequency) => (
                <option key={frequency} value={frequency}>
                  {t(`plan.frequency.${frequency}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-baseline`}>{t('plan.indicator.baseline')}</label>
            <input
              id={`${id}-baseline`}
              type="number"
              step="any"
              value={form.baseline}
              onChange={set('baseline')}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-baselineOn`}>{t('plan.indicator.baselineOn')}</label>
            <input id={`${id}-baselineOn`} type="date" value={form.baselineOn} onChange={set('baselineOn')} />
          </div>
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

function DeleteConfirm({ node }: { node: TreeNode }) {
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

function UndoNotice({
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

function DeletionsList({ planId }: { planId: string }) {
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
