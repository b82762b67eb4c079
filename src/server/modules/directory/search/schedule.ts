/**
 * Opening hours as stored on a search document: weekly slots and dated exceptions, in local time
 * (Europe/Brussels). A slot whose closing time is not after its opening time runs past midnight.
 */
export interface WeeklySlot {
  /** 0 = Monday … 6 = Sunday */
  day: number;
  /** minutes after midnight */
  opens: number;
  closes: number;
}

export interface DatedException {
  from: string;
  to: string;
  closed: boolean;
  opens?: number;
  closes?: number;
}

export interface OpeningHours {
  slots: WeeklySlot[];
  exceptions: DatedException[];
}

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export function parseClock(hhmm: string | null | undefined): number | null {
  const m = /^(\d{1,2}):(\d{2})/.exec(hhmm ?? '');
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 24 * 60 ? minutes : null;
}

/** Weekly slots from HSDS schedule rows (freq WEEKLY, byday, opens_at, closes_at). */
export function slotsFromSchedules(
  rows: { byday: string | null; opens_at: string | null; closes_at: string | null; freq: string }[],
): WeeklySlot[] {
  const out: WeeklySlot[] = [];
  for (const r of rows) {
    if (r.freq.toUpperCase() !== 'WEEKLY') continue;
    const opens = parseClock(r.opens_at);
    const closes = parseClock(r.closes_at);
    if (opens === null || closes === null) continue;
    for (const d of (r.byday ?? '').split(',')) {
      const day = DAYS.indexOf(d.trim().toUpperCase());
      if (day >= 0) out.push({ day, opens, closes });
    }
  }
  return out;
}

const localParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export interface LocalMoment {
  date: string;
  /** the calendar day before `date` */
  previousDate: string;
  day: number;
  minute: number;
}

/** The Brussels wall-clock moment of an instant. */
export function localMoment(at: Date): LocalMoment {
  const p = Object.fromEntries(localParts.formatToParts(at).map((x) => [x.type, x.value]));
  const date = `${p.year}-${p.month}-${p.day}`;
  const prev = new Date(`${date}T12:00:00Z`);
  prev.setUTCDate(prev.getUTCDate() - 1);
  return {
    date,
    previousDate: prev.toISOString().slice(0, 10),
    day: WEEKDAYS.indexOf(p.weekday ?? ''),
    minute: Number(p.hour) * 60 + Number(p.minute),
  };
}

function exceptionOn(hours: OpeningHours, date: string): DatedException | undefined {
  return hours.exceptions.find((e) => e.from <= date && date <= e.to);
}

function inSlot(opens: number, closes: number, minute: number, sameDay: boolean): boolean {
  if (closes > opens) return sameDay && minute >= opens && minute < closes;
  // Past midnight: the evening part belongs to the day itself, the early-morning part to the next day.
  return sameDay ? minute >= opens : minute < closes;
}

/** Whether the service is open at that moment, honouring exceptions (holidays) and overnight slots. */
export function isOpenAt(hours: OpeningHours, m: LocalMoment): boolean {
  const today = exceptionOn(hours, m.date);
  const yesterday = exceptionOn(hours, m.previousDate);
  const yesterdayDay = (m.day + 6) % 7;
  // Early-morning hours that spill over from yesterday follow yesterday's rules.
  const fromYesterday = yesterday
    ? !yesterday.closed &&
      yesterday.opens !== undefined &&
      yesterday.closes !== undefined &&
      inSlot(yesterday.opens, yesterday.closes, m.minute, false)
    : hours.slots.some((s) => s.day === yesterdayDay && inSlot(s.opens, s.closes, m.minute, false));
  if (fromYesterday) return true;
  if (today) {
    if (today.closed || today.opens === undefined || today.closes === undefined) return false;
    return inSlot(today.opens, today.closes, m.minute, true);
  }
  return hours.slots.some((s) => s.day === m.day && inSlot(s.opens, s.closes, m.minute, true));
}
