import { z } from 'zod';
import {
  ATTACHMENT_KINDS,
  FREQUENCIES,
  INDICATOR_KINDS,
  LocalizedText,
  LocalizedTitle,
  NODE_STATUSES,
  PLAN_KINDS,
  PLATFORM_FIGURES,
  POLARITIES,
  QUINTUPLE_AIMS,
  Smart,
  Tag,
} from './schema.ts';

/**
 * The plan exchange format (docs/decisions/040-plan-data-model.md). Everything a plan holds is in it,
 * soft-deleted rows included, so that export → import → export gives the same document apart from ids:
 * ids are the source's and are all replaced on import, people travel as e-mail addresses and are matched
 * to accounts by e-mail. The indicators' latest values are derived and recomputed on import.
 */
export const EXPORT_FORMAT = 'knooppunt.plan';
export const EXPORT_VERSION = 1;

const Ref = z.string().min(1).max(100);
const Email = z.email().max(254).nullable();
const date = z.iso.date();
const stamp = z.string().min(10).max(40);
const Deleted = z.object({ at: stamp, by: Email, deletionId: Ref }).nullable();

export const PlanDocument = z.object({
  plan: z.object({
    id: Ref,
    kind: z.enum(PLAN_KINDS),
    title: LocalizedTitle,
    description: LocalizedText.nullable(),
    periodStart: date,
    periodEnd: date,
    levelNames: z.array(LocalizedTitle).min(1).max(8),
    actionLevel: z.number().int().min(0).max(7),
    statusRules: z.object({ onTrackAt: z.number(), atRiskAt: z.number() }),
    published: z.boolean(),
    isExample: z.boolean(),
    createdAt: stamp,
    updatedAt: stamp,
  }),
  nodes: z.array(
    z.object({
      id: Ref,
      parentId: Ref.nullable(),
      position: z.number().int().min(0),
      code: z.string().max(30).nullable(),
      title: LocalizedTitle,
      description: LocalizedText.nullable(),
      owner: Email,
      leadPartner: z.string().max(200).nullable(),
      partners: z.array(z.string().max(200)),
      coreGroup: z.array(z.string().max(200)),
      startDate: date.nullable(),
      endDate: date.nullable(),
      weight: z.number().min(0).max(100).nullable(),
      progress: z.number().min(0).max(100).nullable(),
      status: z.enum(NODE_STATUSES).nullable(),
      statusOn: date.nullable(),
      statusNote: z.string().nullable(),
      budgetPlanned: z.number().nullable(),
      budgetSpent: z.number().nullable(),
      staffHoursPlanned: z.number().nullable(),
      staffHoursSpent: z.number().nullable(),
      aims: z.array(z.enum(QUINTUPLE_AIMS)),
      tags: z.array(Tag),
      smart: Smart.nullable(),
      createdAt: stamp,
      updatedAt: stamp,
      deleted: Deleted,
    }),
  ),
  statusHistory: z.array(
    z.object({
      id: Ref,
      nodeId: Ref,
      status: z.enum(NODE_STATUSES),
      on: date,
      note: z.string().nullable(),
      setBy: Email,
      setAt: stamp,
    }),
  ),
  links: z.array(
    z.object({ id: Ref, fromNodeId: Ref, toNodeId: Ref, note: z.string().nullable(), createdAt: stamp }),
  ),
  attachments: z.array(
    z.object({
      id: Ref,
      nodeId: Ref,
      kind: z.enum(ATTACHMENT_KINDS),
      title: z.string().min(1).max(300),
      url: z.url({ protocol: /^https?$/ }),
      addedBy: Email,
      createdAt: stamp,
    }),
  ),
  indicators: z.array(
    z.object({
      id: Ref,
      nodeId: Ref,
      position: z.number().int().min(0),
      kind: z.enum(INDICATOR_KINDS),
      title: LocalizedTitle,
      description: LocalizedText.nullable(),
      unit: z.string().min(1).max(30),
      polarity: z.enum(POLARITIES),
      frequency: z.enum(FREQUENCIES),
      baselineValue: z.number().nullable(),
      baselineOn: date.nullable(),
      figure: z.enum(PLATFORM_FIGURES).nullable(),
      createdAt: stamp,
      updatedAt: stamp,
      deleted: Deleted,
    }),
  ),
  targets: z.array(
    z.object({ id: Ref, indicatorId: Ref, periodStart: date, periodEnd: date, value: z.number() }),
  ),
  measurements: z.array(
    z.object({
      id: Ref,
      indicatorId: Ref,
      measuredOn: date,
      value: z.number(),
      source: z.string().nullable(),
      enteredBy: Email,
      enteredAt: stamp,
      requestId: Ref.nullable(),
      deleted: Deleted,
    }),
  ),
  requests: z.array(
    z.object({
      id: Ref,
      indicatorId: Ref,
      requestedFrom: z.email(),
      requestedBy: Email,
      requestedAt: stamp,
      message: z.string().nullable(),
      dueOn: date,
      remindOn: date.nullable(),
      remindedAt: stamp.nullable(),
      fulfilledAt: stamp.nullable(),
      measurementId: Ref.nullable(),
    }),
  ),
});
export type PlanDocument = z.infer<typeof PlanDocument>;

export const ExportDocument = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: stamp,
  network: z.string(),
  plans: z.array(PlanDocument).max(100),
});
export type ExportDocument = z.infer<typeof ExportDocument>;
