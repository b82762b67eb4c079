import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import * as repo from './repo.ts';
import type { AuditPage } from './schema.ts';

export async function auditPage(
  db: Kysely<PlatformTables>,
  networkId: string | null,
  page: number,
  perPage: number,
): Promise<AuditPage> {
  const { rows, total } = await repo.page(db, networkId, (page - 1) * perPage, perPage);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor_user_id ? { id: r.actor_user_id, name: r.actor_name ?? '' } : null,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before_json ? (JSON.parse(r.before_json) as unknown) : null,
      after: r.after_json ? (JSON.parse(r.after_json) as unknown) : null,
    })),
    total,
    page,
    perPage,
  };
}
