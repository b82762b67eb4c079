// Access rules and shared helpers of the plan's use cases (service.ts and the files it re-exports).
import type { Kysely } from 'kysely';
import { type Actor, auditTenantWrite } from '../../platform/audit.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { AppError, badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { hasRole, type TenantContext } from '../../platform/tenancy.ts';
import * as networks from '../networks/service.ts';
import './messages.ts';
import * as repo from './repo.ts';
import type { PLATFORM_FIGURES } from './schema.ts';
import type { PlanNodeTable, PlanTable } from './tables.ts';

export type Db = Kysely<PlatformTables>;

/** The unit a platform figure is expressed in; an indicator fed by the figure must use the same. */
export const FIGURE_UNITS: Record<(typeof PLATFORM_FIGURES)[number], string> = {
  population: 'inwoners',
  age65plus: 'inwoners',
  share65plus: '%',
};
export const FIGURE_SOURCE = 'Statbel (via Knooppunt)';

export const today = () => new Date().toISOString().slice(0, 10);
export const json = (v: unknown) => JSON.stringify(v);
export const WEIGHT_TOLERANCE = 0.01;

export const audit = auditTenantWrite;

// Access.

export const isStaff = (tenant: TenantContext) => hasRole(tenant, 'staff');

/** Members read every plan; others (the public, non-members) only a published plan of a published network. */
export async function readablePlan(db: Db, tenant: TenantContext, planId: string): Promise<PlanTable> {
  const plan = await repo.findPlan(db, tenant.network.id, planId);
  if (!plan || (!hasRole(tenant, 'viewer') && plan.published !== 1)) throw notFound();
  return plan;
}

export async function editablePlan(db: Db, tenant: TenantContext, planId: string): Promise<PlanTable> {
  const plan = await readablePlan(db, tenant, planId);
  if (!hasRole(tenant, 'viewer')) throw forbidden();
  return plan;
}

export function requireStaff(tenant: TenantContext) {
  if (!isStaff(tenant)) throw forbidden();
}

/** Staff edit every node; a member edits the nodes they own. */
export function requireNodeEditor(tenant: TenantContext, actor: Actor, node: PlanNodeTable) {
  if (isStaff(tenant)) return;
  if (actor.userId && node.owner_user_id === actor.userId && hasRole(tenant, 'viewer')) return;
  throw new AppError(403, 'plan_not_owner');
}

export async function activeNode(db: Db, tenant: TenantContext, planId: string, nodeId: string) {
  const node = await repo.findNode(db, tenant.network.id, planId, nodeId);
  if (!node) throw new AppError(404, 'plan_unknown_node');
  return node;
}

export async function activeIndicator(db: Db, tenant: TenantContext, planId: string, indicatorId: string) {
  const indicator = await repo.findIndicator(db, tenant.network.id, planId, indicatorId);
  if (!indicator) throw new AppError(404, 'plan_unknown_indicator');
  return indicator;
}

export async function requireMember(db: Db, tenant: TenantContext, userId: string | null | undefined) {
  if (!userId) return;
  const members = await networks.listMembers(db, tenant);
  if (!members.some((m) => m.userId === userId)) throw badRequest('plan_person_not_member');
}
