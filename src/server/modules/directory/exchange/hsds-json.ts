import {
  addressFrom,
  attributeFrom,
  costFrom,
  languageFrom,
  locationFrom,
  organizationFrom,
  phoneFrom,
  type Raw,
  scheduleFrom,
  serviceFrom,
  str,
} from './hsds-fields.ts';
import { emptyBatch, type ImportBatch, type Importer, type SourceRef } from './model.ts';
import { decodeText } from './text.ts';

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Raw[] => (Array.isArray(v) ? v.filter(isObject) : []);

/**
 * HSDS JSON: one service or organisation object, a list of them, or a page of the API ({contents: […]}),
 * with organisations and locations nested as the HSDS API gives them. A record's line is the line of its id
 * in the file, so that an error can be found in an editor.
 */
export const hsdsJsonImporter: Importer<{ label: string; bytes: Uint8Array }> = {
  source: 'hsds-json',
  parse({ label, bytes }): ImportBatch {
    const batch = emptyBatch(this.source, label);
    const text = decodeText(bytes).text;
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      const line = text.slice(0, errorOffset(text, e)).split('\n').length;
      batch.errors.push({
        file: label,
        line,
        code: 'exchange_malformed',
        params: { details: String(e).slice(0, 300) },
      });
      return batch;
    }
    const lineOf = (id: unknown, fallback: number): number => {
      const s = str(id);
      const at = s ? text.indexOf(`"${s}"`) : -1;
      return at < 0 ? fallback : text.slice(0, at).split('\n').length;
    };
    const ref = (o: Raw, i: number): SourceRef => ({ file: label, line: lineOf(o.id, i + 1) });
    const items =
      isObject(doc) && Array.isArray(doc.contents)
        ? list(doc.contents)
        : Array.isArray(doc)
          ? list(doc)
          : isObject(doc)
            ? [doc]
            : [];
    if (items.length === 0) {
      batch.errors.push({ file: label, line: 1, code: 'exchange_no_hsds_records' });
      return batch;
    }
    const orgs = new Map<string, ReturnType<typeof organizationFrom>>();
    const locations = new Map<string, ReturnType<typeof locationFrom>>();
    const addOrg = (o: Raw, i: number) => {
      const org = organizationFrom(o, ref(o, i));
      if (orgs.has(org.key)) return orgs.get(org.key)!;
      for (const idf of list(o.organization_identifiers))
        org.identifiers.push({
          id: str(idf.id),
          scheme: str(idf.identifier_scheme) ?? '',
          type: str(idf.identifier_type),
          identifier: str(idf.identifier) ?? '',
        });
      orgs.set(org.key, org);
      batch.rows++;
      return org;
    };
    const addService = (s: Raw, i: number, orgKey: string | null) => {
      const r = ref(s, i);
      const svc = serviceFrom(s, r, batch.errors);
      batch.rows++;
      if (isObject(s.organization)) svc.organization_key = addOrg(s.organization, i).key;
      else if (orgKey) svc.organization_key = orgKey;
      const sub = (o: Raw, j: number) => ({ file: label, line: lineOf(o.id, r.line + j) });
      for (const [j, p] of list(s.phones).entries()) svc.phones.push(phoneFrom(p, sub(p, j)));
      for (const [j, p] of list(s.schedules).entries())
        svc.schedules.push(scheduleFrom(p, sub(p, j), batch.errors));
      for (const [j, p] of list(s.languages).entries()) svc.languages.push(languageFrom(p, sub(p, j)));
      for (const [j, p] of list(s.cost_options).entries())
        svc.cost_options.push(costFrom(p, sub(p, j), batch.errors));
      list(s.attributes).forEach((a, j) => {
        const term = isObject(a.taxonomy_term) ? a.taxonomy_term : null;
        if (term && str(term.id) && str(term.code)) batch.termCodes.set(str(term.id)!, str(term.code)!);
        svc.terms.push(attributeFrom(a, sub(a, j), str(a.taxonomy_term_id) ?? str(term?.id)));
      });
      list(s.service_at_locations).forEach((sal, j) => {
        const l = isObject(sal.location) ? sal.location : null;
        let key = str(sal.location_id);
        if (l) {
          const loc = locationFrom(l, sub(l, j), batch.errors);
          if (!locations.has(loc.key)) {
            loc.addresses = list(l.addresses).map(addressFrom);
            locations.set(loc.key, loc);
          }
          key = loc.key;
        }
        svc.at_locations.push({
          id: str(sal.id),
          ref: sub(sal, j),
          location_key: key ?? '',
          description: str(sal.description),
        });
      });
      batch.services.push(svc);
    };
    items.forEach((item, i) => {
      // An organisation carries its services; a service carries its organisation.
      if (Array.isArray(item.services) && !('organization_id' in item) && !('organization' in item)) {
        const org = addOrg(item, i);
        for (const [j, s] of list(item.services).entries()) addService(s, i + j, org.key);
      } else addService(item, i, null);
    });
    batch.organizations = [...orgs.values()];
    batch.locations = [...locations.values()];
    return batch;
  },
};

/**
 * Where JSON.parse gave up. Most of its messages say "at position N"; "Unexpected token" only quotes the text
 * around it, so the offset is found by bisection: a prefix before the fault fails only for ending early.
 */
function errorOffset(text: string, e: unknown): number {
  const at = /position (\d+)/.exec(String(e))?.[1];
  if (at) return Number(at);
  const endsEarly = (n: number) => {
    try {
      JSON.parse(text.slice(0, n));
      return true;
    } catch (err) {
      // Failing at the very end of the prefix means the prefix was fine so far.
      const pos = /position (\d+)/.exec(String(err))?.[1];
      return /end of (JSON )?input/i.test(String(err)) || Number(pos) === n;
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (endsEarly(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
