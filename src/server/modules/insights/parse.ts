/**
 * Reading one line of a long-format figures file: numbers as Dutch Excel writes them, municipalities by NIS
 * code (today's, or one from before the 2019 and 2025 mergers) or by Dutch name, and periods. Pure
 * functions over the reference data the service loads once per import.
 */

export const FIGURE_COLUMNS = [
  'indicator',
  'name',
  'unit',
  'municipality',
  'period',
  'value',
  'source',
  'licence',
] as const;

/** nl: "1.234,5" (Belgian Excel); en: "1,234.5". */
export type NumberStyle = 'nl' | 'en';

const SPACES = /[\s\u00a0\u202f']/g;

export function parseNumber(raw: string, style: NumberStyle): number | null {
  let s = raw.replace(SPACES, '');
  if (s === '') return null;
  if (style === 'nl') s = s.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  else s = s.replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * A file's number style: a semicolon-separated CSV comes from Belgian Excel (decimal comma); otherwise a
 * comma followed by other than three digits can only be a decimal comma.
 */
export function detectNumberStyle(delimiter: string | null, values: readonly string[]): NumberStyle {
  if (delimiter === ';') return 'nl';
  return values.some((v) => /\d,(\d{1,2}|\d{4,})$/.test(v.replace(SPACES, ''))) ? 'nl' : 'en';
}

export const PERIOD = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** Lower case, no accents, words separated by one space: "Sint-Gillis-Waas" and "sint gillis waas" meet. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface Geography {
  /** Today's municipalities: NIS code → Dutch name. */
  current: Map<string, string>;
  /** Pre-merger codes → the merger that ended them (the first, for codes merged twice). */
  merged: Map<string, { effectiveDate: string; oldName: string; newNis: string }>;
  byName: Map<string, string>;
}

export function buildGeography(
  municipalities: readonly { nis_code: string; name_nl: string }[],
  mergers: readonly { old_nis: string; effective_date: string; old_name: string; new_nis: string }[],
): Geography {
  const current = new Map(municipalities.map((m) => [m.nis_code, m.name_nl]));
  const merged = new Map<string, { effectiveDate: string; oldName: string; newNis: string }>();
  for (const m of [...mergers].sort((a, b) => a.effective_date.localeCompare(b.effective_date))) {
    // A code merged in 2019 into a new one merged again in 2025 is resolved through both.
    if (!merged.has(m.old_nis))
      merged.set(m.old_nis, { effectiveDate: m.effective_date, oldName: m.old_name, newNis: m.new_nis });
  }
  const byName = new Map<string, string>();
  for (const [code, m] of merged) if (!current.has(code)) byName.set(foldName(m.oldName), code);
  // Today's names win over an old municipality of the same name (Deinze before and after 2019).
  for (const [code, name] of current) byName.set(foldName(name), code);
  return { current, merged, byName };
}

/** The municipality a code belongs to today, following merger after merger. */
export function currentOf(geo: Geography, code: string): string | null {
  let at = code;
  for (let hops = 0; hops < 5; hops++) {
    if (geo.current.has(at)) return at;
    const next = geo.merged.get(at);
    if (!next) return null;
    at = next.newNis;
  }
  return null;
}

export type PlaceResult =
  | { ok: true; nis: string; current: string; name: string }
  | { ok: false; code: 'insights_line_municipality'; params: Record<string, string> }
  | { ok: false; code: 'insights_line_merged'; params: Record<string, string> };

/**
 * Resolves a municipality cell for a period. A pre-merger code is kept for the periods before its merger (the
 * geography of that period) and refused after it, naming the municipality it became part of.
 */
export function resolvePlace(geo: Geography, raw: string, period: string): PlaceResult {
  const value = raw.trim();
  const code = /^\d{5}$/.test(value) ? value : geo.byName.get(foldName(value));
  if (!code) return { ok: false, code: 'insights_line_municipality', params: { value } };
  const name = geo.current.get(code);
  if (name) return { ok: true, nis: code, current: code, name };
  const merger = geo.merged.get(code);
  const current = currentOf(geo, code);
  if (!merger || !current) return { ok: false, code: 'insights_line_municipality', params: { value } };
  if (period.slice(0, 4) >= merger.effectiveDate.slice(0, 4)) {
    return {
      ok: false,
      code: 'insights_line_merged',
      params: {
        value: code,
        period,
        since: merger.effectiveDate,
        nis: current,
        name: geo.current.get(current) ?? current,
      },
    };
  }
  return { ok: true, nis: code, current, name: merger.oldName };
}
