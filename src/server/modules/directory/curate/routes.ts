import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../platform/audit.ts';
import { translate } from '../../../platform/i18n.ts';
import { resolveTenant } from '../../../platform/tenancy.ts';
import {
  AssuranceRunBody,
  AssuranceView,
  DuplicateWarning,
  FreshnessQuery,
  FreshnessView,
  IdParams,
  MineView,
  NewServiceBody,
  OrganizationUpdateBody,
  OrganizationView,
  RejectBody,
  ServiceFields,
  ServicePatch,
  ServiceView,
  SlugParams,
  SuggestionBody,
  SuggestionsQuery,
  SuggestionView,
  TokenParams,
} from './schema.ts';
import * as service from './service.ts';

const tags = ['directory-curate'];
const BASE = '/api/networks/:slug/directory/curate';
const Assured = z.object({ assured_date: z.string() });
const Done = z.object({ ok: z.literal(true) });

/**
 * Keeping the social map current. Staff edit every record the network sees, a partner the organisation it
 * speaks for (the service decides); anyone may suggest a change; the confirmation link needs no session.
 * Registered beside directoryRoutes, not inside it: that plugin marks every GET public and CORS-open.
 */
export const curateRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const caller = (req: FastifyRequest): service.Caller => ({
    auth: req.auth,
    actor: actorOf(req.auth, req.id),
    lang: req.lang,
  });
  const member = (req: FastifyRequest, slug: string) => resolveTenant(db, req.auth, slug, 'partner');
  const staff = (req: FastifyRequest, slug: string) => resolveTenant(db, req.auth, slug, 'staff');
  const anyone = (req: FastifyRequest, slug: string) => resolveTenant(db, req.auth, slug);

  app.get(
    `${BASE}/mine`,
    { schema: { tags, params: SlugParams, response: { 200: MineView } } },
    async (req) => service.mine(db, await member(req, req.params.slug), caller(req)),
  );

  app.get(
    `${BASE}/organizations/:id`,
    { schema: { tags, params: IdParams, response: { 200: OrganizationView } } },
    async (req) =>
      service.organizationForEdit(db, await member(req, req.params.slug), caller(req), req.params.id),
  );

  /** A likely duplicate is not an error to hide: the answer lists the matches for the form to show. */
  const duplicateWarning = (req: FastifyRequest, reply: FastifyReply, e: unknown) => {
    if (!(e instanceof service.PossibleDuplicates)) throw e;
    return reply.status(409).send({
      error: {
        code: 'directory_possible_duplicate' as const,
        message: translate(req.lang, e.messageKey, e.params),
      },
      matches: e.matches,
    });
  };

  app.patch(
    `${BASE}/organizations/:id`,
    {
      schema: {
        tags,
        params: IdParams,
        body: OrganizationUpdateBody,
        response: { 200: OrganizationView, 409: DuplicateWarning },
      },
    },
    async (req, reply) => {
      const ctx = await member(req, req.params.slug);
      const { confirmDuplicate, ...patch } = req.body;
      try {
        return await service.updateOrganization(db, ctx, caller(req), req.params.id, patch, {
          confirmDuplicate,
        });
      } catch (e) {
        return duplicateWarning(req, reply, e);
      }
    },
  );

  app.post(
    `${BASE}/organizations/:id/services`,
    {
      schema: {
        tags,
        params: IdParams,
        body: NewServiceBody,
        response: { 201: ServiceView, 409: DuplicateWarning },
      },
    },
    async (req, reply) => {
      const ctx = await member(req, req.params.slug);
      const { confirmDuplicate, ...fields } = req.body;
      try {
        const created = await service.createServiceFor(db, ctx, caller(req), req.params.id, fields, {
          confirmDuplicate,
        });
        return reply.status(201).send(created);
      } catch (e) {
        return duplicateWarning(req, reply, e);
      }
    },
  );

  app.post(
    `${BASE}/organizations/:id/assure`,
    { schema: { tags, params: IdParams, response: { 200: Assured } } },
    async (req) =>
      service.confirmRecord(
        db,
        await member(req, req.params.slug),
        caller(req),
        'organization',
        req.params.id,
      ),
  );

  app.get(
    `${BASE}/services/:id`,
    { schema: { tags, params: IdParams, response: { 200: ServiceView } } },
    async (req) => service.serviceForEdit(db, await member(req, req.params.slug), caller(req), req.params.id),
  );

  app.patch(
    `${BASE}/services/:id`,
    { schema: { tags, params: IdParams, body: ServicePatch, response: { 200: ServiceView } } },
    async (req) =>
      service.updateService(db, await member(req, req.params.slug), caller(req), req.params.id, req.body),
  );

  app.post(
    `${BASE}/services/:id/assure`,
    { schema: { tags, params: IdParams, response: { 200: Assured } } },
    async (req) =>
      service.confirmRecord(db, await member(req, req.params.slug), caller(req), 'service', req.params.id),
  );

  // Public: the current values a suggestion starts from, and the suggestion itself.
  app.get(
    `${BASE}/services/:id/fields`,
    {
      schema: {
        tags,
        params: IdParams,
        response: {
          200: z.object({
            id: z.string(),
            organization: z.object({ id: z.string(), name: z.string() }),
            fields: ServiceFields,
          }),
        },
      },
    },
    async (req) => service.serviceFields(db, await anyone(req, req.params.slug), req.params.id),
  );

  app.post(
    `${BASE}/services/:id/suggestions`,
    {
      config: { publicWrite: true },
      bodyLimit: 32 * 1024,
      schema: {
        tags,
        params: IdParams,
        body: SuggestionBody,
        response: { 202: z.object({ accepted: z.literal(true) }) },
      },
    },
    async (req, reply) => {
      const ctx = await anyone(req, req.params.slug);
      reply.status(202);
      return service.suggestChange(db, ctx, caller(req), req.ip, req.params.id, req.body);
    },
  );

  app.get(
    `${BASE}/suggestions`,
    {
      schema: {
        tags,
        params: SlugParams,
        querystring: SuggestionsQuery,
        response: { 200: z.object({ suggestions: z.array(SuggestionView) }) },
      },
    },
    async (req) => ({
      suggestions: await service.listSuggestions(db, await staff(req, req.params.slug), req.query.status),
    }),
  );

  app.post(
    `${BASE}/suggestions/:id/approve`,
    { schema: { tags, params: IdParams, response: { 200: Done } } },
    async (req) => {
      await service.approveSuggestion(db, await staff(req, req.params.slug), caller(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    `${BASE}/suggestions/:id/reject`,
    { schema: { tags, params: IdParams, body: RejectBody, response: { 200: Done } } },
    async (req) => {
      await service.rejectSuggestion(
        db,
        await staff(req, req.params.slug),
        caller(req),
        req.params.id,
        req.body.reason,
      );
      return { ok: true as const };
    },
  );

  app.get(
    `${BASE}/freshness`,
    { schema: { tags, params: SlugParams, querystring: FreshnessQuery, response: { 200: FreshnessView } } },
    async (req) => service.freshness(db, await staff(req, req.params.slug), req.query, req.lang),
  );

  app.post(
    `${BASE}/assurance-requests`,
    {
      schema: {
        tags,
        params: SlugParams,
        body: AssuranceRunBody,
        response: {
          200: z.object({
            sent: z.number(),
            up_to_date: z.number(),
            recently_asked: z.number(),
            no_address: z.number(),
          }),
        },
      },
    },
    async (req) =>
      service.sendAssuranceRequests(db, await staff(req, req.params.slug), actorOf(req.auth, req.id), {
        months: req.body.months,
      }),
  );

  // The mailed link: reading it shows what will be confirmed; only the POST confirms.
  app.get(
    `${BASE}/assurance/:token`,
    { schema: { tags, params: TokenParams, response: { 200: AssuranceView } } },
    async (req) => service.assuranceInfo(db, await anyone(req, req.params.slug), req.params.token),
  );

  app.post(
    `${BASE}/assurance/:token`,
    { config: { publicWrite: true }, schema: { tags, params: TokenParams, response: { 200: Assured } } },
    async (req) =>
      service.confirmAssurance(db, await anyone(req, req.params.slug), caller(req), req.params.token),
  );
};
