/**
 * The events module's tables (migration 0400_events), reached through `db.withTables<EventTables>()`.
 * Column conventions are the platform's: text ids, ISO text timestamps in UTC, 0/1 integers, JSON as text.
 */

export interface EventTable {
  id: string;
  network_id: string;
  kind: string;
  /** A name shared by the events of one series (the twice-yearly trefpunt, the monthly lunch, a task force). */
  series: string | null;
  title: string;
  description: string | null;
  /** on_site | online | hybrid */
  format: string;
  starts_at: string;
  ends_at: string;
  venue: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  online_url: string | null;
  audience: string | null;
  /** JSON ProgrammeItem[] */
  programme: string;
  /** JSON Speaker[] */
  speakers: string;
  /** JSON string[]: ids of the network's partners that organise the event. */
  organisers: string;
  /** JSON Question[] asked on the registration form. */
  questions: string;
  /** Null: no limit. */
  capacity: number | null;
  /** How many may wait for a place; null: no waiting list. */
  waitlist_limit: number | null;
  /** How long a place offered to the first person waiting is held for them. */
  hold_hours: number;
  registration_opens_at: string | null;
  registration_closes_at: string | null;
  /** public | network | invited */
  visibility: string;
  /** draft | published | closed | cancelled */
  status: string;
  /** Confirmed places plus places held for someone promoted from the waiting list. */
  places_taken: number;
  /** Registrations received so far: the arrival number of the next one. */
  arrivals: number;
  created_at: string;
  updated_at: string;
}

export interface RegistrationTable {
  id: string;
  network_id: string;
  event_id: string;
  /** Arrival order within the event: the waiting list is served by it. */
  seq: number;
  name: string;
  email: string;
  /** The e-mail address lower-cased: one active registration per address and event. */
  email_key: string;
  organisation: string | null;
  /** JSON Record<questionId, string> */
  answers: string;
  /** The language of the registration form, used for the mails that follow. */
  language: string;
  /** confirmed | waitlisted | offered | cancelled | expired */
  status: string;
  hold_expires_at: string | null;
  /** SHA-256 of the participant's link token; the token itself is only ever in their mail. */
  token_hash: string;
  /** Short code in the participant's QR code, looked up at the door. */
  checkin_code: string;
  checked_in_at: string | null;
  reminder_mail_id: string | null;
  /** Set when the registration is cancelled or its held place expired; frees the e-mail address. */
  released_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface FeedbackTable {
  id: string;
  network_id: string;
  event_id: string;
  registration_id: string;
  rating: number;
  useful: number | null;
  comment: string | null;
  created_at: string;
}

export type EventTables = {
  event_events: EventTable;
  event_registrations: RegistrationTable;
  event_feedback: FeedbackTable;
};
