import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import * as repo from './repo.ts';
import type { OutboxPage } from './schema.ts';

export async function outboxPage(
  db: Kysely<PlatformTables>,
  networkId: string | null,
  delivering: boolean,
  page: number,
  perPage: number,
): Promise<OutboxPage> {
  const { rows, total } = await repo.page(db, networkId, (page - 1) * perPage, perPage);
  return {
    delivering,
    items: rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      to: r.to_address,
      subject: r.subject,
      text: r.text_body,
      kind: r.kind,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      sentAt: r.sent_at,
    })),
    total,
    page,
    perPage,
  };
}
