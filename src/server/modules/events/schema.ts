import { z } from 'zod';

/** What the events module's API accepts and returns; the web imports these. */

/** The kinds of activity the seeds' networks hold (000, 001, 003). */
export const EVENT_KINDS = [
  'symposium',
  'lecture',
  'workshop',
  'debate',
  'theme_day',
  'inspiration_session',
  'info_lunch',
  'network_lunch',
  'lunch_webinar',
  'cluster_meeting',
  'think_day',
  'trefpunt',
  'task_force_meeting',
  'other',
] as const;
export const EVENT_FORMATS = ['on_site', 'online', 'hybrid'] as const;
export const VISIBILITIES = ['public', 'network', 'invited'] as const;
export const EVENT_STATUSES = ['draft', 'published', 'closed', 'cancelled'] as const;
export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'offered', 'cancelled', 'expired'] as const;
export const QUESTION_KINDS = ['text', 'choice', 'yes_no'] as const;
/** The form field a person never sees; a robot filling it in is refused. */
export const HONEYPOT = 'website';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const instant = z.iso.datetime({ offset: true });

export const ProgrammeItem = z.object({ time: z.string().regex(/^\d{2}:\d{2}$/), title: text(300) });
export const Speaker = z.object({
  name: text(200),
  role: optionalText(200),
  organisation: optionalText(200),
});
export const Question = z.object({
  id: z.string().regex(/^[a-z0-9_]{1,40}$/),
  label: text(300),
  kind: z.enum(QUESTION_KINDS),
  options: z.array(text(200)).max(20).default([]),
  required: z.boolean().default(false),
});
export type Question = z.infer<typeof Question>;

export const EventInput = z.object({
  kind: z.enum(EVENT_KINDS),
  series: optionalText(200),
  title: text(300),
  description: optionalText(10_000),
  format: z.enum(EVENT_FORMATS),
  startsAt: instant,
  endsAt: instant,
  venue: optionalText(300),
  address: optionalText(500),
  lat: z.number().min(-90).max(90).nullish(),
  lng: z.number().min(-180).max(180).nullish(),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .nullish(),
  audience: optionalText(1000),
  programme: z.array(ProgrammeItem).max(50).default([]),
  speakers: z.array(Speaker).max(50).default([]),
  organisers: z.array(z.string().max(100)).max(50).default([]),
  questions: z.array(Question).max(20).default([]),
  capacity: z.int().min(1).max(100_000).nullish(),
  waitlistLimit: z.int().min(1).max(100_000).nullish(),
  holdHours: z.int().min(1).max(336).default(48),
  registrationOpensAt: instant.nullish(),
  registrationClosesAt: instant.nullish(),
  visibility: z.enum(VISIBILITIES),
  status: z.enum(EVENT_STATUSES),
});
export type EventInput = z.input<typeof EventInput>;

export const SlugParams = z.object({ slug: z.string().max(100) });
export const EventParams = SlugParams.extend({ eventId: z.string().max(100) });
export const RegistrationParams = EventParams.extend({ registrationId: z.string().max(100) });
export const TokenParams = SlugParams.extend({ token: z.string().min(20).max(100) });

export const ListQuery = z.object({
  upcoming: z.enum(['true', 'false']).optional(),
  /** `all`: every event the caller may see (members); default: the public agenda. */
  scope: z.enum(['public', 'all']).optional(),
});

export const RegistrationBody = z.object({
  name: text(200),
  email: z.email().max(254),
  organisation: optionalText(200),
  answers: z.record(z.string().max(40), z.string().max(2000)).optional(),
  [HONEYPOT]: z.string().max(500).optional(),
});
export type RegistrationInput = z.infer<typeof RegistrationBody>;

export const RegistrationCreated = z.object({
  id: z.string(),
  status: z.enum(['confirmed', 'waitlisted']),
  position: z.int().optional(),
});

export const PublicEvent = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  format: z.enum(EVENT_FORMATS),
  starts_at: z.string(),
  ends_at: z.string(),
  venue: z.string().nullable(),
  address: z.string().nullable(),
  capacity: z.int().nullable(),
  places_left: z.int().nullable(),
  waitlist: z.boolean(),
  registration_open: z.boolean(),
});
export type PublicEvent = z.infer<typeof PublicEvent>;

export const Counts = z.object({
  confirmed: z.int(),
  offered: z.int(),
  waitlisted: z.int(),
  cancelled: z.int(),
  checkedIn: z.int(),
});

export const EventView = z.object({
  id: z.string(),
  kind: z.enum(EVENT_KINDS),
  series: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  format: z.enum(EVENT_FORMATS),
  startsAt: z.string(),
  endsAt: z.string(),
  venue: z.string().nullable(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  onlineUrl: z.string().nullable(),
  audience: z.string().nullable(),
  programme: z.array(ProgrammeItem),
  speakers: z.array(Speaker),
  organisers: z.array(z.object({ id: z.string(), name: z.string() })),
  questions: z.array(Question),
  capacity: z.int().nullable(),
  waitlistLimit: z.int().nullable(),
  holdHours: z.int(),
  registrationOpensAt: z.string().nullable(),
  registrationClosesAt: z.string().nullable(),
  visibility: z.enum(VISIBILITIES),
  status: z.enum(EVENT_STATUSES),
  placesLeft: z.int().nullable(),
  registrationOpen: z.boolean(),
  /** Only for staff. */
  counts: Counts.nullable(),
});
export type EventView = z.infer<typeof EventView>;

export const EventList = z.object({
  events: z.array(PublicEvent.extend({ status: z.enum(EVENT_STATUSES) })),
});

export const RegistrationView = z.object({
  id: z.string(),
  seq: z.int(),
  name: z.string(),
  email: z.string(),
  organisation: z.string().nullable(),
  answers: z.record(z.string(), z.string()),
  status: z.enum(REGISTRATION_STATUSES),
  /** Place on the waiting list, for those waiting. */
  position: z.int().nullable(),
  holdExpiresAt: z.string().nullable(),
  checkinCode: z.string(),
  checkedInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type RegistrationView = z.infer<typeof RegistrationView>;

export const RegistrationList = z.object({ counts: Counts, registrations: z.array(RegistrationView) });

export const CheckInBody = z.object({ present: z.boolean() });

/** What the holder of a registration link sees: their own registration only. */
export const OwnRegistration = z.object({
  event: PublicEvent,
  name: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  position: z.int().nullable(),
  holdExpiresAt: z.string().nullable(),
  checkinCode: z.string(),
  feedbackOpen: z.boolean(),
  feedbackGiven: z.boolean(),
});
export type OwnRegistration = z.infer<typeof OwnRegistration>;

export const FeedbackBody = z.object({
  rating: z.int().min(1).max(5),
  useful: z.int().min(1).max(5).nullish(),
  comment: optionalText(4000),
});

export const FeedbackResults = z.object({
  responses: z.int(),
  attended: z.int(),
  averageRating: z.number().nullable(),
  averageUseful: z.number().nullable(),
  /** How many gave 1, 2, 3, 4 and 5. */
  ratings: z.array(z.int()),
  comments: z.array(z.string()),
});

export const Attendance = z.object({
  registered: z.int(),
  attended: z.int(),
  organisations: z.array(z.object({ organisation: z.string(), registered: z.int(), attended: z.int() })),
});
