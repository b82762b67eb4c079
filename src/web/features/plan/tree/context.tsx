import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useId, useMemo, useRef } from 'react';
import { useNetwork } from '../../../lib/network.ts';
import type { DeletionResult, IndicatorView, PlanTree, TreeNode } from '../api.ts';
import { planKey, type useLocalized, usePlanClient } from '../shared.tsx';

/** What the tree page shares with its node rows and the editing forms under them. */

export type Mode = 'add' | 'edit' | 'status' | 'weights' | 'indicator' | 'delete';
/** `nodeId` null is the plan itself (its top level). */
export interface Editing {
  nodeId: string | null;
  mode: Mode;
}

export interface TreeContextValue {
  tree: PlanTree;
  children: Map<string | null, TreeNode[]>;
  indicators: Map<string, IndicatorView[]>;
  editing: Editing | null;
  setEditing: (editing: Editing | null) => void;
  isExpanded: (node: TreeNode) => boolean;
  setExpanded: (id: string, expanded: boolean) => void;
  onDeleted: (result: DeletionResult, title: string) => void;
}

export const TreeContext = createContext<TreeContextValue | null>(null);

export function useTreeContext(): TreeContextValue {
  const value = useContext(TreeContext);
  if (!value) throw new Error('useTreeContext outside the plan tree');
  return value;
}

/** Invalidates every query of the plan: a change in one node moves roll-ups, reports and lists. */
export function useRefreshPlan(planId: string) {
  const queryClient = useQueryClient();
  const { detail } = useNetwork();
  return () => queryClient.invalidateQueries({ queryKey: planKey(detail.network.slug, planId) });
}

export function levelName(tree: PlanTree, depth: number, text: ReturnType<typeof useLocalized>): string {
  const names = tree.plan.levelNames;
  return text(names[Math.min(depth, names.length - 1)]);
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

export function EditorFrame({ title, children }: { title: string; children: ReactNode }) {
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
