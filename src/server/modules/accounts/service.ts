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
import { AppError, badRequest, conflict } from '../../platform/errors.ts';
import { isLanguage, type Language } from '../../platform/i18n.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import './messages.ts';
import { passwordProblem } from './passwords.ts';
import * as repo from './repo.ts';
import { CreateUserInput, type SessionInfo } from './schema.ts';

type Db = Kysely<PlatformTables>;

/** Failures of one address with one e-mail before each next attempt must wait: 1 s, then 2 s, 4 s … */
export const FREE_FAILURES = 5;
/** The longest wait between two attempts of one address with one e-mail. */
export const MAX_DELAY_MS = 15 * 60_000;
/** Attempts one client address may make in the window, whichever accounts it tries. */
export const ATTEMPTS_PER_ADDRESS = 30;
const WINDOW_MS = 15 * 60_000;
/** Consecutive failures of an account (from anywhere) after which the audit log records the attack. */
const AUDIT_FAILURES_AT = 10;

// Client addresses and e-mails are hashed: enough to count attempts, not a log of who tried what from where.
const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);
const addressKey = (ip: string) => `ip:${digest(ip)}`;
const accountKey = (ip: string, email: string) => `account:${digest(`${ip}\n${email}`)}`;

const retryAfter = (untilMs: number, nowMs: number) =>
  String(Math.max(1, Math.ceil((untilMs - nowMs) / 1000)));

export interface LoginResult {
  token: string;
  expiresAt: Date;
  info: SessionInfo;
}

/**
 * Signs in. Throttled per address (a fixed window) and per address and e-mail (a doubling wait after a few
 * failures) rather than by locking the account: an attacker slows himself down, never the owner (decision 007).
 * Known and unknown e-mails get the same answers after the same work.
 */
export async function login(
  db: Db,
  input: { email: string; password: string; ip: string; requestId: string },
  sessionTtlHours: number,
): Promise<LoginResult> {
  const now = Date.now();
  const address = await repo.countAddressAttempt(db, addressKey(input.ip), now, WINDOW_MS);
  if (address.attempts > ATTEMPTS_PER_ADDRESS) {
    throw new AppError(429, 'rate_limited', {}, 'rate_limited', {
      'retry-after': retryAfter(address.until_ms, now),
    });
  }
  const key = accountKey(input.ip, input.email);
  if (!(await repo.claimAccountAttempt(db, key, now, FREE_FAILURES, MAX_DELAY_MS))) {
    const seconds = retryAfter((await repo.counterUntil(db, key)) ?? now, now);
    throw new AppError(429, 'login_throttled', { seconds }, 'login_throttled', { 'retry-after': seconds });
  }

  const user = await repo.findUserByEmail(db, input.email);
  if (!user) {
    await verifyPassword(await decoyPasswordHash(), input.password);
    throw new AppError(401, 'invalid_credentials');
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const failures = await repo.countFailedLogin(db, user.id);
    if (failures === AUDIT_FAILURES_AT) {
      await writeAudit(db, {
        networkId: null,
        actorUserId: null,
        action: 'account.failed_logins',
        entityType: 'user',
        entityId: user.id,
        after: { failedLogins: failures },
        requestId: input.requestId,
      });
    }
    throw new AppError(401, 'invalid_credentials');
  }

  await repo.clearCounter(db, key);
  await repo.updateUser(db, user.id, { failed_login_count: 0 });
  await repo.purgeCountersBefore(db, now - 24 * 3_600_000);
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
  // Demo accounts share the password the README publishes; they exist only where demo data was asked for.
  const problem = input.isDemo ? null : passwordProblem(input.password, { email: input.email });
  if (problem) throw badRequest(problem);
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
