import type { Kysely } from 'kysely';
import type { Auth } from './auth.ts';
import type { PlatformTables } from './db/tables.ts';
import { newId, nowIso } from './ids.ts';
import type { TenantContext } from './tenancy.ts';

/** Who makes a change: the user (null for the command line and the seed) and the request it came with. */
export interface Actor {
  userId: string | null;
  requestId: string | null;
}

export const actorOf = (auth: Auth | null, requestId: string): Actor => ({
  userId: auth?.user.id ?? null,
  requestId,
});

export const SYSTEM_ACTOR: Actor = { userId: null, requestId: null };

export interface AuditEntry {
  networkId: string | null;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

/** Fields that must never reach the audit log, whatever entity is written. */
const SECRET_FIELDS = new Set(['password', 'password_hash', 'passwordHash', 'csrf_token', 'token']);

function scrub(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v) => (SECRET_FIELDS.has(key) ? undefined : v));
}

/**
 * Records one write. Call it with the same transaction as the write itself, so an entry exists exactly when
 * the change does.
 */
export async function writeAudit(db: Kysely<PlatformTables>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      network_id: e.networkId,
      actor_user_id: e.actorUserId,
      at: nowIso(),
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      before_json: scrub(e.before),
      after_json: scrub(e.after),
      request_id: e.requestId ?? null,
    })
    .execute();
}

/** The usual entry: a change in a network by an actor. */
export function auditTenantWrite(
  db: Kysely<PlatformTables>,
  tenant: TenantContext,
  actor: Actor,
  action: string,
  entityType: string,
  entityId: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  return writeAudit(db, {
    networkId: tenant.network.id,
    actorUserId: actor.userId,
    action,
    entityType,
    entityId,
    before,
    after,
    requestId: actor.requestId,
  });
}
