import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defuseFormula } from '../../platform/csv.ts';
import { resolveTenant } from '../../platform/tenancy.ts';
import * as reg from './registration.ts';
import {
  Attendance,
  CheckInBody,
  EventInput,
  EventList,
  EventParams,
  EventView,
  FeedbackBody,
  FeedbackResults,
  ListQuery,
  OwnRegistration,
  RegistrationBody,
  RegistrationCreated,
  RegistrationList,
  RegistrationParams,
  SlugParams,
  TokenParams,
} from './schema.ts';
import * as service from './service.ts';

const tags = ['events'];
const BASE = '/api/networks/:slug/events';
const Created = z.object({ id: z.string() });
const Done = z.object({ ok: z.literal(true) });

type Cell = string | number | null;
/** RFC 4180 with a byte-order mark (Excel reads UTF-8); text a spreadsheet would run as a formula is defused. */
function toCsv(header: string[], rows: Cell[][]): string {
  const cell = (v: Cell) => {
    if (v === null) return '';
    if (typeof v === 'number') return String(v);
    const safe = defuseFormula(v);
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/**
 * The events API. The agenda, an event's page, its calendar and registering are open to the public for
 * public events (the contract of issue 11); the participant's own link works with its token alone; all else
 * is for staff. Routes resolve the tenant; the services decide who may do what.
 */
export const eventsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const actor = (req: FastifyRequest) => service.actorOf(req.auth, req.id);
  const tenant = (req: FastifyRequest, slug: string) => resolveTenant(db, req.auth, slug);
  const staff = (req: FastifyRequest, slug: string) => resolveTenant(db, req.auth, slug, 'staff');

  app.get(
    BASE,
    { schema: { tags, params: SlugParams, querystring: ListQuery, response: { 200: EventList } } },
    async (req) => ({
      events: await service.listEvents(db, await tenant(req, req.params.slug), {
        upcoming: req.query.upcoming === 'true',
        all: req.query.scope === 'all',
      }),
    }),
  );

  app.get('/api/networks/:slug/events.ics', { schema: { tags, params: SlugParams } }, async (req, reply) => {
    const ics = await service.publicCalendar(db, await tenant(req, req.params.slug));
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `inline; filename="${req.params.slug}.ics"`)
      .send(ics);
  });

  app.post(
    BASE,
    { schema: { tags, params: SlugParams, body: EventInput, response: { 201: Created } } },
    async (req, reply) => {
      const id = await service.createEvent(db, await staff(req, req.params.slug), actor(req), req.body);
      return reply.status(201).send({ id });
    },
  );

  app.get(
    `${BASE}/:eventId`,
    { schema: { tags, params: EventParams, response: { 200: EventView } } },
    async (req) => service.eventView(db, await tenant(req, req.params.slug), req.params.eventId),
  );

  app.put(
    `${BASE}/:eventId`,
    { schema: { tags, params: EventParams, body: EventInput, response: { 200: EventView } } },
    async (req) => {
      const ctx = await staff(req, req.params.slug);
      await service.updateEvent(db, ctx, actor(req), req.params.eventId, req.body);
      return service.eventView(db, ctx, req.params.eventId);
    },
  );

  // Registering: the public may, for a public event (the service checks visibility and the window).
  app.post(
    `${BASE}/:eventId/registrations`,
    {
      config: { publicWrite: true },
      schema: { tags, params: EventParams, body: RegistrationBody, response: { 201: RegistrationCreated } },
    },
    async (req, reply) => {
      const ctx = await tenant(req, req.params.slug);
      const created = await reg.register(db, ctx, actor(req), req.lang, req.params.eventId, req.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    `${BASE}/:eventId/registrations`,
    { schema: { tags, params: EventParams, response: { 200: RegistrationList } } },
    async (req) => service.registrations(db, await staff(req, req.params.slug), req.params.eventId),
  );

  app.get(
    `${BASE}/:eventId/registrations.csv`,
    { schema: { tags, params: EventParams } },
    async (req, reply) => {
      const ctx = await staff(req, req.params.slug);
      const view = await service.eventView(db, ctx, req.params.eventId);
      const { registrations } = await service.registrations(db, ctx, req.params.eventId);
      const header = [
        'seq',
        'name',
        'email',
        'organisation',
        'status',
        'waitlist_position',
        'registered_at',
        'checked_in_at',
        ...view.questions.map((q) => q.label),
      ];
      const rows = registrations.map((r) => [
        r.seq,
        r.name,
        r.email,
        r.organisation,
        r.status,
        r.position,
        r.createdAt,
        r.checkedInAt,
        ...view.questions.map((q) => r.answers[q.id] ?? null),
      ]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="inschrijvingen.csv"')
        .send(toCsv(header, rows));
    },
  );

  app.post(
    `${BASE}/:eventId/registrations/:registrationId/check-in`,
    { schema: { tags, params: RegistrationParams, body: CheckInBody, response: { 200: Done } } },
    async (req) => {
      const { slug, eventId, registrationId } = req.params;
      await reg.checkIn(db, await staff(req, slug), actor(req), eventId, registrationId, req.body.present);
      return { ok: true as const };
    },
  );

  app.post(
    `${BASE}/:eventId/registrations/:registrationId/cancel`,
    { schema: { tags, params: RegistrationParams, response: { 200: Done } } },
    async (req) => {
      const { slug, eventId, registrationId } = req.params;
      await reg.cancelById(db, await staff(req, slug), actor(req), eventId, registrationId);
      return { ok: true as const };
    },
  );

  app.get(
    `${BASE}/:eventId/attendance`,
    { schema: { tags, params: EventParams, response: { 200: Attendance } } },
    async (req) => service.attendance(db, await staff(req, req.params.slug), req.params.eventId),
  );

  app.get(
    `${BASE}/:eventId/feedback`,
    { schema: { tags, params: EventParams, response: { 200: FeedbackResults } } },
    async (req) => service.feedbackResults(db, await staff(req, req.params.slug), req.params.eventId),
  );

  // The participant's own link: the token in the path is the credential (kept out of logs by logSafeUrl).
  const TOKEN = '/api/networks/:slug/events/registration/:token';

  app.get(
    TOKEN,
    { schema: { tags, params: TokenParams, response: { 200: OwnRegistration } } },
    async (req) => {
      const ctx = await tenant(req, req.params.slug);
      const found = await reg.registrationByToken(db, ctx, req.params.token);
      return (await service.ownRegistration(db, ctx, found)).view;
    },
  );

  app.post(
    `${TOKEN}/cancel`,
    { config: { publicWrite: true }, schema: { tags, params: TokenParams, response: { 200: Done } } },
    async (req) => {
      await reg.cancelByToken(db, await tenant(req, req.params.slug), actor(req), req.params.token);
      return { ok: true as const };
    },
  );

  app.post(
    `${TOKEN}/confirm`,
    { config: { publicWrite: true }, schema: { tags, params: TokenParams, response: { 200: Done } } },
    async (req) => {
      await reg.confirmOffer(db, await tenant(req, req.params.slug), actor(req), req.params.token);
      return { ok: true as const };
    },
  );

  app.post(
    `${TOKEN}/feedback`,
    {
      config: { publicWrite: true },
      schema: { tags, params: TokenParams, body: FeedbackBody, response: { 201: Done } },
    },
    async (req, reply) => {
      await reg.giveFeedback(db, await tenant(req, req.params.slug), actor(req), req.params.token, req.body);
      return reply.status(201).send({ ok: true as const });
    },
  );
};
