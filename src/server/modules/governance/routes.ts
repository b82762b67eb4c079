import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolveTenant } from '../../platform/tenancy.ts';
import {
  AttendanceInput,
  BodyInput,
  BodyList,
  BodyParams,
  Decision,
  DecisionInput,
  DecisionList,
  DecisionParams,
  DecisionQuery,
  MeetingInput,
  MeetingList,
  MeetingParams,
  MeetingView,
  MemberInput,
  SlugParams,
  VotesInput,
} from './schema.ts';
import * as service from './service.ts';

const tags = ['governance'];
const BASE = '/api/networks/:slug/governance';
const Created = z.object({ id: z.string() });

/** The governance API: board members and other viewers read, staff write. */
export const governanceRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const actor = (req: FastifyRequest) => service.actorOf(req.auth, req.id);
  const viewer = (req: FastifyRequest, slug: string) => resolveTenant(db, req.auth, slug, 'viewer');
  const staff = (req: FastifyRequest, slug: string) => resolveTenant(db, req.auth, slug, 'staff');

  app.get(
    `${BASE}/bodies`,
    { schema: { tags, params: SlugParams, response: { 200: BodyList } } },
    async (req) => ({ bodies: await service.listBodies(db, await viewer(req, req.params.slug)) }),
  );

  app.post(
    `${BASE}/bodies`,
    { schema: { tags, params: SlugParams, body: BodyInput, response: { 201: Created } } },
    async (req, reply) => {
      const id = await service.createBody(db, await staff(req, req.params.slug), actor(req), req.body);
      return reply.status(201).send({ id });
    },
  );

  app.post(
    `${BASE}/bodies/:bodyId/members`,
    { schema: { tags, params: BodyParams, body: MemberInput, response: { 201: Created } } },
    async (req, reply) => {
      const ctx = await staff(req, req.params.slug);
      const id = await service.addMember(db, ctx, actor(req), req.params.bodyId, req.body);
      return reply.status(201).send({ id });
    },
  );

  app.get(
    `${BASE}/bodies/:bodyId/meetings`,
    { schema: { tags, params: BodyParams, response: { 200: MeetingList } } },
    async (req) => ({
      meetings: await service.listMeetings(db, await viewer(req, req.params.slug), req.params.bodyId),
    }),
  );

  app.post(
    `${BASE}/bodies/:bodyId/meetings`,
    { schema: { tags, params: BodyParams, body: MeetingInput, response: { 201: Created } } },
    async (req, reply) => {
      const ctx = await staff(req, req.params.slug);
      const id = await service.createMeeting(db, ctx, actor(req), req.params.bodyId, req.body);
      return reply.status(201).send({ id });
    },
  );

  app.get(
    `${BASE}/meetings/:meetingId`,
    { schema: { tags, params: MeetingParams, response: { 200: MeetingView } } },
    async (req) => service.meetingView(db, await viewer(req, req.params.slug), req.params.meetingId),
  );

  app.put(
    `${BASE}/meetings/:meetingId/attendance`,
    { schema: { tags, params: MeetingParams, body: AttendanceInput, response: { 200: MeetingView } } },
    async (req) => {
      const ctx = await staff(req, req.params.slug);
      await service.setAttendance(db, ctx, actor(req), req.params.meetingId, req.body);
      return service.meetingView(db, ctx, req.params.meetingId);
    },
  );

  app.post(
    `${BASE}/meetings/:meetingId/decisions`,
    { schema: { tags, params: MeetingParams, body: DecisionInput, response: { 201: Created } } },
    async (req, reply) => {
      const ctx = await staff(req, req.params.slug);
      const id = await service.createDecision(db, ctx, actor(req), req.params.meetingId, req.body);
      return reply.status(201).send({ id });
    },
  );

  app.post(
    `${BASE}/decisions/:decisionId/votes`,
    { schema: { tags, params: DecisionParams, body: VotesInput, response: { 201: Decision } } },
    async (req, reply) => {
      const ctx = await staff(req, req.params.slug);
      const view = await service.castVotes(db, ctx, actor(req), req.params.decisionId, req.body);
      return reply.status(201).send(view);
    },
  );

  app.get(
    `${BASE}/decisions`,
    { schema: { tags, params: SlugParams, querystring: DecisionQuery, response: { 200: DecisionList } } },
    async (req) => ({
      decisions: await service.searchDecisions(db, await viewer(req, req.params.slug), req.query.q),
    }),
  );
};
