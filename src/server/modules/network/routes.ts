import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/audit.ts';
import type { Auth } from '../../platform/auth.ts';
import { type Role, resolveTenant } from '../../platform/tenancy.ts';
import { SlugParams } from '../networks/schema.ts';
import { partnersCsv, tiesCsv, toGexf, toGraphml } from './exports.ts';
import {
  GraphFilter,
  IntroductionInput,
  IntroductionParams,
  IntroductionUpdate,
  Partner,
  PartnerInput,
  PartnerParams,
  PartnerUpdate,
  ResponseInput,
  ResponseParams,
  Round,
  RoundInput,
  RoundParams,
  Tie,
  TieInput,
  TieParams,
  TieTypeSettings,
  TieUpdate,
} from './schema.ts';
import * as service from './service.ts';
import * as survey from './survey/service.ts';

const tags = ['network'];
const base = '/api/networks/:slug/network';

/**
 * The partner network. Reading needs membership (viewer and up); the trust scores of a partner are never
 * shown below three raters. Editing partners and ties, opening rounds and introductions is staff work;
 * answering a survey is done by the partner's own spokespersons.
 */
export const networkRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const tenant = (req: { auth: Auth | null }, slug: string, role: Role) =>
    resolveTenant(db, req.auth, slug, role);

  app.get(
    `${base}/partners`,
    {
      schema: {
        tags,
        params: SlugParams,
        response: { 200: z.object({ partners: z.array(Partner), mine: z.array(z.string()) }) },
      },
    },
    async (req) => {
      const ctx = await tenant(req, req.params.slug, 'viewer');
      return {
        partners: await service.listPartners(db, ctx),
        mine: await service.partnersSpokenForBy(db, ctx, req.auth),
      };
    },
  );

  app.post(
    `${base}/partners`,
    { schema: { tags, params: SlugParams, body: PartnerInput, response: { 201: Partner } } },
    async (req, reply) => {
      const ctx = await tenant(req, req.params.slug, 'staff');
      return reply
        .status(201)
        .send(await service.createPartner(db, ctx, actorOf(req.auth, req.id), req.body));
    },
  );

  app.patch(
    `${base}/partners/:partnerId`,
    { schema: { tags, params: PartnerParams, body: PartnerUpdate, response: { 200: Partner } } },
    async (req) => {
      const ctx = await tenant(req, req.params.slug, 'staff');
      return service.updatePartner(db, ctx, actorOf(req.auth, req.id), req.params.partnerId, req.body);
    },
  );

  app.get(
    `${base}/ties`,
    {
      schema: {
        tags,
        params: SlugParams,
        querystring: GraphFilter,
        response: { 200: z.object({ partners: z.array(Partner), ties: z.array(Tie) }) },
      },
    },
    async (req) => service.graphView(db, await tenant(req, req.params.slug, 'viewer'), req.query),
  );

  app.post(
    `${base}/ties`,
    { schema: { tags, params: SlugParams, body: TieInput, response: { 201: Tie } } },
    async (req, reply) => {
      const ctx = await tenant(req, req.params.slug, 'staff');
      return reply.status(201).send(await service.createTie(db, ctx, actorOf(req.auth, req.id), req.body));
    },
  );

  app.patch(
    `${base}/ties/:tieId`,
    { schema: { tags, params: TieParams, body: TieUpdate, response: { 200: Tie } } },
    async (req) => {
      const ctx = await tenant(req, req.params.slug, 'staff');
      return service.updateTie(db, ctx, actorOf(req.auth, req.id), req.params.tieId, req.body);
    },
  );

  app.delete(
    `${base}/ties/:tieId`,
    { schema: { tags, params: TieParams, response: { 204: z.null() } } },
    async (req, reply) => {
      const ctx = await tenant(req, req.params.slug, 'staff');
      await service.deleteTie(db, ctx, actorOf(req.auth, req.id), req.params.tieId);
      return reply.status(204).send(null);
    },
  );

  app.get(`${base}/tie-settings`, { schema: { tags, params: SlugParams } }, async (req) => ({
    derive: await service.tieTypeSettings(db, await tenant(req, req.params.slug, 'viewer')),
  }));

  app.put(
    `${base}/tie-settings`,
    { schema: { tags, params: SlugParams, body: TieTypeSettings } },
    async (req) => {
      const ctx = await tenant(req, req.params.slug, 'staff');
      return {
        derive: await service.setTieTypeSettings(db, ctx, actorOf(req.auth, req.id), req.body.derive),
      };
    },
  );

  app.get(
    `${base}/metrics`,
    { schema: { tags, params: SlugParams, querystring: GraphFilter } },
    async (req) => service.metrics(db, await tenant(req, req.params.slug, 'viewer'), req.query),
  );

  app.get(
    `${base}/export/:format`,
    {
      schema: {
        tags,
        params: SlugParams.extend({ format: z.enum(['gexf', 'graphml', 'partners.csv', 'ties.csv']) }),
        querystring: GraphFilter,
      },
    },
    async (req, reply) => {
      const ctx = await tenant(req, req.params.slug, 'viewer');
      const view = await service.graphView(db, ctx, req.query);
      const m = await service.metrics(db, ctx, req.query);
      const file = `${ctx.network.slug}-netwerk`;
      const [body, type, ext] =
        req.params.format === 'gexf'
          ? [toGexf(view, m, ctx.network.name), 'application/gexf+xml', 'gexf']
          : req.params.format === 'graphml'
            ? [toGraphml(view, m), 'application/graphml+xml', 'graphml']
            : req.params.format === 'partners.csv'
              ? [partnersCsv(view, m), 'text/csv; charset=utf-8', 'partners.csv']
              : [tiesCsv(view), 'text/csv; charset=utf-8', 'ties.csv'];
      return reply
        .type(type)
        .header('content-disposition', `attachment; filename="${file}.${ext}"`)
        .send(body);
    },
  );

  app.get(
    `${base}/surveys`,
    { schema: { tags, params: SlugParams, response: { 200: z.object({ rounds: z.array(Round) }) } } },
    async (req) => ({ rounds: await survey.listRounds(db, await tenant(req, req.params.slug, 'viewer')) }),
  );

  app.post(
    `${base}/surveys`,
    {
      schema: { tags, params: SlugParams, body: RoundInput, response: { 201: z.object({ id: z.string() }) } },
    },
    async (req, reply) => {
      const ctx = await tenant(req, req.params.slug, 'staff');
      return reply
        .status(201)
        .send({ id: await survey.openRound(db, ctx, actorOf(req.auth, req.id), req.body) });
    },
  );

  app.post(
    `${base}/surveys/:roundId/reminders`,
    { schema: { tags, params: RoundParams, response: { 200: z.object({ reminded: z.number() }) } } },
    async (req) => {
      const ctx = await tenant(req, req.params.slug, 'staff');
      return {
        reminded: await survey.remindRound(db, ctx, actorOf(req.auth, req.id), req.params.roundId),
      };
    },
  );

  app.get(`${base}/surveys/compare`, { schema: { tags, params: SlugParams } }, async (req) => ({
    rounds: await survey.compareRounds(db, await tenant(req, req.params.slug, 'viewer')),
  }));

  app.get(`${base}/surveys/:roundId/results`, { schema: { tags, params: RoundParams } }, async (req) =>
    survey.roundResults(db, await tenant(req, req.params.slug, 'viewer'), req.params.roundId),
  );

  app.get(
    `${base}/surveys/:roundId/responses/:partnerId`,
    { schema: { tags, params: ResponseParams } },
    async (req) => {
      const ctx = await tenant(req, req.params.slug, 'partner');
      return survey.surveyForm(db, ctx, req.auth, req.params.roundId, req.params.partnerId);
    },
  );

  for (const [method, mode] of [
    ['POST', 'create'],
    ['PUT', 'update'],
  ] as const) {
    app.route({
      method,
      url: `${base}/surveys/:roundId/responses/:partnerId`,
      schema: { tags, params: ResponseParams, body: ResponseInput, response: { 204: z.null() } },
      handler: async (req, reply) => {
        const ctx = await tenant(req, req.params.slug, 'partner');
        await survey.submitResponse(
          db,
          ctx,
          req.auth,
          req.params.roundId,
          req.params.partnerId,
          req.body,
          mode,
          req.id,
        );
        return reply.status(204).send(null);
      },
    });
  }

  app.get(`${base}/suggestions`, { schema: { tags, params: SlugParams } }, async (req) => ({
    suggestions: await service.suggestions(db, await tenant(req, req.params.slug, 'staff')),
  }));

  app.get(`${base}/introductions`, { schema: { tags, params: SlugParams } }, async (req) => ({
    introductions: await service.listIntroductions(db, await tenant(req, req.params.slug, 'staff')),
  }));

  app.post(
    `${base}/introductions`,
    {
      schema: {
        tags,
        params: SlugParams,
        body: IntroductionInput,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const ctx = await tenant(req, req.params.slug, 'staff');
      return reply
        .status(201)
        .send({ id: await service.createIntroduction(db, ctx, actorOf(req.auth, req.id), req.body) });
    },
  );

  app.patch(
    `${base}/introductions/:introductionId`,
    { schema: { tags, params: IntroductionParams, body: IntroductionUpdate, response: { 204: z.null() } } },
    async (req, reply) => {
      const ctx = await tenant(req, req.params.slug, 'staff');
      await service.setIntroductionStatus(
        db,
        ctx,
        actorOf(req.auth, req.id),
        req.params.introductionId,
        req.body.status,
      );
      return reply.status(204).send(null);
    },
  );
};
