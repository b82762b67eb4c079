import { z } from 'zod';
import { RoleSchema } from '../accounts/schema.ts';

export const NETWORK_KINDS = ['elz', 'cluster', 'platform', 'city', 'other'] as const;

const isoDate = z.iso.date();
const Slug = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens');

export const SlugParams = z.strictObject({ slug: Slug });

export const MunicipalityPeriod = z
  .strictObject({
    nisCode: z.string().regex(/^\d{5}$/),
    validFrom: isoDate,
    validTo: isoDate.nullable().default(null),
  })
  .refine((p) => p.validTo === null || p.validTo > p.validFrom, {
    message: 'validTo must be after validFrom',
    path: ['validTo'],
  });

export const SetMunicipalitiesBody = z.strictObject({
  municipalities: z.array(MunicipalityPeriod).min(1).max(400),
});

export const UpdateNetworkBody = z
  .strictObject({
    name: z.string().trim().min(2).max(200).optional(),
    description: z.string().trim().max(5000).nullable().optional(),
    published: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

export const CreateNetworkBody = z.strictObject({
  slug: Slug,
  name: z.string().trim().min(2).max(200),
  kind: z.enum(NETWORK_KINDS),
  description: z.string().trim().max(5000).nullable().default(null),
  published: z.boolean().default(false),
  municipalities: z.array(MunicipalityPeriod).min(1).max(400),
});
export type CreateNetworkInput = z.input<typeof CreateNetworkBody>;

export const NetworkSummary = z.object({
  slug: z.string(),
  name: z.string(),
  kind: z.string(),
  published: z.boolean(),
  role: RoleSchema.nullable(),
});

export const NetworkDetail = z.object({
  network: z.object({
    slug: z.string(),
    name: z.string(),
    kind: z.string(),
    description: z.string().nullable(),
    published: z.boolean(),
  }),
  role: RoleSchema.nullable(),
  municipalities: z.array(
    z.object({
      nisCode: z.string(),
      nameNl: z.string(),
      nameFr: z.string().nullable(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
    }),
  ),
});
export type NetworkDetail = z.infer<typeof NetworkDetail>;

export const Member = z.object({ userId: z.string(), name: z.string(), email: z.string(), role: RoleSchema });
export const MemberParams = z.strictObject({ slug: Slug, userId: z.uuid() });
export const AddMemberBody = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  role: RoleSchema,
});
export const UpdateMemberBody = z.strictObject({ role: RoleSchema });
