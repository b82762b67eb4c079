import { z } from 'zod';
import type { ServiceFields, ServicePatch } from '../curate/schema.ts';
import type { TextKey } from './texts.ts';

/**
 * The public "suggest a change" form: what a citizen can correct on a service page, read from a plain
 * form post. Unlike the search, this input is refused when it cannot be used, field by field, so the form
 * comes back with the values kept and a message next to each field that needs another look.
 */

export const SUGGEST_FIELDS = [
  'phones',
  'email',
  'url',
  'address_1',
  'postal_code',
  'city',
  'hours',
  'message',
  'proposer_email',
] as const;
export type SuggestField = (typeof SUGGEST_FIELDS)[number];
/** The honeypot: hidden from people, filled in by bots (curate answers it like a success). */
export const HONEYPOT = 'homepage';

export type SuggestValues = Record<SuggestField, string>;

export interface SuggestError {
  field: SuggestField;
  key: TextKey;
  params?: Record<string, string | number>;
}

export const MAX_NOTE = 450;
const MAX_PHONES = 5;
const PHONE = /^\+?[0-9 ./()-]{6,25}$/;
const Email = z.email().max(200);
const Url = z.url({ protocol: /^https?$/ }).max(500);

/** A form's first value of each field (a repeated name keeps its first value). */
export function parseFormBody(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(body)) if (!(k in out)) out[k] = v;
  return out;
}

/** The form as first shown: the service's current public values. */
export function valuesFrom(current: ServiceFields): SuggestValues {
  return {
    phones: current.phones.join(', '),
    email: current.email ?? '',
    url: current.url ?? '',
    address_1: current.address?.address_1 ?? '',
    postal_code: current.address?.postal_code ?? '',
    city: current.address?.city ?? '',
    hours: '',
    message: '',
    proposer_email: '',
  };
}

export function valuesOf(raw: Record<string, unknown>): SuggestValues {
  const out = {} as SuggestValues;
  for (const f of SUGGEST_FIELDS) {
    const v = raw[f];
    out[f] = typeof v === 'string' ? v.slice(0, 5000) : '';
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export interface ParsedSuggestion {
  proposed: ServicePatch;
  /** The citizen's own words: what is wrong and, as free text, the opening hours. */
  message: string | null;
  hours: string | null;
  email: string | null;
}

/** Checks the form and keeps only the fields that differ from the service's current values. */
export function parseSuggestion(
  v: SuggestValues,
  current: ServiceFields,
): { ok: true; value: ParsedSuggestion } | { ok: false; errors: SuggestError[] } {
  const errors: SuggestError[] = [];
  const proposed: ServicePatch = {};

  const phones = v.phones
    .split(/[,;\n]/)
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  const badPhone = phones.find((p) => !PHONE.test(p));
  if (badPhone) errors.push({ field: 'phones', key: 'suggest_error_phone', params: { value: badPhone } });
  else if (phones.length > MAX_PHONES)
    errors.push({ field: 'phones', key: 'suggest_error_phones_many', params: { max: MAX_PHONES } });
  else if (!same(phones, current.phones)) proposed.phones = phones;

  const email = v.email.trim();
  if (email && !Email.safeParse(email).success) errors.push({ field: 'email', key: 'suggest_error_email' });
  else if (!same(email || null, current.email)) proposed.email = email || null;

  // People type "www.example.be": a missing scheme is the web's, not an error.
  const urlText = v.url.trim();
  const url = urlText && !/^[a-z][a-z0-9+.-]*:/i.test(urlText) ? `https://${urlText}` : urlText;
  if (url && !Url.safeParse(url).success) errors.push({ field: 'url', key: 'suggest_error_url' });
  else if (!same(url || null, current.url) && !same(urlText || null, current.url)) proposed.url = url || null;

  const street = v.address_1.trim();
  const postcode = v.postal_code.trim();
  const city = v.city.trim();
  if (street || postcode || city) {
    const before = errors.length;
    if (!street || street.length > 200) errors.push({ field: 'address_1', key: 'suggest_error_street' });
    if (!/^\d{4}$/.test(postcode)) errors.push({ field: 'postal_code', key: 'suggest_error_postcode' });
    if (!city || city.length > 100) errors.push({ field: 'city', key: 'suggest_error_city' });
    const address = { address_1: street, postal_code: postcode, city };
    if (errors.length === before && !same(address, current.address)) proposed.address = address;
  } else if (current.address) {
    proposed.address = null;
  }

  const note = (field: 'hours' | 'message') => {
    const s = v[field].trim();
    if (s.length > MAX_NOTE) errors.push({ field, key: 'suggest_error_too_long', params: { max: MAX_NOTE } });
    return s || null;
  };
  const hours = note('hours');
  const message = note('message');

  const proposer = v.proposer_email.trim();
  if (proposer && !Email.safeParse(proposer).success)
    errors.push({ field: 'proposer_email', key: 'suggest_error_proposer' });

  if (errors.length === 0 && Object.keys(proposed).length === 0 && !hours && !message)
    errors.push({ field: 'message', key: 'suggest_error_nothing' });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { proposed, message, hours, email: proposer || null } };
}
