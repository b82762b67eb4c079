import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { forbidden } from '../../platform/errors.ts';
import { requireAuth } from '../../platform/http.ts';
import { resolveTenant } from '../../platform/tenancy.ts';
import { SlugParams } from '../networks/schema.ts';
import { OutboxPage, OutboxQuery } from './schema.ts';
import { outboxPage } from './service.ts';

const tags = ['outbox'];

/** The outbox holds addresses and texts of mails: admins only, each network its own. */
export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const delivering = Boolean(app.config.smtpUrl);

  app.get(
    '/api/networks/:slug/outbox',
    { schema: { tags, params: SlugParams, querystring: OutboxQuery, response: { 200: OutboxPage } } },
    async (req) => {
      const ctx = await resolveTenant(app.db, req.auth, req.params.slug, 'admin');
      return outboxPage(app.db, ctx.network.id, delivering, req.query.page, req.query.perPage);
    },
  );

  app.get(
    '/api/admin/outbox',
    { schema: { tags, querystring: OutboxQuery, response: { 200: OutboxPage } } },
    async (req) => {
      if (!requireAuth(req).user.isPlatformAdmin) throw forbidden();
      return outboxPage(app.db, null, delivering, req.query.page, req.query.perPage);
    },
  );
};
