import { z } from 'zod';

/** What the governance module's API accepts and returns; the web imports these. */

/** The bodies of seed 001 (SD5) and the core groups of seed 003. */
export const BODY_KINDS = [
  'general_assembly',
  'board',
  'daily_board',
  'forum',
  'cluster',
  'core_group',
] as const;
/** The four clusters of the care council: a decision may need a majority inside each of them. */
export const CLUSTERS = ['care', 'welfare', 'local_government', 'care_need'] as const;
export const MEMBER_ROLES = ['chair', 'secretary', 'member'] as const;
export const RULES = ['simple_majority', 'two_thirds', 'majority_every_cluster'] as const;
export const CHOICES = ['for', 'against', 'abstain'] as const;
export const OUTCOMES = ['pending', 'carried', 'rejected'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const day = z.iso.date();
const id = z.string().max(100);

export const SlugParams = z.object({ slug: z.string().max(100) });
export const BodyParams = SlugParams.extend({ bodyId: id });
export const MeetingParams = SlugParams.extend({ meetingId: id });
export const DecisionParams = SlugParams.extend({ decisionId: id });

export const BodyInput = z.object({
  kind: z.enum(BODY_KINDS),
  name: text(200),
  description: optionalText(2000),
  quorumShare: z.number().gt(0).max(1).default(0.5),
});
export type BodyInput = z.input<typeof BodyInput>;

export const MemberInput = z.object({
  partnerId: id.nullish(),
  personName: text(200),
  cluster: z.enum(CLUSTERS),
  role: z.enum(MEMBER_ROLES),
  mandateFrom: day,
  mandateTo: day.nullish(),
});
export type MemberInput = z.input<typeof MemberInput>;

export const Member = z.object({
  id: z.string(),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  personName: z.string(),
  cluster: z.enum(CLUSTERS),
  role: z.enum(MEMBER_ROLES),
  mandateFrom: z.string(),
  mandateTo: z.string().nullable(),
});
export type Member = z.infer<typeof Member>;

export const Body = z.object({
  id: z.string(),
  kind: z.enum(BODY_KINDS),
  name: z.string(),
  description: z.string().nullable(),
  quorumShare: z.number(),
  members: z.array(Member),
});
export type Body = z.infer<typeof Body>;
export const BodyList = z.object({ bodies: z.array(Body) });

export const MeetingInput = z.object({
  heldOn: day,
  agenda: z.array(text(500)).max(50).default([]),
  minutes: optionalText(50_000),
});
export type MeetingInput = z.input<typeof MeetingInput>;

export const MeetingSummary = z.object({
  id: z.string(),
  bodyId: z.string(),
  heldOn: z.string(),
  agenda: z.array(z.string()),
  decisions: z.number(),
});
export const MeetingList = z.object({ meetings: z.array(MeetingSummary) });

export const AttendanceInput = z.object({ present: z.array(id).max(500) });

export const Quorum = z.object({
  members: z.number(),
  present: z.number(),
  required: z.number(),
  share: z.number(),
  met: z.boolean(),
});
export type Quorum = z.infer<typeof Quorum>;

export const DecisionInput = z.object({
  title: text(300),
  text: optionalText(20_000),
  rule: z.enum(RULES),
});
export type DecisionInput = z.input<typeof DecisionInput>;

export const VotesInput = z.object({
  votes: z
    .array(z.object({ memberId: id, choice: z.enum(CHOICES) }))
    .min(1)
    .max(500),
});
export type VotesInput = z.input<typeof VotesInput>;

export const Tally = z.object({ for: z.number(), against: z.number(), abstain: z.number() });
export type Tally = z.infer<typeof Tally>;
export const ClusterTally = Tally.extend({ cluster: z.enum(CLUSTERS), carried: z.boolean() });
export type ClusterTally = z.infer<typeof ClusterTally>;

export const Decision = z.object({
  id: z.string(),
  meetingId: z.string(),
  title: z.string(),
  text: z.string().nullable(),
  rule: z.enum(RULES),
  totals: Tally,
  clusters: z.array(ClusterTally),
  outcome: z.enum(OUTCOMES),
  votes: z.array(z.object({ memberId: z.string(), choice: z.enum(CHOICES) })),
});
export type Decision = z.infer<typeof Decision>;

export const MeetingView = z.object({
  id: z.string(),
  heldOn: z.string(),
  agenda: z.array(z.string()),
  minutes: z.string().nullable(),
  body: z.object({ id: z.string(), name: z.string(), kind: z.enum(BODY_KINDS) }),
  /** The members in office on the day of the meeting, with whether they were present. */
  attendance: z.array(Member.extend({ present: z.boolean() })),
  quorum: Quorum,
  decisions: z.array(Decision),
});
export type MeetingView = z.infer<typeof MeetingView>;

export const DecisionQuery = z.object({ q: z.string().trim().max(200).optional() });
export const DecisionListItem = z.object({
  id: z.string(),
  title: z.string(),
  rule: z.enum(RULES),
  outcome: z.enum(OUTCOMES),
  meetingId: z.string(),
  heldOn: z.string(),
  bodyName: z.string(),
});
export type DecisionListItem = z.infer<typeof DecisionListItem>;
export const DecisionList = z.object({ decisions: z.array(DecisionListItem) });
