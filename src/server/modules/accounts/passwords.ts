import fs from 'node:fs';

/**
 * The password rule beyond its length (NIST SP 800-63B 5.1.1.2): refuse what attackers try first — commonly
 * used passwords, trivial patterns, and words from the context (the product's name, the user's e-mail). No
 * composition rules: a long phrase of ordinary words is what we want people to choose.
 */
export type PasswordProblem = 'password_common' | 'password_pattern' | 'password_personal';

const COMMON = new Set(
  fs
    .readFileSync(new URL('../../../../data/common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#')),
);

// The digits, the alphabet and the keyboard (Belgian AZERTY, QWERTY) row after row: any stretch, either way.
const WALKS = [
  '1234567890',
  'abcdefghijklmnopqrstuvwxyz',
  'azertyuiopqsdfghjklmwxcvbn',
  'qwertyuiopasdfghjklzxcvbnm',
];
const PRODUCT_NAMES = ['knooppunt'];
/** Letters that must remain once the context words are taken out. */
const MIN_OWN_LETTERS = 4;

/** A common word with only digits and symbols around it (`password1234`, `!!azerty2026`). */
function isCommon(lower: string): boolean {
  const base = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  return COMMON.has(lower) || COMMON.has(base);
}

/** One character or any unit repeated (`aaaaaaaaaaaa`, `welkomwelkom`), or a walk along a row or sequence. */
function isPattern(lower: string): boolean {
  if (/^(.+?)\1+$/su.test(lower)) return true;
  return WALKS.some((walk) => {
    const cycle = walk.repeat(Math.ceil(lower.length / walk.length) + 1);
    const reversed = [...cycle].reverse().join('');
    return cycle.includes(lower) || reversed.includes(lower);
  });
}

/** Mostly the product's name or parts of the e-mail address (`knooppunt2026!`, `an.peeters1234`). */
function isPersonal(lower: string, email: string | undefined): boolean {
  const [local = '', domain = ''] = (email ?? '').toLowerCase().split('@');
  const words = [...PRODUCT_NAMES, local, ...local.split(/[^a-z0-9]+/), ...domain.split('.')].filter(
    (w) => w.length >= 3,
  );
  let rest = lower;
  for (const word of words.sort((a, b) => b.length - a.length)) rest = rest.split(word).join('');
  return rest !== lower && rest.replace(/[\d\W_]/g, '').length < MIN_OWN_LETTERS;
}

/** Why a new password is refused, or null when it is acceptable. The length is checked by the schema. */
export function passwordProblem(password: string, context: { email?: string } = {}): PasswordProblem | null {
  const lower = password.toLowerCase();
  if (isCommon(lower)) return 'password_common';
  if (isPattern(lower)) return 'password_pattern';
  if (isPersonal(lower, context.email)) return 'password_personal';
  return null;
}
