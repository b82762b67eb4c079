import { createHash } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { auditTenantWrite, SYSTEM_ACTOR } from '../../platform/audit.ts';
import { inTransaction } from '../../platform/db/index.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { resolveTenant } from '../../platform/tenancy.ts';
import { boundaryCollection } from '../geography/service.ts';
import { listPartners, updatePartner } from '../network/service.ts';
import { directoryDb } from './db.ts';
import * as repo from './repo.ts';
import { rebuildIndex } from './service.ts';
import type { DirectoryTables } from './tables.ts';

/**
 * The demo social map of ELZ Regio Aalst: about 110 fictional organisations with some 300 services across the
 * sectors of a primary care zone. Names, addresses, phone numbers and KBO numbers are invented (websites and
 * e-mail addresses use the reserved .example domain); every record carries is_demo = 1. The data is generated
 * from a seeded generator, so every installation gets the same map; only the assurance dates follow the day
 * of seeding, so that the freshness dashboard always has recent and stale records.
 */

type Rows<T extends keyof DirectoryTables> = Insertable<DirectoryTables[T]>[];
type Slot = [byday: string, opens: string, closes: string];

const WEEK = 'MO,TU,WE,TH,FR';
const ALL_DAYS = 'MO,TU,WE,TH,FR,SA,SU';

const HOURS = {
  office: [
    [WEEK, '09:00', '12:00'],
    [WEEK, '13:30', '17:00'],
  ],
  gp: [
    [WEEK, '08:00', '12:00'],
    ['MO,TU,TH,FR', '16:00', '19:00'],
    ['SA', '09:00', '12:00'],
  ],
  nursing: [[WEEK, '08:00', '18:00']],
  nursingWeekend: [
    [WEEK, '07:00', '20:00'],
    ['SA,SU', '08:00', '12:00'],
  ],
  pharmacy: [
    [WEEK, '08:30', '12:30'],
    [WEEK, '13:30', '18:30'],
    ['SA', '09:00', '12:30'],
  ],
  dental: [
    ['MO,TU,TH,FR', '08:30', '12:00'],
    ['MO,TU,TH', '13:30', '18:30'],
    ['WE', '08:30', '12:00'],
  ],
  therapy: [
    ['MO,TU,WE,TH', '09:00', '12:00'],
    ['MO,TU,WE,TH', '13:00', '20:00'],
    ['FR', '09:00', '13:00'],
  ],
  childcare: [[WEEK, '07:00', '18:30']],
  afterSchool: [
    [WEEK, '07:00', '08:30'],
    ['MO,TU,TH,FR', '15:30', '18:30'],
    ['WE', '12:00', '18:30'],
  ],
  consult: [
    ['TU', '13:30', '16:30'],
    ['TH', '09:00', '12:00'],
  ],
  residential: [[ALL_DAYS, '10:00', '20:00']],
  centre: [[WEEK, '09:00', '17:00']],
  permanence: [
    ['MO,WE', '09:00', '12:00'],
    ['TH', '14:00', '19:00'],
  ],
  volunteer: [['MO,WE,FR', '09:00', '12:00']],
  food: [
    ['WE', '13:30', '16:00'],
    ['SA', '09:30', '11:30'],
  ],
  evening: [['TU,TH', '19:00', '21:30']],
  monthly: [['WE', '14:00', '16:30']],
  // Split at midnight rather than one slot running past it: simpler for editors to read and check.
  night: [
    [WEEK, '19:00', '24:00'],
    [WEEK, '00:00', '08:00'],
    ['SA,SU', '00:00', '24:00'],
  ],
  always: [[ALL_DAYS, '00:00', '24:00']],
} satisfies Record<string, Slot[]>;

interface Offer {
  rubric?: string;
  sector: string;
  groups: string[];
  /** Dutch name and description; {place} is the place of the organisation's main location, {org} its name. */
  nl: [string, string];
  fr?: [string, string];
  en?: [string, string];
  hours: keyof typeof HOURS;
  /** 0: free; a number: a fee in euro; null: a fee that depends (on income, on the product). */
  fee: number | null;
  feeText?: string;
  age?: [number | null, number | null];
  eligibility?: string;
  apply?: string;
  capacity?: { unit: string; max: number };
  /** Languages besides Dutch that such a service often offers. */
  languages?: string[];
  aim?: string;
  /** Closed on public holidays (most are; emergency and residential services are not). */
  holidays?: false;
}

const PREVENTION = 'Preventie';

/** What the demo organisations offer, keyed by kind. Texts are Dutch; many carry French and English. */
const OFFERS: Record<string, Offer> = {
  gp: {
    rubric: 'huisarts',
    sector: 'eerstelijn',
    groups: ['volwassenen', 'kinderen'],
    nl: [
      '{org}: raadpleging',
      'Raadpleging op afspraak bij de huisarts: ziekte, attesten, vaccinaties en opvolging van je gezondheid.',
    ],
    fr: [
      'Consultation de médecine générale',
      'Consultation sur rendez-vous chez le médecin généraliste : maladie, certificats, vaccins et suivi.',
    ],
    en: [
      'GP consultation',
      'Appointments with the general practitioner: illness, certificates, vaccinations.',
    ],
    hours: 'gp',
    fee: 4,
    feeText: 'Remgeld volgens het RIZIV-tarief; derdebetalersregeling mogelijk.',
    apply: 'Maak een afspraak via de telefoon of de website.',
    languages: ['fr', 'en'],
  },
  gpHome: {
    rubric: 'huisarts',
    sector: 'eerstelijn',
    groups: ['ouderen', 'chronisch-zieken'],
    nl: ['Huisbezoeken door de huisarts', 'De huisarts komt aan huis voor wie zich niet kan verplaatsen.'],
    fr: [
      'Visites à domicile du médecin',
      'Le médecin se déplace chez les patients qui ne peuvent pas venir.',
    ],
    en: ['GP home visits', 'The GP visits patients at home when they cannot travel.'],
    hours: 'office',
    fee: 6,
    feeText: 'Remgeld voor een huisbezoek volgens het RIZIV-tarief.',
    apply: 'Vraag een huisbezoek aan vóór 10 uur.',
  },
  gpChronic: {
    rubric: 'huisarts',
    sector: 'eerstelijn',
    groups: ['chronisch-zieken'],
    nl: [
      'Opvolging chronische aandoeningen',
      'Zorgtraject diabetes, hartfalen en COPD met de huisarts en de praktijkverpleegkundige.',
    ],
    en: [
      'Chronic condition follow-up',
      'Care pathways for diabetes, heart failure and COPD with the GP and practice nurse.',
    ],
    hours: 'office',
    fee: 0,
    aim: 'zorgervaring',
  },
  gpNight: {
    rubric: 'huisarts',
    sector: 'eerstelijn',
    groups: ['volwassenen', 'kinderen'],
    nl: [
      'Huisartsenwachtpost (avond, nacht en weekend)',
      'Dringend een huisarts nodig buiten de praktijkuren? De wachtpost helpt je op afspraak na een telefoontje.',
    ],
    fr: [
      'Poste de garde de médecine générale',
      'Besoin urgent d’un médecin en dehors des heures ? Le poste de garde vous reçoit après un appel.',
    ],
    en: ['GP out-of-hours service', 'Urgent GP care in the evening, at night and at weekends, after a call.'],
    hours: 'night',
    fee: 6,
    holidays: false,
    languages: ['fr', 'en'],
  },
  gpFind: {
    rubric: 'huisarts',
    sector: 'eerstelijn',
    groups: ['nieuwkomers', 'volwassenen'],
    nl: [
      'Hulp bij het vinden van een vaste huisarts',
      'Nieuw in de regio? De kring zoekt mee naar een huisarts.',
    ],
    en: ['Finding a regular GP', 'New in the region? The GP circle helps you find a general practitioner.'],
    hours: 'office',
    fee: 0,
    languages: ['fr', 'en', 'ar'],
  },
  nursing: {
    rubric: 'thuisverpleging',
    sector: 'thuiszorg',
    groups: ['ouderen', 'chronisch-zieken'],
    nl: [
      'Thuisverpleging {place}',
      'Verpleegkundige zorg aan huis: wassen, medicatie, inspuitingen, wondzorg en begeleiding na een ziekenhuisopname.',
    ],
    fr: [
      'Soins infirmiers à domicile {place}',
      'Soins infirmiers à domicile : toilette, médicaments, injections, soins de plaies et suivi après une hospitalisation.',
    ],
    en: [
      'Home nursing {place}',
      'Nursing care at home: washing, medication, injections, wound care and support after a hospital stay.',
    ],
    hours: 'nursing',
    fee: 0,
    feeText: 'Geen kosten met een voorschrift: de verpleging rekent rechtstreeks af met het ziekenfonds.',
    apply: 'Bel ons of vraag het aan via je huisarts of de sociale dienst van het ziekenhuis.',
    languages: ['fr'],
  },
  wound: {
    rubric: 'thuisverpleging',
    sector: 'thuiszorg',
    groups: ['chronisch-zieken'],
    nl: [
      'Wondzorg en diabeteszorg aan huis',
      'Gespecialiseerde wondzorg, stomazorg en diabeteseducatie door referentieverpleegkundigen.',
    ],
    fr: ['Soins de plaies et diabète à domicile', 'Soins de plaies spécialisés et éducation au diabète.'],
    en: ['Wound and diabetes care at home', 'Specialised wound care, stoma care and diabetes education.'],
    hours: 'nursingWeekend',
    fee: 0,
  },
  palliative: {
    rubric: 'palliatieve-zorg',
    sector: 'thuiszorg',
    groups: ['chronisch-zieken', 'mantelzorgers'],
    nl: [
      'Palliatieve thuiszorg',
      'Begeleiding van ongeneeslijk zieke mensen en hun naasten, thuis, met pijn- en symptoomcontrole.',
    ],
    fr: [
      'Soins palliatifs à domicile',
      'Accompagnement à domicile des personnes en fin de vie et de leurs proches.',
    ],
    en: ['Palliative home care', 'Support at home for people with a terminal illness and their families.'],
    hours: 'always',
    fee: 0,
    holidays: false,
  },
  kine: {
    rubric: 'kinesitherapie',
    sector: 'eerstelijn',
    groups: ['volwassenen', 'ouderen'],
    nl: [
      'Kinesitherapie in de praktijk en aan huis',
      'Revalidatie na een operatie of letsel, rugklachten, ademhalingskine en kinesitherapie aan huis.',
    ],
    fr: [
      'Kinésithérapie au cabinet et à domicile',
      'Rééducation après une opération, dos, kiné respiratoire.',
    ],
    en: ['Physiotherapy at the practice and at home', 'Rehabilitation after surgery or injury, back pain.'],
    hours: 'therapy',
    fee: 8,
    feeText: 'Remgeld volgens het RIZIV-tarief, met een voorschrift.',
  },
  kineFall: {
    rubric: 'kinesitherapie',
    sector: 'eerstelijn',
    groups: ['ouderen'],
    nl: [
      'Valpreventie en evenwichtstraining voor 65-plussers',
      `${PREVENTION}: oefengroep voor evenwicht en spierkracht, met een valrisicotest bij de start.`,
    ],
    fr: ['Prévention des chutes pour les plus de 65 ans', 'Groupe d’exercices pour l’équilibre et la force.'],
    en: [
      'Fall prevention for people over 65',
      'Exercise group for balance and strength, with a fall risk test.',
    ],
    hours: 'monthly',
    fee: 3,
    age: [65, null],
    aim: 'gezondheid',
  },
  move: {
    rubric: 'kinesitherapie',
    sector: 'eerstelijn',
    groups: ['volwassenen', 'chronisch-zieken'],
    nl: [
      'Bewegen op verwijzing',
      `${PREVENTION}: een bewegingscoach helpt je, na verwijzing door de huisarts, om meer te bewegen.`,
    ],
    en: ['Exercise on referral', 'A coach helps you to move more, after a referral by your GP.'],
    hours: 'office',
    fee: 5,
    aim: 'gezondheid',
  },
  pharmacy: {
    rubric: 'apotheek',
    sector: 'eerstelijn',
    groups: ['volwassenen', 'ouderen'],
    nl: [
      '{org}: geneesmiddelen en advies',
      'Geneesmiddelen op voorschrift en zonder voorschrift, advies bij gebruik en terugbrengen van oude medicatie.',
    ],
    fr: ['Pharmacie : médicaments et conseils', 'Médicaments sur ordonnance et sans ordonnance, conseils.'],
    en: ['Pharmacy: medicines and advice', 'Prescription and over-the-counter medicines, advice on use.'],
    hours: 'pharmacy',
    fee: null,
    feeText: 'Prijs volgens het geneesmiddel; terugbetaling via het ziekenfonds.',
    languages: ['fr', 'en'],
  },
  pharmacyHome: {
    rubric: 'apotheek',
    sector: 'eerstelijn',
    groups: ['chronisch-zieken', 'ouderen'],
    nl: [
      'Huisapotheker en medicatieschema',
      'Je vaste apotheker volgt al je geneesmiddelen op en maakt een overzichtelijk medicatieschema.',
    ],
    en: ['Regular pharmacist and medication plan', 'Your pharmacist keeps track of all your medicines.'],
    hours: 'pharmacy',
    fee: 0,
    eligibility: 'Voor wie chronisch geneesmiddelen neemt.',
  },
  pharmacyDuty: {
    rubric: 'apotheek',
    sector: 'eerstelijn',
    groups: ['volwassenen'],
    nl: [
      'Apotheek van wacht: informatie',
      'Welke apotheek is vannacht of dit weekend open? De vereniging houdt de wachtlijst van de regio bij.',
    ],
    fr: ['Pharmacie de garde : information', 'Quelle pharmacie est ouverte cette nuit ou ce week-end ?'],
    en: ['Pharmacy on duty: information', 'Which pharmacy is open tonight or this weekend?'],
    hours: 'always',
    fee: 0,
    holidays: false,
  },
  vaccination: {
    rubric: 'apotheek',
    sector: 'eerstelijn',
    groups: ['ouderen', 'chronisch-zieken'],
    nl: [
      'Griepvaccinatie in de apotheek',
      `${PREVENTION}: griep- en COVID-vaccinatie zonder afspraak in het najaar.`,
    ],
    fr: [
      'Vaccination contre la grippe',
      'Vaccination contre la grippe et le COVID en automne, sans rendez-vous.',
    ],
    hours: 'pharmacy',
    fee: null,
    aim: 'gezondheid',
  },
  dentist: {
    rubric: 'mondzorg',
    sector: 'eerstelijn',
    groups: ['volwassenen', 'kinderen'],
    nl: [
      '{org}: tandarts voor controle en verzorging',
      'Tandarts voor controle, tandsteen verwijderen, vullingen en mondhygiëne; geconventioneerde tarieven.',
    ],
    fr: [
      'Dentiste : contrôle et soins',
      'Dentiste pour contrôles, détartrage, obturations ; tarifs conventionnés.',
    ],
    en: ['Dentist: check-ups and treatment', 'Dentist for check-ups, scaling and fillings; agreed fees.'],
    hours: 'dental',
    fee: 25,
    feeText: 'Geconventioneerd tarief; grotendeels terugbetaald door het ziekenfonds.',
  },
  dentistKids: {
    rubric: 'mondzorg',
    sector: 'eerstelijn',
    groups: ['kinderen', 'jongeren'],
    nl: ['Mondzorg voor kinderen', 'Kindvriendelijke tandartsbezoeken en preventieve mondzorg tot 18 jaar.'],
    en: ['Dental care for children', 'Child-friendly dental visits and preventive care up to age 18.'],
    hours: 'dental',
    fee: 0,
    age: [0, 17],
    feeText: 'Gratis voor kinderen en jongeren onder 18 bij een geconventioneerde tandarts.',
  },
  dentistSocial: {
    rubric: 'mondzorg',
    sector: 'welzijn',
    groups: ['armoede'],
    nl: [
      'Sociale tandartspraktijk',
      'Tandarts voor mensen met een laag inkomen, zonder voorschot; op verwijzing van het sociaal huis.',
    ],
    fr: ['Cabinet dentaire social', 'Dentiste pour les personnes à faibles revenus, sans avance de frais.'],
    en: ['Social dental practice', 'Dental care for people on a low income, no advance payment.'],
    hours: 'permanence',
    fee: 0,
    eligibility: 'Met een verwijzing van het sociaal huis of het CAW.',
    languages: ['fr', 'ar'],
  },
  psy: {
    rubric: 'psychologische-zorg',
    sector: 'ggz',
    groups: ['volwassenen', 'psychische-kwetsbaarheid'],
    nl: [
      'Psychologische begeleiding voor volwassenen',
      'Gesprekken met een psycholoog bij stress, angst, somberheid, rouw of burn-out. Eerstelijnspsychologische zorg.',
    ],
    fr: [
      'Accompagnement psychologique pour adultes',
      'Entretiens avec un psychologue : stress, anxiété, déprime, deuil ou burn-out.',
    ],
    en: [
      'Psychological support for adults',
      'Sessions with a psychologist for stress, anxiety, low mood, grief or burnout.',
    ],
    hours: 'therapy',
    fee: 11,
    feeText:
      '€ 11 per sessie, € 4 met verhoogde tegemoetkoming (terugbetaalde eerstelijnspsychologische zorg).',
    age: [18, null],
    capacity: { unit: 'nieuwe cliënten per maand', max: 6 },
    languages: ['en'],
  },
  psyYouth: {
    rubric: 'psychologische-zorg',
    sector: 'ggz',
    groups: ['kinderen', 'jongeren'],
    nl: [
      'Psychologische begeleiding voor kinderen en jongeren',
      'Een psycholoog voor kinderen en jongeren tot 23 jaar en hun ouders: piekeren, pesten, faalangst.',
    ],
    fr: ['Soutien psychologique pour enfants et jeunes', 'Un psychologue pour les enfants et les jeunes.'],
    en: ['Psychological support for children and young people', 'A psychologist for young people up to 23.'],
    hours: 'therapy',
    fee: 0,
    feeText: 'Gratis voor kinderen en jongeren tot 23 jaar.',
    age: [0, 23],
    capacity: { unit: 'nieuwe cliënten per maand', max: 4 },
  },
  psyGroup: {
    rubric: 'psychologische-zorg',
    sector: 'ggz',
    groups: ['volwassenen'],
    nl: [
      'Groepssessies rond stress en veerkracht',
      'Vier groepssessies onder begeleiding van een psycholoog om beter met stress om te gaan.',
    ],
    en: ['Group sessions on stress and resilience', 'Four group sessions led by a psychologist.'],
    hours: 'evening',
    fee: 2.5,
    aim: 'gezondheid',
  },
  cggAdult: {
    rubric: 'geestelijke-gezondheid',
    sector: 'ggz',
    groups: ['volwassenen', 'psychische-kwetsbaarheid'],
    nl: [
      'Ambulante behandeling voor volwassenen (CGG)',
      'Diagnostiek en behandeling bij ernstige psychische problemen door een multidisciplinair team.',
    ],
    fr: [
      'Traitement ambulatoire pour adultes (SSM)',
      'Diagnostic et traitement de troubles psychiques graves.',
    ],
    en: [
      'Outpatient mental health care for adults',
      'Assessment and treatment of severe mental health problems.',
    ],
    hours: 'office',
    fee: null,
    feeText: 'Bijdrage volgens inkomen, maximaal € 12 per gesprek.',
    age: [18, 64],
    capacity: { unit: 'plaatsen', max: 3 },
    apply: 'Aanmelden via de telefonische intake; een verwijsbrief is niet nodig.',
  },
  cggYouth: {
    rubric: 'geestelijke-gezondheid',
    sector: 'ggz',
    groups: ['kinderen', 'jongeren', 'gezinnen'],
    nl: [
      'Kinder- en jeugdteam geestelijke gezondheid',
      'Hulp voor kinderen en jongeren met ernstige psychische problemen.',
    ],
    fr: ['Équipe enfants et jeunes', 'Aide aux enfants et aux jeunes ayant de graves problèmes psychiques.'],
    en: [
      'Child and youth mental health team',
      'Help for children and young people with severe mental health needs.',
    ],
    hours: 'office',
    fee: null,
    age: [0, 17],
    capacity: { unit: 'plaatsen', max: 2 },
  },
  cggElderly: {
    rubric: 'geestelijke-gezondheid',
    sector: 'ggz',
    groups: ['ouderen', 'personen-met-dementie'],
    nl: [
      'Ouderenteam geestelijke gezondheid',
      'Begeleiding van ouderen met depressie, angst of geheugenproblemen.',
    ],
    en: ['Older people’s mental health team', 'Support for older people with depression or memory problems.'],
    hours: 'office',
    fee: null,
    age: [65, null],
  },
  suicide: {
    rubric: 'geestelijke-gezondheid',
    sector: 'ggz',
    groups: ['jongeren', 'volwassenen'],
    nl: [
      'Suïcidepreventie en nazorg',
      `${PREVENTION}: vorming voor scholen en organisaties, en snelle nazorg na een suïcidepoging.`,
    ],
    fr: ['Prévention du suicide et suivi', 'Formations et suivi rapide après une tentative de suicide.'],
    en: [
      'Suicide prevention and aftercare',
      'Training for schools and quick aftercare after a suicide attempt.',
    ],
    hours: 'office',
    fee: 0,
    aim: 'gezondheid',
  },
  addiction: {
    rubric: 'verslavingszorg',
    sector: 'ggz',
    groups: ['volwassenen', 'psychische-kwetsbaarheid'],
    nl: [
      'Ambulante verslavingszorg (alcohol, drugs, medicatie)',
      'Gesprekken en behandeling bij problemen met alcohol, drugs of slaap- en kalmeermiddelen. Ook voor naasten.',
    ],
    fr: [
      'Aide ambulatoire en assuétudes',
      'Accompagnement en cas de problèmes d’alcool, de drogues ou de médicaments.',
    ],
    en: [
      'Outpatient addiction care',
      'Help with alcohol, drug or sleeping pill problems, also for relatives.',
    ],
    hours: 'office',
    fee: 0,
    age: [18, null],
    capacity: { unit: 'plaatsen', max: 4 },
    languages: ['fr', 'en'],
  },
  addictionYouth: {
    rubric: 'verslavingszorg',
    sector: 'ggz',
    groups: ['jongeren'],
    nl: [
      'Vroeginterventie middelengebruik bij jongeren',
      `${PREVENTION}: korte begeleiding voor jongeren die experimenteren met alcohol, cannabis of gamen.`,
    ],
    en: [
      'Early intervention for young people',
      'Short support for young people experimenting with substances.',
    ],
    hours: 'permanence',
    fee: 0,
    age: [12, 25],
    aim: 'gezondheid',
  },
  gambling: {
    rubric: 'verslavingszorg',
    sector: 'ggz',
    groups: ['volwassenen', 'jongeren'],
    nl: ['Hulp bij gok- en gameverslaving', 'Begeleiding bij gokken, online wedden of problematisch gamen.'],
    hours: 'evening',
    fee: 0,
    age: [16, null],
  },
  speech: {
    rubric: 'logopedie',
    sector: 'eerstelijn',
    groups: ['kinderen', 'volwassenen'],
    nl: [
      'Logopedie voor kinderen en volwassenen',
      'Taal-, spraak-, leer- en slikproblemen, ook na een beroerte. Op voorschrift terugbetaald.',
    ],
    fr: ['Logopédie pour enfants et adultes', 'Troubles du langage, de la parole, de l’apprentissage.'],
    en: ['Speech therapy for children and adults', 'Language, speech, learning and swallowing problems.'],
    hours: 'therapy',
    fee: 6,
  },
  midwife: {
    rubric: 'vroedvrouw',
    sector: 'eerstelijn',
    groups: ['gezinnen'],
    nl: [
      'Vroedvrouw: zwangerschap en kraamzorg aan huis',
      'Zwangerschapsbegeleiding, borstvoedingsadvies en controle van moeder en baby na de bevalling, thuis.',
    ],
    fr: [
      'Sage-femme : grossesse et post-natal',
      'Suivi de grossesse, allaitement et soins après l’accouchement.',
    ],
    en: [
      'Midwife: pregnancy and postnatal care',
      'Pregnancy care, breastfeeding advice and postnatal checks.',
    ],
    hours: 'office',
    fee: 0,
    languages: ['fr', 'en', 'ar'],
  },
  emergency: {
    rubric: 'ziekenhuis',
    sector: 'ziekenhuis',
    groups: ['volwassenen', 'kinderen'],
    nl: ['Spoedgevallendienst', 'Dag en nacht open voor dringende medische zorg. Bel 112 bij levensgevaar.'],
    fr: [
      'Service des urgences',
      'Ouvert jour et nuit pour les soins urgents. Appelez le 112 en cas de danger.',
    ],
    en: [
      'Emergency department',
      'Open day and night for urgent care. Call 112 in a life-threatening situation.',
    ],
    hours: 'always',
    fee: null,
    holidays: false,
    languages: ['fr', 'en'],
  },
  discharge: {
    rubric: 'ziekenhuis',
    sector: 'ziekenhuis',
    groups: ['ouderen', 'chronisch-zieken', 'mantelzorgers'],
    nl: [
      'Ontslagmanagement en sociale dienst van het ziekenhuis',
      'Regelt met jou en je huisarts de zorg thuis na een opname: thuisverpleging, gezinszorg, hulpmiddelen.',
    ],
    en: ['Hospital discharge planning and social work', 'Arranges care at home after a hospital stay.'],
    hours: 'office',
    fee: 0,
    aim: 'zorgervaring',
  },
  geriatric: {
    rubric: 'ziekenhuis',
    sector: 'ziekenhuis',
    groups: ['ouderen'],
    nl: [
      'Geriatrisch dagziekenhuis',
      'Onderzoek en revalidatie op één dag voor ouderen met meerdere aandoeningen.',
    ],
    fr: ['Hôpital de jour gériatrique', 'Bilan et revalidation en une journée pour les personnes âgées.'],
    hours: 'office',
    fee: null,
    age: [75, null],
  },
  homecare: {
    rubric: 'gezinszorg',
    sector: 'thuiszorg',
    groups: ['ouderen', 'personen-met-handicap', 'gezinnen'],
    nl: [
      'Gezinszorg en persoonsverzorging',
      'Een verzorgende helpt bij wassen en aankleden, boodschappen, maaltijden en het huishouden, zodat je thuis kunt blijven wonen.',
    ],
    fr: [
      'Aide familiale et soins personnels',
      'Une aide familiale aide à la toilette, aux courses et au ménage.',
    ],
    en: [
      'Family care and personal care',
      'A carer helps with washing, dressing, shopping and meals at home.',
    ],
    hours: 'nursingWeekend',
    fee: null,
    feeText: 'Bijdrage per uur volgens inkomen en gezinssituatie.',
    capacity: { unit: 'nieuwe gezinnen', max: 5 },
    apply: 'Een maatschappelijk werker komt op huisbezoek om de hulp te bespreken.',
  },
  cleaning: {
    rubric: 'poetshulp',
    sector: 'thuiszorg',
    groups: ['ouderen', 'gezinnen'],
    nl: [
      'Poetshulp en huishoudhulp',
      'Hulp bij het huishouden: poetsen, strijken en kleine boodschappen, wekelijks of tweewekelijks.',
    ],
    fr: ['Aide ménagère', 'Aide au ménage : nettoyage, repassage et petites courses.'],
    en: ['Home help and cleaning', 'Help with housework: cleaning, ironing and small errands.'],
    hours: 'office',
    fee: 9,
    feeText: 'Met dienstencheques of een bijdrage volgens inkomen.',
    capacity: { unit: 'nieuwe klanten', max: 8 },
  },
  sitting: {
    rubric: 'gezinszorg',
    sector: 'thuiszorg',
    groups: ['personen-met-dementie', 'mantelzorgers'],
    nl: [
      'Oppashulp en nachtoppas',
      'Een oppas blijft overdag of ’s nachts bij je naaste, zodat jij even kunt rusten.',
    ],
    en: ['Sitting service, day and night', 'A sitter stays with your relative so that you can rest.'],
    hours: 'office',
    fee: 5,
  },
  oddJobs: {
    rubric: 'gezinszorg',
    sector: 'thuiszorg',
    groups: ['ouderen', 'personen-met-handicap'],
    nl: [
      'Klusjes- en tuinonderhoudsdienst',
      'Kleine herstellingen, veiligheidsaanpassingen en tuinonderhoud.',
    ],
    fr: ['Service de petits travaux', 'Petites réparations, adaptations de sécurité et entretien du jardin.'],
    hours: 'office',
    fee: 12,
  },
  meals: {
    rubric: 'maaltijden',
    sector: 'lokaal-bestuur',
    groups: ['ouderen', 'personen-met-handicap'],
    nl: ['Maaltijden aan huis', 'Een warme of gekoelde maaltijd aan huis geleverd, ook dieetmaaltijden.'],
    fr: ['Repas à domicile', 'Un repas chaud ou réfrigéré livré à domicile, aussi des repas diététiques.'],
    en: ['Meals on wheels', 'A hot or chilled meal delivered at home, including special diets.'],
    hours: 'office',
    fee: 8.5,
    feeText: 'Prijs per maaltijd; sociaal tarief volgens inkomen.',
  },
  alarm: {
    rubric: 'gezinszorg',
    sector: 'thuiszorg',
    groups: ['ouderen'],
    nl: [
      'Personenalarmering',
      'Een alarmknop aan huis: bij een val of onwel worden belt de centrale je contactpersonen.',
    ],
    fr: ['Télévigilance', 'Un bouton d’alarme : en cas de chute, la centrale prévient vos proches.'],
    en: ['Personal alarm', 'An alarm button at home: after a fall, the centre calls your contacts.'],
    hours: 'always',
    fee: 18,
    feeText: '€ 18 per maand; tussenkomst van het ziekenfonds mogelijk.',
    holidays: false,
  },
  nursingHome: {
    rubric: 'woonzorg',
    sector: 'ouderenzorg',
    groups: ['ouderen', 'personen-met-dementie'],
    nl: [
      '{org}',
      'Wonen met 24 uur op 24 zorg voor ouderen die niet meer thuis kunnen wonen, met een afdeling voor personen met dementie.',
    ],
    fr: ['Maison de repos et de soins {place}', 'Hébergement avec soins 24 h/24 pour les personnes âgées.'],
    en: ['Residential care home {place}', 'Housing with round-the-clock care for older people.'],
    hours: 'residential',
    fee: 62,
    feeText: 'Dagprijs vanaf € 62.',
    age: [65, null],
    capacity: { unit: 'kamers', max: 3 },
    holidays: false,
    apply: 'Schrijf je in op de wachtlijst; de sociale dienst neemt contact op.',
  },
  shortStay: {
    rubric: 'kortverblijf',
    sector: 'ouderenzorg',
    groups: ['ouderen', 'mantelzorgers'],
    nl: [
      'Kortverblijf',
      'Tijdelijk verblijf met zorg, bijvoorbeeld na een ziekenhuisopname of als de mantelzorger op vakantie gaat.',
    ],
    fr: ['Court séjour', 'Séjour temporaire avec soins, par exemple après une hospitalisation.'],
    en: ['Short stay', 'Temporary stay with care, e.g. after a hospital stay or while the carer is away.'],
    hours: 'residential',
    fee: 55,
    age: [65, null],
    capacity: { unit: 'bedden', max: 2 },
    holidays: false,
  },
  assisted: {
    rubric: 'woonzorg',
    sector: 'ouderenzorg',
    groups: ['ouderen'],
    nl: ['Assistentiewoningen', 'Zelfstandig wonen in een aangepaste flat met zorg en hulp op afroep.'],
    en: ['Assisted living flats', 'Independent living in an adapted flat with care on call.'],
    hours: 'office',
    fee: 38,
    feeText: 'Dagprijs vanaf € 38.',
    age: [65, null],
    capacity: { unit: 'woningen', max: 2 },
  },
  dayCare: {
    rubric: 'dagopvang',
    sector: 'ouderenzorg',
    groups: ['ouderen', 'personen-met-dementie', 'mantelzorgers'],
    nl: ['Dagverzorgingscentrum', 'Overdag opvang, verzorging en activiteiten voor ouderen die thuis wonen.'],
    fr: ['Centre de soins de jour', 'Accueil, soins et activités en journée pour les personnes âgées.'],
    en: ['Adult day care centre', 'Daytime care and activities for older people who live at home.'],
    hours: 'centre',
    fee: 25,
    age: [60, null],
    capacity: { unit: 'plaatsen', max: 4 },
  },
  dementiaCafe: {
    rubric: 'mantelzorg',
    sector: 'ouderenzorg',
    groups: ['personen-met-dementie', 'mantelzorgers'],
    nl: [
      'Praatcafé dementie',
      'Maandelijkse ontmoeting met info en lotgenoten voor personen met dementie en hun naasten.',
    ],
    en: ['Dementia café', 'Monthly meeting for people with dementia and their families.'],
    hours: 'monthly',
    fee: 0,
  },
  serviceCentre: {
    rubric: 'dienstencentrum',
    sector: 'ouderenzorg',
    groups: ['ouderen'],
    nl: [
      'Lokaal dienstencentrum {place}',
      'Ontmoeting, cursussen, bewegen en info voor ouderen en buurtbewoners; ook een pedicure en een kapper.',
    ],
    fr: ['Centre de services local {place}', 'Rencontres, cours et activités pour les aînés et le quartier.'],
    en: ['Local community centre {place}', 'Meeting place, courses and activities for older residents.'],
    hours: 'centre',
    fee: 0,
  },
  centreMeal: {
    rubric: 'maaltijden',
    sector: 'ouderenzorg',
    groups: ['ouderen'],
    nl: [
      'Middagmaal in het dienstencentrum',
      'Elke weekdag een warme maaltijd in gezelschap; inschrijven de dag ervoor.',
    ],
    fr: ['Repas de midi au centre', 'Un repas chaud en compagnie chaque jour de la semaine.'],
    hours: 'centre',
    fee: 7,
  },
  carerSupport: {
    rubric: 'mantelzorg',
    sector: 'welzijn',
    groups: ['mantelzorgers'],
    nl: [
      'Ondersteuning en vorming voor mantelzorgers',
      'Info, vorming en een luisterend oor voor wie zorgt voor een ziek of hulpbehoevend familielid.',
    ],
    fr: ['Soutien aux aidants proches', 'Information, formation et écoute pour les aidants proches.'],
    en: ['Support for family carers', 'Information, training and a listening ear for family carers.'],
    hours: 'permanence',
    fee: 0,
    languages: ['fr'],
  },
  respite: {
    rubric: 'mantelzorg',
    sector: 'welzijn',
    groups: ['mantelzorgers'],
    nl: [
      'Respijtzorg: even op adem komen',
      'Vrijwilligers nemen de zorg even over zodat de mantelzorger kan rusten.',
    ],
    en: ['Respite care', 'Volunteers take over for a while so that the carer can rest.'],
    hours: 'office',
    fee: 0,
  },
  carerPremium: {
    rubric: 'mantelzorg',
    sector: 'lokaal-bestuur',
    groups: ['mantelzorgers'],
    nl: [
      'Mantelzorgpremie aanvragen',
      'Een jaarlijkse gemeentelijke premie voor inwoners die zorgen voor een naaste.',
    ],
    fr: ['Prime pour aidants proches', 'Une prime communale annuelle pour les aidants proches.'],
    hours: 'office',
    fee: 0,
    eligibility: 'Inwoners van de gemeente die zorgen voor een inwonend familielid met een zorgnood.',
  },
  transport: {
    rubric: 'vervoer',
    sector: 'welzijn',
    groups: ['ouderen', 'personen-met-handicap'],
    nl: [
      'Vervoersdienst voor minder mobiele inwoners',
      'Vrijwillige chauffeurs brengen je naar de dokter, het ziekenhuis of de winkel.',
    ],
    fr: [
      'Transport pour personnes à mobilité réduite',
      'Des chauffeurs bénévoles vous conduisent chez le médecin.',
    ],
    en: [
      'Transport for people with reduced mobility',
      'Volunteer drivers take you to the doctor or the shops.',
    ],
    hours: 'volunteer',
    fee: 0.4,
    feeText: '€ 0,40 per kilometer en een jaarlijks lidgeld.',
  },
  adaptedTransport: {
    rubric: 'vervoer',
    sector: 'vaph',
    groups: ['personen-met-handicap'],
    nl: [
      'Aangepast vervoer met rolstoelbus',
      'Vervoer in een rolstoelbus voor wie niet met het openbaar vervoer kan reizen.',
    ],
    en: ['Wheelchair-accessible transport', 'Transport in an adapted minibus for wheelchair users.'],
    hours: 'office',
    fee: 0.6,
  },
  cawIntake: {
    rubric: 'caw',
    sector: 'welzijn',
    groups: ['volwassenen', 'armoede'],
    nl: [
      'Onthaal: met al je vragen welkom',
      'Vrij binnenlopen met vragen over relaties, geld, wonen, justitie of gewoon als het even niet meer lukt.',
    ],
    fr: [
      'Accueil : bienvenue avec toutes vos questions',
      'Accueil libre : relations, argent, logement, justice.',
    ],
    en: ['Walk-in welfare desk', 'Drop in with questions about relationships, money, housing or justice.'],
    hours: 'permanence',
    fee: 0,
    languages: ['fr', 'en', 'ar'],
    apply: 'Vrij binnenlopen tijdens de permanenties of bel voor een afspraak.',
  },
  youthDesk: {
    rubric: 'caw',
    sector: 'welzijn',
    groups: ['jongeren'],
    nl: [
      'Jongerenonthaal voor 12- tot 25-jarigen',
      'Anoniem en gratis praten over thuis, school, vrienden, geld of wonen.',
    ],
    fr: [
      'Accueil des jeunes de 12 à 25 ans',
      'Parler anonymement et gratuitement de la famille, l’école, l’argent.',
    ],
    en: ['Youth advice centre (12–25)', 'Talk anonymously and free about home, school, money or housing.'],
    hours: 'permanence',
    fee: 0,
    age: [12, 25],
    languages: ['fr', 'en'],
  },
  housingSupport: {
    rubric: 'caw',
    sector: 'welzijn',
    groups: ['armoede', 'volwassenen'],
    nl: [
      'Woonbegeleiding en hulp bij dreigende uithuiszetting',
      'Begeleiding om je woning te behouden of een woning te vinden.',
    ],
    en: ['Housing support and eviction prevention', 'Help to keep your home or to find one.'],
    hours: 'office',
    fee: 0,
    capacity: { unit: 'plaatsen', max: 3 },
  },
  victims: {
    rubric: 'caw',
    sector: 'welzijn',
    groups: ['volwassenen'],
    nl: ['Slachtofferhulp', 'Steun voor slachtoffers van een misdrijf of verkeersongeval en hun naasten.'],
    fr: ['Aide aux victimes', 'Soutien aux victimes d’un crime ou d’un accident de la route.'],
    en: ['Victim support', 'Support for victims of crime or road accidents and their families.'],
    hours: 'office',
    fee: 0,
  },
  violence: {
    rubric: 'caw',
    sector: 'welzijn',
    groups: ['volwassenen', 'gezinnen'],
    nl: [
      'Hulp bij partnergeweld en intrafamiliaal geweld',
      'Gesprekken, veiligheidsplan en zo nodig opvang bij geweld in het gezin.',
    ],
    fr: ['Aide en cas de violences conjugales', 'Entretiens, plan de sécurité et hébergement si nécessaire.'],
    en: ['Help with domestic violence', 'Counselling, a safety plan and shelter if needed.'],
    hours: 'office',
    fee: 0,
    languages: ['fr', 'en', 'ar', 'tr'],
  },
  shelter: {
    rubric: 'caw',
    sector: 'welzijn',
    groups: ['armoede', 'volwassenen'],
    nl: ['Nachtopvang en crisisverblijf', 'Een bed, een douche en begeleiding voor wie dakloos is.'],
    fr: ['Accueil de nuit', 'Un lit, une douche et un accompagnement pour les personnes sans abri.'],
    en: ['Night shelter and crisis accommodation', 'A bed, a shower and support for homeless people.'],
    hours: 'always',
    fee: 0,
    age: [18, null],
    capacity: { unit: 'bedden', max: 4 },
    holidays: false,
  },
  debt: {
    rubric: 'schuldhulp',
    sector: 'welzijn',
    groups: ['armoede', 'gezinnen'],
    nl: [
      'Schuldhulpverlening en budgetbegeleiding',
      'Samen je schulden in kaart brengen, afbetalingsplannen maken, budgetbeheer en schuldbemiddeling.',
    ],
    fr: [
      'Médiation de dettes et guidance budgétaire',
      'Faire le point sur vos dettes, plans de remboursement.',
    ],
    en: ['Debt counselling and budget support', 'Mapping your debts, repayment plans and budget management.'],
    hours: 'permanence',
    fee: 0,
    capacity: { unit: 'dossiers', max: 3 },
    languages: ['fr'],
  },
  socialService: {
    rubric: 'maatschappelijk-werk',
    sector: 'lokaal-bestuur',
    groups: ['armoede', 'volwassenen', 'nieuwkomers'],
    nl: [
      'Sociaal huis {place}: leefloon en financiële hulp',
      'De sociale dienst (OCMW) helpt bij leefloon, huurwaarborg, medische kosten en andere financiële hulp.',
    ],
    fr: [
      'Maison sociale {place} : revenu d’intégration',
      'Le CPAS aide pour le revenu d’intégration et les frais.',
    ],
    en: [
      'Social welfare office {place}',
      'The public social welfare centre helps with income support and costs.',
    ],
    hours: 'office',
    fee: 0,
    languages: ['fr', 'en', 'ar', 'tr'],
    apply: 'Kom langs tijdens de openingsuren of maak een afspraak met een maatschappelijk werker.',
  },
  energy: {
    rubric: 'maatschappelijk-werk',
    sector: 'lokaal-bestuur',
    groups: ['armoede', 'gezinnen'],
    nl: [
      'Hulp bij energie- en waterfacturen',
      'Advies bij hoge facturen, budgetmeters en energiezuinig wonen.',
    ],
    en: ['Help with energy and water bills', 'Advice on high bills, prepayment meters and saving energy.'],
    hours: 'office',
    fee: 0,
  },
  rights: {
    rubric: 'maatschappelijk-werk',
    sector: 'lokaal-bestuur',
    groups: ['armoede', 'ouderen', 'gezinnen'],
    nl: [
      'Rechtenverkenner: hulp bij premies en sociale voordelen',
      'We kijken samen op welke premies, tarieven en voordelen je recht hebt.',
    ],
    fr: [
      'Aide pour vos droits et primes',
      'Nous vérifions ensemble à quelles primes et avantages vous avez droit.',
    ],
    en: ['Benefits check', 'We look together at which benefits and reduced rates you are entitled to.'],
    hours: 'permanence',
    fee: 0,
    languages: ['fr', 'ar', 'tr'],
  },
  housingDesk: {
    rubric: 'maatschappelijk-werk',
    sector: 'lokaal-bestuur',
    groups: ['armoede', 'volwassenen'],
    nl: [
      'Woonloket en sociale huur',
      'Inschrijven voor een sociale woning, huurpremie en advies over wonen.',
    ],
    fr: ['Guichet logement', 'Inscription pour un logement social, prime de location et conseils.'],
    hours: 'permanence',
    fee: 0,
  },
  welfareDesk: {
    rubric: 'maatschappelijk-werk',
    sector: 'lokaal-bestuur',
    groups: ['volwassenen', 'ouderen'],
    nl: [
      'Welzijnsloket',
      'Eén adres voor al je vragen over zorg en welzijn; we zoeken mee naar de juiste hulp.',
    ],
    fr: ['Guichet bien-être', 'Une adresse pour toutes vos questions sur les soins et l’aide sociale.'],
    en: ['Welfare information desk', 'One address for all questions about care and welfare.'],
    hours: 'office',
    fee: 0,
    languages: ['fr', 'en'],
  },
  mutualSocial: {
    rubric: 'maatschappelijk-werk',
    sector: 'welzijn',
    groups: ['chronisch-zieken', 'ouderen', 'mantelzorgers'],
    nl: [
      'Dienst maatschappelijk werk – {org}',
      'De maatschappelijk werker van je ziekenfonds helpt bij ziekte, handicap, zorgbudgetten en thuiszorg.',
    ],
    fr: [
      'Service social de la mutualité',
      'Le service social de votre mutualité vous aide en cas de maladie.',
    ],
    en: [
      'Health insurance social work service',
      'Your health insurer’s social worker helps with illness and care.',
    ],
    hours: 'permanence',
    fee: 0,
    eligibility: 'Voor leden van het ziekenfonds.',
    languages: ['fr'],
  },
  careShop: {
    rubric: 'gezinszorg',
    sector: 'thuiszorg',
    groups: ['ouderen', 'personen-met-handicap'],
    nl: [
      'Thuiszorgwinkel: hulpmiddelen huren en kopen',
      'Rolstoelen, rollators, ziekenhuisbedden en incontinentiemateriaal.',
    ],
    fr: ['Magasin de soins à domicile', 'Location et vente de chaises roulantes, déambulateurs et lits.'],
    en: ['Home care shop', 'Hire and buy wheelchairs, walkers and hospital beds.'],
    hours: 'pharmacy',
    fee: null,
  },
  mutualPrevention: {
    sector: 'eerstelijn',
    groups: ['volwassenen', 'jongeren'],
    nl: [
      'Gezond leven: bewegen, voeding en rookstop',
      `${PREVENTION}: terugbetaling en begeleiding voor een gezondere levensstijl.`,
    ],
    en: ['Healthy living programme', 'Refunds and coaching for exercise, healthy food and quitting smoking.'],
    hours: 'office',
    fee: 0,
    aim: 'gezondheid',
  },
  foodBank: {
    rubric: 'maatschappelijk-werk',
    sector: 'welzijn',
    groups: ['armoede', 'gezinnen'],
    nl: [
      'Voedselbedeling',
      'Tweewekelijks een voedselpakket voor gezinnen die het financieel moeilijk hebben.',
    ],
    fr: ['Distribution de colis alimentaires', 'Un colis alimentaire toutes les deux semaines.'],
    en: ['Food bank', 'A food parcel every two weeks for families on a tight budget.'],
    hours: 'food',
    fee: 0,
    eligibility: 'Op verwijzing van het sociaal huis of het CAW.',
    languages: ['fr', 'ar'],
  },
  grocery: {
    rubric: 'maatschappelijk-werk',
    sector: 'welzijn',
    groups: ['armoede'],
    nl: ['{org}', 'Voeding en verzorgingsproducten aan verminderde prijs voor wie een kaart heeft.'],
    fr: ['Épicerie sociale', 'Alimentation et produits d’hygiène à prix réduit.'],
    en: ['Social grocery', 'Food and hygiene products at reduced prices for card holders.'],
    hours: 'food',
    fee: null,
    eligibility: 'Met een klantenkaart van het sociaal huis of het CAW.',
  },
  clothes: {
    rubric: 'maatschappelijk-werk',
    sector: 'welzijn',
    groups: ['armoede', 'gezinnen'],
    nl: ['Kledingbank en tweedehandswinkel', 'Gratis of goedkope kleding, schoenen en babyspullen.'],
    en: ['Clothing bank', 'Free or cheap clothes, shoes and baby items.'],
    hours: 'food',
    fee: 0,
  },
  povertyGroup: {
    rubric: 'maatschappelijk-werk',
    sector: 'welzijn',
    groups: ['armoede'],
    nl: [
      'Ontmoetingsgroep voor mensen in armoede',
      'Samenkomen, elkaar steunen en samen opkomen voor je rechten.',
    ],
    fr: ['Groupe de rencontre contre la pauvreté', 'Se rencontrer, se soutenir et défendre ses droits.'],
    hours: 'evening',
    fee: 0,
  },
  restaurant: {
    rubric: 'maaltijden',
    sector: 'welzijn',
    groups: ['armoede', 'ouderen'],
    nl: ['Sociaal restaurant', 'Een warme maaltijd aan een democratische prijs, in gezelschap.'],
    en: ['Social restaurant', 'A hot meal at an affordable price, in good company.'],
    hours: 'centre',
    fee: 4,
  },
  neighbourhood: {
    rubric: 'dienstencentrum',
    sector: 'welzijn',
    groups: ['armoede', 'gezinnen', 'nieuwkomers'],
    nl: [
      'Buurtwerking en buurthuis',
      'Buurtwerk: ontmoeting, huiswerkbegeleiding en activiteiten voor de hele wijk.',
    ],
    fr: ['Maison de quartier', 'Travail de quartier : rencontres, aide aux devoirs et activités.'],
    en: ['Neighbourhood centre', 'Community work: meeting place, homework support and activities.'],
    hours: 'permanence',
    fee: 0,
    languages: ['fr', 'ar', 'tr'],
  },
  repair: {
    rubric: 'dienstencentrum',
    sector: 'welzijn',
    groups: ['volwassenen', 'ouderen'],
    nl: [
      'Repair café en buurtontmoeting',
      'Vrijwilligers herstellen samen met jou kapotte spullen, bij een koffie.',
    ],
    en: ['Repair café', 'Volunteers help you repair broken things over a cup of coffee.'],
    hours: 'monthly',
    fee: 0,
  },
  visits: {
    rubric: 'mantelzorg',
    sector: 'welzijn',
    groups: ['ouderen'],
    nl: [
      'Bezoekdienst voor eenzame ouderen',
      'Vrijwilligers komen op bezoek voor een babbel, een wandeling of een spelletje.',
    ],
    fr: ['Visites aux personnes âgées isolées', 'Des bénévoles viennent bavarder ou se promener avec vous.'],
    en: ['Befriending visits for older people', 'Volunteers visit for a chat, a walk or a game.'],
    hours: 'volunteer',
    fee: 0,
  },
  shopping: {
    rubric: 'vervoer',
    sector: 'welzijn',
    groups: ['ouderen', 'personen-met-handicap'],
    nl: [
      'Boodschappendienst door vrijwilligers',
      'Vrijwilligers doen wekelijks je boodschappen of gaan met je mee.',
    ],
    hours: 'volunteer',
    fee: 0,
  },
  loneliness: {
    rubric: 'dienstencentrum',
    sector: 'welzijn',
    groups: ['ouderen', 'volwassenen'],
    nl: [
      'Samen tegen eenzaamheid',
      `${PREVENTION}: buurtnetwerken en ontmoetingsmomenten die eenzaamheid voorkomen.`,
    ],
    en: ['Together against loneliness', 'Neighbourhood networks and get-togethers that prevent loneliness.'],
    hours: 'monthly',
    fee: 0,
    aim: 'gezondheid',
  },
  childcare: {
    rubric: 'kinderopvang',
    sector: 'opgroeien',
    groups: ['kinderen', 'gezinnen'],
    nl: ['{org}', 'Opvang voor baby’s en peuters van 0 tot 3 jaar, met aandacht voor spel en rust.'],
    fr: ['Crèche', 'Accueil des bébés et des jeunes enfants de 0 à 3 ans.'],
    en: ['Day nursery', 'Childcare for babies and toddlers from 0 to 3 years.'],
    hours: 'childcare',
    fee: null,
    feeText: 'Inkomensgerelateerde prijs per dag.',
    age: [0, 3],
    capacity: { unit: 'plaatsen', max: 3 },
    apply: 'Registreer je opvangvraag via het lokaal loket kinderopvang.',
  },
  afterSchool: {
    rubric: 'kinderopvang',
    sector: 'opgroeien',
    groups: ['kinderen'],
    nl: ['Buitenschoolse kinderopvang', 'Opvang voor en na school, op woensdagnamiddag en in de vakanties.'],
    fr: [
      'Accueil extrascolaire',
      'Accueil avant et après l’école, le mercredi après-midi et pendant les vacances.',
    ],
    en: ['Out-of-school childcare', 'Care before and after school, Wednesday afternoons and holidays.'],
    hours: 'afterSchool',
    fee: 1.2,
    feeText: '€ 1,20 per begonnen halfuur; sociaal tarief mogelijk.',
    age: [2, 12],
    capacity: { unit: 'plaatsen', max: 8 },
  },
  wellBaby: {
    rubric: 'gezinsondersteuning',
    sector: 'opgroeien',
    groups: ['kinderen', 'gezinnen'],
    nl: [
      'Consultatiebureau voor baby’s en peuters {place}',
      'Gratis opvolging van groei en ontwikkeling, vaccinaties en vragen over voeding en slapen, door arts en verpleegkundige.',
    ],
    fr: ['Consultation pour nourrissons {place}', 'Suivi gratuit de la croissance, vaccins et conseils.'],
    en: [
      'Baby and toddler clinic {place}',
      'Free growth checks, vaccinations and advice on feeding and sleep.',
    ],
    hours: 'consult',
    fee: 0,
    age: [0, 3],
    languages: ['fr', 'ar', 'tr'],
    aim: 'gezondheid',
    apply: 'Op afspraak; na de geboorte neemt een verpleegkundige contact met je op.',
  },
  parenting: {
    rubric: 'gezinsondersteuning',
    sector: 'opgroeien',
    groups: ['gezinnen'],
    nl: [
      'Opvoedingsondersteuning',
      'Met al je vragen over opvoeden terecht: gesprekken, vormingen en een opvoedingslijn.',
    ],
    fr: ['Soutien à la parentalité', 'Toutes vos questions sur l’éducation : entretiens et formations.'],
    en: ['Parenting support', 'Questions about raising children: talks, courses and a helpline.'],
    hours: 'office',
    fee: 0,
    languages: ['fr', 'en'],
  },
  playgroup: {
    rubric: 'gezinsondersteuning',
    sector: 'opgroeien',
    groups: ['kinderen', 'gezinnen', 'nieuwkomers'],
    nl: [
      'Spel- en ontmoetingsmomenten voor ouders en kinderen',
      'Samen spelen en andere ouders ontmoeten, met kinderen tot 3 jaar.',
    ],
    en: ['Parent and toddler playgroup', 'Play together and meet other parents, with children up to 3.'],
    hours: 'monthly',
    fee: 0,
    age: [0, 3],
  },
  familySupport: {
    rubric: 'jeugdhulp',
    sector: 'welzijn',
    groups: ['gezinnen', 'kinderen', 'jongeren'],
    nl: [
      'Contextbegeleiding voor gezinnen',
      'Begeleiding aan huis voor gezinnen met opvoedingsvragen of problemen.',
    ],
    fr: ['Accompagnement des familles', 'Accompagnement à domicile des familles.'],
    en: ['Home-based family support', 'Support at home for families with parenting difficulties.'],
    hours: 'office',
    fee: 0,
    age: [0, 18],
    capacity: { unit: 'gezinnen', max: 2 },
  },
  youthDay: {
    rubric: 'jeugdhulp',
    sector: 'welzijn',
    groups: ['kinderen', 'jongeren'],
    nl: [
      'Dagbegeleiding in groep voor kinderen en jongeren',
      'Na school begeleiding in groep, huiswerk en vrije tijd.',
    ],
    hours: 'afterSchool',
    fee: 0,
    age: [6, 18],
    capacity: { unit: 'plaatsen', max: 2 },
  },
  fosterCare: {
    rubric: 'jeugdhulp',
    sector: 'welzijn',
    groups: ['kinderen', 'gezinnen'],
    nl: [
      'Pleegzorg: informatie en begeleiding',
      'Word pleeggezin, of krijg begeleiding als je kind in een pleeggezin woont.',
    ],
    fr: ['Accueil familial : information', 'Devenir famille d’accueil ou être accompagné.'],
    en: ['Foster care', 'Become a foster family, or get support when your child lives with one.'],
    hours: 'office',
    fee: 0,
  },
  youthOutreach: {
    rubric: 'jeugdhulp',
    sector: 'welzijn',
    groups: ['jongeren'],
    nl: [
      'Mobiele begeleiding voor jongeren',
      'Een begeleider komt naar je toe: thuis, op school of in de buurt.',
    ],
    en: ['Outreach support for young people', 'A youth worker meets you at home, at school or in the area.'],
    hours: 'afterSchool',
    fee: 0,
    age: [12, 21],
  },
  school: {
    rubric: 'jeugdhulp',
    sector: 'onderwijs',
    groups: ['kinderen', 'jongeren'],
    nl: [
      'Leerlingenbegeleiding en welzijn op school',
      'Zorgcoördinatoren en leerlingbegeleiders helpen bij leer- en welzijnsvragen.',
    ],
    hours: 'office',
    fee: 0,
    age: [3, 18],
  },
  disabilityDay: {
    rubric: 'handicap',
    sector: 'vaph',
    groups: ['personen-met-handicap'],
    nl: [
      'Dagondersteuning voor volwassenen met een handicap',
      'Zinvolle dagbesteding in ateliers, met begeleiding op maat.',
    ],
    fr: [
      'Accueil de jour pour adultes handicapés',
      'Activités de jour en ateliers, avec un accompagnement sur mesure.',
    ],
    en: ['Day support for adults with disabilities', 'Meaningful daytime activities in workshops.'],
    hours: 'centre',
    fee: null,
    age: [18, null],
    capacity: { unit: 'plaatsen', max: 2 },
  },
  disabilityHousing: {
    rubric: 'handicap',
    sector: 'vaph',
    groups: ['personen-met-handicap'],
    nl: [
      'Woonondersteuning voor personen met een handicap',
      'Wonen in een kleinschalige groep of studio, met begeleiding.',
    ],
    en: [
      'Supported housing for people with disabilities',
      'Living in a small group or studio, with support.',
    ],
    hours: 'residential',
    fee: null,
    age: [18, null],
    capacity: { unit: 'plaatsen', max: 1 },
    holidays: false,
  },
  disabilityMobile: {
    rubric: 'handicap',
    sector: 'vaph',
    groups: ['personen-met-handicap', 'gezinnen'],
    nl: [
      'Mobiele en ambulante begeleiding (VAPH)',
      'Een begeleider komt aan huis of je komt langs voor advies en ondersteuning.',
    ],
    fr: ['Accompagnement mobile et ambulatoire', 'Un accompagnateur vient à domicile ou vous reçoit.'],
    hours: 'office',
    fee: 0,
  },
  budgetAdvice: {
    rubric: 'handicap',
    sector: 'vaph',
    groups: ['personen-met-handicap', 'mantelzorgers'],
    nl: [
      'Advies bij een aanvraag persoonsvolgend budget',
      'Hulp bij het aanvragen en besteden van je budget voor zorg en ondersteuning.',
    ],
    en: ['Advice on personal care budgets', 'Help applying for and spending a personal budget for support.'],
    hours: 'permanence',
    fee: 0,
  },
  disabilityKids: {
    rubric: 'handicap',
    sector: 'vaph',
    groups: ['kinderen', 'personen-met-handicap', 'gezinnen'],
    nl: [
      'Ondersteuning voor kinderen met een ontwikkelingsstoornis',
      'Thuisbegeleiding bij autisme, ADHD of een verstandelijke beperking.',
    ],
    hours: 'office',
    fee: 0,
    age: [0, 21],
    capacity: { unit: 'gezinnen', max: 2 },
  },
  work: {
    rubric: 'handicap',
    sector: 'welzijn',
    groups: ['personen-met-handicap', 'volwassenen'],
    nl: [
      'Maatwerk en begeleid werken',
      'Aangepast werk met begeleiding op de werkvloer, in een atelier of bij een bedrijf.',
    ],
    en: ['Sheltered and supported employment', 'Adapted work with coaching on the job.'],
    hours: 'office',
    fee: 0,
    age: [18, 65],
  },
  zoneDesk: {
    rubric: 'maatschappelijk-werk',
    sector: 'eerstelijn',
    groups: ['volwassenen', 'mantelzorgers'],
    nl: [
      'Aanspreekpunt eerstelijnszone',
      'Voor zorgverleners en burgers: wie helpt bij welke zorg- of welzijnsvraag in de regio, en overleg rond complexe zorg.',
    ],
    fr: [
      'Point de contact de la zone de première ligne',
      'Qui aide pour quelle question de soins dans la région ?',
    ],
    en: ['Primary care zone contact point', 'Who helps with which care or welfare question in the region.'],
    hours: 'office',
    fee: 0,
    aim: 'zorgervaring',
  },
  preventionOverview: {
    sector: 'eerstelijn',
    groups: ['volwassenen', 'ouderen', 'jongeren'],
    nl: [
      'Preventieaanbod in de regio: het helikopteroverzicht',
      `${PREVENTION}: overzicht van screenings, vaccinaties, valpreventie, rookstop en mentaal welbevinden in de zone.`,
    ],
    fr: [
      'Offre de prévention dans la région',
      'Aperçu des dépistages, vaccins, prévention des chutes et du tabac.',
    ],
    en: [
      'Prevention services in the region',
      'Overview of screenings, vaccinations, fall prevention and quitting smoking.',
    ],
    hours: 'office',
    fee: 0,
    aim: 'gezondheid',
  },
  screening: {
    sector: 'eerstelijn',
    groups: ['volwassenen'],
    nl: [
      'Bevolkingsonderzoek kanker: info en begeleiding',
      `${PREVENTION}: info over de gratis screenings naar borst-, baarmoederhals- en dikkedarmkanker.`,
    ],
    fr: ['Dépistage du cancer : information', 'Information sur les dépistages gratuits du cancer.'],
    en: [
      'Cancer screening information',
      'Information about free breast, cervical and colorectal cancer screening.',
    ],
    hours: 'office',
    fee: 0,
    age: [25, 74],
    aim: 'gezondheid',
  },
  smoking: {
    sector: 'eerstelijn',
    groups: ['volwassenen', 'jongeren'],
    nl: [
      'Rookstopbegeleiding door een tabakoloog',
      `${PREVENTION}: individuele begeleiding of een rookstopgroep, grotendeels terugbetaald.`,
    ],
    fr: ['Accompagnement au sevrage tabagique', 'Accompagnement individuel ou en groupe par un tabacologue.'],
    en: ['Stop smoking support', 'One-to-one or group support from a tobacco specialist.'],
    hours: 'evening',
    fee: 0,
    aim: 'gezondheid',
  },
  wellbeing: {
    rubric: 'geestelijke-gezondheid',
    sector: 'ggz',
    groups: ['volwassenen', 'jongeren'],
    nl: [
      'Workshops mentaal welbevinden',
      `${PREVENTION}: workshops over slapen, stress en veerkracht in je gemeente.`,
    ],
    en: ['Mental wellbeing workshops', 'Workshops about sleep, stress and resilience in your town.'],
    hours: 'evening',
    fee: 0,
    aim: 'gezondheid',
  },
  healthyFood: {
    sector: 'eerstelijn',
    groups: ['gezinnen', 'kinderen'],
    nl: [
      'Gezonde voeding en kookworkshops',
      `${PREVENTION}: kookworkshops en tips voor gezond en goedkoop eten met het gezin.`,
    ],
    fr: ['Alimentation saine et ateliers cuisine', 'Ateliers cuisine et conseils pour manger sainement.'],
    hours: 'monthly',
    fee: 0,
    aim: 'gelijkheid',
  },
  participation: {
    sector: 'eerstelijn',
    groups: ['chronisch-zieken', 'mantelzorgers'],
    nl: [
      'Meedenken over zorg en welzijn',
      'Als zorggebruiker of mantelzorger je ervaring delen met de zorgraad.',
    ],
    en: [
      'Have your say on care and welfare',
      'Share your experience as a patient or carer with the care council.',
    ],
    hours: 'monthly',
    fee: 0,
    aim: 'zorgervaring',
  },
  peers: {
    rubric: 'mantelzorg',
    sector: 'welzijn',
    groups: ['chronisch-zieken'],
    nl: [
      'Lotgenotencontact voor chronisch zieken',
      'Maandelijkse praatgroep en infoavonden voor mensen met een chronische ziekte.',
    ],
    fr: [
      'Groupe d’entraide pour malades chroniques',
      'Groupe de parole mensuel pour les malades chroniques.',
    ],
    hours: 'evening',
    fee: 0,
  },
  studentClinic: {
    sector: 'onderwijs',
    groups: ['volwassenen', 'ouderen'],
    nl: [
      'Studentenpraktijk: gratis gezondheidscheck',
      `${PREVENTION}: studenten verpleegkunde meten bloeddruk, suiker en BMI, onder begeleiding.`,
    ],
    en: ['Student clinic: free health check', 'Nursing students check blood pressure and blood sugar.'],
    hours: 'monthly',
    fee: 0,
    aim: 'gezondheid',
  },
  dutch: {
    rubric: 'maatschappelijk-werk',
    sector: 'onderwijs',
    groups: ['nieuwkomers'],
    nl: [
      'Nederlands voor anderstaligen (NT2)',
      'Lessen Nederlands op verschillende niveaus, overdag en ’s avonds.',
    ],
    fr: [
      'Néerlandais pour allophones',
      'Cours de néerlandais à différents niveaux, en journée et en soirée.',
    ],
    en: ['Dutch as a second language', 'Dutch lessons at several levels, daytime and evening.'],
    hours: 'evening',
    fee: 1.5,
    age: [18, null],
    languages: ['fr', 'en', 'ar', 'tr'],
  },
  languageCafe: {
    rubric: 'maatschappelijk-werk',
    sector: 'welzijn',
    groups: ['nieuwkomers'],
    nl: [
      'Taalcafé: Nederlands oefenen',
      'Ongedwongen Nederlands praten met vrijwilligers, bij een kopje koffie.',
    ],
    en: ['Language café: practise Dutch', 'Informal Dutch conversation with volunteers.'],
    hours: 'monthly',
    fee: 0,
    languages: ['en', 'ar', 'tr'],
  },
  newcomers: {
    rubric: 'maatschappelijk-werk',
    sector: 'welzijn',
    groups: ['nieuwkomers'],
    nl: [
      'Onthaal en trajectbegeleiding voor nieuwkomers',
      'Hulp bij administratie, inburgering, werk en de weg naar zorg.',
    ],
    fr: ['Accueil des primo-arrivants', 'Aide pour les démarches, l’intégration, l’emploi et les soins.'],
    en: ['Newcomer reception and guidance', 'Help with paperwork, integration, work and finding care.'],
    hours: 'permanence',
    fee: 0,
    languages: ['fr', 'en', 'ar', 'tr'],
  },
};

type OfferKey = keyof typeof OFFERS;

interface DemoOrganization {
  name: string;
  /** Place of the main location (a place of data/elz_regio_aalst_postcodes.csv). */
  place: string;
  offers: OfferKey[];
  /** Further locations where the same services are offered. */
  branches?: string[];
  legal: 'vzw' | 'bv' | 'openbaar bestuur' | 'ziekenfonds';
  kbo?: boolean;
  /** Serves the whole zone rather than its own municipality. */
  regional?: boolean;
  /** Entered a second time by mistake: name of the record this one duplicates. */
  duplicateOf?: string;
}

const org = (
  name: string,
  place: string,
  offers: OfferKey[],
  legal: DemoOrganization['legal'],
  extra: Partial<DemoOrganization> = {},
): DemoOrganization => ({ name, place, offers, legal, ...extra });

/** The network module's demo partners come first, with exactly their names, so that they can be linked. */
const ORGANIZATIONS: DemoOrganization[] = [
  org('Zorgraad Regio Aalst', 'Aalst', ['zoneDesk', 'preventionOverview'], 'vzw', {
    kbo: true,
    regional: true,
  }),
  org('Huisartsenkring Denderland', 'Aalst', ['gpNight', 'gpFind'], 'vzw', { kbo: true, regional: true }),
  org('Apothekersvereniging Midden-Dender', 'Aalst', ['pharmacyDuty'], 'vzw', { regional: true }),
  org('Thuisverpleging De Bron', 'Aalst', ['nursing', 'wound', 'palliative'], 'vzw', { kbo: true }),
  org('Thuiszorgdienst Zorgzaam', 'Aalst', ['homecare', 'cleaning', 'sitting', 'oddJobs'], 'vzw', {
    kbo: true,
    regional: true,
    branches: ['Haaltert'],
  }),
  org('Woonzorgcentrum Ter Linde', 'Lede', ['nursingHome', 'shortStay', 'assisted', 'dementiaCafe'], 'vzw', {
    kbo: true,
  }),
  org(
    'Algemeen Ziekenhuis Dendervallei',
    'Aalst',
    ['emergency', 'discharge', 'geriatric', 'palliative'],
    'vzw',
    {
      kbo: true,
      regional: true,
    },
  ),
  org(
    'Centrum Geestelijke Gezondheid Horizon',
    'Aalst',
    ['cggAdult', 'cggYouth', 'cggElderly', 'suicide', 'addiction'],
    'vzw',
    { kbo: true, regional: true, branches: ['Denderleeuw'] },
  ),
  org('Praktijk Kinesitherapie Beweeg', 'Erpe', ['kine', 'kineFall', 'move'], 'bv'),
  org(
    'Welzijnshuis Denderleeuw',
    'Denderleeuw',
    ['socialService', 'debt', 'energy', 'meals', 'rights', 'welfareDesk', 'housingDesk'],
    'openbaar bestuur',
  ),
  org(
    'Centrum Algemeen Welzijn Regio Aalst',
    'Aalst',
    ['cawIntake', 'youthDesk', 'housingSupport', 'victims', 'violence', 'shelter', 'debt'],
    'vzw',
    { kbo: true, regional: true, branches: ['Denderleeuw', 'Lede'] },
  ),
  org(
    'Dienstencentrum De Ontmoeting',
    'Aalst',
    ['serviceCentre', 'centreMeal', 'visits', 'loneliness'],
    'vzw',
  ),
  org('Vrijwilligerswerking Samen Sterk', 'Haaltert', ['visits', 'transport', 'shopping'], 'vzw'),
  org('Jeugdhulp Kompas', 'Aalst', ['familySupport', 'youthDay', 'youthOutreach', 'fosterCare'], 'vzw', {
    kbo: true,
    regional: true,
    branches: ['Haaltert'],
  }),
  org(
    'Dagcentrum Het Anker (VAPH)',
    'Erembodegem',
    ['disabilityDay', 'disabilityMobile', 'budgetAdvice'],
    'vzw',
    {
      regional: true,
    },
  ),
  org(
    'OCMW Aalst – sociale dienst',
    'Aalst',
    ['socialService', 'debt', 'energy', 'housingDesk', 'meals', 'rights', 'dentistSocial', 'welfareDesk'],
    'openbaar bestuur',
  ),
  org(
    'Lokaal bestuur Erpe-Mere',
    'Erpe',
    ['socialService', 'meals', 'carerPremium', 'wellbeing', 'serviceCentre', 'rights', 'energy'],
    'openbaar bestuur',
  ),
  org(
    'Lokaal bestuur Haaltert',
    'Haaltert',
    ['socialService', 'debt', 'carerPremium', 'healthyFood', 'housingDesk', 'rights', 'meals'],
    'openbaar bestuur',
  ),
  org(
    'Lokaal bestuur Lede',
    'Lede',
    ['socialService', 'meals', 'housingDesk', 'carerPremium', 'afterSchool', 'rights', 'loneliness'],
    'openbaar bestuur',
  ),
  org('Huis van het Kind Denderleeuw', 'Denderleeuw', ['wellBaby', 'parenting', 'playgroup'], 'vzw', {
    branches: ['Welle'],
  }),
  org('Mantelzorgplatform Dender', 'Aalst', ['carerSupport', 'respite', 'dementiaCafe'], 'vzw', {
    regional: true,
  }),
  org('Klankbordgroep PZON Regio Aalst', 'Aalst', ['participation'], 'vzw', { regional: true }),
  org('Patiëntenvereniging Samen Chronisch', 'Lede', ['peers'], 'vzw', { regional: true }),
  org('Hogeschool Dender – opleiding verpleegkunde', 'Aalst', ['studentClinic'], 'vzw', { kbo: true }),
  org('Scholengroep Kleurrijk', 'Aalst', ['school'], 'vzw'),
  org('Centrum voor Volwassenenonderwijs Dender', 'Aalst', ['dutch'], 'openbaar bestuur', { regional: true }),
  org('Zorgtech Dender bv', 'Aalst', ['alarm'], 'bv', { kbo: true, regional: true }),
  org('Sociaal Werkbedrijf Werkkracht', 'Denderleeuw', ['work'], 'vzw', { kbo: true, regional: true }),
  org('Ziekenfonds Regio Aalst', 'Aalst', ['mutualSocial', 'careShop', 'mutualPrevention'], 'ziekenfonds', {
    kbo: true,
    regional: true,
    branches: ['Denderleeuw', 'Haaltert'],
  }),
  org(
    'Logo Dender (gezondheidspromotie)',
    'Aalst',
    ['screening', 'smoking', 'wellbeing', 'healthyFood', 'vaccination'],
    'vzw',
    {
      regional: true,
    },
  ),

  // Huisartsen
  org('Huisartsenpraktijk De Vlier', 'Aalst', ['gp', 'gpHome', 'gpChronic'], 'bv', { kbo: true }),
  org('Groepspraktijk Ter Beke', 'Aalst', ['gp', 'gpHome', 'gpChronic'], 'bv'),
  org('Huisartsen Het Kouter', 'Erembodegem', ['gp', 'gpHome', 'gpChronic'], 'bv'),
  org('Huisartsenpraktijk De Meers', 'Denderleeuw', ['gp', 'gpHome', 'gpChronic'], 'bv'),
  org('Huisartsenpraktijk De Kapel', 'Haaltert', ['gp', 'gpHome', 'gpChronic'], 'bv'),
  org('Dokterspraktijk Ter Hulst', 'Kerksken', ['gp', 'gpHome', 'gpChronic'], 'bv'),
  org('Huisartsenpraktijk De Molen', 'Lede', ['gp', 'gpHome', 'gpChronic'], 'bv'),
  org('Huisartsen De Bremt', 'Erpe', ['gp', 'gpHome', 'gpChronic'], 'bv'),
  org('Huisartsenpraktijk De Populier', 'Mere', ['gp', 'gpHome', 'gpChronic'], 'bv'),
  org('Huisartsenpraktijk Ter Eike', 'Moorsel', ['gp', 'gpHome', 'gpChronic'], 'bv'),
  org('Medisch Centrum De Hoeve', 'Hofstade', ['gp', 'gpHome', 'gpChronic'], 'bv'),
  org('Huisartsenpraktijk Het Hof', 'Denderhoutem', ['gp', 'gpHome', 'gpChronic'], 'bv'),
  org('Huisartsenpraktijk De Wilgenhoek', 'Iddergem', ['gp', 'gpHome', 'gpChronic'], 'bv'),
  org('Huisartsenpraktijk Baardegem-Meldert', 'Baardegem', ['gp', 'gpHome', 'gpChronic'], 'bv'),
  org('Huisartsenpraktijk de Vlier Aalst', 'Aalst', ['gp'], 'bv', {
    duplicateOf: 'Huisartsenpraktijk De Vlier',
  }),

  // Thuisverpleging, kinesitherapie, logopedie, vroedvrouwen
  org('Thuisverpleging Zorg aan Huis Dender', 'Denderleeuw', ['nursing', 'wound', 'palliative'], 'bv'),
  org('Verpleegkundigenkring Lede', 'Lede', ['nursing', 'palliative'], 'vzw'),
  org('Thuiszorgteam De Wilg', 'Haaltert', ['nursing', 'wound', 'palliative'], 'bv'),
  org('Thuisverpleging Ter Dreve', 'Erpe', ['nursing', 'palliative'], 'bv'),
  org('Kinepraktijk De Sprong', 'Aalst', ['kine', 'kineFall', 'move'], 'bv'),
  org('Kinesitherapie Ter Wilgen', 'Denderleeuw', ['kine', 'kineFall'], 'bv'),
  org('Kinecentrum Het Veld', 'Lede', ['kine', 'move'], 'bv'),
  org('Praktijk De Kastanje – kine en logopedie', 'Mere', ['kine', 'speech'], 'bv'),
  org('Logopediepraktijk Praatjes', 'Aalst', ['speech'], 'bv'),
  org('Vroedvrouwenpraktijk Nest', 'Aalst', ['midwife'], 'bv'),

  // Apotheken en tandartsen
  org('Apotheek Ter Beke', 'Aalst', ['pharmacy', 'pharmacyHome'], 'bv', { kbo: true }),
  org('Apotheek De Vijzel', 'Aalst', ['pharmacy', 'vaccination', 'pharmacyHome'], 'bv'),
  org('Apotheek Denderbrug', 'Denderleeuw', ['pharmacy', 'vaccination', 'pharmacyHome'], 'bv'),
  org('Apotheek Marktplein', 'Haaltert', ['pharmacy', 'pharmacyHome'], 'bv'),
  org('Apotheek De Mortier', 'Lede', ['pharmacy', 'vaccination', 'pharmacyHome'], 'bv'),
  org('Apotheek Wanzele', 'Wanzele', ['pharmacy', 'vaccination'], 'bv'),
  org('Apotheek Terbeke', 'Aalst', ['pharmacy'], 'bv', { duplicateOf: 'Apotheek Ter Beke' }),
  org('Tandartspraktijk Glimlach', 'Aalst', ['dentist', 'dentistKids'], 'bv'),
  org('Tandartsenpraktijk De Parel', 'Denderleeuw', ['dentist', 'dentistKids'], 'bv'),
  org('Mondzorgpraktijk Tand & Co', 'Lede', ['dentist', 'dentistKids'], 'bv'),
  org('Tandartspraktijk Witte Molen', 'Erpe', ['dentist', 'dentistKids'], 'bv'),
  org('Mondzorgcentrum Dender', 'Erembodegem', ['dentist', 'dentistKids'], 'bv'),

  // Geestelijke gezondheid en verslavingszorg
  org('Psychologenpraktijk De Oever', 'Denderleeuw', ['psy', 'psyYouth', 'psyGroup'], 'bv'),
  org('Praktijk voor psychotherapie Het Luik', 'Aalst', ['psy', 'psyGroup'], 'bv'),
  org('Psychologisch Centrum Ruimte', 'Lede', ['psy', 'psyYouth'], 'bv'),
  org('Netwerk Eerstelijnspsychologen Dender', 'Aalst', ['psy', 'psyYouth'], 'vzw', { regional: true }),
  org('Centrum voor Verslavingszorg De Brug', 'Aalst', ['addiction', 'addictionYouth', 'gambling'], 'vzw', {
    kbo: true,
    regional: true,
  }),
  org('Dagcentrum Ommekeer', 'Denderleeuw', ['addiction'], 'vzw'),

  // Thuiszorg, ouderenzorg
  org('Gezinszorg Helpende Hand', 'Denderleeuw', ['homecare', 'cleaning', 'sitting'], 'vzw', { kbo: true }),
  org('Dienstenchequebedrijf Proper Thuis', 'Erembodegem', ['cleaning'], 'bv'),
  org('Thuishulp De Klaproos', 'Lede', ['homecare', 'cleaning', 'oddJobs'], 'vzw'),
  org(
    'Woonzorgcentrum De Wingerd',
    'Aalst',
    ['nursingHome', 'shortStay', 'assisted', 'dementiaCafe', 'dayCare'],
    'vzw',
    { kbo: true },
  ),
  org('Woonzorgcentrum Ter Meersen', 'Denderleeuw', ['nursingHome', 'shortStay', 'assisted'], 'vzw'),
  org('Woonzorgcentrum Hof ter Mere', 'Mere', ['nursingHome', 'assisted', 'dayCare'], 'vzw'),
  org('Woonzorgcentrum De Vlasbloem', 'Haaltert', ['nursingHome', 'shortStay', 'dementiaCafe'], 'vzw'),
  org('Woonzorgcentrum Zonnegloed', 'Moorsel', ['nursingHome', 'dayCare', 'shortStay'], 'vzw'),
  org('Dagverzorgingscentrum De Zonnewijzer', 'Aalst', ['dayCare'], 'vzw'),
  org('Lokaal dienstencentrum Ter Dreef', 'Denderleeuw', ['serviceCentre', 'centreMeal', 'repair'], 'vzw'),
  org('Dienstencentrum Den Hoek', 'Haaltert', ['serviceCentre', 'centreMeal', 'visits', 'loneliness'], 'vzw'),
  org('Dienstencentrum ’t Pleintje', 'Lede', ['serviceCentre', 'centreMeal', 'repair', 'loneliness'], 'vzw'),
  org('Palliatief Netwerk Dender', 'Aalst', ['palliative', 'carerSupport'], 'vzw', { regional: true }),

  // Kinderen, gezinnen, jongeren
  org('Kinderdagverblijf De Speelboot', 'Aalst', ['childcare'], 'bv', { kbo: true }),
  org('Kinderopvang Kleine Stapjes', 'Aalst', ['childcare', 'afterSchool'], 'vzw'),
  org('Kinderdagverblijf Het Nestje', 'Denderleeuw', ['childcare'], 'bv'),
  org('Kinderdagverblijf Pimpernel', 'Haaltert', ['childcare'], 'bv'),
  org('Kinderdagverblijf ’t Kabouterhuis', 'Lede', ['childcare'], 'bv'),
  org('Kinderopvang De Vlindertuin', 'Erpe', ['childcare', 'afterSchool'], 'vzw'),
  org('KDV De Speelboot', 'Aalst', ['childcare'], 'bv', { duplicateOf: 'Kinderdagverblijf De Speelboot' }),
  org('Huis van het Kind Aalst', 'Aalst', ['wellBaby', 'parenting', 'playgroup'], 'vzw', {
    branches: ['Erembodegem', 'Herdersem'],
  }),
  org('Huis van het Kind Lede', 'Lede', ['wellBaby', 'playgroup', 'parenting'], 'vzw'),
  org('Huis van het Kind Haaltert', 'Haaltert', ['wellBaby', 'parenting'], 'vzw'),
  org('Huis van het Kind Erpe-Mere', 'Mere', ['wellBaby', 'parenting', 'playgroup'], 'vzw', {
    branches: ['Burst'],
  }),
  org('Jongerenwerking Spoor 9', 'Denderleeuw', ['youthOutreach', 'neighbourhood'], 'vzw'),
  org('Gezinsbegeleiding De Vuurtoren', 'Lede', ['familySupport', 'fosterCare'], 'vzw', { regional: true }),

  // Handicap
  org('Vzw De Kolibrie', 'Haaltert', ['disabilityDay', 'disabilityHousing'], 'vzw', { kbo: true }),
  org('Thuisbegeleiding Handicap Dender', 'Aalst', ['disabilityMobile', 'disabilityKids'], 'vzw', {
    regional: true,
  }),
  org('Woonvoorziening Het Vlot', 'Lede', ['disabilityHousing', 'adaptedTransport'], 'vzw'),

  // Ziekenfondsen
  org(
    'Solidair Ziekenfonds Dender',
    'Aalst',
    ['mutualSocial', 'careShop', 'mutualPrevention'],
    'ziekenfonds',
    {
      kbo: true,
      regional: true,
      branches: ['Lede'],
    },
  ),
  org('Ziekenfonds Samenhorig', 'Denderleeuw', ['mutualSocial', 'mutualPrevention'], 'ziekenfonds', {
    regional: true,
    branches: ['Erpe'],
  }),
  org('Ziekenfonds Vrije Dender', 'Erpe', ['mutualSocial', 'careShop'], 'ziekenfonds', { regional: true }),

  // Vrijwilligers, buurtwerk, armoede, nieuwkomers
  org('Vrijwilligerscentrale Lede', 'Lede', ['shopping', 'transport', 'visits'], 'vzw'),
  org('Buddywerking Samen Onderweg', 'Aalst', ['visits', 'respite'], 'vzw'),
  org('Buurtwerking De Wijk', 'Aalst', ['neighbourhood', 'languageCafe', 'repair'], 'vzw'),
  org('Buurthuis De Pit', 'Erembodegem', ['neighbourhood', 'repair'], 'vzw'),
  org('Voedselbank Dender', 'Aalst', ['foodBank'], 'vzw', { kbo: true, regional: true }),
  org('Sociale Kruidenier Het Mandje', 'Denderleeuw', ['grocery'], 'vzw', { kbo: true }),
  org('Sociale kruidenier ’t Mandje', 'Denderleeuw', ['grocery'], 'vzw', {
    duplicateOf: 'Sociale Kruidenier Het Mandje',
  }),
  org('Kledingbank Warm Hart', 'Haaltert', ['clothes'], 'vzw'),
  org('Ontmoetingshuis Zonder Drempel', 'Aalst', ['povertyGroup', 'foodBank', 'clothes'], 'vzw'),
  org('Sociaal Restaurant De Tafel', 'Lede', ['restaurant'], 'vzw'),
  org('Onthaalbureau Nieuwkomers Dender', 'Aalst', ['newcomers', 'languageCafe'], 'vzw', { regional: true }),
];

interface Place {
  postcode: string;
  place: string;
  nis: string;
  city: string;
  /** Approximate village centre; points are drawn around it and kept only inside the municipality. */
  lat: number;
  lon: number;
}

const AALST = '41002';
const DENDERLEEUW = '41011';
const HAALTERT = '41024';
const LEDE = '41034';
const ERPE_MERE = '41082';
const MUNICIPALITY_NAMES: Record<string, string> = {
  [AALST]: 'Aalst',
  [DENDERLEEUW]: 'Denderleeuw',
  [HAALTERT]: 'Haaltert',
  [LEDE]: 'Lede',
  [ERPE_MERE]: 'Erpe-Mere',
};

const PLACES: Place[] = (
  [
    ['9300', 'Aalst', AALST, 50.9378, 4.0403],
    ['9308', 'Gijzegem', AALST, 50.984, 4.064],
    ['9308', 'Hofstade', AALST, 50.985, 4.028],
    ['9310', 'Baardegem', AALST, 50.956, 4.138],
    ['9310', 'Herdersem', AALST, 50.97, 4.075],
    ['9310', 'Meldert', AALST, 50.943, 4.138],
    ['9310', 'Moorsel', AALST, 50.955, 4.104],
    ['9320', 'Erembodegem', AALST, 50.919, 4.053],
    ['9320', 'Nieuwerkerken', AALST, 50.925, 3.997],
    ['9470', 'Denderleeuw', DENDERLEEUW, 50.885, 4.074],
    ['9472', 'Iddergem', DENDERLEEUW, 50.874, 4.06],
    ['9473', 'Welle', DENDERLEEUW, 50.897, 4.047],
    ['9450', 'Haaltert', HAALTERT, 50.906, 4.0],
    ['9450', 'Denderhoutem', HAALTERT, 50.877, 4.01],
    ['9450', 'Heldergem', HAALTERT, 50.884, 3.962],
    ['9451', 'Kerksken', HAALTERT, 50.883, 3.978],
    ['9340', 'Lede', LEDE, 50.966, 3.984],
    ['9340', 'Impe', LEDE, 50.959, 3.955],
    ['9340', 'Oordegem', LEDE, 50.964, 3.9],
    ['9340', 'Smetlede', LEDE, 50.977, 3.936],
    ['9340', 'Wanzele', LEDE, 50.96, 3.972],
    ['9420', 'Erpe', ERPE_MERE, 50.938, 3.966],
    ['9420', 'Mere', ERPE_MERE, 50.923, 3.969],
    ['9420', 'Aaigem', ERPE_MERE, 50.889, 3.938],
    ['9420', 'Bambrugge', ERPE_MERE, 50.915, 3.928],
    ['9420', 'Burst', ERPE_MERE, 50.907, 3.921],
    ['9420', 'Erondegem', ERPE_MERE, 50.945, 3.95],
    ['9420', 'Ottergem', ERPE_MERE, 50.93, 3.946],
    ['9420', 'Vlekkem', ERPE_MERE, 50.94, 3.935],
  ] as const
).map(([postcode, place, nis, lat, lon]) => ({
  postcode,
  place,
  nis,
  city: place === MUNICIPALITY_NAMES[nis] ? place : `${place} (${MUNICIPALITY_NAMES[nis]})`,
  lat,
  lon,
}));

const STREETS = [
  'Kerkstraat',
  'Stationsstraat',
  'Molenstraat',
  'Nieuwstraat',
  'Schoolstraat',
  'Dorpsstraat',
  'Kouterstraat',
  'Beekstraat',
  'Lindenlaan',
  'Bosstraat',
  'Veldstraat',
  'Kapelstraat',
  'Meersstraat',
  'Hoogstraat',
  'Broekstraat',
  'Bergstraat',
  'Gemeenteplein',
  'Marktplein',
  'Populierenlaan',
  'Groenstraat',
  'Wilgenlaan',
  'Heirbaan',
  'Ringlaan',
  'Vijverstraat',
  'Hofstraat',
  'Akkerstraat',
  'Processieweg',
  'Pastorijstraat',
];

/** Belgian public holidays from the day of seeding on; most services are closed then. */
const HOLIDAYS: [string, string][] = [
  ['2026-12-25', 'Kerstmis'],
  ['2027-01-01', 'Nieuwjaar'],
  ['2027-03-29', 'Paasmaandag'],
  ['2027-05-01', 'Dag van de Arbeid'],
  ['2027-05-06', 'Onze-Lieve-Heer-Hemelvaart'],
  ['2027-05-17', 'Pinkstermaandag'],
  ['2027-07-21', 'Nationale feestdag'],
  ['2027-08-15', 'Onze-Lieve-Vrouw-Hemelvaart'],
  ['2027-11-01', 'Allerheiligen'],
  ['2027-11-11', 'Wapenstilstand'],
  ['2027-12-25', 'Kerstmis'],
];

/** Mulberry32, as in the network demo: the same map on every installation. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stable UUIDs (the HSDS API requires them): the same demo record has the same address everywhere. */
function demoId(key: string): string {
  const h = createHash('sha1').update(`knooppunt-demo:${key}`).digest('hex');
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A KBO enterprise number: 0 or 1, seven digits, and 97 minus the first eight modulo 97. */
export function kboNumber(firstEight: number): string {
  const base = firstEight % 20_000_000;
  return `${String(base).padStart(8, '0')}${String(97 - (base % 97)).padStart(2, '0')}`;
}

type Ring = [number, number][];

/** Even-odd rule over all rings (outer and holes) of a GeoJSON Polygon or MultiPolygon; coordinates lon/lat. */
export function insideGeometry(geometry: { type: string; coordinates: unknown }, lat: number, lon: number) {
  const polygons = (
    geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates]
  ) as Ring[][];
  let inside = false;
  for (const ring of polygons.flat()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

const slugOf = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Loads the demo social map and makes the network's demo partners directory organisations: each partner gets
 * the organisation of the same name as its organization_id and a row in directory_network_partners. Runs in
 * one transaction, then rebuilds the search index once.
 */
export async function seedDirectoryDemo(
  db: Kysely<PlatformTables>,
  slug: string,
  now: Date = new Date(),
): Promise<{ organizations: number; services: number }> {
  const d = directoryDb(db);
  const ctx = await resolveTenant(db, null, slug);
  const random = rng(3000);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const chance = (p: number) => random() < p;
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

  const shapes = await boundaryCollection(db, Object.keys(MUNICIPALITY_NAMES));
  const shapeOf = new Map(
    shapes.features.map((f) => [f.properties.nisCode, f.geometry as { type: string; coordinates: unknown }]),
  );
  const boxOf = new Map(
    [...shapeOf].map(([nis, g]) => {
      const pts = ((g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates]) as Ring[][]).flat(2);
      const lons = pts.map((p) => p[0]);
      const lats = pts.map((p) => p[1]);
      return [nis, [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)]] as const;
    }),
  );
  /** A point near the village centre, always inside the municipality (drawn again until it is). */
  const pointIn = (p: Place, spread: number): [number, number] => {
    const shape = shapeOf.get(p.nis);
    if (!shape) throw new Error(`No boundary for municipality ${p.nis}`);
    for (let i = 0; i < 200; i++) {
      const lat = p.lat + gauss() * spread;
      const lon = p.lon + gauss() * spread * 1.5;
      if (insideGeometry(shape, lat, lon)) return [round6(lat), round6(lon)];
    }
    const [minLat, maxLat, minLon, maxLon] = boxOf.get(p.nis)!;
    for (;;) {
      const lat = minLat + random() * (maxLat - minLat);
      const lon = minLon + random() * (maxLon - minLon);
      if (insideGeometry(shape, lat, lon)) return [round6(lat), round6(lon)];
    }
  };

  const placeByName = new Map(PLACES.map((p) => [p.place, p]));
  const placeOf = (name: string) => {
    const p = placeByName.get(name);
    if (!p) throw new Error(`Unknown demo place ${name}`);
    return p;
  };

  const existing = await d
    .selectFrom('directory_organizations')
    .select(['id', 'name'])
    .where('network_id', 'is', null)
    .where(
      'name',
      'in',
      ORGANIZATIONS.map((o) => o.name),
    )
    .execute();
  const existingByName = new Map(existing.map((o) => [o.name, o.id]));

  const at = now.toISOString();
  const today = isoDay(now);
  const rows = {
    directory_organizations: [] as Rows<'directory_organizations'>,
    directory_services: [] as Rows<'directory_services'>,
    directory_locations: [] as Rows<'directory_locations'>,
    directory_addresses: [] as Rows<'directory_addresses'>,
    directory_service_at_locations: [] as Rows<'directory_service_at_locations'>,
    directory_phones: [] as Rows<'directory_phones'>,
    directory_schedules: [] as Rows<'directory_schedules'>,
    directory_schedule_exceptions: [] as Rows<'directory_schedule_exceptions'>,
    directory_languages: [] as Rows<'directory_languages'>,
    directory_cost_options: [] as Rows<'directory_cost_options'>,
    directory_service_areas: [] as Rows<'directory_service_areas'>,
    directory_service_capacities: [] as Rows<'directory_service_capacities'>,
    directory_attributes: [] as Rows<'directory_attributes'>,
    directory_identifiers: [] as Rows<'directory_identifiers'>,
    directory_translations: [] as Rows<'directory_translations'>,
  };
  /** Assurance dates spread over the last two years: about half are older than a year. */
  const assured = () => isoDay(new Date(now.getTime() - Math.floor(random() * 730) * 86_400_000));
  const owned = (assuredDate: string | null) => ({
    network_id: null,
    published: 1,
    is_demo: 1,
    assured_date: assuredDate,
    assured_by: null,
    created_at: at,
    updated_at: at,
  });
  const attribute = (linkId: string, entity: string, termId: string) =>
    rows.directory_attributes.push({
      id: demoId(`attribute:${linkId}:${termId}`),
      link_id: linkId,
      link_type: null,
      link_entity: entity,
      taxonomy_term_id: termId,
      value: null,
      label: null,
    });
  const translate = (entity: string, id: string, field: string, lang: string, value: string) =>
    rows.directory_translations.push({
      entity_type: entity,
      entity_id: id,
      field,
      lang,
      value,
      source: 'manual',
      updated_at: at,
    });
  const phoneNumber = () =>
    `053 ${String(20 + Math.floor(random() * 79))} ${String(Math.floor(random() * 100)).padStart(2, '0')} ${String(Math.floor(random() * 100)).padStart(2, '0')}`;

  interface Made {
    id: string;
    phone: string;
    email: string;
    website: string;
    locations: { id: string; place: Place; address: string; lat: number; lon: number }[];
  }
  const made = new Map<string, Made>();
  const orgIds = new Map<string, string>();
  let serviceCount = 0;

  for (const [index, o] of ORGANIZATIONS.entries()) {
    const reused = existingByName.get(o.name);
    if (reused) {
      orgIds.set(o.name, reused);
      continue;
    }
    const original = o.duplicateOf ? made.get(o.duplicateOf) : undefined;
    const id = demoId(`organization:${index}`);
    orgIds.set(o.name, id);
    const domain = `${slugOf(o.name)}.example`;
    const m: Made = {
      id,
      // A duplicate was entered from the same letterhead: same phone and e-mail, a slightly different name.
      phone: original?.phone ?? phoneNumber(),
      email: original?.email ?? `info@${domain}`,
      website: original?.website ?? `https://www.${domain}`,
      locations: [],
    };
    made.set(o.name, m);
    const offerNames = o.offers
      .map((k) => OFFERS[k]!.nl[0].replace(/ ?\{place\}| – \{org\}|\{org\}(: )?/g, ''))
      .filter((n) => n !== '');
    const main = placeOf(o.place);
    rows.directory_organizations.push({
      id,
      name: o.name,
      alternate_name: null,
      description: `${o.name} (${MUNICIPALITY_NAMES[main.nis]}): ${offerNames.join(', ').toLowerCase()}. Fictieve organisatie uit de demogegevens.`,
      email: m.email,
      website: m.website,
      legal_status: o.legal,
      parent_organization_id: null,
      ...owned(assured()),
    });
    if (chance(0.4))
      translate(
        'organization',
        id,
        'description',
        'en',
        `${o.name} (${MUNICIPALITY_NAMES[main.nis]}): fictional organisation of the demo data.`,
      );
    if (o.kbo)
      rows.directory_identifiers.push({
        id: demoId(`kbo:${index}`),
        entity_type: 'organization',
        entity_id: id,
        scheme: 'kbo',
        identifier: kboNumber(Math.floor(random() * 20_000_000)),
      });
    rows.directory_phones.push({
      id: demoId(`org-phone:${index}`),
      organization_id: id,
      service_id: null,
      location_id: null,
      contact_id: null,
      service_at_location_id: null,
      number: m.phone,
      extension: null,
      type: 'voice',
      description: null,
    });

    for (const [li, placeName] of [o.place, ...(o.branches ?? [])].entries()) {
      const place = placeOf(placeName);
      const locationId = demoId(`location:${index}:${li}`);
      const fromOriginal = li === 0 ? original?.locations[0] : undefined;
      // The home-nursing partner sits in the centre of Aalst: the browser tests search for it near 9300.
      const [lat, lon] = fromOriginal
        ? pointNear(fromOriginal, shapeOf.get(place.nis)!)
        : o.name === 'Thuisverpleging De Bron'
          ? pointIn(place, 0.001)
          : pointIn(place, place.nis === AALST && place.place === 'Aalst' ? 0.007 : 0.004);
      const address = fromOriginal?.address ?? `${pick(STREETS)} ${1 + Math.floor(random() * 160)}`;
      m.locations.push({ id: locationId, place, address, lat, lon });
      rows.directory_locations.push({
        id: locationId,
        organization_id: id,
        location_type: 'physical',
        name: li === 0 ? o.name : `${o.name} – ${place.place}`,
        alternate_name: null,
        description: null,
        transportation: chance(0.5) ? `Bushalte op ${1 + Math.floor(random() * 6) * 50} m.` : null,
        latitude: lat,
        longitude: lon,
        nis_code: place.nis,
        ...owned(null),
      });
      rows.directory_addresses.push({
        id: demoId(`address:${index}:${li}`),
        location_id: locationId,
        attention: null,
        address_1: address,
        address_2: null,
        city: place.place,
        region: null,
        state_province: 'Oost-Vlaanderen',
        postal_code: place.postcode,
        country: 'BE',
        address_type: 'physical',
      });
      for (const term of ['rolstoel', 'parking', 'toilet', 'ringleiding'])
        if (chance(term === 'ringleiding' ? 0.1 : 0.45))
          attribute(locationId, 'location', `accessibility-${term}`);
    }

    for (const [si, key] of o.offers.entries()) {
      const offer = OFFERS[key]!;
      const serviceId = demoId(`service:${index}:${si}`);
      serviceCount++;
      const fill = (s: string) => s.replace('{place}', main.place).replace('{org}', o.name);
      const name = fill(offer.nl[0]);
      const assuredDate = assured();
      const capacity = offer.capacity;
      const waiting = capacity && chance(0.6) ? 2 + Math.floor(random() * 40) : null;
      rows.directory_services.push({
        id: serviceId,
        organization_id: id,
        name,
        alternate_name: null,
        description: offer.nl[1],
        url: chance(0.6) ? `${m.website}/${slugOf(offer.nl[0].replace('{place}', ''))}` : null,
        email: chance(0.5) ? m.email : null,
        status: 'active',
        interpretation_services: offer.languages?.length ? 'Tolk op aanvraag via het sociaal tolken.' : null,
        application_process: offer.apply ?? (chance(0.5) ? 'Bel of mail voor een afspraak.' : null),
        fees_description: offer.feeText ?? (offer.fee === 0 ? 'Gratis.' : null),
        wait_time: waiting ? `Ongeveer ${Math.max(1, Math.round(waiting / 4))} weken.` : null,
        eligibility_description: offer.eligibility ?? (offer.age ? ageText(offer.age) : null),
        minimum_age: offer.age?.[0] ?? null,
        maximum_age: offer.age?.[1] ?? null,
        alert: null,
        assurer_email: m.email,
        ...owned(assuredDate),
      });
      for (const [hi, [byday, opens, closes]] of (HOURS[offer.hours] as Slot[]).entries())
        rows.directory_schedules.push(
          repo.weeklySchedule({
            id: demoId(`schedule:${serviceId}:${hi}`),
            service_id: serviceId,
            byday,
            opens_at: opens,
            closes_at: closes,
          }),
        );
      if (offer.holidays !== false) {
        for (const [date, reason] of HOLIDAYS)
          if (date >= today)
            rows.directory_schedule_exceptions.push({
              id: demoId(`holiday:${serviceId}:${date}`),
              service_id: serviceId,
              date_from: date,
              date_to: date,
              closed: 1,
              opens_at: null,
              closes_at: null,
              reason,
            });
        if (chance(0.3) && today <= '2026-12-24')
          rows.directory_schedule_exceptions.push({
            id: demoId(`eve:${serviceId}`),
            service_id: serviceId,
            date_from: '2026-12-24',
            date_to: '2026-12-24',
            closed: 0,
            opens_at: '09:00',
            closes_at: '12:00',
            reason: 'Kerstavond: enkel in de voormiddag',
          });
        if (chance(0.15))
          rows.directory_schedule_exceptions.push({
            id: demoId(`summer:${serviceId}`),
            service_id: serviceId,
            date_from: '2027-07-26',
            date_to: '2027-08-08',
            closed: 1,
            opens_at: null,
            closes_at: null,
            reason: 'Jaarlijks verlof',
          });
      }
      for (const code of ['nl', ...(offer.languages ?? []).filter(() => chance(0.6))])
        rows.directory_languages.push({
          id: demoId(`language:${serviceId}:${code}`),
          service_id: serviceId,
          location_id: null,
          phone_id: null,
          name: null,
          code,
          note: null,
        });
      rows.directory_cost_options.push({
        id: demoId(`cost:${serviceId}`),
        service_id: serviceId,
        valid_from: null,
        valid_to: null,
        option: offer.fee === 0 ? 'Gratis' : 'Betalend',
        currency: 'EUR',
        amount: offer.fee,
        amount_description: offer.feeText ?? null,
      });
      const areas = o.regional ? Object.keys(MUNICIPALITY_NAMES) : [main.nis];
      for (const nis of areas)
        rows.directory_service_areas.push({
          id: demoId(`area:${serviceId}:${nis}`),
          service_id: serviceId,
          service_at_location_id: null,
          name: MUNICIPALITY_NAMES[nis]!,
          description: null,
          extent: null,
          extent_type: null,
          uri: null,
          nis_code: nis,
        });
      if (capacity)
        rows.directory_service_capacities.push({
          id: demoId(`capacity:${serviceId}`),
          service_id: serviceId,
          unit: capacity.unit,
          available: waiting ? 0 : Math.floor(random() * (capacity.max + 1)),
          maximum: null,
          waiting_list: waiting,
          description: null,
          updated: assuredDate,
        });
      rows.directory_phones.push({
        id: demoId(`phone:${serviceId}`),
        organization_id: null,
        service_id: serviceId,
        location_id: null,
        contact_id: null,
        service_at_location_id: null,
        number: m.phone,
        extension: null,
        type: 'voice',
        description: null,
      });
      for (const loc of m.locations)
        rows.directory_service_at_locations.push({
          id: demoId(`sal:${serviceId}:${loc.id}`),
          service_id: serviceId,
          location_id: loc.id,
          description: null,
        });
      if (offer.rubric) attribute(serviceId, 'service', `rubric-${offer.rubric}`);
      attribute(serviceId, 'service', `sector-${offer.sector}`);
      for (const g of offer.groups) attribute(serviceId, 'service', `target-group-${g}`);
      if (offer.aim) attribute(serviceId, 'service', `quintuple-aim-${offer.aim}`);
      // Most services with a translation have both; some only French or only English.
      const withFr = offer.fr && chance(0.75);
      const withEn = offer.en && chance(0.75);
      if (withFr && offer.fr) {
        translate('service', serviceId, 'name', 'fr', fill(offer.fr[0]));
        translate('service', serviceId, 'description', 'fr', offer.fr[1]);
      }
      if (withEn && offer.en) {
        translate('service', serviceId, 'name', 'en', fill(offer.en[0]));
        translate('service', serviceId, 'description', 'en', offer.en[1]);
      }
    }
  }

  await inTransaction(db, async (trx) => {
    const t = directoryDb(trx);
    for (const [table, list] of Object.entries(rows) as [keyof typeof rows, Rows<keyof typeof rows>][])
      await repo.insertRows(t, table, list as never);

    const partners = await listPartners(trx, ctx);
    const adminCtx = { ...ctx, role: 'admin' as const };
    const links: Rows<'directory_network_partners'> = [];
    for (const p of partners) {
      const organizationId = orgIds.get(p.name);
      if (!organizationId) continue;
      if (p.organizationId !== organizationId)
        await updatePartner(trx, adminCtx, SYSTEM_ACTOR, p.id, { organizationId });
      links.push({
        network_id: ctx.network.id,
        organization_id: organizationId,
        status: 'partner',
        since: null,
        until: null,
        created_at: at,
      });
    }
    const linked = new Set(
      (
        await t
          .selectFrom('directory_network_partners')
          .select('organization_id')
          .where('network_id', '=', ctx.network.id)
          .execute()
      ).map((r) => r.organization_id),
    );
    await repo.insertRows(
      t,
      'directory_network_partners',
      links.filter((l) => !linked.has(l.organization_id)),
    );
    // One entry for the whole load rather than one per demo record: it says what was loaded and for whom.
    await auditTenantWrite(trx, ctx, SYSTEM_ACTOR, 'directory.demo_loaded', 'network', ctx.network.id, null, {
      organizations: rows.directory_organizations.length,
      services: serviceCount,
      partners: links.length,
    });
  });
  await rebuildIndex(db);
  return { organizations: rows.directory_organizations.length, services: serviceCount };
}

/** Eligibility by age in words, as partners write it. */
function ageText([min, max]: [number | null, number | null]): string | null {
  if (min !== null && max !== null) return min === 0 ? `Tot ${max} jaar.` : `Van ${min} tot ${max} jaar.`;
  if (min !== null) return `Vanaf ${min} jaar.`;
  return max !== null ? `Tot ${max} jaar.` : null;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** A second entry of the same address: a few metres off, as when a different geocoder placed it. */
function pointNear(
  loc: { lat: number; lon: number },
  shape: { type: string; coordinates: unknown },
): [number, number] {
  const lat = round6(loc.lat + 0.00008);
  const lon = round6(loc.lon - 0.00011);
  return insideGeometry(shape, lat, lon) ? [lat, lon] : [loc.lat, loc.lon];
}
