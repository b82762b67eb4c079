import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { forbidden } from '../../platform/errors.ts';
import { requireAuth } from '../../platform/http.ts';
import { resolveTenant } from '../../platform/tenancy.ts';
import { SlugParams } from '../networks/schema.ts';
import { AuditPage, AuditQuery } from './schema.ts';
import { auditPage } from './service.ts';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/networks/:slug/audit',
    { schema: { tags, params: SlugParams, querystring: AuditQuery, response: { 200: AuditPage } } },
    async (req) => {
      const ctx = await resolveTenant(app.db, req.auth, req.params.slug, 'admin');
      return auditPage(app.db, ctx.network.id, req.query.page, req.query.perPage);
    },
  );

  app.get(
    '/api/admin/audit',
    { schema: { tags, querystring: AuditQuery, response: { 200: AuditPage } } },
    async (req) => {
      if (!requireAuth(req).user.isPlatformAdmin) throw forbidden();
      return auditPage(app.db, null, req.query.page, req.query.perPage);
    },
  );
};
