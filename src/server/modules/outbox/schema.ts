import { z } from 'zod';
import { paging } from '../../platform/schemas.ts';

export const OutboxQuery = z.strictObject({
  ...paging,
  lang: z.string().optional(),
});

export const OutboxPage = z.object({
  /** false when mail is only captured (no SMTP server configured): the UI says so. */
  delivering: z.boolean(),
  items: z.array(
    z.object({
      id: z.string(),
      createdAt: z.string(),
      to: z.string(),
      subject: z.string(),
      text: z.string(),
      kind: z.string(),
      status: z.string(),
      attempts: z.number(),
      lastError: z.string().nullable(),
      sentAt: z.string().nullable(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  perPage: z.number(),
});
export type OutboxPage = z.infer<typeof OutboxPage>;
