import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { AppError } from '../../../platform/errors.ts';
import { LANG_COOKIE } from '../../../platform/http.ts';
import { localMoment } from '../search/schedule.ts';
import { escapeHtml } from './html.ts';
import {
  type Assets,
  type LinkContext,
  notFoundPage,
  organizationPage,
  searchPage,
  servicePage,
  suggestPage,
  suggestPath,
  suggestThanksPage,
} from './pages.ts';
import { langParam, networkParam, parseMapQuery } from './schema.ts';
import * as service from './service.ts';
import {
  HONEYPOT,
  parseFormBody,
  parseSuggestion,
  type SuggestError,
  valuesFrom,
  valuesOf,
} from './suggest.ts';
import { text, widgetTexts } from './texts.ts';

interface Asset {
  body: string;
  type: string;
  etag: string;
  /** Versioned links (?v=) from our own pages may be cached for a year; the bare URL for an hour. */
  url: string;
}

function asset(path: string, type: string, body: string): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { body, type, etag: `"${hash}"`, url: `${path}?v=${hash}` };
}

const read = (relative: string) => fs.readFileSync(new URL(relative, import.meta.url), 'utf8');

/** The map's stylesheet starts with the app's design tokens, so its colours are the checked ones. */
function loadAssets() {
  return {
    css: asset(
      '/kaart/kaart.css',
      'text/css; charset=utf-8',
      // From the project root, so that the compiled dist/server finds the tokens in src/web as well.
      `${read('../../../../../src/web/styles/tokens.css')}\n${read('./kaart.css')}`,
    ),
    js: asset('/kaart/kaart.js', 'text/javascript; charset=utf-8', read('./kaart.js')),
    widget: asset(
      '/kaart/widget.js',
      'text/javascript; charset=utf-8',
      read('./widget.js').replace('/*TEXTS*/ {}', JSON.stringify(widgetTexts())),
    ),
  };
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;
const SUGGEST_BODY_LIMIT = 32 * 1024;

/**
 * The public social map for citizens (decision 023): server-rendered HTML under /kaart that works without
 * JavaScript, a printable service card with a QR code, and a widget partners embed with one script tag. Only
 * published records, and a network's own additions only when ?network= names a published network.
 */
export const publicMapRoutes: FastifyPluginAsync = async (app) => {
  const db = app.db;
  const assets = loadAssets();
  const pageAssets: Assets = { css: assets.css.url, js: assets.js.url };

  const sendAsset = (a: Asset) => async (req: FastifyRequest, reply: FastifyReply) => {
    const versioned = (req.query as Record<string, unknown>).v === a.url.split('?v=')[1];
    reply
      .header('cache-control', versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=3600')
      .header('etag', a.etag)
      .type(a.type);
    // The widget is fetched by other sites' pages: it may be loaded from any origin.
    if (a === assets.widget) reply.header('access-control-allow-origin', '*');
    if (req.headers['if-none-match'] === a.etag) return reply.status(304).send();
    return reply.send(a.body);
  };
  app.get('/kaart/kaart.css', sendAsset(assets.css));
  app.get('/kaart/kaart.js', sendAsset(assets.js));
  app.get('/kaart/widget.js', sendAsset(assets.widget));

  /** Language, network and the headers every page shares; undefined when the network is not public. */
  async function context(
    req: FastifyRequest,
    reply: FastifyReply,
  ): Promise<LinkContext & { missing: boolean }> {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const explicitLang = langParam(raw);
    reply.type('text/html; charset=utf-8');
    if (explicitLang) {
      // A language picked in the switch stays picked, here and in the app, as the app's own switch does.
      reply.setCookie(LANG_COOKIE, explicitLang, { path: '/', sameSite: 'lax', maxAge: 365 * 86_400 });
      reply.header('cache-control', 'private, no-store');
    } else {
      reply.header('cache-control', 'public, max-age=60').header('vary', 'Accept-Language, Cookie');
    }
    const base = { lang: req.lang, explicitLang, network: null };
    const param = networkParam(raw);
    if (!param.valid) return { ...base, missing: true };
    try {
      return { ...base, network: await service.networkScope(db, param.slug), missing: false };
    } catch (e) {
      if (e instanceof AppError && e.status === 404) return { ...base, missing: true };
      throw e;
    }
  }

  const notFound = (reply: FastifyReply, ctx: LinkContext, path: string) =>
    reply.status(404).send(notFoundPage(ctx, pageAssets, path));

  app.get('/kaart', async (req, reply) => {
    const ctx = await context(req, reply);
    if (ctx.missing) return notFound(reply, ctx, '/kaart');
    const q = parseMapQuery(req.query as Record<string, unknown>);
    const rubricList = await service.rubrics(db, ctx.lang);
    const rubricId = rubricList.find((r) => r.code === q.rubric)?.id ?? null;
    const found = await service.searchMap(db, ctx.network, q, ctx.lang, rubricId);
    return reply.send(
      searchPage(ctx, pageAssets, { ...q, rubric: rubricId ? q.rubric : null }, rubricList, found),
    );
  });

  app.get('/kaart/dienst/:id', async (req, reply) => {
    const ctx = await context(req, reply);
    const { id } = req.params as { id: string };
    const path = `/kaart/dienst/${encodeURIComponent(id)}`;
    if (ctx.missing || !ID_PATTERN.test(id)) return notFound(reply, ctx, path);
    const now = new Date();
    const s = await service.serviceDetail(db, ctx.network, id, ctx.lang, localMoment(now).date);
    if (!s) return notFound(reply, ctx, path);
    // The card's QR code leads to the page itself, without the reader's language: the scanner's phone picks its own.
    // Without PUBLIC_URL the link comes from the request's Host header, which the client chooses: such a page
    // must never sit in a shared cache, where one forged Host would print its link for every later reader.
    if (!app.config.publicUrl) reply.header('cache-control', 'private, no-store');
    const base = (app.config.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');
    const publicUrl = `${base}${path}${ctx.network ? `?network=${ctx.network.slug}` : ''}`;
    const svg = await QRCode.toString(publicUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    const label = escapeHtml(text(ctx.lang, 'service_qr_label', { url: publicUrl }));
    const qrSvg = svg.replace('<svg ', `<svg role="img" aria-label="${label}" focusable="false" `);
    const inboxes = await service.suggestionInboxes(db, ctx.network, s.id, localMoment(now).date);
    const suggestUrl = inboxes.length > 0 ? suggestPath(ctx, s.id) : null;
    return reply.send(servicePage(ctx, pageAssets, s, { qrSvg, publicUrl, now, suggestUrl }));
  });

  app.get('/kaart/organisatie/:id', async (req, reply) => {
    const ctx = await context(req, reply);
    const { id } = req.params as { id: string };
    const path = `/kaart/organisatie/${encodeURIComponent(id)}`;
    if (ctx.missing || !ID_PATTERN.test(id)) return notFound(reply, ctx, path);
    const o = await service.organizationDetail(db, ctx.network, id, ctx.lang);
    if (!o) return notFound(reply, ctx, path);
    return reply.send(organizationPage(ctx, pageAssets, o));
  });

  // "Is something wrong?": a plain form post, so a citizen without JavaScript can suggest a change too.
  // Form posts are parsed here only (this plugin's own content-type parser), as a small urlencoded body.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: SUGGEST_BODY_LIMIT },
    (_req, body, done) => done(null, parseFormBody(String(body))),
  );

  /** The service, its inboxes and its current values; a 404 page already sent when there is no form. */
  async function suggestionTarget(req: FastifyRequest, reply: FastifyReply) {
    const ctx = await context(req, reply);
    const { id } = req.params as { id: string };
    const path = `/kaart/dienst/${encodeURIComponent(id)}/voorstel`;
    if (ctx.missing || !ID_PATTERN.test(id)) return { ctx, found: null, sent: notFound(reply, ctx, path) };
    const today = localMoment(new Date()).date;
    const s = await service.serviceDetail(db, ctx.network, id, ctx.lang, today);
    const inboxes = s ? await service.suggestionInboxes(db, ctx.network, id, today) : [];
    const start = inboxes[0] ? await service.suggestionStart(db, inboxes[0], id) : null;
    if (!s || !start) return { ctx, found: null, sent: notFound(reply, ctx, path) };
    const found = {
      service: { id: s.id, name: s.name },
      networks: inboxes.map((i) => i.network.name),
      inboxes,
      fields: start.fields,
    };
    return { ctx, found, sent: null };
  }

  app.get('/kaart/dienst/:id/voorstel', async (req, reply) => {
    const { ctx, found, sent } = await suggestionTarget(req, reply);
    if (!found) return sent;
    const view = { ...found, values: valuesFrom(found.fields), errors: [], formError: null };
    return reply.send(suggestPage(ctx, pageAssets, view));
  });

  app.post('/kaart/dienst/:id/voorstel', { bodyLimit: SUGGEST_BODY_LIMIT }, async (req, reply) => {
    const { ctx, found, sent } = await suggestionTarget(req, reply);
    if (!found) return sent;
    reply.header('cache-control', 'private, no-store');
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const values = valuesOf(raw);
    const homepage = typeof raw[HONEYPOT] === 'string' ? raw[HONEYPOT] : '';
    const who = { ip: req.ip, requestId: req.id, lang: ctx.lang };
    const form = (status: number, errors: SuggestError[], formError: string | null) =>
      reply.status(status).send(suggestPage(ctx, pageAssets, { ...found, values, errors, formError }));
    // A filled-in honeypot goes straight to curation, which counts it and answers like a success.
    const parsed = homepage ? null : parseSuggestion(values, found.fields);
    if (parsed && !parsed.ok) return form(400, parsed.errors, null);
    const s = parsed?.value;
    const comment = s
      ? [s.message, s.hours ? text(ctx.lang, 'suggest_hours_note', { hours: s.hours }) : null]
          .filter(Boolean)
          .join('\n\n') || null
      : null;
    const outcome = await service.submitSuggestion(db, found.inboxes, who, found.service.id, {
      proposed: s?.proposed ?? {},
      comment,
      email: s?.email ?? null,
      homepage,
    });
    if (!outcome.ok && outcome.reason === 'rate_limited')
      return form(429, [], text(ctx.lang, 'suggest_error_rate'));
    if (!outcome.ok) return form(400, [], outcome.reason === 'refused' ? outcome.message : null);
    return reply.send(suggestThanksPage(ctx, pageAssets, found));
  });

  // Anything else under /kaart is this part's 404 in the reader's language, not the single-page app.
  app.get('/kaart/*', async (req, reply) => {
    if ((req.params as Record<string, string>)['*'] === '') {
      const search = req.url.indexOf('?');
      return reply.redirect(`/kaart${search >= 0 ? req.url.slice(search) : ''}`, 301);
    }
    const ctx = await context(req, reply);
    return notFound(reply, ctx, '/kaart');
  });
};
