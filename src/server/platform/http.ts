import fastifyCookie from '@fastify/cookie';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { type Auth, CSRF_HEADER, csrfMatches, findSession, SESSION_COOKIE } from './auth.ts';
import type { Config } from './config.ts';
import type { Engine } from './db/index.ts';
import type { PlatformTables } from './db/tables.ts';
import { AppError, unauthenticated } from './errors.ts';
import { describeIssues, type Language, negotiateLanguage, translate } from './i18n.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<PlatformTables>;
    engine: Engine;
    config: Config;
  }
  interface FastifyRequest {
    lang: Language;
    auth: Auth | null;
  }
  interface FastifyContextConfig {
    /** A write the public may make (signing in, suggesting a change): every other API write needs a session. */
    publicWrite?: boolean;
  }
}

export const LANG_COOKIE = 'kp_lang';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requireAuth(req: FastifyRequest): Auth {
  if (!req.auth) throw unauthenticated();
  return req.auth;
}

/** What the API answers for an error, in the request's language. */
export function errorBody(
  lang: Language,
  code: string,
  key: string,
  params: Record<string, string | number> = {},
) {
  return { error: { code, message: translate(lang, key, params) } };
}

const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_json' },
};

// C0 control characters except tab, line feed and carriage return: never text, and PostgreSQL refuses NUL.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** The name of the first string (or key) in a parsed request part that holds a control character. */
function controlCharacterAt(value: unknown, name: string, depth = 0): string | null {
  if (typeof value === 'string') return CONTROL_CHARACTER.test(value) ? name : null;
  // Uploads stay bytes (their parsers judge their content); only parsed JSON, forms and parameters are text.
  if (depth > 32 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    const field = Array.isArray(value) ? name : key;
    if (CONTROL_CHARACTER.test(key)) return field;
    const found = controlCharacterAt(item, field, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Request context (language, session), CSRF protection and the one error shape. Registered before every
 * module so that all routes share it.
 */
export const httpPlatform = fp(async (app: FastifyInstance) => {
  await app.register(fastifyCookie);
  app.decorateRequest('lang', 'nl');
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (req) => {
    const query = req.query as Record<string, unknown> | undefined;
    req.lang = negotiateLanguage({
      query: typeof query?.lang === 'string' ? query.lang : undefined,
      cookie: req.cookies[LANG_COOKIE],
      acceptLanguage: req.headers['accept-language'],
    });
    const token = req.cookies[SESSION_COOKIE];
    if (token && req.url.startsWith('/api/')) {
      req.auth = await findSession(app.db, token);
      // A cookie session authorises writes only with the token the page got from the API (double submit):
      // another site can make the browser send the cookie, but cannot read the token.
      if (req.auth && !SAFE_METHODS.has(req.method)) {
        const given = req.headers[CSRF_HEADER];
        if (!csrfMatches(req.auth.csrfToken, typeof given === 'string' ? given : undefined)) {
          throw new AppError(403, 'csrf_failed');
        }
      }
    }
  });

  // Default deny, before the body is even validated: an anonymous write to the API is refused unless its route
  // says the public may make it. Routes still check roles themselves (resolveTenant); this makes a forgotten
  // check on a new write route fail closed.
  app.addHook('preValidation', async (req) => {
    if (req.auth || SAFE_METHODS.has(req.method) || req.is404 || !req.url.startsWith('/api/')) return;
    if (!req.routeOptions.config.publicWrite) throw unauthenticated();
  });

  // One check for every route, before its schema: a NUL byte or another control character in a parameter or a
  // body string is refused with a 400 rather than stored (SQLite) or failing the query (PostgreSQL: a 500).
  app.addHook('preValidation', async (req) => {
    const field =
      controlCharacterAt(req.params, 'path') ??
      controlCharacterAt(req.query, 'query') ??
      controlCharacterAt(req.body, 'body');
    if (field) throw new AppError(400, 'control_characters', { field });
  });

  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      return reply
        .status(err.status)
        .headers(err.headers)
        .send(errorBody(req.lang, err.code, err.messageKey, err.params));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        ...(v.params as object),
        code: v.keyword,
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message ?? '',
      })) as unknown as z.core.$ZodIssue[];
      return reply.status(400).send(
        errorBody(req.lang, 'validation_failed', 'validation_failed', {
          details: describeIssues(req.lang, issues),
        }),
      );
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return reply.status(known.status).send(errorBody(req.lang, known.code, known.code));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const code =
        err.statusCode === 404 ? 'not_found' : err.statusCode === 429 ? 'rate_limited' : 'validation_failed';
      return reply
        .status(err.statusCode)
        .send(errorBody(req.lang, code, code, { details: err.message.slice(0, 200) }));
    }
    // Unexpected: log the cause with the request id, tell the client only the id.
    req.log.error({ err }, 'unhandled error');
    return reply
      .status(500)
      .send(errorBody(req.lang, 'internal_error', 'internal_error', { requestId: req.id }));
  });
});
