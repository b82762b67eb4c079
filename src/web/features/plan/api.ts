import type { z } from 'zod';
import type {
  ActionPlan as ActionPlanSchema,
  CreateIndicatorInput,
  CreateMeasurementInput,
  CreateNodeInput,
  DeletionResult as DeletionResultSchema,
  DeletionView as DeletionViewSchema,
  IndicatorDetail as IndicatorDetailSchema,
  IndicatorView,
  MyActions as MyActionsSchema,
  NodeDetail as NodeDetailSchema,
  PlanTree,
  PlanView,
  ProgressReport,
  RequestView,
  TreeNode,
  UpdateNodeInput,
} from '../../../server/modules/plan/schema.ts';
import { apiRequest as request } from '../../lib/api.ts';

/** API shapes of the plan module, from its Zod schemas (type-only: no server code reaches the bundle). */
export type { IndicatorView, PlanTree, PlanView, ProgressReport, RequestView, TreeNode };
export type ActionPlan = z.infer<typeof ActionPlanSchema>;
export type DeletionResult = z.infer<typeof DeletionResultSchema>;
export type DeletionView = z.infer<typeof DeletionViewSchema>;
export type IndicatorDetail = z.infer<typeof IndicatorDetailSchema>;
export type MyActions = z.infer<typeof MyActionsSchema>;
export type NodeDetail = z.infer<typeof NodeDetailSchema>;
export type NodeStatus = NonNullable<TreeNode['status']>;
export type RolledStatus = TreeNode['rolledStatus'];
export type IndicatorStatus = IndicatorView['status'];
export type Target = IndicatorView['targets'][number];

export interface Member {
  userId: string;
  name: string;
  role: string;
}

export function planBase(slug: string): string {
  return `/api/networks/${encodeURIComponent(slug)}/plans`;
}

export function planClient(slug: string, csrf: string | null) {
  const base = planBase(slug);
  const get = <T>(path: string) => request<T>('GET', `${base}${path}`, csrf);
  const send = <T>(method: string, path: string, body?: unknown) =>
    request<T>(method, `${base}${path}`, csrf, body);
  return {
    plans: () => get<{ plans: PlanView[] }>(''),
    tree: (planId: string) => get<PlanTree>(`/${planId}/tree`),
    createNode: (planId: string, body: CreateNodeInput) =>
      send<{ id: string }>('POST', `/${planId}/nodes`, body),
    updateNode: (planId: string, nodeId: string, body: UpdateNodeInput) =>
      send<NodeDetail>('PATCH', `/${planId}/nodes/${nodeId}`, body),
    setStatus: (
      planId: string,
      nodeId: string,
      body: { status: NodeStatus; on?: string; note: string | null },
    ) => send<NodeDetail>('POST', `/${planId}/nodes/${nodeId}/status`, body),
    deleteNode: (planId: string, nodeId: string) =>
      send<DeletionResult>('DELETE', `/${planId}/nodes/${nodeId}?confirm=true`),
    setWeights: (planId: string, parentId: string | null, weights: Record<string, number> | null) =>
      send<PlanTree>('PUT', `/${planId}/weights`, { parentId, weights }),
    deletions: (planId: string) => get<{ deletions: DeletionView[] }>(`/${planId}/deletions`),
    undo: (planId: string, deletionId: string) =>
      send<void>('POST', `/${planId}/deletions/${deletionId}/undo`),
    createIndicator: (planId: string, body: CreateIndicatorInput) =>
      send<{ id: string }>('POST', `/${planId}/indicators`, body),
    indicator: (planId: string, indicatorId: string) =>
      get<IndicatorDetail>(`/${planId}/indicators/${indicatorId}`),
    setTargets: (planId: string, indicatorId: string, targets: Target[]) =>
      send<IndicatorDetail>('PUT', `/${planId}/indicators/${indicatorId}/targets`, { targets }),
    addMeasurement: (planId: string, indicatorId: string, body: CreateMeasurementInput) =>
      send<IndicatorDetail>('POST', `/${planId}/indicators/${indicatorId}/measurements`, body),
    createRequest: (
      planId: string,
      indicatorId: string,
      body: { requestedFrom: string; dueOn: string; message: string | null },
    ) => send<{ id: string }>('POST', `/${planId}/indicators/${indicatorId}/requests`, body),
    remind: (planId: string, requestId: string) =>
      send<void>('POST', `/${planId}/requests/${requestId}/remind`),
    myActions: (planId: string) => get<MyActions>(`/${planId}/my-actions`),
    actionPlan: (planId: string, year: number) => get<ActionPlan>(`/${planId}/action-plan?year=${year}`),
    report: (planId: string, from: string, to: string) =>
      get<ProgressReport>(`/${planId}/report?from=${from}&to=${to}`),
    /** Only admins may list members (networks module); others pick from the people the plan names. */
    members: () =>
      request<{ members: Member[] }>('GET', `/api/networks/${encodeURIComponent(slug)}/members`, csrf),
  };
}

export type PlanClient = ReturnType<typeof planClient>;
