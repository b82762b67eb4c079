import { z } from 'zod';

export const OutboxQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(50),
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
