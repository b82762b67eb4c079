import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../platform/auth.ts';
import { LANG_COOKIE, requireAuth } from '../../platform/http.ts';
import { LoginBody, SessionInfo, SetLanguageBody } from './schema.ts';
import * as service from './service.ts';

const tags = ['accounts'];

export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  const secure =
    app.config.cookieSecure === 'always' ||
    (app.config.cookieSecure === 'auto' && app.config.env === 'production');

  app.post(
    '/api/auth/login',
    { config: { publicWrite: true }, schema: { tags, body: LoginBody, response: { 200: SessionInfo } } },
    async (req, reply) => {
      const result = await service.login(
        app.db,
        { ...req.body, ip: req.ip, requestId: req.id },
        app.config.sessionTtlHours,
      );
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        expires: result.expiresAt,
      });
      return result.info;
    },
  );

  app.post('/api/auth/logout', { config: { publicWrite: true }, schema: { tags } }, async (req, reply) => {
    if (req.auth) await service.logout(app.db, req.auth);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { schema: { tags, response: { 200: SessionInfo } } }, async (req) =>
    service.sessionInfo(app.db, requireAuth(req)),
  );

  app.put(
    '/api/auth/me/language',
    { schema: { tags, body: SetLanguageBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await service.setPreferredLanguage(app.db, requireAuth(req), req.body.language, req.id);
      reply.setCookie(LANG_COOKIE, req.body.language, { path: '/', sameSite: 'lax', maxAge: 365 * 86_400 });
      return reply.status(204).send(null);
    },
  );
};
