import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.ts';
import type { ServiceFields, ServicePatch, ServiceView } from './api.ts';

type Day = ServiceFields['hours']['weekly'][number]['day'];
export const DAYS: readonly Day[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export interface FieldError {
  /** The id of the input the summary links to. */
  target: string;
  message: string;
}

/** The list of problems at the top of a form; each links to its field (GOV.UK pattern). */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div className="notice notice-error error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2>{t('directory.curate.form.errorsTitle', { count: errors.length })}</h2>
      <ul>
        {errors.map((e) => (
          <li key={`${e.target}-${e.message}`}>
            <a
              href={`#${e.target}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(e.target)?.focus();
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

// ---------------------------------------------------------------- formatting values (diff, summaries)

export function useFormatValue() {
  const { t } = useTranslation();
  const day = (d: string) => t(`directory.curate.days.${d as Day}`);
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'hours') {
      const h = value as ServiceFields['hours'];
      const weekly = DAYS.map((d) => {
        const slots = h.weekly.filter((s) => s.day === d);
        return slots.length
          ? `${day(d)} ${slots.map((s) => `${s.opens_at}–${s.closes_at}`).join(', ')}`
          : null;
      }).filter(Boolean);
      const exceptions = h.exceptions.map(
        (e) =>
          `${e.date_from}${e.date_to !== e.date_from ? ` – ${e.date_to}` : ''}: ${
            e.closed ? t('directory.curate.hours.closed') : `${e.opens_at}–${e.closes_at}`
          }${e.reason ? ` (${e.reason})` : ''}`,
      );
      return [...weekly, ...exceptions].join('; ') || '—';
    }
    if (field === 'address') {
      const a = value as NonNullable<ServiceFields['address']>;
      return `${a.address_1}, ${a.postal_code} ${a.city}`;
    }
    if (field === 'capacity') {
      const c = value as NonNullable<ServiceFields['capacity']>;
      return t('directory.curate.capacitySummary', {
        available: c.available,
        waiting: c.waiting_list ?? '—',
      });
    }
    if (field === 'cost') return Number(value) === 0 ? t('directory.curate.free') : `€ ${value}`;
    if (field === 'status') return t(`directory.curate.status.${value as ServiceFields['status']}`);
    if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
    return String(value);
  };
}

// ---------------------------------------------------------------- the service form

interface SlotState {
  key: number;
  opens: string;
  closes: string;
}
interface ExceptionState {
  key: number;
  from: string;
  to: string;
  closed: boolean;
  opens: string;
  closes: string;
  reason: string;
}

const TEXTS = [
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
type TextKey = (typeof TEXTS)[number];
const LONG = new Set<TextKey>(['description', 'description_fr', 'description_en']);
export const LANGUAGE_CODES = ['nl', 'fr', 'en', 'de', 'ar', 'tr', 'pl', 'ro', 'es', 'uk', 'vgt'] as const;

let nextKey = 1;
const key = () => nextKey++;

interface State {
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

function toState(f: ServiceFields): State {
  const text = {} as Record<TextKey, string>;
  for (const k of TEXTS) text[k] = (f[k] as string | null) ?? '';
  const weekly = Object.fromEntries(DAYS.map((d) => [d, [] as SlotState[]])) as Record<Day, SlotState[]>;
  for (const s of f.hours.weekly) weekly[s.day].push({ key: key(), opens: s.opens_at, closes: s.closes_at });
  return {
    text,
    phones: f.phones.join('\n'),
    address_1: f.address?.address_1 ?? '',
    postal_code: f.address?.postal_code ?? '',
    city: f.address?.city ?? '',
    weekly,
    exceptions: f.hours.exceptions.map((e) => ({
      key: key(),
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
function toFields(s: State, ids: (name: string) => string, t: (k: string, o?: object) => string) {
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

export function ServiceForm({
  initial,
  provenance,
  submitLabel,
  onSubmit,
  serverError,
  children,
}: {
  initial: ServiceFields;
  provenance?: ServiceView['provenance'];
  submitLabel: string;
  onSubmit: (fields: ServiceFields) => void;
  serverError?: string | null;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const uid = useId();
  const ids = (name: string) => `${uid}-${name}`;
  const [s, setS] = useState<State>(() => toState(initial));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const shown = serverError ? [...errors, { target: ids('name'), message: serverError }] : errors;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const r = toFields(s, ids, t as unknown as (k: string, o?: object) => string);
    setErrors(r.errors);
    if (r.errors.length === 0) onSubmit(r.fields);
  };
  const invalid = (name: string) => shown.some((e) => e.target === ids(name)) || undefined;
  const source = (field: string) => {
    const p = provenance?.[field];
    if (!p) return null;
    return (
      <span className="muted field-source">
        {t('directory.curate.source', {
          source: t(
            `directory.curate.sources.${p.source === 'suggestion' || p.source === 'edit' ? p.source : 'import'}`,
          ),
          by: p.by ?? '—',
          at: format.dayOf(p.at),
        })}
      </span>
    );
  };
  const textField = (k: TextKey) => (
    <div className={LONG.has(k) ? 'field field-span' : 'field'} key={k}>
      <label htmlFor={ids(k)}>{t(`directory.curate.fields.${k}`)}</label>
      {source(k)}
      {LONG.has(k) ? (
        <textarea
          id={ids(k)}
          rows={4}
          value={s.text[k]}
          lang={k.endsWith('_fr') ? 'fr' : k.endsWith('_en') ? 'en' : undefined}
          onChange={(e) => setS({ ...s, text: { ...s.text, [k]: e.target.value } })}
        />
      ) : (
        <input
          id={ids(k)}
          value={s.text[k]}
          aria-invalid={invalid(k)}
          required={k === 'name'}
          type={k === 'email' ? 'email' : k === 'url' ? 'url' : 'text'}
          lang={k.endsWith('_fr') ? 'fr' : k.endsWith('_en') ? 'en' : undefined}
          onChange={(e) => setS({ ...s, text: { ...s.text, [k]: e.target.value } })}
        />
      )}
    </div>
  );
  const plain = (name: keyof State, label: string, props: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={ids(name)}>{label}</label>
      {source(name === 'available' || name === 'waiting' ? 'capacity' : name)}
      <input
        id={ids(name)}
        value={s[name] as string}
        aria-invalid={invalid(name)}
        onChange={(e) => setS({ ...s, [name]: e.target.value })}
        {...props}
      />
    </div>
  );
  const setSlots = (d: Day, slots: SlotState[]) => setS({ ...s, weekly: { ...s.weekly, [d]: slots } });
  const setException = (i: number, change: Partial<ExceptionState>) =>
    setS({ ...s, exceptions: s.exceptions.map((e, j) => (j === i ? { ...e, ...change } : e)) });

  return (
    <form className="form form-wide curate-form" onSubmit={submit} noValidate>
      <ErrorSummary errors={shown} />
      <fieldset className="fieldset">
        <legend>{t('directory.curate.form.names')}</legend>
        <div className="field-grid">{TEXTS.slice(0, 7).map(textField)}</div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('directory.curate.form.contact')}</legend>
        <div className="field-grid">
          {textField('url')}
          {textField('email')}
          <div className="field">
            <label htmlFor={ids('phones')}>{t('directory.curate.fields.phones')}</label>
            {source('phones')}
            <textarea
              id={ids('phones')}
              rows={2}
              value={s.phones}
              aria-invalid={invalid('phones')}
              aria-describedby={ids('phones-hint')}
              onChange={(e) => setS({ ...s, phones: e.target.value })}
            />
            <span className="muted" id={ids('phones-hint')}>
              {t('directory.curate.form.phonesHint')}
            </span>
          </div>
          {plain('address_1', t('directory.curate.fields.address_1'), { autoComplete: 'street-address' })}
          {plain('postal_code', t('directory.curate.fields.postal_code'), {
            inputMode: 'numeric',
            maxLength: 4,
          })}
          {plain('city', t('directory.curate.fields.city'))}
        </div>
      </fieldset>

      <fieldset className="fieldset hours-editor">
        <legend>{t('directory.curate.hours.title')}</legend>
        {source('hours')}
        <p className="muted" id={ids('hours-hint')}>
          {t('directory.curate.hours.hint')}
        </p>
        {DAYS.map((d) => {
          const dayName = t(`directory.curate.days.${d}`);
          return (
            <fieldset className="hours-day" key={d}>
              <legend>{dayName}</legend>
              {s.weekly[d].length === 0 ? (
                <p className="muted">{t('directory.curate.hours.closedDay')}</p>
              ) : null}
              {s.weekly[d].map((slot, i) => (
                <div className="hours-slot" key={slot.key}>
                  {(['opens', 'closes'] as const).map((end) => {
                    const field = `${d}-${i}-${end}`;
                    return (
                      <div className="field field-inline" key={end}>
                        <label htmlFor={ids(field)}>
                          {t(`directory.curate.hours.${end}`)}
                          <span className="visually-hidden">{` ${dayName} ${i + 1}`}</span>
                        </label>
                        <input
                          id={ids(field)}
                          value={slot[end]}
                          inputMode="numeric"
                          placeholder={end === 'opens' ? '09:00' : '17:00'}
                          aria-invalid={invalid(field)}
                          aria-describedby={end === 'opens' ? ids('hours-hint') : undefined}
                          onChange={(e) =>
                            setSlots(
                              d,
                              s.weekly[d].map((x) =>
                                x.key === slot.key ? { ...x, [end]: e.target.value } : x,
                              ),
                            )
                          }
                        />
                      </div>
                    );
                  })}
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={(event) => {
                      // The button goes with its slot: keep keyboard focus in this day, on its "add" button.
                      const day = event.currentTarget.closest('fieldset');
                      setSlots(
                        d,
                        s.weekly[d].filter((x) => x.key !== slot.key),
                      );
                      requestAnimationFrame(() =>
                        day?.querySelector<HTMLElement>(':scope > button')?.focus(),
                      );
                    }}
                  >
                    {t('directory.curate.hours.remove')}
                    <span className="visually-hidden">{` ${dayName} ${slot.opens}–${slot.closes}`}</span>
                  </button>
                </div>
              ))}
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={(event) => {
                  const day = event.currentTarget.closest('fieldset');
                  setSlots(d, [...s.weekly[d], { key: key(), opens: '', closes: '' }]);
                  // Straight into the new slot's first field, as a keyboard user would go next.
                  requestAnimationFrame(() =>
                    day?.querySelector<HTMLElement>('.hours-slot:last-of-type input')?.focus(),
                  );
                }}
              >
                {t('directory.curate.hours.add', { day: dayName })}
              </button>
            </fieldset>
          );
        })}
        <fieldset className="hours-day">
          <legend>{t('directory.curate.hours.exceptions')}</legend>
          {s.exceptions.map((e, i) => (
            <div className="hours-exception" key={e.key}>
              <div className="field">
                <label htmlFor={ids(`ex-${i}-from`)}>{t('directory.curate.hours.from', { n: i + 1 })}</label>
                <input
                  id={ids(`ex-${i}-from`)}
                  type="date"
                  value={e.from}
                  aria-invalid={invalid(`ex-${i}-from`)}
                  onChange={(x) => setException(i, { from: x.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={ids(`ex-${i}-to`)}>{t('directory.curate.hours.to', { n: i + 1 })}</label>
                <input
                  id={ids(`ex-${i}-to`)}
                  type="date"
                  value={e.to}
                  onChange={(x) => setException(i, { to: x.target.value })}
                />
              </div>
              <div className="field field-check">
                <input
                  id={ids(`ex-${i}-closed`)}
                  type="checkbox"
                  checked={e.closed}
                  onChange={(x) => setException(i, { closed: x.target.checked })}
                />
                <label htmlFor={ids(`ex-${i}-closed`)}>{t('directory.curate.hours.closed')}</label>
              </div>
              {e.closed ? null : (
                <>
                  <div className="field">
                    <label htmlFor={ids(`ex-${i}-opens`)}>{t('directory.curate.hours.opens')}</label>
                    <input
                      id={ids(`ex-${i}-opens`)}
                      value={e.opens}
                      inputMode="numeric"
                      aria-invalid={invalid(`ex-${i}-opens`)}
                      onChange={(x) => setException(i, { opens: x.target.value })}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={ids(`ex-${i}-closes`)}>{t('directory.curate.hours.closes')}</label>
                    <input
                      id={ids(`ex-${i}-closes`)}
                      value={e.closes}
                      inputMode="numeric"
                      onChange={(x) => setException(i, { closes: x.target.value })}
                    />
                  </div>
                </>
              )}
              <div className="field">
                <label htmlFor={ids(`ex-${i}-reason`)}>{t('directory.curate.hours.reason')}</label>
                <input
                  id={ids(`ex-${i}-reason`)}
                  value={e.reason}
                  onChange={(x) => setException(i, { reason: x.target.value })}
                />
              </div>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={(event) => {
                  // As for a slot: focus stays in the exceptions, on "add an exception", not lost to the page.
                  const group = event.currentTarget.closest('fieldset');
                  setS({ ...s, exceptions: s.exceptions.filter((x) => x.key !== e.key) });
                  requestAnimationFrame(() => group?.querySelector<HTMLElement>(':scope > button')?.focus());
                }}
              >
                {t('directory.curate.hours.removeException', { n: i + 1 })}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() =>
              setS({
                ...s,
                exceptions: [
                  ...s.exceptions,
                  { key: key(), from: '', to: '', closed: true, opens: '', closes: '', reason: '' },
                ],
              })
            }
          >
            {t('directory.curate.hours.addException')}
          </button>
        </fieldset>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('directory.curate.form.offer')}</legend>
        <fieldset className="hours-day">
          <legend>{t('directory.curate.fields.languages')}</legend>
          {source('languages')}
          <div className="check-row">
            {LANGUAGE_CODES.map((code) => (
              <span className="field-check" key={code}>
                <input
                  id={ids(`lang-${code}`)}
                  type="checkbox"
                  checked={s.languages.includes(code)}
                  onChange={(e) =>
                    setS({
                      ...s,
                      languages: e.target.checked
                        ? [...s.languages, code]
                        : s.languages.filter((c) => c !== code),
                    })
                  }
                />
                <label htmlFor={ids(`lang-${code}`)}>{t(`directory.curate.languages.${code}`)}</label>
              </span>
            ))}
          </div>
        </fieldset>
        <div className="field-grid">
          {plain('cost', t('directory.curate.fields.cost'), { inputMode: 'decimal' })}
          {textField('fees_description')}
          {plain('minimum_age', t('directory.curate.fields.minimum_age'), { inputMode: 'numeric' })}
          {plain('maximum_age', t('directory.curate.fields.maximum_age'), { inputMode: 'numeric' })}
          {textField('eligibility_description')}
          {plain('available', t('directory.curate.fields.available'), { inputMode: 'numeric' })}
          {plain('waiting', t('directory.curate.fields.waiting'), { inputMode: 'numeric' })}
          <div className="field">
            <label htmlFor={ids('status')}>{t('directory.curate.fields.status')}</label>
            {source('status')}
            <select
              id={ids('status')}
              value={s.status}
              onChange={(e) => setS({ ...s, status: e.target.value as State['status'] })}
            >
              {(['active', 'temporarily closed', 'inactive', 'defunct'] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`directory.curate.status.${v}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>
      {children}
      <div>
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
