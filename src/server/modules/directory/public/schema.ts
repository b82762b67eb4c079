import { isLanguage, type Language } from '../../../platform/i18n.ts';

/**
 * The public map's query string. Citizens type anything and share or mangle links, so nothing here is ever
 * refused: whatever cannot be used is dropped or bounded, and the page says so where it matters (a postcode
 * that is not one). A 400 page would only be a dead end.
 */
export interface MapQuery {
  q: string;
  /** The text was cut to MAX_TEXT characters. */
  shortened: boolean;
  postcode: string | null;
  /** Something was typed as postcode that is not one. */
  postcodeInvalid: boolean;
  km: number | null;
  rubric: string | null;
  openNow: boolean;
  free: boolean;
  page: number;
  network: string | null;
  /** The language asked for in the link (not the negotiated one): links keep it. */
  lang: Language | null;
}

export const MAX_TEXT = 200;
export const MAX_PAGE = 100;
export const DISTANCES_KM = [5, 10, 25, 50] as const;
const NETWORK_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const RUBRIC_CODE = /^[a-z0-9-]{1,60}$/;

/** The first value of a parameter given once or several times. */
function one(v: unknown): string | undefined {
  if (Array.isArray(v)) return one(v[0]);
  return typeof v === 'string' ? v : undefined;
}

export function networkParam(raw: Record<string, unknown>): { slug: string | null; valid: boolean } {
  const given = one(raw.network)?.trim();
  if (!given) return { slug: null, valid: true };
  return NETWORK_SLUG.test(given) && given.length <= 60
    ? { slug: given, valid: true }
    : { slug: null, valid: false };
}

export function langParam(raw: Record<string, unknown>): Language | null {
  const given = one(raw.lang);
  return isLanguage(given) ? given : null;
}

export function parseMapQuery(raw: Record<string, unknown>): MapQuery {
  const text = (one(raw.q) ?? '').replace(/\s+/g, ' ').trim();
  const postcodeText = (one(raw.postcode) ?? '').trim();
  const postcode = /^\d{4}$/.test(postcodeText) ? postcodeText : null;
  const km = Number(one(raw.km));
  const rubric = one(raw.rubric)?.trim() ?? '';
  const page = Math.floor(Number(one(raw.page) ?? '1'));
  return {
    q: text.slice(0, MAX_TEXT),
    shortened: text.length > MAX_TEXT,
    postcode,
    postcodeInvalid: postcodeText !== '' && postcode === null,
    km: (DISTANCES_KM as readonly number[]).includes(km) ? km : null,
    rubric: RUBRIC_CODE.test(rubric) ? rubric : null,
    openNow: one(raw.open) === 'now',
    free: one(raw.free) === '1',
    page: Number.isFinite(page) ? Math.min(MAX_PAGE, Math.max(1, page)) : 1,
    network: networkParam(raw).slug,
    lang: langParam(raw),
  };
}
