import type { Kysely } from 'kysely';
import { hsdsId } from '../hsds.ts';
import type { DirectoryTables } from '../tables.ts';
import type { ImportBatch, RowError, ServiceIn, SourceRef } from './model.ts';
import { normaliseKbo } from './spreadsheet.ts';

// The row checks of an import: every record of a batch against the field rules, before anything is matched.

type Dir = Kysely<DirectoryTables>;
/** The taxonomy terms a batch names, by their code. */
export type TermIds = Map<ServiceIn['terms'][number], string>;

/** Belgium's bounding box, with a small margin for addresses on the border. */
export const BELGIUM = { south: 49.49, north: 51.51, west: 2.54, east: 6.41 };
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const DAY = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;
export const STATUSES = new Set(['active', 'inactive', 'defunct', 'temporarily closed']);
export const FREQS = new Set(['WEEKLY', 'MONTHLY']);
export const KBO_SCHEMES = /^(kbo|be-bce_kbo|be-bce|bce|kbo-bce)$/i;

/**
 * Lets other requests in every so many records: checking and matching a 100,000-row file takes seconds, and
 * the database calls alone would never give the event loop a turn (SQLite answers synchronously).
 */
export const YIELD_EVERY = 250;
export const breathe = (i: number) =>
  i % YIELD_EVERY === YIELD_EVERY - 1 ? new Promise<void>((resolve) => setImmediate(resolve)) : undefined;
/** File order without the locale machinery: reports of 100,000 rows are sorted in one go. */
export const byFileAndLine = (a: SourceRef, b: SourceRef) =>
  a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1;

/** Checks every record of a batch; the errors are rows with line and reason. Reads the taxonomy only. */
export async function validate(
  db: Dir,
  batch: ImportBatch,
  onProgress?: (done: number) => Promise<void>,
): Promise<{
  errors: RowError[];
  termId: TermIds;
}> {
  const errors: RowError[] = [...batch.errors];
  const err = (ref: SourceRef, code: string, params: Record<string, string | number> = {}) =>
    errors.push({ file: ref.file, line: ref.line, code, params });
  const required = (ref: SourceRef, field: string, v: string | null) => {
    if (v === null || v.trim() === '') err(ref, 'exchange_required', { field });
  };
  const orgKeys = new Set(batch.organizations.map((o) => o.key));
  // One record per outside id: a second row with the same id would overwrite the first.
  for (const list of [batch.locations, batch.services]) {
    const seen = new Set<string>();
    for (const r of list) {
      if (seen.has(r.key)) err(r.ref, 'exchange_duplicate_id', { value: r.ids[0]?.identifier ?? r.key });
      seen.add(r.key);
    }
  }
  const locKeys = new Set(batch.locations.map((l) => l.key));
  for (const [i, o] of batch.organizations.entries()) {
    await breathe(i);
    required(o.ref, 'name', o.name);
    if (o.email && !EMAIL.test(o.email)) err(o.ref, 'exchange_bad_email', { value: o.email });
    for (const idf of o.identifiers) {
      if (!KBO_SCHEMES.test(idf.scheme)) continue;
      const kbo = normaliseKbo(idf.identifier);
      if (!kbo) err(o.ref, 'exchange_bad_kbo', { value: idf.identifier });
      else if (!o.ids.some((i) => i.scheme === 'kbo')) o.ids.push({ scheme: 'kbo', identifier: kbo });
    }
  }
  for (const [i, l] of batch.locations.entries()) {
    await breathe(i);
    if (l.organization_key && !orgKeys.has(l.organization_key))
      err(l.ref, 'exchange_unknown_reference', { field: 'organization_id', value: l.organization_key });
    if ((l.latitude === null) !== (l.longitude === null)) err(l.ref, 'exchange_coordinates_pair');
    else if (
      l.latitude !== null &&
      l.longitude !== null &&
      !(
        l.latitude >= BELGIUM.south &&
        l.latitude <= BELGIUM.north &&
        l.longitude >= BELGIUM.west &&
        l.longitude <= BELGIUM.east
      )
    )
      err(l.ref, 'exchange_outside_belgium', { lat: l.latitude, lon: l.longitude });
    for (const a of l.addresses) {
      required(l.ref, 'address_1', a.address_1);
      required(l.ref, 'city', a.city);
      required(l.ref, 'postal_code', a.postal_code);
      if (a.country.toUpperCase() === 'BE' && a.postal_code && !/^[1-9]\d{3}$/.test(a.postal_code))
        err(l.ref, 'exchange_bad_postcode', { value: a.postal_code });
    }
  }
  const terms = await db.selectFrom('directory_taxonomy_terms').select(['id', 'code', 'name']).execute();
  const byKey = new Map<string, string>();
  const ambiguous = new Set<string>();
  const add = (k: string, id: string) => {
    const key = k.toLowerCase();
    if (byKey.has(key) && byKey.get(key) !== id) ambiguous.add(key);
    else byKey.set(key, id);
  };
  for (const t of terms) {
    byKey.set(t.id.toLowerCase(), t.id);
    byKey.set(hsdsId(t.id), t.id);
  }
  for (const t of terms) {
    add(t.code, t.id);
    add(t.name, t.id);
  }
  const termId: TermIds = new Map();
  let done = 0;
  for (const s of batch.services) {
    await breathe(done);
    required(s.ref, 'name', s.name);
    if (!orgKeys.has(s.organization_key))
      err(s.ref, 'exchange_unknown_reference', { field: 'organization_id', value: s.organization_key });
    if (!STATUSES.has(s.status)) err(s.ref, 'exchange_bad_value', { field: 'status', value: s.status });
    if (s.email && !EMAIL.test(s.email)) err(s.ref, 'exchange_bad_email', { value: s.email });
    for (const [f, v] of [
      ['minimum_age', s.minimum_age],
      ['maximum_age', s.maximum_age],
    ] as const)
      if (v !== null && (v < 0 || v > 130)) err(s.ref, 'exchange_bad_value', { field: f, value: v });
    if (s.minimum_age !== null && s.maximum_age !== null && s.minimum_age > s.maximum_age)
      err(s.ref, 'exchange_bad_value', { field: 'maximum_age', value: s.maximum_age });
    for (const sal of s.at_locations)
      if (!locKeys.has(sal.location_key))
        err(sal.ref, 'exchange_unknown_reference', { field: 'location_id', value: sal.location_key });
    for (const p of s.phones) {
      if ((p.number.match(/\d/g)?.length ?? 0) < 6) err(p.ref, 'exchange_bad_phone', { value: p.number });
    }
    for (const l of s.languages)
      if (!/^[a-z]{2,3}$/i.test(l.code)) err(l.ref, 'exchange_bad_value', { field: 'code', value: l.code });
    for (const c of s.cost_options)
      if (c.amount !== null && c.amount < 0)
        err(c.ref, 'exchange_bad_value', { field: 'amount', value: c.amount });
    for (const sc of s.schedules) {
      if (!FREQS.has(sc.freq)) err(sc.ref, 'exchange_bad_hours', { value: `freq=${sc.freq}` });
      const times = [sc.opens_at, sc.closes_at].filter((v) => v !== null);
      // Opening at 25:00, or closing when it opens, is a typing error, not a schedule.
      if (times.some((v) => !HHMM.test(v)) || (sc.opens_at !== null && sc.opens_at === sc.closes_at))
        err(sc.ref, 'exchange_bad_hours', { value: `${sc.opens_at ?? ''}-${sc.closes_at ?? ''}` });
      if (sc.byday && !sc.byday.split(',').every((d) => DAY.test(d)))
        err(sc.ref, 'exchange_bad_hours', { value: `byday=${sc.byday}` });
    }
    for (const t of s.terms) {
      const given = t.term.toLowerCase();
      const viaPackage = batch.termCodes.get(t.term)?.toLowerCase();
      const id = ambiguous.has(given)
        ? undefined
        : (byKey.get(given) ??
          (viaPackage && !ambiguous.has(viaPackage) ? byKey.get(viaPackage) : undefined));
      if (id) termId.set(t, id);
      else err(t.ref, 'exchange_unknown_term', { value: t.term });
    }
    done++;
    if (onProgress && done % 200 === 0) await onProgress(done);
  }
  // Errors in file order, so that a report reads top to bottom.
  errors.sort(byFileAndLine);
  return { errors, termId };
}
