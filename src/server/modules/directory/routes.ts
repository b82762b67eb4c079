import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { notFound } from '../../platform/errors.ts';
import { resolveTenant } from '../../platform/tenancy.ts';
import {
  HSDS_PROFILE,
  HSDS_VERSION,
  HsdsMeta,
  HsdsObject,
  HsdsPage,
  IdParams,
  ListQuery,
  ScopeQuery,
  ServicesQuery,
  TaxonomyTermsQuery,
} from './schema.ts';
import { BoundedMap } from './search/state.ts';
import * as service from './service.ts';

const tags = ['hsds'];
const RESPONSE_TTL_MS = 60_000;
/** Records read per step of an NDJSON stream of /service_at_locations. */
const NDJSON_CHUNK = 100;
/** Recent search answers of this process (see the /services route). */
const responses = new BoundedMap<string, { at: number; json: string }>(2000);
/** The page as the route's schema types it; the cached answer is that page already serialised. */
type HsdsPageBody = z.infer<typeof HsdsPage>;

/** The HSDS paging envelope around one page of objects. */
function envelope<T>(
  items: T[],
  total: number,
  page: number,
  perPage: number,
  extra?: Record<string, unknown>,
) {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: items.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: items.length === 0,
    contents: items,
    ...(extra ? { x_knooppunt: extra } : {}),
  };
}

/**
 * The public, read-only HSDS 3.1 API of the social map (decision 022): published records only, a network's
 * own additions only when ?network= names a published network. Answers may be cached for a minute by anyone.
 */
export const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      reply.header('cache-control', 'public, max-age=60');
      reply.header('access-control-allow-origin', '*');
    }
    return payload;
  });

  /** The network named by ?network=, which must be published: the public sees no one's drafts. */
  const scopeOf = async (slug: string | undefined) =>
    slug ? (await resolveTenant(db, null, slug)).network.id : null;

  const ndjson = (reply: FastifyReply, lines: AsyncIterable<unknown>) =>
    reply.type('application/x-ndjson').send(
      Readable.from(
        (async function* () {
          for await (const line of lines) yield `${JSON.stringify(line)}\n`;
        })(),
      ),
    );

  app.get('/api/hsds/', { schema: { tags, response: { 200: HsdsMeta } } }, async () => ({
    version: HSDS_VERSION,
    profile: HSDS_PROFILE,
    openapi_url: '/api/docs/json',
  }));

  app.get(
    '/api/hsds/services',
    { schema: { tags, querystring: ServicesQuery, response: { 200: HsdsPage } } },
    async (req, reply) => {
      const q = req.query;
      const networkId = await scopeOf(q.network);
      const termIds = q.taxonomy_term_id
        ?.split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      if (q.modified_after !== undefined) {
        // A change feed pages through the tables in order of change; everything else is a search (an empty one
        // lists the map in static-rank order, with its filters answered from the index).
        const list = (page: number) =>
          service.hsdsServiceList(db, networkId, {
            modifiedAfter: q.modified_after,
            postcode: q.postcode,
            termIds,
            offset: (page - 1) * q.per_page,
            limit: q.per_page,
          });
        if (q.format === 'ndjson') {
          // The stream runs through every page from the one asked for: a client syncs in one request.
          return ndjson(
            reply,
            (async function* () {
              for (let page = q.page; ; page++) {
                const r = await list(page);
                yield* r.items;
                if (r.items.length < q.per_page) return;
              }
            })(),
          );
        }
        const r = await list(q.page);
        return envelope(r.items, r.total, q.page, q.per_page);
      }
      const lang = q.lang ?? req.lang;
      const search = () =>
        service.hsdsServiceSearch(db, networkId, {
          text: q.search,
          lang,
          postcode: q.postcode,
          taxonomyTermIds: termIds,
          near: q.lat !== undefined && q.lon !== undefined ? { lat: q.lat, lon: q.lon } : undefined,
          radiusKm: q.proximity === undefined ? undefined : q.proximity / 1000,
          page: q.page,
          perPage: q.per_page,
        });
      if (q.format === 'ndjson') {
        const found = await search();
        return ndjson(
          reply,
          (async function* () {
            yield* found.items;
          })(),
        );
      }
      // Answers may be a minute old anyway (Cache-Control), so the process keeps them for as long, keyed by the
      // index stamp: any change to the index, synonyms or labels is visible at once.
      const key = `${await service.searchStamp(db)}\u0000${networkId ?? ''}\u0000${lang}\u0000${JSON.stringify(q)}`;
      const cached = responses.get(key);
      let json = cached && Date.now() - cached.at < RESPONSE_TTL_MS ? cached.json : null;
      if (json === null) {
        const found = await search();
        // Checked once against the response schema, then kept as text: a repeat costs no serialisation.
        json = JSON.stringify(
          HsdsPage.parse(envelope(found.items, found.total, q.page, q.per_page, found.extension)),
        );
        responses.set(key, { at: Date.now(), json });
      }
      return reply
        .type('application/json; charset=utf-8')
        .serializer((payload) => payload as string)
        .send(json as unknown as HsdsPageBody);
    },
  );

  app.get(
    '/api/hsds/services/:id',
    { schema: { tags, params: IdParams, querystring: ScopeQuery, response: { 200: HsdsObject } } },
    async (req) => {
      const s = await service.hsdsService(db, await scopeOf(req.query.network), req.params.id);
      if (!s) throw notFound();
      return s;
    },
  );

  app.get(
    '/api/hsds/service_at_locations',
    { schema: { tags, querystring: ServicesQuery, response: { 200: HsdsPage } } },
    async (req, reply) => {
      const q = req.query;
      const networkId = await scopeOf(q.network);
      const list = (offset: number, limit: number) =>
        service.hsdsServiceAtLocations(db, networkId, {
          search: q.search,
          lang: q.lang ?? req.lang,
          postcode: q.postcode,
          termIds: q.taxonomy_term_id
            ?.split(',')
            .map((t) => t.trim())
            .filter(Boolean),
          modifiedAfter: q.modified_after,
          near: q.lat !== undefined && q.lon !== undefined ? { lat: q.lat, lon: q.lon } : undefined,
          radiusM: q.proximity,
          offset,
          limit,
        });
      if (q.format === 'ndjson') {
        // Like the change feed of /services: every record from the page asked for on, in one request, read in
        // chunks of the largest page whatever per_page is.
        return ndjson(
          reply,
          (async function* () {
            for (let offset = (q.page - 1) * q.per_page; ; offset += NDJSON_CHUNK) {
              const r = await list(offset, NDJSON_CHUNK);
              yield* r.items;
              if (r.items.length < NDJSON_CHUNK) return;
            }
          })(),
        );
      }
      const r = await list((q.page - 1) * q.per_page, q.per_page);
      return envelope(r.items, r.total, q.page, q.per_page, r.extension);
    },
  );

  app.get(
    '/api/hsds/organizations',
    { schema: { tags, querystring: ListQuery, response: { 200: HsdsPage } } },
    async (req) => {
      const q = req.query;
      const r = await service.hsdsOrganizations(db, await scopeOf(q.network), q.page, q.per_page);
      return envelope(r.items, r.total, q.page, q.per_page);
    },
  );

  app.get(
    '/api/hsds/organizations/:id',
    { schema: { tags, params: IdParams, querystring: ScopeQuery, response: { 200: HsdsObject } } },
    async (req) => {
      const o = await service.hsdsOrganization(db, await scopeOf(req.query.network), req.params.id);
      if (!o) throw notFound();
      return o;
    },
  );

  app.get(
    '/api/hsds/taxonomies',
    { schema: { tags, querystring: ListQuery, response: { 200: HsdsPage } } },
    async (req) => {
      const q = req.query;
      const r = await service.hsdsTaxonomies(db, q.page, q.per_page);
      return envelope(r.items, r.total, q.page, q.per_page);
    },
  );

  app.get(
    '/api/hsds/taxonomy_terms',
    { schema: { tags, querystring: TaxonomyTermsQuery, response: { 200: HsdsPage } } },
    async (req) => {
      const q = req.query;
      const r = await service.hsdsTaxonomyTerms(db, q.taxonomy_id, q.page, q.per_page);
      return envelope(r.items, r.total, q.page, q.per_page);
    },
  );
};
