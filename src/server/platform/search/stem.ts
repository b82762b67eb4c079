import snowball from 'snowball-stemmers';

export type Language = 'nl' | 'fr' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'fr', 'en'];

const stemmers = {
  nl: snowball.newStemmer('dutch'),
  fr: snowball.newStemmer('french'),
  en: snowball.newStemmer('english'),
};

/**
 * Dutch derivations that the Snowball stemmer keeps apart but a person looking for care treats as one word:
 * verpleegkundige/verpleging, psychologisch/psychologie/psycholoog, therapeut/therapie. Stripped only when a
 * real stem remains.
 */
const DUTCH_FAMILY_SUFFIXES = ['kundig', 'kund', 'isch', 'eut', 'ie', 'ist'];

/**
 * The stem of a folded word. For Dutch, doubled vowels are undoubled after stemming ("verpleeg" and "verpleg",
 * "psycholoog" and "psycholog") because Dutch spelling doubles a vowel in an open syllable and the stemmer
 * does not always undo it; then derivational families are conflated.
 */
// Indexing stems the same few thousand words millions of times; a bounded memo makes that a map lookup.
const MEMO_LIMIT = 200_000;
const memo = { nl: new Map<string, string>(), fr: new Map<string, string>(), en: new Map<string, string>() };

export function stem(word: string, lang: Language = 'nl'): string {
  const cached = memo[lang].get(word);
  if (cached !== undefined) return cached;
  const s = computeStem(word, lang);
  if (memo[lang].size >= MEMO_LIMIT) memo[lang].clear();
  memo[lang].set(word, s);
  return s;
}

function computeStem(word: string, lang: Language): string {
  if (word.length < 3 || /^\d+$/.test(word)) return word;
  let s = stemmers[lang].stem(word);
  if (lang === 'nl') {
    s = s.replace(/([aeou])\1/g, '$1');
    // Snowball strips -en but keeps a final -s after a consonant (tandartsen → tandarts, tandarts → tandart).
    if (/[^aeiouys]s$/.test(s) && s.length >= 5) s = s.slice(0, -1);
    for (const suffix of DUTCH_FAMILY_SUFFIXES) {
      if (s.endsWith(suffix) && s.length - suffix.length >= 5) {
        s = s.slice(0, -suffix.length);
        break;
      }
    }
  }
  return s;
}

/**
 * Heads and modifiers of Dutch compounds in care and welfare. Dutch writes compounds as one word
 * (thuisverpleging, woonzorgcentrum, gezinsbegeleiding), so a search for "verpleging" or "zorg" must also find
 * the compounds: the parts found here are indexed beside the whole word.
 */
const COMPOUND_PARTS = [
  'zorg',
  'hulp',
  'verpleging',
  'verpleegkundige',
  'verzorging',
  'verzorgende',
  'arts',
  'dokter',
  'centrum',
  'centra',
  'dienst',
  'diensten',
  'begeleiding',
  'opvang',
  'thuis',
  'huis',
  'kinder',
  'kind',
  'jeugd',
  'jongeren',
  'gezin',
  'ouder',
  'ouderen',
  'welzijn',
  'therapie',
  'therapeut',
  'psychologie',
  'psycholoog',
  'psychiatrie',
  'mantel',
  'woon',
  'wonen',
  'dag',
  'nacht',
  'kort',
  'verblijf',
  'school',
  'onderwijs',
  'werk',
  'vrijwilligers',
  'vrijwilliger',
  'pleeg',
  'pleegzorg',
  'geestelijke',
  'gezondheid',
  'gezondheidszorg',
  'tand',
  'mond',
  'oog',
  'voet',
  'kine',
  'kinesitherapie',
  'logopedie',
  'vroedvrouw',
  'apotheek',
  'ziekenhuis',
  'revalidatie',
  'palliatieve',
  'dementie',
  'verslaving',
  'armoede',
  'schuld',
  'budget',
  'beheer',
  'vervoer',
  'maaltijd',
  'maaltijden',
  'poets',
  'huishoud',
  'onthaal',
  'advies',
  'informatie',
  'loket',
  'punt',
  'lijn',
  'eerste',
  'netwerk',
  'overleg',
  'coaching',
  'training',
  'groep',
  'winkel',
  'sociaal',
  'sociale',
  'buurt',
  'wijk',
  'lokaal',
  'preventie',
  'vaccinatie',
  'screening',
  'consultatie',
  'bureau',
  'praktijk',
  'kabinet',
  'ambulante',
  'residentiele',
  'crisis',
  'nood',
  'slachtoffer',
  'relatie',
  'bemiddeling',
  'recht',
  'juridische',
  'gehandicapten',
  'handicap',
  'beperking',
  'autisme',
  'diabetes',
  'kanker',
  'hart',
  'ouderdom',
  'senioren',
  'baby',
  'peuter',
];
const PARTS = new Set(COMPOUND_PARTS);
const LINKING = ['', 's', 'en', 'e'];
const MIN_PART = 3;

/** The known parts a Dutch compound is made of, found from the right (the head comes last in Dutch). */
export function compoundParts(word: string): string[] {
  const out: string[] = [];
  split(word, out, 0);
  return out;
}

function split(word: string, out: string[], depth: number): void {
  if (depth > 4 || word.length < 2 * MIN_PART) return;
  for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
    const head = word.slice(i);
    if (!PARTS.has(head)) continue;
    const rest = word.slice(0, i);
    for (const link of LINKING) {
      if (link !== '' && !rest.endsWith(link)) continue;
      const modifier = rest.slice(0, rest.length - link.length);
      if (modifier.length < MIN_PART) continue;
      // A short head only counts beside a known modifier: psycholoog is not psychol + oog.
      if (head.length < 4 && !PARTS.has(modifier)) continue;
      out.push(head);
      if (PARTS.has(modifier)) out.push(modifier);
      else split(modifier, out, depth + 1);
      return;
    }
  }
}

/** Stems to index for one folded word: the word's own stem and those of its compound parts. */
export function indexStems(word: string, lang: Language): string[] {
  const own = stem(word, lang);
  if (lang !== 'nl') return [own];
  const parts = compoundParts(word).map((p) => stem(p, 'nl'));
  return parts.length === 0 ? [own] : [own, ...new Set(parts)];
}
