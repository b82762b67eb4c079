import { z } from 'zod';
import { Id, SlugParam, SlugParams } from '../../platform/schemas.ts';
import {
  ATTACHMENT_KINDS,
  FREQUENCIES,
  INDICATOR_KINDS,
  INDICATOR_STATUSES,
  NODE_STATUSES,
  PLAN_KINDS,
  PLATFORM_FIGURES,
  POLARITIES,
  QUINTUPLE_AIMS,
  ROLLED_STATUSES,
  SMART_FIELDS,
  type SmartKey,
  TAG_KINDS,
} from './values.ts';

export {
  ATTACHMENT_KINDS,
  FREQUENCIES,
  INDICATOR_KINDS,
  INDICATOR_STATUSES,
  NODE_STATUSES,
  PLAN_KINDS,
  PLATFORM_FIGURES,
  POLARITIES,
  QUINTUPLE_AIMS,
  ROLLED_STATUSES,
  SMART_FIELDS,
  type SmartKey,
  TAG_KINDS,
};

/** What the plan module's API accepts and returns; the web imports these. */

const isoDate = z.iso.date();
const Amount = z.number().min(0).max(1e12);

const localized = (max: number) =>
  z.strictObject({
    nl: z.string().trim().min(1).max(max),
    fr: z.string().trim().min(1).max(max).nullable().default(null),
    en: z.string().trim().min(1).max(max).nullable().default(null),
  });
export const LocalizedTitle = localized(300);
export const LocalizedText = localized(20_000);
export type Localized = z.output<typeof LocalizedTitle>;
export const LocalizedOut = z.object({
  nl: z.string(),
  fr: z.string().nullable(),
  en: z.string().nullable(),
});

export const Tag = z.strictObject({ kind: z.enum(TAG_KINDS), value: z.string().trim().min(1).max(100) });
export const Smart = z.strictObject(
  Object.fromEntries(SMART_FIELDS.map((f) => [f.key, LocalizedText.nullable().default(null)])) as Record<
    SmartKey,
    z.ZodDefault<z.ZodNullable<typeof LocalizedText>>
  >,
);
export type Smart = z.output<typeof Smart>;

export const StatusRules = z
  .strictObject({
    onTrackAt: z.number().min(0).max(1000),
    atRiskAt: z.number().min(0).max(1000),
  })
  .refine((r) => r.atRiskAt <= r.onTrackAt, {
    message: 'atRiskAt must not exceed onTrackAt',
    path: ['atRiskAt'],
  });

const periodRefine = <T extends { periodStart?: string | undefined; periodEnd?: string | undefined }>(p: T) =>
  p.periodStart === undefined || p.periodEnd === undefined || p.periodStart <= p.periodEnd;
const periodIssue = { message: 'periodEnd must not be before periodStart', path: ['periodEnd'] };

export { SlugParams };
export const PlanParams = z.strictObject({ slug: SlugParam, planId: Id });
export const NodeParams = PlanParams.extend({ nodeId: Id });
export const IndicatorParams = PlanParams.extend({ indicatorId: Id });
export const MeasurementParams = IndicatorParams.extend({ measurementId: Id });
export const LinkParams = PlanParams.extend({ linkId: Id });
export const AttachmentParams = NodeParams.extend({ attachmentId: Id });
export const RequestParams = PlanParams.extend({ requestId: Id });
export const DeletionParams = PlanParams.extend({ deletionId: Id });

export const CreatePlanBody = z
  .strictObject({
    kind: z.enum(PLAN_KINDS).default('policy_plan'),
    title: LocalizedTitle,
    description: LocalizedText.nullable().default(null),
    periodStart: isoDate,
    periodEnd: isoDate,
    levelNames: z.array(LocalizedTitle).min(1).max(8),
    actionLevel: z.number().int().min(0).max(7).optional(),
    statusRules: StatusRules.default({ onTrackAt: 100, atRiskAt: 90 }),
    published: z.boolean().default(false),
    isExample: z.boolean().default(false),
  })
  .refine(periodRefine, periodIssue)
  .refine((b) => b.actionLevel === undefined || b.actionLevel < b.levelNames.length, {
    message: 'actionLevel must name one of the levels',
    path: ['actionLevel'],
  });
export type CreatePlanInput = z.input<typeof CreatePlanBody>;

export const UpdatePlanBody = z
  .strictObject({
    title: LocalizedTitle.optional(),
    description: LocalizedText.nullable().optional(),
    periodStart: isoDate.optional(),
    periodEnd: isoDate.optional(),
    levelNames: z.array(LocalizedTitle).min(1).max(8).optional(),
    actionLevel: z.number().int().min(0).max(7).optional(),
    statusRules: StatusRules.optional(),
    published: z.boolean().optional(),
    isExample: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' })
  .refine(periodRefine, periodIssue);

const nodeFields = {
  code: z.string().trim().min(1).max(30).nullable(),
  title: LocalizedTitle,
  description: LocalizedText.nullable(),
  ownerUserId: Id.nullable(),
  leadPartner: z.string().trim().min(1).max(200).nullable(),
  partners: z.array(z.string().trim().min(1).max(200)).max(100),
  coreGroup: z.array(z.string().trim().min(1).max(200)).max(50),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  progress: z.number().min(0).max(100).nullable(),
  budgetPlanned: Amount.nullable(),
  budgetSpent: Amount.nullable(),
  staffHoursPlanned: Amount.nullable(),
  staffHoursSpent: Amount.nullable(),
  aims: z.array(z.enum(QUINTUPLE_AIMS)).max(5),
  tags: z.array(Tag).max(50),
  smart: Smart.nullable(),
};
const datesRefine = (b: { startDate?: string | null; endDate?: string | null }) =>
  !b.startDate || !b.endDate || b.startDate <= b.endDate;
const datesIssue = { message: 'endDate must not be before startDate', path: ['endDate'] };

/** Weights of a sibling group, by node id; `new` stands for the node being created or moved. */
const SiblingWeights = z.record(z.string(), z.number().min(0).max(100));

export const CreateNodeBody = z
  .strictObject({
    parentId: Id.nullable().default(null),
    position: z.number().int().min(0).optional(),
    weight: z.number().min(0).max(100).nullable().default(null),
    siblingWeights: SiblingWeights.optional(),
    code: nodeFields.code.default(null),
    title: nodeFields.title,
    description: nodeFields.description.default(null),
    ownerUserId: nodeFields.ownerUserId.default(null),
    leadPartner: nodeFields.leadPartner.default(null),
    partners: nodeFields.partners.default([]),
    coreGroup: nodeFields.coreGroup.default([]),
    startDate: nodeFields.startDate.default(null),
    endDate: nodeFields.endDate.default(null),
    progress: nodeFields.progress.default(null),
    budgetPlanned: nodeFields.budgetPlanned.default(null),
    budgetSpent: nodeFields.budgetSpent.default(null),
    staffHoursPlanned: nodeFields.staffHoursPlanned.default(null),
    staffHoursSpent: nodeFields.staffHoursSpent.default(null),
    aims: nodeFields.aims.default([]),
    tags: nodeFields.tags.default([]),
    smart: nodeFields.smart.default(null),
  })
  .refine(datesRefine, datesIssue);
export type CreateNodeInput = z.input<typeof CreateNodeBody>;

export const UpdateNodeBody = z
  .strictObject(
    Object.fromEntries(Object.entries(nodeFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof nodeFields]: z.ZodOptional<(typeof nodeFields)[K]>;
    },
  )
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' })
  .refine(datesRefine, datesIssue);
export type UpdateNodeInput = z.output<typeof UpdateNodeBody>;

export const MoveNodeBody = z.strictObject({
  parentId: Id.nullable(),
  position: z.number().int().min(0).optional(),
  weight: z.number().min(0).max(100).nullable().default(null),
  siblingWeights: SiblingWeights.optional(),
});

export const SetWeightsBody = z.strictObject({
  parentId: Id.nullable(),
  /** null makes the group equally weighted. */
  weights: z.record(Id, z.number().min(0).max(100)).nullable(),
});

export const SetStatusBody = z.strictObject({
  status: z.enum(NODE_STATUSES),
  on: isoDate.optional(),
  note: z.string().trim().min(1).max(4000).nullable().default(null),
});

export const ConfirmQuery = z.strictObject({ confirm: z.stringbool().default(false) });

export const CreateLinkBody = z.strictObject({
  fromNodeId: Id,
  toNodeId: Id,
  note: z.string().trim().min(1).max(1000).nullable().default(null),
});

export const CreateAttachmentBody = z.strictObject({
  kind: z.enum(ATTACHMENT_KINDS).default('link'),
  title: z.string().trim().min(1).max(300),
  url: z.url({ protocol: /^https?$/ }).max(2000),
});

const indicatorFields = {
  nodeId: Id,
  kind: z.enum(INDICATOR_KINDS),
  title: LocalizedTitle,
  description: LocalizedText.nullable(),
  unit: z.string().trim().min(1).max(30),
  polarity: z.enum(POLARITIES),
  frequency: z.enum(FREQUENCIES),
  baselineValue: z.number().nullable(),
  baselineOn: isoDate.nullable(),
  figure: z.enum(PLATFORM_FIGURES).nullable(),
};
export const CreateIndicatorBody = z.strictObject({
  ...indicatorFields,
  description: indicatorFields.description.default(null),
  polarity: indicatorFields.polarity.default('up'),
  frequency: indicatorFields.frequency.default('yearly'),
  baselineValue: indicatorFields.baselineValue.default(null),
  baselineOn: indicatorFields.baselineOn.default(null),
  figure: indicatorFields.figure.default(null),
});
export type CreateIndicatorInput = z.input<typeof CreateIndicatorBody>;
export const UpdateIndicatorBody = z
  .strictObject(
    Object.fromEntries(Object.entries(indicatorFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof indicatorFields]: z.ZodOptional<(typeof indicatorFields)[K]>;
    },
  )
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

export const Target = z
  .strictObject({ periodStart: isoDate, periodEnd: isoDate, value: z.number() })
  .refine(periodRefine, periodIssue);
export const SetTargetsBody = z.strictObject({ targets: z.array(Target).max(60) });

export const CreateMeasurementBody = z.strictObject({
  measuredOn: isoDate,
  value: z.number(),
  unit: z.string().trim().min(1).max(30),
  source: z.string().trim().min(1).max(300).nullable().default(null),
  requestId: Id.optional(),
});
export type CreateMeasurementInput = z.input<typeof CreateMeasurementBody>;

export const CreateRequestBody = z
  .strictObject({
    requestedFrom: Id,
    dueOn: isoDate,
    remindOn: isoDate.nullable().default(null),
    message: z.string().trim().min(1).max(2000).nullable().default(null),
  })
  .refine((b) => !b.remindOn || b.remindOn <= b.dueOn, {
    message: 'remindOn must not be after dueOn',
    path: ['remindOn'],
  });

export const RequestsQuery = z.strictObject({
  state: z.enum(['open', 'overdue', 'reminders', 'fulfilled', 'all']).default('open'),
  mine: z.stringbool().default(false),
});
export const YearQuery = z.strictObject({ year: z.coerce.number().int().min(1990).max(2100) });
export const ReportQuery = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { message: 'to must not be before from', path: ['to'] });
export const CsvQuery = z.strictObject({
  table: z.enum(['nodes', 'indicators', 'measurements']).default('nodes'),
});

// Answers.

const Person = z.object({ id: z.string(), name: z.string() }).nullable();

export const PlanView = z.object({
  id: z.string(),
  kind: z.enum(PLAN_KINDS),
  title: LocalizedOut,
  description: LocalizedOut.nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  levelNames: z.array(LocalizedOut),
  actionLevel: z.number(),
  statusRules: z.object({ onTrackAt: z.number(), atRiskAt: z.number(), text: z.string() }),
  published: z.boolean(),
  isExample: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlanView = z.infer<typeof PlanView>;

export const IndicatorStatus = z.enum(INDICATOR_STATUSES);
export const TargetView = z.object({ periodStart: z.string(), periodEnd: z.string(), value: z.number() });

export const IndicatorView = z.object({
  id: z.string(),
  nodeId: z.string(),
  position: z.number(),
  kind: z.enum(INDICATOR_KINDS),
  title: LocalizedOut,
  description: LocalizedOut.nullable(),
  unit: z.string(),
  polarity: z.enum(POLARITIES),
  frequency: z.enum(FREQUENCIES),
  baseline: z.object({ value: z.number().nullable(), on: z.string().nullable() }),
  figure: z.enum(PLATFORM_FIGURES).nullable(),
  latest: z.object({ value: z.number(), on: z.string() }).nullable(),
  target: TargetView.nullable(),
  achievedPct: z.number().nullable(),
  status: IndicatorStatus,
  targets: z.array(TargetView),
});
export type IndicatorView = z.infer<typeof IndicatorView>;

export const TreeNode = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  position: z.number(),
  depth: z.number(),
  levelName: LocalizedOut.nullable(),
  code: z.string().nullable(),
  title: LocalizedOut,
  owner: Person,
  leadPartner: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  /** As entered (null: equal shares); effectiveWeight is the share in % the roll-up used. */
  weight: z.number().nullable(),
  effectiveWeight: z.number(),
  progress: z.number().nullable(),
  rolledProgress: z.number(),
  status: z.enum(NODE_STATUSES).nullable(),
  statusOn: z.string().nullable(),
  statusNote: z.string().nullable(),
  rolledStatus: z.enum(ROLLED_STATUSES),
  aims: z.array(z.enum(QUINTUPLE_AIMS)),
  tags: z.array(z.object({ kind: z.enum(TAG_KINDS), value: z.string() })),
  budgetPlanned: z.number().nullable(),
  budgetSpent: z.number().nullable(),
  staffHoursPlanned: z.number().nullable(),
  staffHoursSpent: z.number().nullable(),
  childCount: z.number(),
  indicatorIds: z.array(z.string()),
});
export type TreeNode = z.infer<typeof TreeNode>;

export const LinkView = z.object({
  id: z.string(),
  fromNodeId: z.string(),
  toNodeId: z.string(),
  note: z.string().nullable(),
});

export const PlanTree = z.object({
  plan: PlanView,
  /** Depth first, siblings by position: the order of the printed plan. */
  nodes: z.array(TreeNode),
  indicators: z.array(IndicatorView),
  links: z.array(LinkView),
  canEdit: z.boolean(),
});
export type PlanTree = z.infer<typeof PlanTree>;

export const StatusEntry = z.object({
  id: z.string(),
  status: z.enum(NODE_STATUSES),
  on: z.string(),
  note: z.string().nullable(),
  setBy: Person,
  setAt: z.string(),
});

export const NodeDetail = z.object({
  plan: PlanView,
  node: TreeNode.extend({
    description: LocalizedOut.nullable(),
    partners: z.array(z.string()),
    coreGroup: z.array(z.string()),
    smart: z
      .array(z.object({ key: z.string(), label: LocalizedOut, text: LocalizedOut.nullable() }))
      .nullable(),
  }),
  ancestors: z.array(z.object({ id: z.string(), code: z.string().nullable(), title: LocalizedOut })),
  statusHistory: z.array(StatusEntry),
  links: z.array(LinkView),
  attachments: z.array(
    z.object({ id: z.string(), kind: z.enum(ATTACHMENT_KINDS), title: z.string(), url: z.string() }),
  ),
  indicators: z.array(IndicatorView),
  canEdit: z.boolean(),
});

export const MeasurementView = z.object({
  id: z.string(),
  measuredOn: z.string(),
  value: z.number(),
  source: z.string().nullable(),
  enteredBy: Person,
  enteredAt: z.string(),
  requestId: z.string().nullable(),
});

export const RequestView = z.object({
  id: z.string(),
  indicatorId: z.string(),
  indicatorTitle: LocalizedOut,
  unit: z.string(),
  nodeId: z.string(),
  requestedFrom: Person,
  requestedBy: Person,
  requestedAt: z.string(),
  message: z.string().nullable(),
  dueOn: z.string(),
  remindOn: z.string().nullable(),
  remindedAt: z.string().nullable(),
  fulfilledAt: z.string().nullable(),
  measurementId: z.string().nullable(),
  state: z.enum(['open', 'overdue', 'fulfilled']),
  reminderDue: z.boolean(),
});
export type RequestView = z.infer<typeof RequestView>;

export const IndicatorDetail = z.object({
  indicator: IndicatorView,
  measurements: z.array(MeasurementView),
  requests: z.array(RequestView),
  rules: PlanView.shape.statusRules,
});

export const DeletionResult = z.object({
  deletionId: z.string(),
  nodes: z.number(),
  indicators: z.number(),
  measurements: z.number(),
});
export const DeletionView = DeletionResult.extend({
  deletedAt: z.string(),
  deletedBy: Person,
  what: z.object({ type: z.enum(['node', 'indicator', 'measurement']), id: z.string(), title: z.string() }),
});

export const MyActions = z.object({
  plan: PlanView,
  nodes: z.array(TreeNode),
  requests: z.array(RequestView),
});

export const ActionPlan = z.object({
  plan: PlanView,
  year: z.number(),
  groups: z.array(
    z.object({
      root: z.object({ id: z.string(), code: z.string().nullable(), title: LocalizedOut }),
      actions: z.array(TreeNode.extend({ path: z.array(z.string().nullable()) })),
    }),
  ),
});

export const ReportIndicator = z.object({
  id: z.string(),
  nodeId: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  title: LocalizedOut,
  unit: z.string(),
  polarity: z.enum(POLARITIES),
  startValue: z.number().nullable(),
  endValue: z.number().nullable(),
  endOn: z.string().nullable(),
  target: TargetView.nullable(),
  achievedPct: z.number().nullable(),
  status: IndicatorStatus,
  measurementsInPeriod: z.number(),
});

export const ProgressReport = z.object({
  plan: PlanView,
  period: z.object({ from: z.string(), to: z.string() }),
  generatedAt: z.string(),
  totals: z.object({
    nodes: z.number(),
    byStatus: z.record(z.enum(ROLLED_STATUSES), z.number()),
    progress: z.number(),
    budgetPlanned: z.number(),
    budgetSpent: z.number(),
    staffHoursPlanned: z.number(),
    staffHoursSpent: z.number(),
    indicatorsByStatus: z.record(IndicatorStatus, z.number()),
  }),
  /** The goals above the action level, with status as of the period's end. */
  goals: z.array(TreeNode),
  /** The actions running in the period. */
  actions: z.array(TreeNode),
  statusChanges: z.array(
    StatusEntry.extend({ nodeId: z.string(), code: z.string().nullable(), title: LocalizedOut }),
  ),
  indicators: z.array(ReportIndicator),
  overdueRequests: z.array(RequestView),
});
export type ProgressReport = z.infer<typeof ProgressReport>;
