import type { Kysely } from 'kysely';
import type { Auth } from './auth.ts';
import type { NetworkTable, PlatformTables } from './db/tables.ts';
import { forbidden, notFound, unauthenticated } from './errors.ts';

export const ROLES = ['viewer', 'partner', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const rank = (r: Role | null) => (r ? ROLES.indexOf(r) : -1);

export interface TenantContext {
  network: NetworkTable;
  /** The caller's role in this network; null for the public and for users who are not members. */
  role: Role | null;
}

/**
 * Every network-scoped route starts here: it resolves the slug to the tenant and checks the caller's role.
 * An unpublished network answers 404 to outsiders, so its existence is not revealed.
 */
export async function resolveTenant(
  db: Kysely<PlatformTables>,
  auth: Auth | null,
  slug: string,
  minRole: Role | 'public' = 'public',
): Promise<TenantContext> {
  const network = await db.selectFrom('networks').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!network) throw notFound();
  let role: Role | null = null;
  if (auth) {
    const m = await db
      .selectFrom('memberships')
      .select('role')
      .where('network_id', '=', network.id)
      .where('user_id', '=', auth.user.id)
      .executeTakeFirst();
    role = (m?.role as Role | undefined) ?? null;
  }
  if (!role && network.published !== 1) throw notFound();
  if (minRole !== 'public' && rank(role) < rank(minRole)) {
    throw auth ? forbidden() : unauthenticated();
  }
  return { network, role };
}

export const hasRole = (ctx: TenantContext, minRole: Role) => rank(ctx.role) >= rank(minRole);
