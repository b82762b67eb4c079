import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorNotice, Loading } from '../../../components/States.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useNetwork } from '../../../lib/network.ts';
import { useDocumentTitle } from '../../../lib/title.ts';
import type { DeletionResult, IndicatorView, TreeNode } from '../api.ts';
import { ExportLinks, PlanNav, ProgressBar, StatusChip, useLocalized, useTree } from '../shared.tsx';
import {
  type Editing,
  levelName,
  type Mode,
  TreeContext,
  type TreeContextValue,
  useTreeContext,
} from './context.tsx';
import { DeleteConfirm, DeletionsList, UndoNotice } from './Deletions.tsx';
import { IndicatorForm } from './IndicatorForm.tsx';
import { NodeForm } from './NodeForm.tsx';
import { StatusForm } from './StatusForm.tsx';
import { WeightsForm } from './WeightsForm.tsx';

/**
 * A plan as a tree: pillars, goals and actions with their roll-up, indicators and the forms that change
 * them (one file per form beside this one).
 */

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
          <NodeIndicators indicators={ownIndicators} title={title} />
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

/** A node's indicators: status, link to the indicator's page, latest value and target. */
function NodeIndicators({ indicators, title }: { indicators: IndicatorView[]; title: string }) {
  const { t } = useTranslation();
  const text = useLocalized();
  const format = useFormat();
  const { slug = '' } = useParams();
  const { tree } = useTreeContext();
  if (indicators.length === 0) return null;
  return (
    <ul className="tree-indicators" aria-label={t('plan.tree.indicatorsOf', { title })}>
      {indicators.map((indicator) => (
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
                ? ` · ${t('plan.indicator.targetShort', { value: format.decimal(indicator.target.value), unit: indicator.unit })}`
                : ''}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
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
