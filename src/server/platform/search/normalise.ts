/**
 * Text normalisation shared by indexing and querying, so that both sides of a search see the same words.
 * Everything is folded to lower-case ASCII letters and digits: diacritics go (café → cafe, geïntegreerd →
 * geintegreerd), ligatures are spelled out, and every other character separates words.
 */

const LIGATURES: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ı: 'i',
  ĳ: 'ij',
};

/** Longest input we look at: a search box is not a document, and bounding it bounds every later step. */
export const MAX_QUERY_CHARS = 200;

export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđıĳ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Folded words of a text, in order. */
export function words(text: string): string[] {
  const folded = fold(text);
  return folded === '' ? [] : folded.split(' ');
}

/**
 * Short function words that carry no meaning in a search for care services. Dropped from queries only when
 * other words remain ("de" alone still searches for "de").
 */
export const STOPWORDS = new Set(
  [
    // Dutch
    'de het een en of in op te van voor met bij aan naar om uit over door die dat dit deze er is zijn wordt ik je u we wij mijn',
    // French
    'le la les un une des du de et ou en au aux pour par avec sur dans ce cette est sont je mon ma mes',
    // English
    'the a an and or of in on at to for with by from is are my',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Digits runs that may be phone, national register or account numbers are masked before a query is logged,
 * so that the zero-result log holds what people looked for and not who they are.
 */
export function maskForLog(text: string): string {
  return text
    .slice(0, MAX_QUERY_CHARS)
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\S+@\S+/g, '[e-mail]')
    .replace(/\d[\d .\-/]{4,}\d/g, '[number]')
    .replace(/\s+/g, ' ')
    .trim();
}
