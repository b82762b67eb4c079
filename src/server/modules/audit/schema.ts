import { z } from 'zod';
import { paging } from '../../platform/schemas.ts';

export const AuditQuery = z.strictObject({
  ...paging,
  lang: z.string().optional(),
});

export const AuditPage = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      actor: z.object({ id: z.string(), name: z.string() }).nullable(),
      action: z.string(),
      entityType: z.string(),
      entityId: z.string(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  perPage: z.number(),
});
export type AuditPage = z.infer<typeof AuditPage>;
