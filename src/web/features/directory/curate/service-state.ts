import type { ServiceFields, ServicePatch } from './api.ts';

/**
 * The service form's state: the strings people type, turned into the API's field values (or the problems
 * that stop the form) and back; the form's sections in ServiceForm.tsx and HoursEditor.tsx render it.
 */

export type Day = ServiceFields['hours']['weekly'][number]['day'];
export const DAYS: readonly Day[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export interface FieldError {
  /** The id of the input the summary links to. */
  target: string;
  message: string;
}

export interface SlotState {
  key: number;
  opens: string;
  closes: string;
}
export interface ExceptionState {
  key: number;
  from: string;
  to: string;
  closed: boolean;
  opens: string;
  closes: string;
  reason: string;
}

export const TEXTS = [
  'name',
  'alternate_name',
  'description',
  'name_fr',
  'name_en',
  'description_fr',
  'description_en',
  'url',
  'email',
  'fees_description',
  'eligibility_description',
] as const;
export type TextKey = (typeof TEXTS)[number];
export const LONG = new Set<TextKey>(['description', 'description_fr', 'description_en']);
export const LANGUAGE_CODES = ['nl', 'fr', 'en', 'de', 'ar', 'tr', 'pl', 'ro', 'es', 'uk', 'vgt'] as const;

let nextKey = 1;
export const newKey = () => nextKey++;

export interface State {
  text: Record<TextKey, string>;
  phones: string;
  address_1: string;
  postal_code: string;
  city: string;
  weekly: Record<Day, SlotState[]>;
  exceptions: ExceptionState[];
  languages: string[];
  cost: string;
  minimum_age: string;
  maximum_age: string;
  available: string;
  waiting: string;
  status: ServiceFields['status'];
}

export function toState(f: ServiceFields): State {
  const text = {} as Record<TextKey, string>;
  for (const k of TEXTS) text[k] = (f[k] as string | null) ?? '';
  const weekly = Object.fromEntries(DAYS.map((d) => [d, [] as SlotState[]])) as Record<Day, SlotState[]>;
  for (const s of f.hours.weekly)
    weekly[s.day].push({ key: newKey(), opens: s.opens_at, closes: s.closes_at });
  return {
    text,
    phones: f.phones.join('\n'),
    address_1: f.address?.address_1 ?? '',
    postal_code: f.address?.postal_code ?? '',
    city: f.address?.city ?? '',
    weekly,
    exceptions: f.hours.exceptions.map((e) => ({
      key: newKey(),
      from: e.date_from,
      to: e.date_to,
      closed: e.closed,
      opens: e.opens_at ?? '',
      closes: e.closes_at ?? '',
      reason: e.reason ?? '',
    })),
    languages: f.languages,
    cost: f.cost === null ? '' : String(f.cost),
    minimum_age: f.minimum_age === null ? '' : String(f.minimum_age),
    maximum_age: f.maximum_age === null ? '' : String(f.maximum_age),
    available: f.capacity ? String(f.capacity.available) : '',
    waiting: f.capacity?.waiting_list === null || !f.capacity ? '' : String(f.capacity.waiting_list),
    status: f.status,
  };
}

export const EMPTY_FIELDS: ServiceFields = {
  name: '',
  alternate_name: null,
  description: null,
  name_fr: null,
  name_en: null,
  description_fr: null,
  description_en: null,
  url: null,
  email: null,
  phones: [],
  address: null,
  hours: { weekly: [], exceptions: [] },
  languages: [],
  cost: null,
  fees_description: null,
  minimum_age: null,
  maximum_age: null,
  eligibility_description: null,
  capacity: null,
  status: 'active',
};

const CLOCK = /^(\d{1,2}):(\d{2})$/;
const pad = (v: string) => {
  const m = CLOCK.exec(v.trim());
  return m ? `${(m[1] as string).padStart(2, '0')}:${m[2]}` : v.trim();
};
const minutesOf = (v: string) => {
  const m = CLOCK.exec(v);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h > 24 || min > 59 || (h === 24 && min > 0) ? null : h * 60 + min;
};
const num = (v: string) => (v.trim() === '' ? null : Number(v));

/** Turns the form into field values, or the problems that stop it (the server checks the same again). */
export function toFields(s: State, ids: (name: string) => string, t: (k: string, o?: object) => string) {
  const errors: FieldError[] = [];
  const text = (k: TextKey) => s.text[k].trim() || null;
  if (!s.text.name.trim()) errors.push({ target: ids('name'), message: t('directory.curate.errors.name') });
  const email = text('email');
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    errors.push({ target: ids('email'), message: t('directory.curate.errors.email') });
  const url = text('url');
  if (url && !/^https?:\/\/\S+\.\S+/.test(url))
    errors.push({ target: ids('url'), message: t('directory.curate.errors.url') });
  const weekly: ServiceFields['hours']['weekly'] = [];
  for (const d of DAYS) {
    const slots = s.weekly[d];
    const dayName = t(`directory.curate.days.${d}`);
    const ranges: [number, number, SlotState][] = [];
    slots.forEach((slot, i) => {
      const [o, c] = [minutesOf(pad(slot.opens)), minutesOf(pad(slot.closes))];
      const target = ids(`${d}-${i}-opens`);
      if (o === null || c === null) {
        errors.push({
          target: o === null ? target : ids(`${d}-${i}-closes`),
          message: t('directory.curate.errors.time', { day: dayName, n: i + 1 }),
        });
        return;
      }
      if (c <= o) {
        errors.push({
          target: ids(`${d}-${i}-closes`),
          message: t('directory.curate.errors.order', { day: dayName, n: i + 1 }),
        });
        return;
      }
      ranges.push([o, c, slot]);
      weekly.push({ day: d, opens_at: pad(slot.opens), closes_at: pad(slot.closes) });
    });
    ranges.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < ranges.length; i++) {
      if ((ranges[i] as [number, number, SlotState])[0] < (ranges[i - 1] as [number, number, SlotState])[1]) {
        const index = slots.indexOf((ranges[i] as [number, number, SlotState])[2]);
        errors.push({
          target: ids(`${d}-${index}-opens`),
          message: t('directory.curate.errors.overlap', { day: dayName }),
        });
      }
    }
  }
  const exceptions: ServiceFields['hours']['exceptions'] = [];
  s.exceptions.forEach((e, i) => {
    const to = e.to || e.from;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(e.from) || to < e.from) {
      errors.push({
        target: ids(`ex-${i}-from`),
        message: t('directory.curate.errors.exceptionDate', { n: i + 1 }),
      });
      return;
    }
    if (!e.closed) {
      const [o, c] = [minutesOf(pad(e.opens)), minutesOf(pad(e.closes))];
      if (o === null || c === null || c <= o) {
        errors.push({
          target: ids(`ex-${i}-opens`),
          message: t('directory.curate.errors.exceptionHours', { n: i + 1 }),
        });
        return;
      }
    }
    exceptions.push({
      date_from: e.from,
      date_to: to,
      closed: e.closed,
      opens_at: e.closed ? null : pad(e.opens),
      closes_at: e.closed ? null : pad(e.closes),
      reason: e.reason.trim() || null,
    });
  });
  const hasAddress = s.address_1.trim() || s.postal_code.trim() || s.city.trim();
  if (hasAddress && !/^\d{4}$/.test(s.postal_code.trim()))
    errors.push({ target: ids('postal_code'), message: t('directory.curate.errors.postcode') });
  const [min, max] = [num(s.minimum_age), num(s.maximum_age)];
  for (const [k, v] of [
    ['minimum_age', min],
    ['maximum_age', max],
  ] as const) {
    if (v !== null && (!Number.isInteger(v) || v < 0 || v > 120))
      errors.push({ target: ids(k), message: t('directory.curate.errors.age') });
  }
  if (min !== null && max !== null && min > max)
    errors.push({ target: ids('maximum_age'), message: t('directory.curate.errors.ageOrder') });
  const cost = num(s.cost.replace(',', '.'));
  if (cost !== null && (Number.isNaN(cost) || cost < 0))
    errors.push({ target: ids('cost'), message: t('directory.curate.errors.cost') });
  const [available, waiting] = [num(s.available), num(s.waiting)];
  for (const [k, v] of [
    ['available', available],
    ['waiting', waiting],
  ] as const) {
    if (v !== null && (!Number.isInteger(v) || v < 0))
      errors.push({ target: ids(k), message: t('directory.curate.errors.count') });
  }
  const phones = s.phones
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
  if (phones.some((p) => !/^\+?[0-9 ./()-]{6,25}$/.test(p)))
    errors.push({ target: ids('phones'), message: t('directory.curate.errors.phone') });
  const fields: ServiceFields = {
    name: s.text.name.trim(),
    alternate_name: text('alternate_name'),
    description: text('description'),
    name_fr: text('name_fr'),
    name_en: text('name_en'),
    description_fr: text('description_fr'),
    description_en: text('description_en'),
    url,
    email,
    phones,
    address: hasAddress
      ? { address_1: s.address_1.trim(), postal_code: s.postal_code.trim(), city: s.city.trim() }
      : null,
    hours: { weekly, exceptions },
    languages: [...s.languages].sort(),
    cost,
    fees_description: text('fees_description'),
    minimum_age: min,
    maximum_age: max,
    eligibility_description: text('eligibility_description'),
    capacity:
      available === null && waiting === null ? null : { available: available ?? 0, waiting_list: waiting },
    status: s.status,
  };
  return { errors, fields };
}

/** Only the fields whose value differs from the starting values: an edit or suggestion names just those. */
export function changedPatch(initial: ServiceFields, fields: ServiceFields): ServicePatch {
  const norm = (f: ServiceFields) => ({
    ...f,
    languages: [...f.languages].sort(),
    hours: {
      weekly: [...f.hours.weekly].sort(
        (a, b) => DAYS.indexOf(a.day) - DAYS.indexOf(b.day) || a.opens_at.localeCompare(b.opens_at),
      ),
      exceptions: f.hours.exceptions,
    },
  });
  const [a, b] = [norm(initial), norm(fields)];
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(b) as (keyof ServiceFields)[]) {
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) patch[k] = fields[k];
  }
  return patch as ServicePatch;
}
