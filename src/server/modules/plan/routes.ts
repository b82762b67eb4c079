import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../platform/http.ts';
import { resolveTenant } from '../../platform/tenancy.ts';
import { planCsv } from './csv.ts';
import { ExportDocument, exportPlans, importPlans } from './exchange.ts';
import * as read from './read.ts';
import {
  ActionPlan,
  AttachmentParams,
  ConfirmQuery,
  CreateAttachmentBody,
  CreateIndicatorBody,
  CreateLinkBody,
  CreateMeasurementBody,
  CreateNodeBody,
  CreatePlanBody,
  CreateRequestBody,
  CsvQuery,
  DeletionParams,
  DeletionResult,
  DeletionView,
  IndicatorDetail,
  IndicatorParams,
  LinkParams,
  MeasurementParams,
  MoveNodeBody,
  MyActions,
  NodeDetail,
  NodeParams,
  PlanParams,
  PlanTree,
  PlanView,
  ProgressReport,
  ReportQuery,
  RequestParams,
  RequestsQuery,
  RequestView,
  SetStatusBody,
  SetTargetsBody,
  SetWeightsBody,
  SlugParams,
  UpdateIndicatorBody,
  UpdateNodeBody,
  UpdatePlanBody,
  YearQuery,
} from './schema.ts';
import * as service from './service.ts';

const tags = ['plan'];
const Created = z.object({ id: z.string() });
const PLANS = '/api/networks/:slug/plans';

/**
 * The policy-plan API. Reading: members of every role, and anyone for a published plan of a published
 * network. Writing: staff; the owner of a node for that node; a partner for the measurement they were
 * asked for. The services check these rules; routes only resolve the tenant and shape the answers.
 */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const actor = (req: FastifyRequest) => service.actorOf(req.auth, req.id);
  const reader = (req: FastifyRequest, slug: string) => resolveTenant(db, req.auth, slug);
  // Writes need a member; which member may do what is the service's decision.
  const member = (req: FastifyRequest, slug: string) => resolveTenant(db, req.auth, slug, 'viewer');
  const nodeDetail = async (req: FastifyRequest, slug: string, planId: string, nodeId: string) =>
    read.nodeDetail(db, await reader(req, slug), req.auth?.user.id ?? null, planId, nodeId, req.lang);
  const indicatorDetail = async (req: FastifyRequest, slug: string, planId: string, indicatorId: string) =>
    read.indicatorDetail(db, await reader(req, slug), planId, indicatorId, req.lang);

  app.get(
    PLANS,
    { schema: { tags, params: SlugParams, response: { 200: z.object({ plans: z.array(PlanView) }) } } },
    async (req) => ({ plans: await read.listPlans(db, await reader(req, req.params.slug), req.lang) }),
  );

  app.post(
    PLANS,
    { schema: { tags, params: SlugParams, body: CreatePlanBody, response: { 201: PlanView } } },
    async (req, reply) => {
      const tenant = await member(req, req.params.slug);
      const plan = await service.createPlan(db, tenant, actor(req), req.body);
      return reply.status(201).send(read.planView(plan, req.lang));
    },
  );

  app.post(
    `${PLANS}/import`,
    {
      schema: {
        tags,
        params: SlugParams,
        body: z.unknown(),
        response: { 201: z.object({ planIds: z.array(z.string()) }) },
      },
    },
    async (req, reply) => {
      const tenant = await member(req, req.params.slug);
      return reply.status(201).send(await importPlans(db, tenant, actor(req), req.body));
    },
  );

  app.get(
    `${PLANS}/:planId`,
    { schema: { tags, params: PlanParams, response: { 200: PlanView } } },
    async (req) => {
      const plan = await service.readablePlan(db, await reader(req, req.params.slug), req.params.planId);
      return read.planView(plan, req.lang);
    },
  );

  app.patch(
    `${PLANS}/:planId`,
    { schema: { tags, params: PlanParams, body: UpdatePlanBody, response: { 200: PlanView } } },
    async (req) => {
      const tenant = await member(req, req.params.slug);
      await service.updatePlan(db, tenant, actor(req), req.params.planId, req.body);
      return read.planView(await service.readablePlan(db, tenant, req.params.planId), req.lang);
    },
  );

  app.get(
    `${PLANS}/:planId/tree`,
    { schema: { tags, params: PlanParams, response: { 200: PlanTree } } },
    async (req) => read.planTree(db, await reader(req, req.params.slug), req.params.planId, req.lang),
  );

  // Nodes.

  app.post(
    `${PLANS}/:planId/nodes`,
    { schema: { tags, params: PlanParams, body: CreateNodeBody, response: { 201: Created } } },
    async (req, reply) => {
      const tenant = await member(req, req.params.slug);
      const id = await service.createNode(db, tenant, actor(req), req.params.planId, req.body);
      return reply.status(201).send({ id });
    },
  );

  app.get(
    `${PLANS}/:planId/nodes/:nodeId`,
    { schema: { tags, params: NodeParams, response: { 200: NodeDetail } } },
    async (req) => nodeDetail(req, req.params.slug, req.params.planId, req.params.nodeId),
  );

  app.patch(
    `${PLANS}/:planId/nodes/:nodeId`,
    { schema: { tags, params: NodeParams, body: UpdateNodeBody, response: { 200: NodeDetail } } },
    async (req) => {
      const { slug, planId, nodeId } = req.params;
      await service.updateNode(db, await member(req, slug), actor(req), planId, nodeId, req.body);
      return nodeDetail(req, slug, planId, nodeId);
    },
  );

  app.delete(
    `${PLANS}/:planId/nodes/:nodeId`,
    { schema: { tags, params: NodeParams, querystring: ConfirmQuery, response: { 200: DeletionResult } } },
    async (req) => {
      const { slug, planId, nodeId } = req.params;
      return service.deleteNode(db, await member(req, slug), actor(req), planId, nodeId, req.query.confirm);
    },
  );

  app.post(
    `${PLANS}/:planId/nodes/:nodeId/move`,
    { schema: { tags, params: NodeParams, body: MoveNodeBody, response: { 200: NodeDetail } } },
    async (req) => {
      const { slug, planId, nodeId } = req.params;
      await service.moveNode(db, await member(req, slug), actor(req), planId, nodeId, req.body);
      return nodeDetail(req, slug, planId, nodeId);
    },
  );

  app.post(
    `${PLANS}/:planId/nodes/:nodeId/status`,
    { schema: { tags, params: NodeParams, body: SetStatusBody, response: { 200: NodeDetail } } },
    async (req) => {
      const { slug, planId, nodeId } = req.params;
      await service.setStatus(db, await member(req, slug), actor(req), planId, nodeId, req.body);
      return nodeDetail(req, slug, planId, nodeId);
    },
  );

  app.post(
    `${PLANS}/:planId/nodes/:nodeId/attachments`,
    { schema: { tags, params: NodeParams, body: CreateAttachmentBody, response: { 201: Created } } },
    async (req, reply) => {
      const { slug, planId, nodeId } = req.params;
      const id = await service.addAttachment(
        db,
        await member(req, slug),
        actor(req),
        planId,
        nodeId,
        req.body,
      );
      return reply.status(201).send({ id });
    },
  );

  app.delete(
    `${PLANS}/:planId/nodes/:nodeId/attachments/:attachmentId`,
    { schema: { tags, params: AttachmentParams, response: { 204: z.null() } } },
    async (req, reply) => {
      const { slug, planId, nodeId, attachmentId } = req.params;
      await service.deleteAttachment(db, await member(req, slug), actor(req), planId, nodeId, attachmentId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    `${PLANS}/:planId/weights`,
    { schema: { tags, params: PlanParams, body: SetWeightsBody, response: { 200: PlanTree } } },
    async (req) => {
      const tenant = await member(req, req.params.slug);
      await service.setWeights(db, tenant, actor(req), req.params.planId, req.body);
      return read.planTree(db, tenant, req.params.planId, req.lang);
    },
  );

  app.post(
    `${PLANS}/:planId/links`,
    { schema: { tags, params: PlanParams, body: CreateLinkBody, response: { 201: Created } } },
    async (req, reply) => {
      const tenant = await member(req, req.params.slug);
      const id = await service.createLink(db, tenant, actor(req), req.params.planId, req.body);
      return reply.status(201).send({ id });
    },
  );

  app.delete(
    `${PLANS}/:planId/links/:linkId`,
    { schema: { tags, params: LinkParams, response: { 204: z.null() } } },
    async (req, reply) => {
      const { slug, planId, linkId } = req.params;
      await service.deleteLink(db, await member(req, slug), actor(req), planId, linkId);
      return reply.status(204).send(null);
    },
  );

  // Deletions and their undo.

  app.get(
    `${PLANS}/:planId/deletions`,
    {
      schema: { tags, params: PlanParams, response: { 200: z.object({ deletions: z.array(DeletionView) }) } },
    },
    async (req) => ({
      deletions: await read.listDeletions(db, await member(req, req.params.slug), req.params.planId),
    }),
  );

  app.post(
    `${PLANS}/:planId/deletions/:deletionId/undo`,
    { schema: { tags, params: DeletionParams, response: { 204: z.null() } } },
    async (req, reply) => {
      const { slug, planId, deletionId } = req.params;
      await service.undoDeletion(db, await member(req, slug), actor(req), planId, deletionId);
      return reply.status(204).send(null);
    },
  );

  // Indicators.

  app.post(
    `${PLANS}/:planId/indicators`,
    { schema: { tags, params: PlanParams, body: CreateIndicatorBody, response: { 201: Created } } },
    async (req, reply) => {
      const tenant = await member(req, req.params.slug);
      const id = await service.createIndicator(db, tenant, actor(req), req.params.planId, req.body);
      return reply.status(201).send({ id });
    },
  );

  app.get(
    `${PLANS}/:planId/indicators/:indicatorId`,
    { schema: { tags, params: IndicatorParams, response: { 200: IndicatorDetail } } },
    async (req) => indicatorDetail(req, req.params.slug, req.params.planId, req.params.indicatorId),
  );

  app.patch(
    `${PLANS}/:planId/indicators/:indicatorId`,
    {
      schema: {
        tags,
        params: IndicatorParams,
        body: UpdateIndicatorBody,
        response: { 200: IndicatorDetail },
      },
    },
    async (req) => {
      const { slug, planId, indicatorId } = req.params;
      await service.updateIndicator(db, await member(req, slug), actor(req), planId, indicatorId, req.body);
      return indicatorDetail(req, slug, planId, indicatorId);
    },
  );

  app.delete(
    `${PLANS}/:planId/indicators/:indicatorId`,
    {
      schema: { tags, params: IndicatorParams, querystring: ConfirmQuery, response: { 200: DeletionResult } },
    },
    async (req) => {
      const { slug, planId, indicatorId } = req.params;
      const tenant = await member(req, slug);
      return service.deleteIndicator(db, tenant, actor(req), planId, indicatorId, req.query.confirm);
    },
  );

  app.put(
    `${PLANS}/:planId/indicators/:indicatorId/targets`,
    { schema: { tags, params: IndicatorParams, body: SetTargetsBody, response: { 200: IndicatorDetail } } },
    async (req) => {
      const { slug, planId, indicatorId } = req.params;
      await service.setTargets(db, await member(req, slug), actor(req), planId, indicatorId, req.body);
      return indicatorDetail(req, slug, planId, indicatorId);
    },
  );

  app.post(
    `${PLANS}/:planId/indicators/:indicatorId/measurements`,
    {
      schema: {
        tags,
        params: IndicatorParams,
        body: CreateMeasurementBody,
        response: { 201: IndicatorDetail },
      },
    },
    async (req, reply) => {
      const { slug, planId, indicatorId } = req.params;
      await service.addMeasurement(db, await member(req, slug), actor(req), planId, indicatorId, req.body);
      return reply.status(201).send(await indicatorDetail(req, slug, planId, indicatorId));
    },
  );

  app.delete(
    `${PLANS}/:planId/indicators/:indicatorId/measurements/:measurementId`,
    { schema: { tags, params: MeasurementParams, response: { 200: DeletionResult } } },
    async (req) => {
      const { slug, planId, indicatorId, measurementId } = req.params;
      const tenant = await member(req, slug);
      return service.deleteMeasurement(db, tenant, actor(req), planId, indicatorId, measurementId);
    },
  );

  app.post(
    `${PLANS}/:planId/indicators/:indicatorId/figures`,
    {
      schema: {
        tags,
        params: IndicatorParams,
        response: { 200: IndicatorDetail.extend({ added: z.number() }) },
      },
    },
    async (req) => {
      const { slug, planId, indicatorId } = req.params;
      const added = await service.syncFigures(db, await member(req, slug), actor(req), planId, indicatorId);
      return { ...(await indicatorDetail(req, slug, planId, indicatorId)), added };
    },
  );

  // Measurement requests.

  app.post(
    `${PLANS}/:planId/indicators/:indicatorId/requests`,
    { schema: { tags, params: IndicatorParams, body: CreateRequestBody, response: { 201: Created } } },
    async (req, reply) => {
      const { slug, planId, indicatorId } = req.params;
      const id = await service.createRequest(
        db,
        await member(req, slug),
        actor(req),
        planId,
        indicatorId,
        req.body,
      );
      return reply.status(201).send({ id });
    },
  );

  app.get(
    `${PLANS}/:planId/requests`,
    {
      schema: {
        tags,
        params: PlanParams,
        querystring: RequestsQuery,
        response: { 200: z.object({ requests: z.array(RequestView) }) },
      },
    },
    async (req) => {
      const tenant = await member(req, req.params.slug);
      const { state, mine } = req.query;
      return {
        requests: await read.listRequests(
          db,
          tenant,
          requireAuth(req).user.id,
          req.params.planId,
          state,
          mine,
        ),
      };
    },
  );

  app.post(
    `${PLANS}/:planId/requests/:requestId/remind`,
    { schema: { tags, params: RequestParams, response: { 204: z.null() } } },
    async (req, reply) => {
      const { slug, planId, requestId } = req.params;
      await service.remindRequest(db, await member(req, slug), actor(req), planId, requestId);
      return reply.status(204).send(null);
    },
  );

  // Views for the board and for the people who carry out the plan.

  app.get(
    `${PLANS}/:planId/my-actions`,
    { schema: { tags, params: PlanParams, response: { 200: MyActions } } },
    async (req) => {
      const tenant = await member(req, req.params.slug);
      return read.myActions(db, tenant, requireAuth(req).user.id, req.params.planId, req.lang);
    },
  );

  app.get(
    `${PLANS}/:planId/action-plan`,
    { schema: { tags, params: PlanParams, querystring: YearQuery, response: { 200: ActionPlan } } },
    async (req) =>
      read.actionPlan(db, await reader(req, req.params.slug), req.params.planId, req.query.year, req.lang),
  );

  app.get(
    `${PLANS}/:planId/report`,
    { schema: { tags, params: PlanParams, querystring: ReportQuery, response: { 200: ProgressReport } } },
    async (req) =>
      read.progressReport(
        db,
        await reader(req, req.params.slug),
        req.params.planId,
        req.query.from,
        req.query.to,
        req.lang,
      ),
  );

  app.get(
    `${PLANS}/:planId/export.json`,
    { schema: { tags, params: PlanParams, response: { 200: ExportDocument } } },
    async (req, reply) => {
      const doc = await exportPlans(db, await member(req, req.params.slug), [req.params.planId]);
      reply.header('content-disposition', `attachment; filename="plan-${req.params.planId}.json"`);
      return doc;
    },
  );

  app.get(
    `${PLANS}/:planId/export.csv`,
    { schema: { tags, params: PlanParams, querystring: CsvQuery, response: { 200: z.string() } } },
    async (req, reply) => {
      const csv = await planCsv(db, await reader(req, req.params.slug), req.params.planId, req.query.table);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="plan-${req.query.table}.csv"`)
        .send(csv);
    },
  );
};
