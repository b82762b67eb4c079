import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import {
  emptyBatch,
  type ImportBatch,
  type Importer,
  type OrganizationIn,
  type ScheduleIn,
  type ServiceIn,
} from './model.ts';
import { decodeText, detectDelimiter, MAX_ROWS, parseCsv } from './text.ts';
import { REQUIRED_TARGETS, TARGET_FIELDS, type TargetField } from './values.ts';

export { TARGET_FIELDS, type TargetField };

export type ColumnMapping = Partial<Record<TargetField, string>>;

export interface SheetTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
  /** More than MAX_ROWS rows: nothing was kept, the file is refused. */
  tooManyRows?: boolean;
  /** How the file was read, shown to the user so that a wrong guess can be noticed. */
  encoding: string;
  delimiter: string | null;
}

/** What a zip (an HSDS package or an .xlsx) may unpack to: a 10 MB upload must not become gigabytes. */
export const ZIP_LIMITS = { entries: 500, bytes: 100 * 1024 * 1024 };

/** The zip's files, each read as a stream and refused as soon as the whole would pass the limits. */
export async function unzipBounded(
  bytes: Uint8Array,
  limits = ZIP_LIMITS,
): Promise<{ name: string; data: Uint8Array }[]> {
  const zip = await JSZip.loadAsync(bytes);
  const entries = Object.values(zip.files).filter((e) => !e.dir);
  if (entries.length > limits.entries) throw new Error(`more than ${limits.entries} files in the zip`);
  const out: { name: string; data: Uint8Array }[] = [];
  let total = 0;
  for (const entry of entries) {
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream() as Readable;
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > limits.bytes) {
          stream.destroy();
          reject(new Error(`the zip unpacks to more than ${Math.round(limits.bytes / 1048576)} MB`));
        } else chunks.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve());
    });
    out.push({ name: entry.name, data: Buffer.concat(chunks) });
  }
  return out;
}

export const isXlsx = (fileName: string, bytes: Uint8Array) =>
  /\.xlsx$/i.test(fileName) || (bytes[0] === 0x50 && bytes[1] === 0x4b);

/** A CSV (any of the encodings and delimiters Belgian offices produce) or the first sheet of an .xlsx. */
export async function readSheet(fileName: string, bytes: Uint8Array): Promise<SheetTable> {
  if (isXlsx(fileName, bytes)) {
    // ExcelJS unpacks without a limit: check the workbook's unpacked size first.
    await unzipBounded(bytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    if (!ws) return { header: [], rows: [], encoding: 'xlsx', delimiter: null };
    const width = ws.columnCount;
    const cells = (r: ExcelJS.Row) => Array.from({ length: width }, (_, i) => r.getCell(i + 1).text.trim());
    const all: { line: number; cells: string[] }[] = [];
    ws.eachRow((row, line) => {
      all.push({ line, cells: cells(row) });
    });
    const [head, ...rows] = all;
    if (rows.length > MAX_ROWS)
      return { header: [], rows: [], encoding: 'xlsx', delimiter: null, tooManyRows: true };
    return {
      header: head?.cells ?? [],
      rows: rows.filter((r) => r.cells.some((c) => c !== '')),
      encoding: 'xlsx',
      delimiter: null,
    };
  }
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  const t = parseCsv(text, delimiter);
  return { ...t, encoding, delimiter };
}

/** Header words (Dutch, French, English) that suggest a target field, in the order they are tried. */
const HINTS: [TargetField, RegExp][] = [
  ['kbo', /\b(kbo|ondernemingsnummer|bce|numéro d'entreprise|enterprise number|vat|btw)\b/i],
  ['sociale_kaart_id', /sociale.?kaart|\bsk.?id\b/i],
  ['organization_name', /organi[sz]ati|voorziening|\borg\b|organisme|naam organisatie/i],
  ['service_name', /\b(dienst|aanbod|service|offre)\b/i],
  ['postal_code', /post.?code|postnummer|code postal|zip/i],
  ['city', /gemeente|\bstad\b|plaats|commune|ville|\bcity\b|localit/i],
  ['address_1', /straat|adres|address|adresse|\brue\b|street/i],
  ['latitude', /^(lat|latitude|breedte)/i],
  ['longitude', /^(lon|lng|longitude|lengte)/i],
  ['phone', /telefoon|\btel\b|phone|téléphone|gsm/i],
  ['email', /e-?mail|courriel/i],
  ['website', /website|\bweb\b|\burl\b|site/i],
  ['rubric', /rubriek|categorie|rubrique|category|thema/i],
  ['opening_hours', /openingsuren|uren|horaire|hours|open/i],
  ['description', /omschrijving|beschrijving|description|info/i],
  ['organization_name', /^(naam|nom|name)$/i],
];

/** A first mapping from the header names; the user corrects it in the mapping step. */
export function suggestMapping(header: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  for (const [field, re] of HINTS) {
    if (mapping[field]) continue;
    const col = header.find((h) => !used.has(h) && re.test(h));
    if (col) {
      mapping[field] = col;
      used.add(col);
    }
  }
  return mapping;
}

/** A Belgian enterprise number: 10 digits (old 9-digit ones get a leading 0), the last two a mod-97 check. */
export function normaliseKbo(v: string): string | null {
  const digits = v.replace(/\D/g, '');
  const d = digits.length === 9 ? `0${digits}` : digits;
  if (!/^[01]\d{9}$/.test(d)) return null;
  return 97 - (Number(d.slice(0, 8)) % 97) === Number(d.slice(8)) ? d : null;
}

const DAYS: Record<string, string> = {
  ma: 'MO',
  di: 'TU',
  wo: 'WE',
  do: 'TH',
  vr: 'FR',
  za: 'SA',
  zo: 'SU',
  mo: 'MO',
  tu: 'TU',
  we: 'WE',
  th: 'TH',
  fr: 'FR',
  sa: 'SA',
  su: 'SU',
};
const ORDER = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * Opening hours as people type them: "ma-vr 9:00-17:00; za 10u-12u". Each part is days (a range or a list)
 * and a time range; a day without hours, or a text we cannot read, is an error, never a guess.
 */
export function parseOpeningHours(
  text: string,
): { byday: string; opens_at: string; closes_at: string }[] | null {
  const out: { byday: string; opens_at: string; closes_at: string }[] = [];
  for (const part of text
    .split(/[;\n]|\s\/\s/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m =
      /^([a-z]{2}(?:\s*[-,]\s*[a-z]{2})*)\.?:?\s+(\d{1,2})(?:[:.hu](\d{2})?)?\s*u?\s*[-–]\s*(\d{1,2})(?:[:.hu](\d{2})?)?\s*u?$/i.exec(
        part,
      );
    if (!m) return null;
    const days: string[] = [];
    for (const chunk of m[1]!.toLowerCase().split(/\s*,\s*/)) {
      const [a, b] = chunk.split(/\s*-\s*/);
      const from = ORDER.indexOf(DAYS[a!] ?? '');
      const to = b === undefined ? from : ORDER.indexOf(DAYS[b] ?? '');
      if (from < 0 || to < from) return null;
      days.push(...ORDER.slice(from, to + 1));
    }
    const hhmm = (h: string, mm: string | undefined) => `${h.padStart(2, '0')}:${mm ?? '00'}`;
    out.push({ byday: days.join(','), opens_at: hhmm(m[2]!, m[3]), closes_at: hhmm(m[4]!, m[5]) });
  }
  return out.length ? out : null;
}

/**
 * A network's own list: one row per service (or per organisation, when it has no service column), with the
 * organisation found by KBO number or name, one address, one phone and the opening hours as text.
 */
export const spreadsheetImporter: Importer<{ label: string; table: SheetTable; mapping: ColumnMapping }> = {
  source: 'spreadsheet',
  parse({ label, table, mapping }): ImportBatch {
    const batch = emptyBatch(this.source, label);
    batch.matchByName = true;
    if (table.tooManyRows) {
      batch.errors.push({
        file: label,
        line: MAX_ROWS + 2,
        code: 'exchange_too_many_rows',
        params: { max: MAX_ROWS },
      });
      return batch;
    }
    const col = new Map<TargetField, number>();
    for (const [field, column] of Object.entries(mapping) as [TargetField, string][]) {
      const i = table.header.indexOf(column);
      if (i >= 0) col.set(field, i);
    }
    for (const field of REQUIRED_TARGETS)
      if (!col.has(field))
        batch.errors.push({ file: label, line: 1, code: 'exchange_mapping_missing', params: { field } });
    if (batch.errors.length) return batch;
    const orgs = new Map<string, OrganizationIn>();
    // A set beside the list: looking each row's place up in the list made 100,000 rows take minutes.
    const locationKeys = new Set<string>();
    for (const { line, cells } of table.rows) {
      batch.rows++;
      const ref = { file: label, line };
      const get = (f: TargetField) => {
        const i = col.get(f);
        const v = i === undefined ? '' : (cells[i] ?? '').trim();
        return v === '' ? null : v;
      };
      const orgName = get('organization_name') ?? '';
      const kboText = get('kbo');
      const kbo = kboText ? normaliseKbo(kboText) : null;
      if (kboText && !kbo)
        batch.errors.push({ ...ref, code: 'exchange_bad_kbo', params: { value: kboText } });
      const orgKey = kbo ? `kbo:${kbo}` : `name:${orgName.toLowerCase()}`;
      let org = orgs.get(orgKey);
      if (!org) {
        org = {
          key: orgKey,
          ref,
          ids: kbo ? [{ scheme: 'kbo', identifier: kbo }] : [],
          name: orgName,
          alternate_name: null,
          description: null,
          email: get('service_name') ? null : get('email'),
          website: get('website'),
          legal_status: null,
          identifiers: kbo ? [{ id: null, scheme: 'BE-BCE_KBO', type: 'KBO', identifier: kbo }] : [],
        };
        orgs.set(orgKey, org);
      }
      const skId = get('sociale_kaart_id');
      const num = (f: TargetField) => {
        const v = get(f);
        if (v === null) return null;
        const n = Number(v.replace(',', '.'));
        if (!Number.isFinite(n))
          batch.errors.push({ ...ref, code: 'exchange_not_a_number', params: { field: f, value: v } });
        return Number.isFinite(n) ? n : null;
      };
      const svc: ServiceIn = {
        key: skId ? `sk:${skId}` : `row:${line}`,
        ref,
        ids: skId ? [{ scheme: 'sociale_kaart', identifier: skId }] : [],
        organization_key: orgKey,
        name: get('service_name') ?? orgName,
        alternate_name: null,
        description: get('description'),
        url: get('website'),
        email: get('email'),
        status: 'active',
        interpretation_services: null,
        application_process: null,
        fees_description: null,
        wait_time: null,
        eligibility_description: null,
        minimum_age: null,
        maximum_age: null,
        assured_date: null,
        assurer_email: null,
        alert: null,
        at_locations: [],
        phones: [],
        schedules: [],
        languages: [],
        cost_options: [],
        terms: [],
      };
      const street = get('address_1');
      const latitude = num('latitude');
      const longitude = num('longitude');
      if (street || get('postal_code') || get('city') || latitude !== null) {
        // One place per organisation and address, however many of its services the list names there.
        const key = `loc:${orgKey}|${get('postal_code') ?? ''}|${(street ?? '').toLowerCase()}`;
        if (!locationKeys.has(key)) {
          locationKeys.add(key);
          batch.locations.push({
            key,
            ref,
            ids: [],
            organization_key: orgKey,
            location_type: 'physical',
            name: null,
            alternate_name: null,
            description: null,
            transportation: null,
            latitude,
            longitude,
            addresses: [
              {
                id: null,
                attention: null,
                address_1: street ?? '',
                address_2: null,
                city: get('city') ?? '',
                region: null,
                state_province: null,
                postal_code: get('postal_code') ?? '',
                country: 'BE',
                address_type: 'physical',
              },
            ],
          });
        }
        svc.at_locations.push({ id: null, ref, location_key: key, description: null });
      }
      const phone = get('phone');
      if (phone) svc.phones.push({ id: null, ref, number: phone, type: 'voice', description: null });
      const rubric = get('rubric');
      if (rubric) svc.terms.push({ id: null, ref, term: rubric, link_type: null, value: null, label: null });
      const hours = get('opening_hours');
      if (hours) {
        const slots = parseOpeningHours(hours);
        if (!slots) batch.errors.push({ ...ref, code: 'exchange_bad_hours', params: { value: hours } });
        for (const s of slots ?? []) svc.schedules.push(weekly(ref, s));
      }
      batch.services.push(svc);
    }
    batch.organizations = [...orgs.values()];
    return batch;
  },
};

function weekly(
  ref: { file: string; line: number },
  s: { byday: string; opens_at: string; closes_at: string },
): ScheduleIn {
  return {
    id: null,
    ref,
    valid_from: null,
    valid_to: null,
    dtstart: null,
    until: null,
    count: null,
    wkst: null,
    freq: 'WEEKLY',
    interval: null,
    byday: s.byday,
    byweekno: null,
    bymonthday: null,
    byyearday: null,
    description: null,
    opens_at: s.opens_at,
    closes_at: s.closes_at,
    schedule_link: null,
    attending_type: null,
    notes: null,
  };
}
