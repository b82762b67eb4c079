import { STOPWORDS, words } from '../../../platform/search/normalise.ts';

/**
 * What makes two records of the social map "the same": the keys they are compared on, normalised so that
 * formatting never hides a match (0471/12.34.56 and +32 471 12 34 56 are one phone; BE 0123.456.789 and
 * 123456789 are one enterprise number; "Sint-Niklaas vzw" and "sint niklaas" are one name).
 */

/** Legal forms and filler words that say nothing about which organisation a name is. */
const NAME_NOISE = new Set([
  'vzw',
  'asbl',
  'bv',
  'bvba',
  'nv',
  'cv',
  'cvba',
  'vof',
  'comm',
  'srl',
  'sprl',
  'sa',
  'scrl',
  'ivzw',
  'aisbl',
  'ov',
  'dv',
]);

/** Folded significant words of a name: no diacritics, legal forms or function words. */
export function nameTokens(name: string): string[] {
  const all = words(name);
  const kept = all.filter((w) => w.length > 1 && !NAME_NOISE.has(w) && !STOPWORDS.has(w));
  return kept.length > 0 ? kept : all;
}

export function normaliseName(name: string): string {
  return nameTokens(name).join(' ');
}

/** Belgian numbers in national form (0 + zone or mobile prefix); null when too short to mean anything. */
export function normalisePhone(phone: string): string | null {
  let digits = phone.replace(/\D+/g, '');
  if (phone.trim().startsWith('+') && digits.startsWith('32')) digits = `0${digits.slice(2)}`;
  else if (digits.startsWith('0032')) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith('32') && digits.length >= 10 && digits.length <= 11)
    digits = `0${digits.slice(2)}`;
  return digits.length >= 8 ? digits : null;
}

/** KBO/CBE enterprise numbers as 10 digits (the old 9-digit form gets its leading 0). */
export function normaliseKbo(kbo: string): string | null {
  const digits = kbo.replace(/\D+/g, '');
  if (digits.length === 9) return `0${digits}`;
  return digits.length === 10 ? digits : null;
}

/** An identifier in a comparable form: enterprise numbers by their digits, others folded. */
export function normaliseIdentifier(scheme: string, identifier: string): string | null {
  if (scheme === 'kbo') return normaliseKbo(identifier);
  const folded = words(identifier).join('');
  return folded === '' ? null : folded;
}

/** Street and number with the postcode: "Kerkstraat 1" and "kerkstraat 1 bus A" differ, on purpose. */
export function addressKey(address1: string, postcode: string): string | null {
  const street = words(address1)
    .map((w) => w.replace(/^(straat|str)$/, 'straat'))
    .join(' ');
  const pc = postcode.replace(/\s+/g, '');
  return street === '' || pc === '' ? null : `${pc}|${street}`;
}

/** Jaro-Winkler similarity (0–1): forgiving of typos and rewards a common beginning. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = true;
      bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

function trigrams(s: string): Map<string, number> {
  const padded = `  ${s} `;
  const out = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const g = padded.slice(i, i + 3);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient over character trigrams (0–1): insensitive to the order of words. */
export function trigramDice(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  const ta = trigrams(a);
  const tb = trigrams(b);
  let common = 0;
  let total = 0;
  for (const [g, n] of ta) {
    common += Math.min(n, tb.get(g) ?? 0);
    total += n;
  }
  for (const n of tb.values()) total += n;
  return (2 * common) / total;
}

/**
 * How well the words of `a` are found among the words of `b`: each word's best Jaro-Winkler match, half the
 * mean (Monge-Elkan) and half the worst, so one word that differs ("Huis van het Kind Aalst" against
 * "… Haaltert") weighs as the telling word it is.
 */
function wordMatch(a: string[], b: string[]): number {
  let sum = 0;
  let worst = 1;
  for (const x of a) {
    let best = 0;
    for (const y of b) best = Math.max(best, jaroWinkler(x, y));
    sum += best;
    worst = Math.min(worst, best);
  }
  return (sum / a.length + worst) / 2;
}

/**
 * How alike two names are (0–1), after normalising. Word by word (both ways), so a typo or another word
 * order still matches but a shared long first word does not ("Huisartsenpraktijk De Linde" is not
 * "Huisartsenpraktijk De Brug"); trigram overlap without spaces catches compounds written apart ("thuis
 * verpleging", "Ter Beke" and "Terbeke").
 */
export function nameSimilarity(a: string, b: string): number {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const na = ta.join(' ');
  const nb = tb.join(' ');
  if (na === nb) return 1;
  const byWord = (wordMatch(ta, tb) + wordMatch(tb, ta)) / 2;
  return Math.max(byWord, trigramDice(ta.join(''), tb.join('')));
}
