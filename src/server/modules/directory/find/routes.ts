import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasRole, resolveTenant } from '../../../platform/tenancy.ts';
import {
  FilterOptions,
  OrganizationRecord,
  RecordParams,
  SearchQuery,
  SearchResult,
  ServiceRecord,
  SlugParams,
} from './schema.ts';
import * as service from './service.ts';

const tags = ['directory'];
const BASE = '/api/networks/:slug/directory';

/**
 * Searching the social map and reading its records in the app, for every member of a network (viewer or
 * more). The network's own additions join the shared map; staff also read their network's drafts.
 */
export const directoryFindRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const member = async (req: FastifyRequest, slug: string) => {
    const ctx = await resolveTenant(db, req.auth, slug, 'viewer');
    return { networkId: ctx.network.id, drafts: hasRole(ctx, 'staff') };
  };

  app.get(
    `${BASE}/search`,
    { schema: { tags, params: SlugParams, querystring: SearchQuery, response: { 200: SearchResult } } },
    async (req) => {
      const scope = await member(req, req.params.slug);
      return service.search(db, scope.networkId, req.query, req.lang);
    },
  );

  app.get(
    `${BASE}/filters`,
    { schema: { tags, params: SlugParams, response: { 200: FilterOptions } } },
    async (req) => {
      const scope = await member(req, req.params.slug);
      return service.filterOptions(db, scope.networkId, req.lang);
    },
  );

  app.get(
    `${BASE}/services/:id`,
    { schema: { tags, params: RecordParams, response: { 200: ServiceRecord } } },
    async (req) => service.serviceRecord(db, await member(req, req.params.slug), req.params.id, req.lang),
  );

  app.get(
    `${BASE}/organizations/:id`,
    { schema: { tags, params: RecordParams, response: { 200: OrganizationRecord } } },
    async (req) =>
      service.organizationRecord(db, await member(req, req.params.slug), req.params.id, req.lang),
  );
};
