import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/audit.ts';
import { requireAuth } from '../../platform/http.ts';
import { resolveTenant } from '../../platform/tenancy.ts';
import * as read from './read.ts';
import {
  CosignBody,
  CreateDossierBody,
  CreateSignalBody,
  DossierParams,
  DossierView,
  MoveBody,
  Overdue,
  PlanActionBody,
  Settings,
  SettingsBody,
  SignalBoard,
  SignalParams,
  SignalReport,
  SignalView,
  SlugParams,
  UpdateDossierBody,
  YearQuery,
} from './schema.ts';
import * as service from './service.ts';

const tags = ['signals'];
const Created = z.object({ id: z.string() });
const SIGNALS = '/api/networks/:slug/signals';
const DOSSIERS = '/api/networks/:slug/signal-dossiers';

/**
 * Policy signals and their dossiers. Members read (reporters stay anonymous towards other partners when
 * they ask); partners report and co-sign; staff move signals and dossiers through the phases. The
 * services check the roles; routes resolve the tenant and shape the answers.
 */
export const signalsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const actor = (req: FastifyRequest) => actorOf(req.auth, req.id);
  const member = (req: FastifyRequest, slug: string) => {
    requireAuth(req);
    return resolveTenant(db, req.auth, slug, 'viewer');
  };
  const viewer = (req: FastifyRequest) => req.auth?.user.id ?? null;

  app.get(SIGNALS, { schema: { tags, params: SlugParams, response: { 200: SignalBoard } } }, async (req) =>
    read.board(db, await member(req, req.params.slug), viewer(req)),
  );

  app.post(
    SIGNALS,
    { schema: { tags, params: SlugParams, body: CreateSignalBody, response: { 201: Created } } },
    async (req, reply) => {
      const tenant = await member(req, req.params.slug);
      return reply.status(201).send({ id: await service.reportSignal(db, tenant, actor(req), req.body) });
    },
  );

  app.get(
    `${SIGNALS}/overdue`,
    { schema: { tags, params: SlugParams, response: { 200: Overdue } } },
    async (req) => read.overdue(db, await member(req, req.params.slug), viewer(req)),
  );

  app.get(
    `${SIGNALS}/report`,
    { schema: { tags, params: SlugParams, querystring: YearQuery, response: { 200: SignalReport } } },
    async (req) => read.yearReport(db, await member(req, req.params.slug), req.query.year),
  );

  app.get(
    `${SIGNALS}/settings`,
    { schema: { tags, params: SlugParams, response: { 200: Settings } } },
    async (req) => service.settingsOf(db, (await member(req, req.params.slug)).network.id),
  );

  app.put(
    `${SIGNALS}/settings`,
    { schema: { tags, params: SlugParams, body: SettingsBody, response: { 200: Settings } } },
    async (req) => service.updateSettings(db, await member(req, req.params.slug), actor(req), req.body),
  );

  app.get(
    `${SIGNALS}/:signalId`,
    { schema: { tags, params: SignalParams, response: { 200: SignalView } } },
    async (req) => read.signalView(db, await member(req, req.params.slug), viewer(req), req.params.signalId),
  );

  app.post(
    `${SIGNALS}/:signalId/phase`,
    { schema: { tags, params: SignalParams, body: MoveBody, response: { 200: SignalView } } },
    async (req) => {
      const tenant = await member(req, req.params.slug);
      await service.moveSignal(db, tenant, actor(req), req.params.signalId, req.body);
      return read.signalView(db, tenant, viewer(req), req.params.signalId);
    },
  );

  app.post(
    DOSSIERS,
    { schema: { tags, params: SlugParams, body: CreateDossierBody, response: { 201: Created } } },
    async (req, reply) => {
      const tenant = await member(req, req.params.slug);
      return reply.status(201).send({ id: await service.createDossier(db, tenant, actor(req), req.body) });
    },
  );

  app.get(
    `${DOSSIERS}/:dossierId`,
    { schema: { tags, params: DossierParams, response: { 200: DossierView } } },
    async (req) =>
      read.dossierView(db, await member(req, req.params.slug), viewer(req), req.params.dossierId),
  );

  app.patch(
    `${DOSSIERS}/:dossierId`,
    { schema: { tags, params: DossierParams, body: UpdateDossierBody, response: { 200: DossierView } } },
    async (req) => {
      const tenant = await member(req, req.params.slug);
      await service.updateDossier(db, tenant, actor(req), req.params.dossierId, req.body);
      return read.dossierView(db, tenant, viewer(req), req.params.dossierId);
    },
  );

  app.post(
    `${DOSSIERS}/:dossierId/phase`,
    { schema: { tags, params: DossierParams, body: MoveBody, response: { 200: DossierView } } },
    async (req) => {
      const tenant = await member(req, req.params.slug);
      await service.moveDossier(db, tenant, actor(req), req.params.dossierId, req.body);
      return read.dossierView(db, tenant, viewer(req), req.params.dossierId);
    },
  );

  app.post(
    `${DOSSIERS}/:dossierId/cosign`,
    { schema: { tags, params: DossierParams, body: CosignBody, response: { 200: DossierView } } },
    async (req) => {
      const tenant = await member(req, req.params.slug);
      await service.cosign(db, tenant, actor(req), req.params.dossierId, req.body.note);
      return read.dossierView(db, tenant, viewer(req), req.params.dossierId);
    },
  );

  app.post(
    `${DOSSIERS}/:dossierId/plan-action`,
    {
      schema: {
        tags,
        params: DossierParams,
        body: PlanActionBody,
        response: { 201: z.object({ planId: z.string(), nodeId: z.string() }) },
      },
    },
    async (req, reply) => {
      const tenant = await member(req, req.params.slug);
      return reply
        .status(201)
        .send(await service.toPlanAction(db, tenant, actor(req), req.params.dossierId, req.body));
    },
  );
};
