import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/audit.ts';
import { forbidden } from '../../platform/errors.ts';
import { requireAuth } from '../../platform/http.ts';
import { resolveTenant } from '../../platform/tenancy.ts';
import { BoundaryCollection, PopulationFigures } from '../geography/schema.ts';
import * as geography from '../geography/service.ts';
import {
  AddMemberBody,
  CreateNetworkBody,
  Member,
  MemberParams,
  NetworkDetail,
  NetworkSummary,
  SetMunicipalitiesBody,
  SlugParams,
  UpdateMemberBody,
  UpdateNetworkBody,
} from './schema.ts';
import * as service from './service.ts';

const tags = ['networks'];

export const networksRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;

  app.get(
    '/api/networks',
    { schema: { tags, response: { 200: z.object({ networks: z.array(NetworkSummary) }) } } },
    async (req) => ({ networks: await service.listNetworks(db, req.auth) }),
  );

  app.post(
    '/api/admin/networks',
    {
      schema: { tags, body: CreateNetworkBody, response: { 201: NetworkDetail } },
      // Authorise before validating, so that outsiders learn nothing from validation messages.
      preValidation: async (req) => {
        if (!requireAuth(req).user.isPlatformAdmin) throw forbidden();
      },
    },
    async (req, reply) => {
      const network = await service.createNetwork(db, actorOf(req.auth, req.id), req.body);
      return reply.status(201).send(await service.networkDetail(db, { network, role: null }));
    },
  );

  app.get(
    '/api/networks/:slug',
    { schema: { tags, params: SlugParams, response: { 200: NetworkDetail } } },
    async (req) => service.networkDetail(db, await resolveTenant(db, req.auth, req.params.slug)),
  );

  app.patch(
    '/api/networks/:slug',
    { schema: { tags, params: SlugParams, body: UpdateNetworkBody, response: { 200: NetworkDetail } } },
    async (req) => {
      const ctx = await resolveTenant(db, req.auth, req.params.slug, 'admin');
      await service.updateNetwork(db, ctx, actorOf(req.auth, req.id), req.body);
      return service.networkDetail(db, await resolveTenant(db, req.auth, req.params.slug, 'admin'));
    },
  );

  app.put(
    '/api/networks/:slug/municipalities',
    { schema: { tags, params: SlugParams, body: SetMunicipalitiesBody, response: { 200: NetworkDetail } } },
    async (req) => {
      const ctx = await resolveTenant(db, req.auth, req.params.slug, 'admin');
      await service.setMunicipalities(db, ctx, actorOf(req.auth, req.id), req.body.municipalities);
      return service.networkDetail(db, ctx);
    },
  );

  app.get(
    '/api/networks/:slug/figures',
    { schema: { tags, params: SlugParams, response: { 200: PopulationFigures } } },
    async (req) => {
      const ctx = await resolveTenant(db, req.auth, req.params.slug);
      return geography.populationFigures(db, await service.municipalityCodesOn(db, ctx.network.id));
    },
  );

  app.get(
    '/api/networks/:slug/boundaries',
    { schema: { tags, params: SlugParams, response: { 200: BoundaryCollection } } },
    async (req) => {
      const ctx = await resolveTenant(db, req.auth, req.params.slug);
      return geography.boundaryCollection(db, await service.municipalityCodesOn(db, ctx.network.id));
    },
  );

  app.get(
    '/api/networks/:slug/members',
    { schema: { tags, params: SlugParams, response: { 200: z.object({ members: z.array(Member) }) } } },
    async (req) => ({
      members: await service.listMembers(db, await resolveTenant(db, req.auth, req.params.slug, 'admin')),
    }),
  );

  app.post(
    '/api/networks/:slug/members',
    {
      schema: {
        tags,
        params: SlugParams,
        body: AddMemberBody,
        response: { 201: z.object({ members: z.array(Member) }) },
      },
    },
    async (req, reply) => {
      const ctx = await resolveTenant(db, req.auth, req.params.slug, 'admin');
      await service.addMember(db, ctx, actorOf(req.auth, req.id), req.body.email, req.body.role);
      return reply.status(201).send({ members: await service.listMembers(db, ctx) });
    },
  );

  app.patch(
    '/api/networks/:slug/members/:userId',
    {
      schema: {
        tags,
        params: MemberParams,
        body: UpdateMemberBody,
        response: { 200: z.object({ members: z.array(Member) }) },
      },
    },
    async (req) => {
      const ctx = await resolveTenant(db, req.auth, req.params.slug, 'admin');
      await service.changeMember(db, ctx, actorOf(req.auth, req.id), req.params.userId, req.body.role);
      return { members: await service.listMembers(db, ctx) };
    },
  );

  app.delete(
    '/api/networks/:slug/members/:userId',
    { schema: { tags, params: MemberParams, response: { 204: z.null() } } },
    async (req, reply) => {
      const ctx = await resolveTenant(db, req.auth, req.params.slug, 'admin');
      await service.changeMember(db, ctx, actorOf(req.auth, req.id), req.params.userId, null);
      return reply.status(204).send(null);
    },
  );
};
