import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { writeAudit } from '../../platform/audit.ts';
import {
  type Auth,
  createSession,
  decoyPasswordHash,
  deleteSession,
  hashPassword,
  verifyPassword,
} from '../../platform/auth.ts';
import { inTransaction } from '../../platform/db/index.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { isLanguage, type Language } from '../../platform/i18n.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import * as repo from './repo.ts';
import { CreateUserInput, type SessionInfo } from './schema.ts';

type Db = Kysely<PlatformTables>;

/** Consecutive failures before an account locks, and for how long. */
export const LOCKOUT_AFTER = 5;
export const LOCKOUT_MINUTES = 15;
/** Attempts one client address may make in the window, whichever accounts it tries. */
export const ATTEMPTS_PER_ADDRESS = 30;
const WINDOW_MINUTES = 15;

// Client addresses are hashed: enough to count attempts, not a log of who connected from where.
const addressKey = (ip: string) => `ip:${createHash('sha256').update(ip).digest('hex').slice(0, 32)}`;

export interface LoginResult {
  token: string;
  expiresAt: Date;
  info: SessionInfo;
}

export async function login(
  db: Db,
  input: { email: string; password: string; ip: string; requestId: string },
  sessionTtlHours: number,
): Promise<LoginResult> {
  const now = Date.now();
  const key = addressKey(input.ip);
  const windowStart = new Date(now - WINDOW_MINUTES * 60_000).toISOString();
  if ((await repo.countRecentAttempts(db, key, windowStart)) >= ATTEMPTS_PER_ADDRESS) {
    throw new AppError(429, 'rate_limited');
  }
  await repo.insertAttempt(db, key, new Date(now).toISOString());

  const user = await repo.findUserByEmail(db, input.email);
  if (!user) {
    await verifyPassword(await decoyPasswordHash(), input.password);
    throw new AppError(401, 'invalid_credentials');
  }
  if (user.locked_until && user.locked_until > new Date(now).toISOString()) {
    const minutes = Math.max(1, Math.ceil((Date.parse(user.locked_until) - now) / 60_000));
    throw new AppError(423, 'account_locked', { minutes });
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const failures = user.failed_login_count + 1;
    const locks = failures >= LOCKOUT_AFTER;
    await repo.updateUser(db, user.id, {
      failed_login_count: locks ? 0 : failures,
      locked_until: locks ? new Date(now + LOCKOUT_MINUTES * 60_000).toISOString() : user.locked_until,
    });
    if (locks) {
      await writeAudit(db, {
        networkId: null,
        actorUserId: null,
        action: 'account.locked',
        entityType: 'user',
        entityId: user.id,
        requestId: input.requestId,
      });
      throw new AppError(423, 'account_locked', { minutes: LOCKOUT_MINUTES });
    }
    throw new AppError(401, 'invalid_credentials');
  }

  await repo.updateUser(db, user.id, { failed_login_count: 0, locked_until: null });
  await repo.purgeAttemptsBefore(db, new Date(now - 24 * 3_600_000).toISOString());
  const session = await createSession(db, user.id, sessionTtlHours);
  await writeAudit(db, {
    networkId: null,
    actorUserId: user.id,
    action: 'session.created',
    entityType: 'user',
    entityId: user.id,
    requestId: input.requestId,
  });
  const info = await sessionInfo(db, {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      isPlatformAdmin: user.is_platform_admin === 1,
      preferredLanguage: user.preferred_language,
    },
    csrfToken: session.csrfToken,
    sessionHash: '',
  });
  return { token: session.token, expiresAt: session.expiresAt, info };
}

export const logout = (db: Db, auth: Auth) => deleteSession(db, auth.sessionHash);

export async function sessionInfo(db: Db, auth: Auth): Promise<SessionInfo> {
  const memberships = await repo.listMembershipsOfUser(db, auth.user.id);
  return {
    user: auth.user,
    csrfToken: auth.csrfToken,
    memberships: memberships.map((m) => ({
      networkSlug: m.slug,
      networkName: m.name,
      role: m.role as SessionInfo['memberships'][number]['role'],
    })),
  };
}

export async function setPreferredLanguage(db: Db, auth: Auth, language: Language, requestId: string) {
  await inTransaction(db, async (trx) => {
    await repo.updateUser(trx, auth.user.id, { preferred_language: language, updated_at: nowIso() });
    await writeAudit(trx, {
      networkId: null,
      actorUserId: auth.user.id,
      action: 'user.language_changed',
      entityType: 'user',
      entityId: auth.user.id,
      before: { preferredLanguage: auth.user.preferredLanguage },
      after: { preferredLanguage: language },
      requestId,
    });
  });
}

/** Creates an account (command line, seed, admin screens). Validates with the same rules as the API. */
export async function createUser(db: Db, raw: CreateUserInput, actorUserId: string | null = null) {
  const input = CreateUserInput.parse(raw);
  if (await repo.findUserByEmail(db, input.email)) throw conflict('user_exists', { email: input.email });
  const now = nowIso();
  const user = {
    id: newId(),
    email: input.email,
    name: input.name,
    password_hash: await hashPassword(input.password),
    is_platform_admin: input.isPlatformAdmin ? 1 : 0,
    preferred_language: 'nl',
    failed_login_count: 0,
    locked_until: null,
    is_demo: input.isDemo ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await repo.insertUser(trx, user);
    await writeAudit(trx, {
      networkId: null,
      actorUserId,
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email, name: user.name, isPlatformAdmin: input.isPlatformAdmin },
    });
  });
  return { id: user.id, email: user.email, name: user.name };
}

export async function findUserIdByEmail(db: Db, email: string): Promise<string | undefined> {
  return (await repo.findUserByEmail(db, email.trim().toLowerCase()))?.id;
}

export interface Contact {
  email: string;
  name: string;
  language: Language;
}

/** How to reach accounts (other modules mail people and export them by e-mail); chunked for huge lists. */
export async function contactsByIds(db: Db, ids: readonly string[]): Promise<Map<string, Contact>> {
  const out = new Map<string, Contact>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 5000) {
    for (const u of await repo.usersByIds(db, unique.slice(i, i + 5000))) {
      out.set(u.id, {
        email: u.email,
        name: u.name,
        language: isLanguage(u.preferred_language) ? u.preferred_language : 'nl',
      });
    }
  }
  return out;
}
