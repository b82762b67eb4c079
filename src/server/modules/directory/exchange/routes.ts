import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../platform/audit.ts';
import { requireAuth } from '../../../platform/http.ts';
import { resolveTenant } from '../../../platform/tenancy.ts';
import { CommitBody, Job, JobParams, MappingBody, Report, SlugParams, UploadQuery } from './schema.ts';
import * as service from './service.ts';

const tags = ['directory'];
const BASE = '/api/networks/:slug/directory';

/**
 * Import and export of the social map for a network's staff (decision 024): upload a file, map its
 * columns, preview, commit (run off the request, polled), and download the map as HSDS.
 */
export const exchangeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const staff = (req: FastifyRequest, slug: string) => resolveTenant(db, req.auth, slug, 'staff');
  const actor = (req: FastifyRequest) => actorOf(req.auth, req.id);

  // Uploads arrive as the file's raw bytes, whatever their type; only this plugin accepts them.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: service.MAX_UPLOAD },
    (_req, body, done) => done(null, body),
  );

  app.post(
    `${BASE}/import/jobs`,
    {
      bodyLimit: service.MAX_UPLOAD,
      schema: { tags, params: SlugParams, querystring: UploadQuery, response: { 201: Job } },
    },
    async (req, reply) => {
      requireAuth(req);
      const ctx = await staff(req, req.params.slug);
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const job = await service.createJob(db, ctx, actor(req), req.query.name, body, req.lang);
      return reply.status(201).send(job);
    },
  );

  app.get(
    `${BASE}/import/jobs/:id`,
    { schema: { tags, params: JobParams, response: { 200: Job } } },
    async (req) => service.getJob(db, await staff(req, req.params.slug), req.params.id, req.lang),
  );

  app.put(
    `${BASE}/import/jobs/:id/mapping`,
    { schema: { tags, params: JobParams, body: MappingBody, response: { 200: Job } } },
    async (req) =>
      service.setMapping(
        db,
        await staff(req, req.params.slug),
        actor(req),
        req.params.id,
        req.body.mapping,
        req.lang,
      ),
  );

  app.get(
    `${BASE}/import/jobs/:id/preview`,
    { schema: { tags, params: JobParams, response: { 200: Report } } },
    async (req) => service.previewJob(db, await staff(req, req.params.slug), req.params.id, req.lang),
  );

  app.post(
    `${BASE}/import/jobs/:id/commit`,
    { schema: { tags, params: JobParams, body: CommitBody, response: { 202: Job } } },
    async (req, reply) => {
      const ctx = await staff(req, req.params.slug);
      const job = await service.commitJob(
        db,
        ctx,
        actor(req),
        req.params.id,
        { skipRejected: req.body.skipRejected ?? false },
        req.lang,
      );
      return reply.status(202).send(job);
    },
  );

  app.get(`${BASE}/export.zip`, { schema: { tags, params: SlugParams } }, async (req, reply) => {
    const ctx = await staff(req, req.params.slug);
    return reply
      .type('application/zip')
      .header('content-disposition', `attachment; filename="sociale-kaart-${ctx.network.slug}-hsds.zip"`)
      .send(await service.exportZip(db, ctx));
  });

  app.get(`${BASE}/export.json`, { schema: { tags, params: SlugParams } }, async (req, reply) => {
    const ctx = await staff(req, req.params.slug);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="sociale-kaart-${ctx.network.slug}-hsds.json"`)
      .send(await service.exportHsdsJson(db, ctx));
  });

  app.addHook('onClose', async () => {
    await service.settleJobs();
  });
};
