import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountsRoutes } from './modules/accounts/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { directoryAnalysisRoutes } from './modules/directory/analysis/routes.ts';
import { curateRoutes } from './modules/directory/curate/routes.ts';
import { exchangeRoutes } from './modules/directory/exchange/routes.ts';
import { directoryFindRoutes } from './modules/directory/find/routes.ts';
import { publicMapRoutes } from './modules/directory/public/routes.ts';
import { directoryRoutes } from './modules/directory/routes.ts';
import { publicAgendaRoutes } from './modules/events/public/routes.ts';
import { eventsRoutes } from './modules/events/routes.ts';
import { governanceRoutes } from './modules/governance/routes.ts';
import { insightsRoutes } from './modules/insights/routes.ts';
import { networkRoutes } from './modules/network/routes.ts';
import { networksRoutes } from './modules/networks/routes.ts';
import { outboxRoutes } from './modules/outbox/routes.ts';
import { planRoutes } from './modules/plan/routes.ts';
import { signalsRoutes } from './modules/signals/routes.ts';
import type { Config } from './platform/config.ts';
import type { DbHandle } from './platform/db/index.ts';
import { ping } from './platform/db/index.ts';
import { errorBody, httpPlatform } from './platform/http.ts';
import { setPublicBaseUrl } from './platform/outbox.ts';

export const WEB_DIST = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** Security headers for every answer; the CSP allows what MapLibre and ECharts need (blob workers, inline styles). */
const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(self)',
};
const CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; " +
  "child-src blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'";

/**
 * The request line as it may be logged: the single-use tokens of "is this still correct?" links and the
 * participants' links to their event registration travel in the path (API and page), and whoever reads the
 * log must not be able to use them.
 */
export function logSafeUrl(url: string): string {
  return url.replace(/\/(assurance|bevestigen|registration|inschrijving)\/[^/?#]+/g, '/$1/[token]');
}

/** A hop count as Fastify applies it (its types accept only addresses): trust the nearest `hops` proxies. */
const trustedProxies = (setting: Config['trustProxy']) =>
  typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;

export async function buildApp(config: Config, handle: DbHandle): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Session cookies and CSRF tokens must never reach a log file.
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      serializers: {
        req: (req: { method: string; url: string; hostname?: string; ip?: string }) => ({
          method: req.method,
          url: logSafeUrl(req.url),
          host: req.hostname,
          remoteAddress: req.ip,
        }),
      },
    },
    genReqId: () => crypto.randomUUID(),
    trustProxy: trustedProxies(config.trustProxy),
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  for (const warning of config.warnings) app.log.warn(`CONFIGURATION WARNING: ${warning}`);
  setPublicBaseUrl(config.publicUrl);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', handle.db);
  app.decorate('engine', handle.engine);
  app.decorate('config', config);

  app.addHook('onSend', async (req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    if (
      !req.url.startsWith('/api/docs') &&
      String(reply.getHeader('content-type') ?? '').startsWith('text/html')
    ) {
      reply.header('content-security-policy', CSP);
    }
    reply.header('x-request-id', req.id);
    return payload;
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Knooppunt API',
        version: config.version,
        description: 'API of Knooppunt, the digital backbone of a regional care and welfare network.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kp_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(httpPlatform);

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        response: {
          200: z.object({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']), version: z.string() }),
        },
      },
    },
    async () => {
      await ping(handle.db);
      return { status: 'ok' as const, db: handle.engine, version: config.version };
    },
  );

  await app.register(accountsRoutes);
  await app.register(networksRoutes);
  await app.register(auditRoutes);
  await app.register(outboxRoutes);
  await app.register(networkRoutes);
  await app.register(directoryRoutes);
  await app.register(publicMapRoutes);
  await app.register(curateRoutes);
  await app.register(directoryFindRoutes);
  await app.register(directoryAnalysisRoutes);
  await app.register(exchangeRoutes);
  await app.register(planRoutes);
  await app.register(eventsRoutes);
  await app.register(publicAgendaRoutes);
  await app.register(insightsRoutes);
  await app.register(signalsRoutes);
  await app.register(governanceRoutes);

  const indexHtml = path.join(WEB_DIST, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
  }
  app.setNotFoundHandler((req, reply) => {
    // Every non-API page is the single-page app; React Router then shows the page or its own 404.
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(errorBody(req.lang, 'route_not_found', 'route_not_found'));
  });

  return app;
}
