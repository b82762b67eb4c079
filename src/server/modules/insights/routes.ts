import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/audit.ts';
import { requireAuth } from '../../platform/http.ts';
import { resolveTenant } from '../../platform/tenancy.ts';
import { gapMap } from './gap.ts';
import { importFigures, readFigureFile } from './import.ts';
import * as read from './read.ts';
import {
  Comparison,
  FigureParams,
  FigureSeries,
  GapMap,
  GapQuery,
  ImportQuery,
  ImportResult,
  IndicatorList,
  PlaceParams,
  Profile,
  SlugParams,
} from './schema.ts';

const tags = ['insights'];
const BASE = '/api/networks/:slug';
/** A figures file of 3 million lines is about 150 MB; uploads through the web are the smaller ones. */
const MAX_UPLOAD = 20 * 1024 * 1024;

/**
 * Regional figures. Reading: anyone for a published network (figures are public statistics or the
 * network's own, marked fictional where invented); importing: staff.
 */
export const insightsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const reader = (req: FastifyRequest, slug: string) => resolveTenant(db, req.auth, slug);

  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: MAX_UPLOAD },
    (_req, body, done) => done(null, body),
  );

  app.get(
    `${BASE}/insights/indicators`,
    { schema: { tags, params: SlugParams, response: { 200: IndicatorList } } },
    async (req) => ({ indicators: await read.listIndicators(db, await reader(req, req.params.slug)) }),
  );

  app.get(
    `${BASE}/figures/:indicator`,
    { schema: { tags, params: FigureParams, response: { 200: FigureSeries } } },
    async (req) => read.figureSeries(db, await reader(req, req.params.slug), req.params.indicator),
  );

  app.get(
    `${BASE}/figures/:indicator/comparison`,
    { schema: { tags, params: FigureParams, response: { 200: Comparison } } },
    async (req) => read.comparison(db, await reader(req, req.params.slug), req.params.indicator, req.lang),
  );

  app.get(
    `${BASE}/insights/profiles/:nis`,
    { schema: { tags, params: PlaceParams, response: { 200: Profile } } },
    async (req) => read.profile(db, await reader(req, req.params.slug), req.params.nis, req.lang),
  );

  app.get(
    `${BASE}/insights/gap-map`,
    { schema: { tags, params: SlugParams, querystring: GapQuery, response: { 200: GapMap } } },
    async (req) => {
      requireAuth(req);
      const tenant = await resolveTenant(db, req.auth, req.params.slug, 'viewer');
      return gapMap(db, tenant, req.query, req.lang);
    },
  );

  app.post(
    `${BASE}/figures/import`,
    {
      bodyLimit: MAX_UPLOAD,
      schema: {
        tags,
        params: SlugParams,
        querystring: ImportQuery,
        response: { 200: ImportResult, 422: ImportResult },
      },
    },
    async (req, reply) => {
      requireAuth(req);
      const tenant = await resolveTenant(db, req.auth, req.params.slug, 'staff');
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const table = await readFigureFile(req.query.file, body);
      const result = await importFigures(db, tenant, actorOf(req.auth, req.id), table, req.lang);
      return reply.status(result.rejected.length ? 422 : 200).send(result);
    },
  );
};
