import { z } from 'zod';

export const LanguageSchema = z.enum(['nl', 'fr', 'en']);
export const RoleSchema = z.enum(['admin', 'staff', 'partner', 'viewer']);

export const LoginBody = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  password: z.string().min(1).max(1024),
});

export const SetLanguageBody = z.strictObject({ language: LanguageSchema });

export const SessionUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isPlatformAdmin: z.boolean(),
  preferredLanguage: z.string(),
});

export const MembershipSummary = z.object({
  networkSlug: z.string(),
  networkName: z.string(),
  role: RoleSchema,
});

export const SessionInfo = z.object({
  user: SessionUser,
  memberships: z.array(MembershipSummary),
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** Passwords: long rather than complicated (NIST SP 800-63B); the upper bound keeps hashing cheap. */
export const NewPassword = z.string().min(12).max(256);

export const CreateUserInput = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  name: z.string().trim().min(1).max(200),
  password: NewPassword,
  isPlatformAdmin: z.boolean().default(false),
  isDemo: z.boolean().default(false),
});
export type CreateUserInput = z.input<typeof CreateUserInput>;
