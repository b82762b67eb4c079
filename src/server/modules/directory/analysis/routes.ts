import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../platform/audit.ts';
import type { Auth } from '../../../platform/auth.ts';
import { type Role, resolveTenant } from '../../../platform/tenancy.ts';
import { SlugParams } from '../../networks/schema.ts';
import {
  CoverageView,
  DismissInput,
  DuplicateCheck,
  DuplicateList,
  DuplicateMatch,
  DuplicatesQuery,
  MergeInput,
  MergeResult,
  MergeView,
  MissesQuery,
  MissList,
  PairParams,
  Synonym,
  SynonymInput,
  SynonymParams,
  SynonymSwitch,
  TaxonomyView,
  TermInput,
  TermParams,
  TermRetire,
  TermUpdate,
} from './schema.ts';
import * as service from './service.ts';

const tags = ['directory-analysis'];
const base = '/api/networks/:slug/directory';

/**
 * The social map's analysis for network staff: likely duplicates and their merge, searches that found
 * nothing, the search vocabulary. Coverage is for every member (board members read it too). The taxonomy is
 * shared by all networks, so only admins change it. Registered in app.ts, outside the public HSDS plugin.
 */
export const directoryAnalysisRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const tenant = (req: { auth: Auth | null }, slug: string, role: Role) =>
    resolveTenant(db, req.auth, slug, role);

  app.get(
    `${base}/duplicates`,
    { schema: { tags, params: SlugParams, querystring: DuplicatesQuery, response: { 200: DuplicateList } } },
    async (req) => service.listDuplicates(db, await tenant(req, req.params.slug, 'staff'), req.query.kind),
  );

  app.post(
    `${base}/duplicates/check`,
    {
      schema: {
        tags,
        params: SlugParams,
        body: DuplicateCheck,
        response: { 200: z.object({ matches: z.array(DuplicateMatch) }) },
      },
    },
    async (req) => ({
      matches: await service.checkDuplicates(db, await tenant(req, req.params.slug, 'staff'), req.body),
    }),
  );

  app.get(
    `${base}/duplicates/:kind/:a/:b`,
    { schema: { tags, params: PairParams, response: { 200: MergeView } } },
    async (req) =>
      service.mergeView(
        db,
        await tenant(req, req.params.slug, 'staff'),
        req.params.kind,
        req.params.a,
        req.params.b,
      ),
  );

  app.post(
    `${base}/duplicates/dismissals`,
    { schema: { tags, params: SlugParams, body: DismissInput, response: { 204: z.null() } } },
    async (req, reply) => {
      const ctx = await tenant(req, req.params.slug, 'staff');
      await service.dismissPair(db, ctx, actorOf(req.auth, req.id), req.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${base}/merges`,
    { schema: { tags, params: SlugParams, body: MergeInput, response: { 200: MergeResult } } },
    async (req) =>
      service.mergeRecords(
        db,
        await tenant(req, req.params.slug, 'staff'),
        actorOf(req.auth, req.id),
        req.body,
      ),
  );

  app.get(
    `${base}/search-misses`,
    { schema: { tags, params: SlugParams, querystring: MissesQuery, response: { 200: MissList } } },
    async (req) => service.listMisses(db, await tenant(req, req.params.slug, 'staff'), req.query.days),
  );

  app.get(
    `${base}/coverage`,
    { schema: { tags, params: SlugParams, response: { 200: CoverageView } } },
    async (req) => service.coverage(db, await tenant(req, req.params.slug, 'viewer')),
  );

  app.get(
    `${base}/synonyms`,
    { schema: { tags, params: SlugParams, response: { 200: z.object({ synonyms: z.array(Synonym) }) } } },
    async (req) => ({
      synonyms: await service.listSynonyms(db, await tenant(req, req.params.slug, 'staff')),
    }),
  );

  app.post(
    `${base}/synonyms`,
    { schema: { tags, params: SlugParams, body: SynonymInput, response: { 201: Synonym } } },
    async (req, reply) => {
      const ctx = await tenant(req, req.params.slug, 'staff');
      return reply.status(201).send(await service.addSynonym(db, ctx, actorOf(req.auth, req.id), req.body));
    },
  );

  app.patch(
    `${base}/synonyms/:synonymId`,
    { schema: { tags, params: SynonymParams, body: SynonymSwitch, response: { 204: z.null() } } },
    async (req, reply) => {
      const ctx = await tenant(req, req.params.slug, 'staff');
      await service.switchSynonym(db, ctx, actorOf(req.auth, req.id), req.params.synonymId, req.body.enabled);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    `${base}/synonyms/:synonymId`,
    { schema: { tags, params: SynonymParams, response: { 204: z.null() } } },
    async (req, reply) => {
      const ctx = await tenant(req, req.params.slug, 'staff');
      await service.deleteSynonym(db, ctx, actorOf(req.auth, req.id), req.params.synonymId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${base}/taxonomy`,
    { schema: { tags, params: SlugParams, response: { 200: TaxonomyView } } },
    async (req) => {
      await tenant(req, req.params.slug, 'staff');
      return service.taxonomyView(db);
    },
  );

  app.post(
    `${base}/taxonomy/terms`,
    {
      schema: {
        tags,
        params: SlugParams,
        body: TermInput,
        response: { 201: z.object({ id: z.string(), code: z.string() }) },
      },
    },
    async (req, reply) => {
      const ctx = await tenant(req, req.params.slug, 'admin');
      return reply.status(201).send(await service.addTerm(db, ctx, actorOf(req.auth, req.id), req.body));
    },
  );

  app.patch(
    `${base}/taxonomy/terms/:termId`,
    { schema: { tags, params: TermParams, body: TermUpdate, response: { 204: z.null() } } },
    async (req, reply) => {
      const ctx = await tenant(req, req.params.slug, 'admin');
      await service.renameTerm(db, ctx, actorOf(req.auth, req.id), req.params.termId, req.body.names);
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${base}/taxonomy/terms/:termId/retire`,
    { schema: { tags, params: TermParams, body: TermRetire, response: { 204: z.null() } } },
    async (req, reply) => {
      const ctx = await tenant(req, req.params.slug, 'admin');
      await service.retireTerm(db, ctx, actorOf(req.auth, req.id), req.params.termId, req.body.replacementId);
      return reply.status(204).send(null);
    },
  );
};
