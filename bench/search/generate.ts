/**
 * A deterministic synthetic social map: services with Flemish names, rubrics, target groups, places, coordinates
 * and opening hours. The same seed always gives the same records and the same query mix.
 */

export function prng(seed: number): () => number {
  // mulberry32: small, fast and good enough for test data.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const KINDS: { word: string; rubric: string; text: string }[] = [
  {
    word: 'Thuisverpleging',
    rubric: 'thuisverpleging',
    text: 'Verpleegkundige zorg aan huis: wondzorg, inspuitingen en hygiënische zorg.',
  },
  {
    word: 'Huisartsenpraktijk',
    rubric: 'huisarts',
    text: 'Huisartsen voor consultaties en huisbezoeken, ook voor chronische zorg.',
  },
  {
    word: 'Psycholoog',
    rubric: 'psychologische-zorg',
    text: 'Psychologische begeleiding bij angst, depressie en stress.',
  },
  { word: 'Tandartspraktijk', rubric: 'mondzorg', text: 'Tandzorg en mondhygiëne voor het hele gezin.' },
  {
    word: 'Kinesitherapie',
    rubric: 'kinesitherapie',
    text: 'Kinesitherapeuten voor revalidatie, rugklachten en sportletsels.',
  },
  {
    word: 'Woonzorgcentrum',
    rubric: 'woonzorg',
    text: 'Wonen met zorg voor ouderen die niet meer thuis kunnen wonen.',
  },
  {
    word: 'Dienstencentrum',
    rubric: 'dienstencentrum',
    text: 'Ontmoeting, activiteiten en hulp voor buurtbewoners en ouderen.',
  },
  {
    word: 'Gezinszorg',
    rubric: 'gezinszorg',
    text: 'Verzorgenden helpen bij persoonsverzorging en huishouden.',
  },
  {
    word: 'Poetsdienst',
    rubric: 'poetshulp',
    text: 'Huishoudhulp en poetshulp aan huis met dienstencheques.',
  },
  {
    word: 'Kinderopvang',
    rubric: 'kinderopvang',
    text: 'Opvang voor baby’s en peuters, ook buitenschoolse opvang.',
  },
  {
    word: 'Opvoedingswinkel',
    rubric: 'gezinsondersteuning',
    text: 'Advies en ondersteuning voor ouders bij opvoedingsvragen.',
  },
  {
    word: 'Jeugdhulp',
    rubric: 'jeugdhulp',
    text: 'Begeleiding van kinderen en jongeren in een moeilijke situatie.',
  },
  {
    word: 'Dagverzorgingscentrum',
    rubric: 'dagopvang',
    text: 'Dagopvang voor ouderen met zorgnood, ontlasting voor mantelzorgers.',
  },
  { word: 'Logopedie', rubric: 'logopedie', text: 'Logopedisten voor taal-, spraak- en slikproblemen.' },
  { word: 'Apotheek', rubric: 'apotheek', text: 'Geneesmiddelen, advies en farmaceutische zorg.' },
  {
    word: 'Schuldbemiddeling',
    rubric: 'schuldhulp',
    text: 'Hulp bij schulden, budgetbegeleiding en budgetbeheer.',
  },
  {
    word: 'Verslavingszorg',
    rubric: 'verslavingszorg',
    text: 'Ambulante hulp bij alcohol-, drugs- en gokproblemen.',
  },
  {
    word: 'Palliatieve thuiszorg',
    rubric: 'palliatieve-zorg',
    text: 'Ondersteuning van palliatieve patiënten en hun naasten thuis.',
  },
  { word: 'Mantelzorgpunt', rubric: 'mantelzorg', text: 'Informatie en ondersteuning voor mantelzorgers.' },
  {
    word: 'Minder Mobielen Centrale',
    rubric: 'vervoer',
    text: 'Aangepast vervoer door vrijwilligers voor minder mobiele mensen.',
  },
  {
    word: 'Sociaal huis',
    rubric: 'maatschappelijk-werk',
    text: 'Maatschappelijk werk, leefloon en sociale dienstverlening van het OCMW.',
  },
  {
    word: 'Centrum Algemeen Welzijnswerk',
    rubric: 'caw',
    text: 'Onthaal, begeleiding en opvang bij allerlei welzijnsvragen.',
  },
  { word: 'Vroedvrouw', rubric: 'vroedvrouw', text: 'Zwangerschapsbegeleiding en kraamzorg aan huis.' },
  {
    word: 'Centrum Geestelijke Gezondheidszorg',
    rubric: 'geestelijke-gezondheid',
    text: 'Ambulante geestelijke gezondheidszorg voor kinderen, jongeren en volwassenen.',
  },
];
export const TARGETS = [
  'kinderen',
  'jongeren',
  'gezinnen',
  'volwassenen',
  'ouderen',
  'mantelzorgers',
  'personen-met-handicap',
  'personen-met-dementie',
  'psychische-kwetsbaarheid',
  'armoede',
  'nieuwkomers',
  'chronisch-zieken',
];
const START = [
  'Van',
  'De',
  'Ver',
  'Bo',
  'Ka',
  'Me',
  'Ro',
  'Wil',
  'Ha',
  'Lie',
  'Gee',
  'Mo',
  'Sta',
  'Bree',
  'Dui',
  'Ker',
  'Zon',
  'Wou',
  'Lin',
  'Hoe',
];
const MID = [
  'der',
  'ste',
  'ker',
  'lan',
  'me',
  'ber',
  'to',
  'ven',
  'rij',
  'wa',
  'gel',
  'hei',
  'dal',
  'bos',
  'lo',
  'ter',
  'mo',
  'ri',
];
const END = [
  'hoven',
  'beek',
  'berg',
  'linde',
  'kreek',
  'horst',
  'meers',
  'veld',
  'rode',
  'dael',
  'weide',
  'hof',
  'bron',
  'zande',
  'molen',
  'kouter',
  'broek',
  'straete',
];
const STREETS = [
  'Kerkstraat',
  'Stationsstraat',
  'Molenstraat',
  'Dorpsstraat',
  'Nieuwstraat',
  'Schoolstraat',
  'Markt',
  'Kapelstraat',
  'Steenweg',
  'Hoogstraat',
];

export interface Municipality {
  nis: string;
  name: string;
  postcode: string;
  lat: number;
  lon: number;
}

export interface SyntheticService {
  id: string;
  org: string;
  name: string;
  description: string;
  rubric: string;
  targets: string[];
  municipality: Municipality;
  street: string;
  lat: number;
  lon: number;
  minAge: number | null;
  maxAge: number | null;
  free: boolean;
  languages: string[];
  capacity: number | null;
  slots: { byday: string; opens: string; closes: string }[];
  assured: string | null;
  phone: string | null;
}

export function placeMunicipalities(
  rows: { nis_code: string; name_nl: string }[],
  rand: () => number,
): Municipality[] {
  return rows.map((r, i) => ({
    nis: r.nis_code,
    name: r.name_nl,
    postcode: String(1500 + ((i * 37) % 8400)).padStart(4, '0'),
    lat: 50.7 + rand() * 0.6,
    lon: 2.6 + rand() * 3.2,
  }));
}

function properName(rand: () => number): string {
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)]!;
  const n = rand() < 0.5 ? 1 : 2;
  let s = pick(START).toLowerCase();
  for (let i = 0; i < n; i++) s += pick(MID);
  s += pick(END);
  return s[0]!.toUpperCase() + s.slice(1);
}

export function generateServices(
  count: number,
  municipalities: Municipality[],
  seed = 42,
): SyntheticService[] {
  const rand = prng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)]!;
  // Big towns get more services: a skewed pick over the list.
  const town = () => municipalities[Math.floor(rand() ** 1.6 * municipalities.length)]!;
  const out: SyntheticService[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pick(KINDS);
    const m = town();
    const proper = properName(rand);
    const targets = [...new Set([pick(TARGETS), ...(rand() < 0.5 ? [pick(TARGETS)] : [])])];
    const ageKind = rand();
    const [minAge, maxAge] =
      ageKind < 0.6 ? [null, null] : ageKind < 0.75 ? [65, null] : ageKind < 0.9 ? [0, 18] : [12, 25];
    const slots =
      rand() < 0.85
        ? rand() < 0.5
          ? [
              { byday: 'MO,TU,WE,TH,FR', opens: '08:30', closes: '12:00' },
              { byday: 'MO,TU,WE,TH,FR', opens: '13:00', closes: '17:00' },
            ]
          : [{ byday: 'MO,TU,WE,TH,FR,SA', opens: '09:00', closes: rand() < 0.1 ? '02:00' : '18:00' }]
        : [];
    out.push({
      id: `svc-${String(i).padStart(6, '0')}`,
      org: `${kind.word} ${proper} vzw`,
      name: `${kind.word} ${proper}${rand() < 0.5 ? ` ${m.name}` : ''}`,
      description: `${kind.text} ${rand() < 0.5 ? `Werkt in ${m.name} en omgeving.` : 'Bel voor een afspraak.'}`,
      rubric: kind.rubric,
      targets,
      municipality: m,
      street: `${pick(STREETS)} ${1 + Math.floor(rand() * 150)}`,
      lat: m.lat + (rand() - 0.5) * 0.06,
      lon: m.lon + (rand() - 0.5) * 0.09,
      minAge,
      maxAge,
      free: rand() < 0.2,
      languages: rand() < 0.3 ? ['nl', 'fr'] : rand() < 0.1 ? ['nl', 'en'] : ['nl'],
      capacity: rand() < 0.3 ? Math.floor(rand() * 5) : null,
      slots,
      assured: rand() < 0.7 ? `2025-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-15` : null,
      phone:
        rand() < 0.8
          ? `05${Math.floor(rand() * 10)} ${Math.floor(rand() * 90 + 10)} ${Math.floor(rand() * 90 + 10)} ${Math.floor(rand() * 90 + 10)}`
          : null,
    });
  }
  return out;
}

export interface BenchQuery {
  text: string;
  /** The record a mistyped query is meant to find. */
  intended?: string;
  filters?: {
    postcode?: string;
    age?: number;
    free?: boolean;
    openAt?: Date;
    near?: { lat: number; lon: number };
    radiusKm?: number;
  };
}

function typo(word: string, rand: () => number): string {
  const i = 1 + Math.floor(rand() * (word.length - 2));
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  switch (Math.floor(rand() * 4)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + letters[Math.floor(rand() * 26)] + word.slice(i);
    case 2:
      return word.slice(0, i) + letters[Math.floor(rand() * 26)] + word.slice(i + 1);
    default:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  }
}

/** 200 queries: broad single words, two- and three-word searches, a third with a typo, some with filters. */
export function generateQueries(services: SyntheticService[], seed = 7): BenchQuery[] {
  const rand = prng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)]!;
  const everyday = [
    'zorg',
    'thuisverpleging',
    'psycholoog',
    'tandarts',
    'huisarts',
    'poetshulp',
    'kinderopvang',
    'ouderen',
    'mantelzorg',
    'hulp',
    'begeleiding',
    'dokter',
    'kine',
    'schulden',
    'opvang',
  ];
  const out: BenchQuery[] = [];
  for (let i = 0; i < 67; i++) {
    const s = pick(services);
    const words = s.name.toLowerCase().split(' ');
    const proper =
      words.find((w) => /^[a-z]{6,}$/.test(w) && !KINDS.some((k) => k.word.toLowerCase().includes(w))) ??
      words[1]!;
    const kindWord = words[0]!;
    const typoOnProper = rand() < 0.6;
    const text = typoOnProper ? `${kindWord} ${typo(proper, rand)}` : `${typo(kindWord, rand)} ${proper}`;
    out.push({ text, intended: s.id });
  }
  for (let i = 0; i < 60; i++) out.push({ text: pick(everyday) });
  for (let i = 0; i < 40; i++) {
    const s = pick(services);
    out.push({
      text: `${pick(everyday)} ${s.municipality.name.toLowerCase()}${rand() < 0.3 ? ` ${pick(TARGETS).split('-')[0]}` : ''}`,
    });
  }
  for (let i = 0; i < 33; i++) {
    const s = pick(services);
    const f = rand();
    const filters: BenchQuery['filters'] =
      f < 0.3
        ? { near: { lat: s.lat, lon: s.lon }, radiusKm: 5 }
        : f < 0.5
          ? { postcode: s.municipality.postcode }
          : f < 0.7
            ? { age: 70 }
            : f < 0.85
              ? { free: true }
              : { openAt: new Date('2026-03-04T10:00:00Z') };
    out.push({ text: rand() < 0.8 ? pick(everyday) : '', filters });
  }
  return out;
}
