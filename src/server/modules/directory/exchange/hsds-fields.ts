import type {
  AddressIn,
  LocationIn,
  OrganizationIn,
  RowError,
  ScheduleIn,
  ServiceIn,
  SourceRef,
} from './model.ts';

/**
 * HSDS records to ours, for both HSDS forms: a CSV row and a JSON object use the same field names, only CSV
 * has every value as text. Values that cannot be read at all (a number that is not one) are row errors here;
 * whether a record is complete and sane is the validator's business (apply.ts).
 */
export type Raw = Record<string, unknown>;

export function str(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

export class FieldReader {
  constructor(
    readonly ref: SourceRef,
    readonly errors: RowError[],
  ) {}

  num(raw: Raw, field: string): number | null {
    const s = str(raw[field]);
    if (s === null) return null;
    const n = Number(s.replace(',', '.'));
    if (!Number.isFinite(n)) {
      this.errors.push({ ...this.ref, code: 'exchange_not_a_number', params: { field, value: s } });
      return null;
    }
    return n;
  }

  int(raw: Raw, field: string): number | null {
    const n = this.num(raw, field);
    if (n !== null && !Number.isInteger(n)) {
      this.errors.push({ ...this.ref, code: 'exchange_not_a_number', params: { field, value: String(n) } });
      return null;
    }
    return n;
  }
}

/** HSDS times are "HH:MM" or "HH:MM:SS"; ours are "HH:MM" (seconds never matter for opening hours). */
export function time(v: unknown): string | null {
  const s = str(v);
  if (s === null) return null;
  const m = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : s;
}

export function organizationFrom(raw: Raw, ref: SourceRef): OrganizationIn {
  const key = str(raw.id) ?? `line-${ref.file}-${ref.line}`;
  return {
    key,
    ref,
    ids: str(raw.id) ? [{ scheme: 'hsds', identifier: key }] : [],
    name: str(raw.name) ?? '',
    alternate_name: str(raw.alternate_name),
    description: str(raw.description),
    email: str(raw.email),
    website: str(raw.website),
    legal_status: str(raw.legal_status),
    identifiers: [],
  };
}

export function addressFrom(raw: Raw): AddressIn {
  return {
    id: str(raw.id),
    attention: str(raw.attention),
    address_1: str(raw.address_1) ?? '',
    address_2: str(raw.address_2),
    city: str(raw.city) ?? '',
    region: str(raw.region),
    state_province: str(raw.state_province),
    postal_code: str(raw.postal_code) ?? '',
    country: str(raw.country) ?? 'BE',
    address_type: str(raw.address_type) ?? 'physical',
  };
}

export function locationFrom(raw: Raw, ref: SourceRef, errors: RowError[]): LocationIn {
  const r = new FieldReader(ref, errors);
  const key = str(raw.id) ?? `line-${ref.file}-${ref.line}`;
  return {
    key,
    ref,
    ids: str(raw.id) ? [{ scheme: 'hsds', identifier: key }] : [],
    organization_key: str(raw.organization_id),
    location_type: str(raw.location_type) ?? 'physical',
    name: str(raw.name),
    alternate_name: str(raw.alternate_name),
    description: str(raw.description),
    transportation: str(raw.transportation),
    latitude: r.num(raw, 'latitude'),
    longitude: r.num(raw, 'longitude'),
    addresses: [],
  };
}

export function scheduleFrom(raw: Raw, ref: SourceRef, errors: RowError[]): ScheduleIn {
  const r = new FieldReader(ref, errors);
  return {
    id: str(raw.id),
    ref,
    valid_from: str(raw.valid_from),
    valid_to: str(raw.valid_to),
    dtstart: str(raw.dtstart),
    until: str(raw.until),
    count: r.int(raw, 'count'),
    wkst: str(raw.wkst),
    freq: str(raw.freq)?.toUpperCase() ?? 'WEEKLY',
    interval: r.int(raw, 'interval'),
    byday: str(raw.byday)?.toUpperCase().replace(/\s+/g, '') ?? null,
    byweekno: str(raw.byweekno),
    bymonthday: str(raw.bymonthday),
    byyearday: str(raw.byyearday),
    description: str(raw.description),
    opens_at: time(raw.opens_at),
    closes_at: time(raw.closes_at),
    schedule_link: str(raw.schedule_link),
    attending_type: str(raw.attending_type),
    notes: str(raw.notes),
  };
}

export function serviceFrom(raw: Raw, ref: SourceRef, errors: RowError[]): ServiceIn {
  const r = new FieldReader(ref, errors);
  const key = str(raw.id) ?? `line-${ref.file}-${ref.line}`;
  return {
    key,
    ref,
    ids: str(raw.id) ? [{ scheme: 'hsds', identifier: key }] : [],
    organization_key: str(raw.organization_id) ?? '',
    name: str(raw.name) ?? '',
    alternate_name: str(raw.alternate_name),
    description: str(raw.description),
    url: str(raw.url),
    email: str(raw.email),
    status: str(raw.status) ?? 'active',
    interpretation_services: str(raw.interpretation_services),
    application_process: str(raw.application_process),
    fees_description: str(raw.fees_description),
    wait_time: str(raw.wait_time),
    eligibility_description: str(raw.eligibility_description),
    minimum_age: r.num(raw, 'minimum_age'),
    maximum_age: r.num(raw, 'maximum_age'),
    assured_date: str(raw.assured_date),
    assurer_email: str(raw.assurer_email),
    alert: str(raw.alert),
    at_locations: [],
    phones: [],
    schedules: [],
    languages: [],
    cost_options: [],
    terms: [],
  };
}

export function phoneFrom(raw: Raw, ref: SourceRef): ServiceIn['phones'][number] {
  return {
    id: str(raw.id),
    ref,
    number: str(raw.number) ?? '',
    type: str(raw.type),
    description: str(raw.description),
  };
}

export function languageFrom(raw: Raw, ref: SourceRef): ServiceIn['languages'][number] {
  return { id: str(raw.id), ref, name: str(raw.name), code: str(raw.code) ?? '', note: str(raw.note) };
}

export function costFrom(raw: Raw, ref: SourceRef, errors: RowError[]): ServiceIn['cost_options'][number] {
  return {
    id: str(raw.id),
    ref,
    valid_from: str(raw.valid_from),
    valid_to: str(raw.valid_to),
    option: str(raw.option),
    currency: str(raw.currency) ?? 'EUR',
    amount: new FieldReader(ref, errors).num(raw, 'amount'),
    amount_description: str(raw.amount_description),
  };
}

export function attributeFrom(raw: Raw, ref: SourceRef, termId: string | null): ServiceIn['terms'][number] {
  return {
    id: str(raw.id),
    ref,
    term: termId ?? '',
    link_type: str(raw.link_type),
    value: str(raw.value),
    label: str(raw.label),
  };
}
