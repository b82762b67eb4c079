import { createHash } from 'node:crypto';
import { words } from '../../../platform/search/normalise.ts';
import { indexStems, type Language } from '../../../platform/search/stem.ts';
import { cellOf } from './geo.ts';
import type { OpeningHours } from './schedule.ts';

/** Everything the index needs to know about one service, gathered from the directory tables. */
export interface ServiceBundle {
  id: string;
  network_id: string | null;
  name: string;
  alternate_name: string | null;
  description: string | null;
  organization_name: string;
  minimum_age: number | null;
  maximum_age: number | null;
  assured_date: string | null;
  /** French and English texts by field (name, description). */
  translations: { field: string; lang: Language; value: string }[];
  /** Taxonomy terms with their French and English names, so a search in those languages finds them. */
  terms: { id: string; kind: string; name: string; names: { lang: Language; value: string }[] }[];
  locations: {
    latitude: number | null;
    longitude: number | null;
    nis_code: string | null;
    municipality: string | null;
    postal_code: string | null;
    city: string | null;
    address: string | null;
  }[];
  languages: string[];
  free: boolean;
  capacity_available: boolean;
  hours: OpeningHours;
  phone: string | null;
}

/** What a search result shows: read for the page's results only. */
export interface SearchCard {
  id: string;
  name: string;
  organization: string;
  description: string;
  age: [number | null, number | null];
  points: { lat: number; lon: number }[];
  address: string | null;
  phone: string | null;
}

export const FACET_NAMES = [
  'rubric',
  'target_group',
  'municipality',
  'language',
  'cost',
  'accessibility',
  'capacity',
] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export interface SearchDoc {
  service_id: string;
  network_id: string | null;
  quality: number;
  name: string;
  org: string;
  terms: string;
  description: string;
  place: string;
  /** Everything the match index holds: text stems, n_ name stems and f_ filter tokens. */
  tokens: string[];
  /** The folded words of the searchable text, for the typo vocabulary. */
  words: string;
  facets: Record<FacetName, string[]>;
  hours: OpeningHours;
  points: { lat: number; lon: number; cell: number }[];
  card: SearchCard;
}

/**
 * Filter tokens start with f_ and name tokens with n_: the index tokenizer keeps the underscore inside a token,
 * and stems are [a-z0-9]+, so neither can collide with a word of the text. Every document carries f_all (the
 * left side of a search without words); local additions carry f_local and their network's token, and a search
 * excludes f_local documents of other networks.
 */
export function hashToken(prefix: string, value: string): string {
  return `${prefix}${createHash('sha1').update(value).digest('hex').slice(0, 12)}`;
}
/** What an index token may be made of; anything else never reaches an engine. */
export const TOKEN = /^[a-z0-9_]+$/;
export const nameToken = (stem: string) => `n_${stem}`;
export const filterToken = {
  all: 'f_all',
  local: 'f_local',
  network: (networkId: string) => hashToken('f_n', networkId),
  term: (termId: string) => hashToken('f_t', termId),
  municipality: (nis: string) => `f_m${nis.replace(/[^0-9a-z]/gi, '').toLowerCase()}`,
  postcode: (pc: string) => `f_p${pc.replace(/[^0-9a-z]/gi, '').toLowerCase()}`,
  language: (code: string) => `f_l${code.toLowerCase().replace(/[^a-z]/g, '')}`,
  age: (age: number) => `f_a${Math.max(0, Math.min(100, Math.floor(age)))}`,
  anyAge: 'f_aany',
  free: 'f_free',
  capacity: 'f_cap',
  hasHours: 'f_hours',
  cell: (cell: number) => `f_g${cell}`,
};

/** Stems of a text in its language, each word with its compound parts. */
function stemsOf(
  text: string | null | undefined,
  lang: Language,
  out: string[],
  vocabulary: Set<string>,
): void {
  for (const w of words(text ?? '')) {
    vocabulary.add(w);
    for (const s of indexStems(w, lang)) out.push(s);
  }
}

function joinUnique(tokens: string[]): string {
  return [...new Set(tokens)].join(' ');
}

/**
 * The static rank: how complete and how recently confirmed an entry is. Documents are numbered in this order,
 * so that a broad query can stop after the first matches instead of scoring all of them (decision 021).
 */
export function qualityOf(b: ServiceBundle, now = Date.now()): number {
  let q = 0;
  if (b.description && b.description.length > 40) q += 0.2;
  if (b.locations.some((l) => l.latitude !== null)) q += 0.15;
  if (b.hours.slots.length > 0) q += 0.15;
  if (b.phone) q += 0.1;
  if (b.terms.length > 0) q += 0.1;
  if (b.assured_date) {
    const ageDays = (now - Date.parse(b.assured_date)) / 86_400_000;
    q += ageDays < 365 ? 0.3 : ageDays < 730 ? 0.15 : 0;
  }
  return Math.round(q * 1000) / 1000;
}

export function buildSearchDoc(b: ServiceBundle, now = Date.now()): SearchDoc {
  const vocabulary = new Set<string>();
  const name: string[] = [];
  const org: string[] = [];
  const terms: string[] = [];
  const description: string[] = [];
  const place: string[] = [];
  stemsOf(b.name, 'nl', name, vocabulary);
  stemsOf(b.alternate_name, 'nl', name, vocabulary);
  stemsOf(b.organization_name, 'nl', org, vocabulary);
  stemsOf(b.description, 'nl', description, vocabulary);
  for (const t of b.translations) {
    stemsOf(t.value, t.lang, t.field === 'name' ? name : description, vocabulary);
  }
  const searchableKinds = new Set(['rubric', 'target_group', 'sector']);
  for (const t of b.terms) {
    if (!searchableKinds.has(t.kind)) continue;
    stemsOf(t.name, 'nl', terms, vocabulary);
    for (const n of t.names) stemsOf(n.value, n.lang, terms, vocabulary);
  }
  for (const l of b.locations) {
    stemsOf(l.city, 'nl', place, vocabulary);
    stemsOf(l.municipality, 'nl', place, vocabulary);
    if (l.postal_code) place.push(l.postal_code.toLowerCase().replace(/[^0-9a-z]/g, ''));
  }

  const filt: string[] = [filterToken.all];
  if (b.network_id !== null) filt.push(filterToken.local, filterToken.network(b.network_id));
  const facets: Record<FacetName, string[]> = {
    rubric: [],
    target_group: [],
    municipality: [],
    language: [],
    cost: [],
    accessibility: [],
    capacity: [],
  };
  for (const t of b.terms) {
    filt.push(filterToken.term(t.id));
    if (t.kind === 'rubric' || t.kind === 'target_group' || t.kind === 'accessibility')
      facets[t.kind].push(t.id);
  }
  for (const l of b.locations) {
    if (l.nis_code) {
      filt.push(filterToken.municipality(l.nis_code));
      facets.municipality.push(l.nis_code);
    }
    if (l.postal_code) filt.push(filterToken.postcode(l.postal_code));
    if (l.latitude !== null && l.longitude !== null)
      filt.push(filterToken.cell(cellOf(l.latitude, l.longitude)));
  }
  for (const code of b.languages) {
    filt.push(filterToken.language(code));
    facets.language.push(code.toLowerCase());
  }
  if (b.minimum_age === null && b.maximum_age === null) filt.push(filterToken.anyAge);
  else {
    const from = Math.max(0, b.minimum_age ?? 0);
    const to = Math.min(100, b.maximum_age ?? 100);
    for (let a = from; a <= to; a++) filt.push(filterToken.age(a));
  }
  if (b.free) {
    filt.push(filterToken.free);
    facets.cost.push('free');
  }
  if (b.capacity_available) {
    filt.push(filterToken.capacity);
    facets.capacity.push('available');
  }
  if (b.hours.slots.length > 0) filt.push(filterToken.hasHours);
  for (const k of FACET_NAMES) facets[k] = [...new Set(facets[k])];

  const first = b.locations[0];
  const points = b.locations
    .filter((l) => l.latitude !== null && l.longitude !== null)
    .map((l) => ({ lat: l.latitude!, lon: l.longitude! }));
  const textStems = [...name, ...org, ...terms, ...description, ...place];
  return {
    service_id: b.id,
    network_id: b.network_id,
    quality: qualityOf(b, now),
    name: joinUnique(name),
    org: joinUnique(org),
    terms: joinUnique(terms),
    description: joinUnique(description),
    place: joinUnique(place),
    tokens: [...new Set([...textStems, ...name.map(nameToken), ...filt])].filter((t) => TOKEN.test(t)),
    words: [...vocabulary].join(' '),
    facets,
    hours: b.hours,
    points: points.map((p) => ({ ...p, cell: cellOf(p.lat, p.lon) })),
    card: {
      id: b.id,
      name: b.name,
      organization: b.organization_name,
      description: (b.description ?? '').slice(0, 300),
      age: [b.minimum_age, b.maximum_age],
      points,
      address: first
        ? [first.address, [first.postal_code, first.city].filter(Boolean).join(' ')]
            .filter(Boolean)
            .join(', ')
        : null,
      phone: b.phone,
    },
  };
}
