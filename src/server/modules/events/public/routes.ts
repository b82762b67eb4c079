import fs from 'node:fs';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { Actor } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { LANG_COOKIE } from '../../../platform/http.ts';
import { LANGUAGES, type Language, translate } from '../../../platform/i18n.ts';
import { resolveTenant, type TenantContext } from '../../../platform/tenancy.ts';
import * as reg from '../registration.ts';
import { FeedbackBody, RegistrationBody } from '../schema.ts';
import * as service from '../service.ts';
import {
  agendaLink,
  CSS_PATH,
  detailPage,
  detailPath,
  listPage,
  messagePage,
  notFoundPage,
  ownPage,
  type PageContext,
} from './pages.ts';

const FORM_LIMIT = 32 * 1024;
const ID = /^[A-Za-z0-9_-]{1,100}$/;
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

interface Context {
  tenant: TenantContext;
  page: PageContext;
}

const read = (relative: string) => fs.readFileSync(new URL(relative, import.meta.url), 'utf8');

/** A request's form fields (first value of each). */
function formFields(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(body)) if (!(k in out)) out[k] = v.slice(0, 5000);
  return out;
}

/**
 * The public agenda (issue 11): server-rendered pages under /agenda/{network} that work without JavaScript —
 * the upcoming public events, an event with its registration form, and the participant's own page behind
 * the link in their mail (status, QR code for the door, cancel, confirm a held place, feedback).
 */
export const publicAgendaRoutes: FastifyPluginAsync = async (app) => {
  const db = app.db;
  const css = `${read('../../../../web/styles/tokens.css')}\n${read('../../directory/public/kaart.css')}\n${read('./agenda.css')}`;

  app.get(CSS_PATH, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css),
  );

  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_LIMIT },
    (_req, body, done) => done(null, formFields(String(body))),
  );

  /** The network (published, else null) and the language; headers every page shares. */
  async function context(req: FastifyRequest, reply: FastifyReply): Promise<Context | null> {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const explicitLang = LANGUAGES.includes(raw.lang as Language) ? (raw.lang as Language) : null;
    reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store');
    if (explicitLang)
      reply.setCookie(LANG_COOKIE, explicitLang, { path: '/', sameSite: 'lax', maxAge: 365 * 86_400 });
    const { slug } = req.params as { slug: string };
    try {
      const tenant = await resolveTenant(db, null, slug);
      const page: PageContext = { lang: req.lang, network: tenant.network, explicitLang };
      return { tenant, page };
    } catch (e) {
      if (e instanceof AppError && e.status === 404) return null;
      throw e;
    }
  }

  const missing = (reply: FastifyReply) =>
    reply
      .status(404)
      .type('text/html; charset=utf-8')
      .send('<!doctype html><html lang="nl"><title>404</title><h1>404</h1></html>');
  const messageOf = (lang: Language, err: unknown) => {
    if (err instanceof AppError) return translate(lang, err.messageKey, err.params);
    throw err;
  };

  app.get('/agenda/:slug', async (req, reply) => {
    const c = await context(req, reply);
    if (!c) return missing(reply);
    const events = await service.listEvents(db, c.tenant, { upcoming: true, all: false });
    return reply.send(listPage(c.page, events));
  });

  async function showEvent(c: Context, id: string) {
    if (!ID.test(id)) return null;
    try {
      return await service.eventView(db, c.tenant, id);
    } catch (e) {
      if (e instanceof AppError && e.status === 404) return null;
      throw e;
    }
  }

  app.get('/agenda/:slug/:eventId', async (req, reply) => {
    const c = await context(req, reply);
    if (!c) return missing(reply);
    const e = await showEvent(c, (req.params as { eventId: string }).eventId);
    if (!e) return reply.status(404).send(notFoundPage(c.page));
    return reply.send(detailPage(c.page, e, { values: {}, error: null }));
  });

  app.post('/agenda/:slug/:eventId', async (req, reply) => {
    const c = await context(req, reply);
    if (!c) return missing(reply);
    const e = await showEvent(c, (req.params as { eventId: string }).eventId);
    if (!e) return reply.status(404).send(notFoundPage(c.page));
    const values = (req.body ?? {}) as Record<string, string>;
    const answers = Object.fromEntries(
      Object.entries(values)
        .filter(([k]) => k.startsWith('answer_'))
        .map(([k, v]) => [k.slice('answer_'.length), v]),
    );
    const parsed = RegistrationBody.safeParse({
      name: values.name ?? '',
      email: values.email ?? '',
      organisation: values.organisation || null,
      answers,
      website: values.website || undefined,
    });
    const again = (status: number, error: string) =>
      reply.status(status).send(detailPage(c.page, e, { values, error }));
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0] === 'email' ? 'agenda_email' : 'agenda_name';
      return again(
        400,
        translate(c.page.lang, 'validation_failed', { details: translate(c.page.lang, field) }),
      );
    }
    try {
      const done = await reg.register(
        db,
        c.tenant,
        { userId: null, requestId: req.id },
        c.page.lang,
        e.id,
        parsed.data,
      );
      const message =
        done.status === 'confirmed'
          ? translate(c.page.lang, 'agenda_thanks_confirmed', { email: parsed.data.email })
          : translate(c.page.lang, 'agenda_thanks_waitlisted', { position: done.position ?? 0 });
      return reply.send(
        messagePage(c.page, e.title, message, agendaLink(c.page, detailPath(c.page.network.slug, e.id))),
      );
    } catch (err) {
      const status = err instanceof AppError ? err.status : 500;
      return again(status, messageOf(c.page.lang, err));
    }
  });

  async function own(req: FastifyRequest, reply: FastifyReply, notice: string | null, error: string | null) {
    const c = await context(req, reply);
    if (!c) return missing(reply);
    const { token } = req.params as { token: string };
    if (!TOKEN.test(token)) return reply.status(404).send(notFoundPage(c.page));
    try {
      const found = await reg.registrationByToken(db, c.tenant, token);
      const { view } = await service.ownRegistration(db, c.tenant, found);
      const label = translate(c.page.lang, 'agenda_qr', { code: view.checkinCode });
      const svg = await QRCode.toString(view.checkinCode, {
        type: 'svg',
        margin: 1,
        errorCorrectionLevel: 'M',
      });
      const qrSvg = svg.replace(
        '<svg ',
        `<svg role="img" aria-label="${label.replace(/"/g, '&quot;')}" focusable="false" `,
      );
      return reply.status(error ? 409 : 200).send(ownPage(c.page, token, view, { qrSvg, notice, error }));
    } catch (err) {
      return reply
        .status(404)
        .send(messagePage(c.page, translate(c.page.lang, 'agenda_yours'), messageOf(c.page.lang, err), null));
    }
  }

  app.get('/agenda/:slug/inschrijving/:token', (req, reply) => own(req, reply, null, null));

  /** A participant's action through their link, then their page again with what happened. */
  const act =
    (
      run: (c: Context, actor: Actor, token: string, body: Record<string, string>) => Promise<unknown>,
      done: string,
    ) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      const c = await context(req, reply);
      if (!c) return missing(reply);
      const { token } = req.params as { token: string };
      if (!TOKEN.test(token)) return reply.status(404).send(notFoundPage(c.page));
      try {
        const actor = { userId: null, requestId: req.id };
        await run(c, actor, token, (req.body ?? {}) as Record<string, string>);
        return own(req, reply, translate(c.page.lang, done), null);
      } catch (err) {
        return own(req, reply, null, messageOf(c.page.lang, err));
      }
    };

  app.post(
    '/agenda/:slug/inschrijving/:token/annuleren',
    act((c, actor, token) => reg.cancelByToken(db, c.tenant, actor, token), 'agenda_cancelled_done'),
  );
  app.post(
    '/agenda/:slug/inschrijving/:token/bevestigen',
    act((c, actor, token) => reg.confirmOffer(db, c.tenant, actor, token), 'agenda_confirmed_done'),
  );
  app.post(
    '/agenda/:slug/inschrijving/:token/feedback',
    act(async (c, actor, token, body) => {
      const parsed = FeedbackBody.safeParse({
        rating: Number(body.rating),
        useful: body.useful ? Number(body.useful) : null,
        comment: body.comment || null,
      });
      if (!parsed.success) {
        throw new AppError(400, 'validation_failed', {
          details: translate(c.page.lang, 'agenda_feedback_rating'),
        });
      }
      await reg.giveFeedback(db, c.tenant, actor, token, parsed.data);
    }, 'agenda_feedback_thanks'),
  );
};
