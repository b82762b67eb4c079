import type { PERSONAL_DATA_KINDS } from './schema.ts';

type Kind = (typeof PERSONAL_DATA_KINDS)[number];

const NATIONAL_NUMBER = /\b(\d{2})[.\s]?(\d{2})[.\s]?(\d{2})[-.\s]?(\d{3})[.\s]?(\d{2})\b/g;
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;
const PHONE = /(?:\+32|0032|\b0)[\s./-]?[1-9](?:[\s./-]?\d){7,8}\b/;
/** A date with a word that makes it a date of birth ("geboren op", "née le", "°"). */
const BIRTH_DATE =
  /(?:\bgeboren\b|\bgeb\.|\bnée?\b|\bborn\b|°)\s*(?:op|le|on)?\s*\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}\b/i;

/** A Belgian national register number carries a check on its first nine digits (2000 and later: prefixed 2). */
function isNationalNumber(digits: string): boolean {
  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  return 97 - (base % 97) === check || 97 - ((2_000_000_000 + base) % 97) === check;
}

function kindsIn(text: string): Kind[] {
  const out: Kind[] = [];
  let rest = text;
  for (const m of text.matchAll(NATIONAL_NUMBER)) {
    if (isNationalNumber(m.slice(1, 6).join(''))) {
      if (!out.includes('national_number')) out.push('national_number');
      // Its eleven digits would otherwise read as a phone number too.
      rest = rest.replace(m[0], ' ');
    }
  }
  if (EMAIL.test(rest)) out.push('email');
  if (PHONE.test(rest)) out.push('phone');
  if (BIRTH_DATE.test(text)) out.push('birth_date');
  return out;
}

/**
 * Personal data in the free text of a signal: a signal is about a pattern, never about one person, so the
 * reporter is warned and confirms before such text is saved (a warning, not a block: a service's own
 * phone number can belong in the evidence).
 */
export function personalDataFindings(fields: Record<string, string | null | undefined>) {
  const findings: { field: string; kind: Kind }[] = [];
  for (const [field, text] of Object.entries(fields)) {
    if (text) for (const kind of kindsIn(text)) findings.push({ field, kind });
  }
  return findings;
}
