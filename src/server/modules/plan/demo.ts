import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../platform/audit.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import * as networks from '../networks/service.ts';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportDocument,
  importPlans,
  type PlanDocument,
} from './exchange.ts';
import * as repo from './repo.ts';
import type { Localized } from './schema.ts';
import { syncFigures } from './service.ts';

/**
 * Demo plans, written as an export document and loaded through the importer, so that the demo passes the
 * same checks as any import.
 *
 * - ELZ Regio Aalst: the real structure of its policy plan 2024–2026 (seed 001): five pillars, each with
 *   its strategic goal and operational goals, and the actions of 2025. The seed lists the 2025 actions per
 *   pillar only; which operational goal an action serves is our reading. Owners are the fictional demo
 *   users; indicator values and statuses are invented for the demo.
 * - Zorginnovatiecluster: Streekplatform Kempen's action programme "Welzijn en zorg" (seed 003) in the SMART
 *   template, flagged as an example plan (Kempen is not a demo network of its own).
 */

const STAFF = 'medewerker@demo.knooppunt.be';
const ADMIN = 'beheerder@demo.knooppunt.be';
const PARTNER = 'partner@demo.knooppunt.be';
const CREATED = '2024-01-15T09:00:00.000Z';

const nl = (text: string): Localized => ({ nl: text, fr: null, en: null });

type NodeDoc = PlanDocument['nodes'][number];
type Aim = NodeDoc['aims'][number];

class PlanBuilder {
  readonly doc: PlanDocument;
  private positions = new Map<string | null, number>();

  constructor(plan: PlanDocument['plan']) {
    this.doc = {
      plan,
      nodes: [],
      statusHistory: [],
      links: [],
      attachments: [],
      indicators: [],
      targets: [],
      measurements: [],
      requests: [],
    };
  }

  node(
    id: string,
    parentId: string | null,
    code: string | null,
    title: string,
    more: Partial<Omit<NodeDoc, 'id' | 'parentId' | 'code' | 'title'>> = {},
  ) {
    const position = this.positions.get(parentId) ?? 0;
    this.positions.set(parentId, position + 1);
    this.doc.nodes.push({
      id,
      parentId,
      position,
      code,
      title: nl(title),
      description: null,
      owner: null,
      leadPartner: null,
      partners: [],
      coreGroup: [],
      startDate: null,
      endDate: null,
      weight: null,
      progress: null,
      status: null,
      statusOn: null,
      statusNote: null,
      budgetPlanned: null,
      budgetSpent: null,
      staffHoursPlanned: null,
      staffHoursSpent: null,
      aims: [],
      tags: [],
      smart: null,
      createdAt: CREATED,
      updatedAt: CREATED,
      deleted: null,
      ...more,
    });
    return id;
  }

  /** Status history of a node; the last entry becomes its current status. */
  status(nodeId: string, entries: [NodeDoc['status'] & string, string, string][]) {
    const node = this.doc.nodes.find((n) => n.id === nodeId)!;
    for (const [status, on, note] of entries) {
      this.doc.statusHistory.push({
        id: `${nodeId}-s-${on}`,
        nodeId,
        status,
        on,
        note,
        setBy: node.owner ?? STAFF,
        setAt: `${on}T16:00:00.000Z`,
      });
      Object.assign(node, { status, statusOn: on, statusNote: note });
    }
  }

  indicator(
    id: string,
    nodeId: string,
    kind: PlanDocument['indicators'][number]['kind'],
    title: string,
    unit: string,
    more: Partial<PlanDocument['indicators'][number]> = {},
  ) {
    const position = this.doc.indicators.filter((i) => i.nodeId === nodeId).length;
    this.doc.indicators.push({
      id,
      nodeId,
      position,
      kind,
      title: nl(title),
      description: null,
      unit,
      polarity: 'up',
      frequency: 'yearly',
      baselineValue: null,
      baselineOn: null,
      figure: null,
      createdAt: CREATED,
      updatedAt: CREATED,
      deleted: null,
      ...more,
    });
    return id;
  }

  targets(indicatorId: string, list: [string, string, number][]) {
    for (const [periodStart, periodEnd, value] of list)
      this.doc.targets.push({
        id: `${indicatorId}-t-${periodStart}`,
        indicatorId,
        periodStart,
        periodEnd,
        value,
      });
  }

  measurements(indicatorId: string, list: [string, number, string][], enteredBy = STAFF) {
    for (const [measuredOn, value, source] of list) {
      this.doc.measurements.push({
        id: `${indicatorId}-m-${measuredOn}`,
        indicatorId,
        measuredOn,
        value,
        source,
        enteredBy,
        enteredAt: `${measuredOn}T12:00:00.000Z`,
        requestId: null,
        deleted: null,
      });
    }
  }

  link(from: string, to: string, note: string) {
    this.doc.links.push({ id: `${from}->${to}`, fromNodeId: from, toNodeId: to, note, createdAt: CREATED });
  }
}

function aalstPlan(): PlanDocument {
  const b = new PlanBuilder({
    id: 'elz-aalst-2024-2026',
    kind: 'policy_plan',
    title: {
      nl: 'Beleidsplan Zorgraad Regio Aalst 2024–2026',
      fr: 'Plan stratégique du conseil de soins de la Région d’Alost 2024–2026',
      en: 'Policy plan of the Aalst Region care council 2024–2026',
    },
    description: nl(
      'Samen nemen we verantwoordelijkheid voor de gezondheid en het welzijn van iedereen. Vier inhoudelijke en één bestuurlijke strategische doelstelling, met operationele doelstellingen en jaarlijkse acties. Waarden: samenwerking, verantwoordelijkheid, inclusie.',
    ),
    periodStart: '2024-01-01',
    periodEnd: '2026-12-31',
    levelNames: [
      { nl: 'Pijler', fr: 'Pilier', en: 'Pillar' },
      { nl: 'Strategische doelstelling', fr: 'Objectif stratégique', en: 'Strategic goal' },
      { nl: 'Operationele doelstelling', fr: 'Objectif opérationnel', en: 'Operational goal' },
      { nl: 'Actie', fr: 'Action', en: 'Action' },
    ],
    actionLevel: 3,
    statusRules: { onTrackAt: 100, atRiskAt: 90 },
    published: true,
    isExample: false,
    createdAt: CREATED,
    updatedAt: CREATED,
  });
  const y2025 = { startDate: '2025-01-01', endDate: '2025-12-31' };
  const action = (
    id: string,
    od: string,
    title: string,
    owner: string,
    progress: number,
    aims: Aim[],
    more: Partial<NodeDoc> = {},
  ) => b.node(id, od, null, title, { owner, progress, aims, ...y2025, ...more });

  const p1 = b.node('p1', null, 'P1', 'Zorgraad Regio Aalst als organisatienetwerk');
  const sd1 = b.node(
    'sd1',
    p1,
    'SD1',
    'ELZ Regio Aalst functioneert als een open organisatienetwerk op vlak van gezondheidszorg en welzijn',
    {
      description: nl(
        'ELZRA, momenteel een netwerkorganisatie, streeft ernaar zich te ontwikkelen tot een organisatienetwerk. De ELZ fungeert als primair te contacteren en te betrekken partner m.b.t. gezondheidszorg en welzijn.',
      ),
      owner: STAFF,
    },
  );
  const od11 = b.node(
    'od1-1',
    sd1,
    'OD1.1',
    'Beschikken over een actueel en globaal overzicht van zorg- en welzijn(spartners)',
  );
  const od12 = b.node(
    'od1-2',
    sd1,
    'OD1.2',
    'Functioneren als spilfiguur in het zorg- en welzijnsnetwerk in regio Aalst',
  );
  const od13 = b.node('od1-3', sd1, 'OD1.3', 'Clusterwerking versterken');
  const od14 = b.node(
    'od1-4',
    sd1,
    'OD1.4',
    'Realiseren van een positief netwerkklimaat met als centrale waarden vertrouwen en respect',
  );
  const sociaal = action('a-sociale-kaart', od11, 'Sociale kaart', STAFF, 70, ['care_experience'], {
    tags: [{ kind: 'theme', value: 'sociale kaart' }],
  });
  const stakeholders = action('a-netwerkanalyse', od12, 'Stakeholders- en netwerkanalyse', STAFF, 60, [
    'care_experience',
  ]);
  const connecties = action('a-connecties', od12, 'Leggen van connecties tussen partners', STAFF, 80, [
    'care_experience',
  ]);
  action('a-signalen', od12, 'Signalenbeleid', STAFF, 40, ['health_equity'], {
    tags: [{ kind: 'theme', value: 'signalen' }],
  });
  action(
    'a-personeelstekort',
    od12,
    'Personeelstekort zorg en welzijn',
    STAFF,
    20,
    ['care_worker_wellbeing'],
    {
      tags: [{ kind: 'sector', value: 'zorg en welzijn' }],
    },
  );
  action('a-projectwerking', od13, 'Initiëren van samenwerking en projectwerking', STAFF, 50, [
    'care_experience',
  ]);
  action('a-trends', od13, 'Trends en goede praktijkvoorbeelden', STAFF, 65, ['better_health']);
  const vertrouwen = action(
    'a-vertrouwen',
    od14,
    'Vertrouwen en respect: netwerkmogelijkheden',
    STAFF,
    30,
    ['care_worker_wellbeing'],
    {
      description: nl(
        'We verkennen wat vertrouwen en respect betekenen voor de netwerkpartners, welke voorwaarden zij koppelen aan samenwerken vanuit die waarden, en of methodieken bestaan die we in de netwerkevenementen (infolunch, netwerklunch, lunchwebinar, clusteroverleg) kunnen inzetten.',
      ),
    },
  );

  const p2 = b.node('p2', null, 'P2', 'Geïntegreerde hulp- en dienstverlening');
  const sd2 = b.node('sd2', p2, 'SD2', 'Bouwen aan geïntegreerde hulp- en dienstverlening', {
    description: nl('Tot meer geïntegreerde hulp- en dienstverlening komen in de regio.'),
    owner: STAFF,
  });
  const od21 = b.node(
    'od2-1',
    sd2,
    'OD2.1',
    'Vergroten van de kennis en expertise m.b.t. geïntegreerde hulp- en dienstverlening bij de medewerkers en het bestuursorgaan',
  );
  const od22 = b.node(
    'od2-2',
    sd2,
    'OD2.2',
    'Aan de hand van de resultaten van de Scirocco-tool: uitstippelen van een proces ter bevordering van geïntegreerde hulp- en dienstverlening',
  );
  const od23 = b.node(
    'od2-3',
    sd2,
    'OD2.3',
    'Bestendiging (door o.a. een coördinerende rol op te nemen) van bestaande tools en projecten ter bevordering van geïntegreerde hulp- en dienstverlening',
  );
  action('a-denktank', od21, 'Denktank', ADMIN, 75, ['care_experience']);
  const bouwstenen = action('a-bouwstenen', od22, 'Bouwstenen voor GHD', STAFF, 45, ['care_experience'], {
    description: nl(
      'Samen met het bestuursorgaan en de partners één of meer acties vormgeven, met de inzichten van de denktank, de Scirocco-workshops en de omgevingsanalyse als kader.',
    ),
  });
  action('a-ouderenzorg', od23, 'Ouderenzorg', STAFF, 55, ['better_health'], {
    tags: [{ kind: 'target_group', value: 'ouderen' }],
  });
  action('a-ontslag', od23, 'Opname- en ontslagbeleid', STAFF, 35, ['care_experience']);
  action('a-lco', od23, 'Lokaal cliëntoverleg', STAFF, 60, ['care_experience']);
  const gbo = action('a-gbo', od23, 'Geïntegreerd breed onthaal', STAFF, 50, ['health_equity']);

  const p3 = b.node('p3', null, 'P3', 'PZON, burgers en mantelzorgers centraal');
  const sd3 = b.node(
    'sd3',
    p3,
    'SD3',
    'In alles wat de zorgraad doet, staan de burger, persoon met een zorg- en/of ondersteuningsnood en mantelzorger centraal',
    {
      description: nl(
        'Personen met een zorg- en/of ondersteuningsnood, burgers en mantelzorgers centraal stellen in deze ELZ door actieve participatie en co-creatie.',
      ),
      owner: STAFF,
    },
  );
  const od31 = b.node(
    'od3-1',
    sd3,
    'OD3.1',
    'Participatie van en co-creatie met burgers, personen met een zorg- en/of ondersteuningsnood en mantelzorgers aan de zorgraad op beleidsmatig en operationeel vlak',
  );
  b.node(
    'od3-2',
    sd3,
    'OD3.2',
    'Omslag naar persoons- en doelgerichte zorg stimuleren opdat de levensdoelen en wensen van de PZON centraal staan in de hulp- en dienstverlening',
  );
  const od33 = b.node(
    'od3-3',
    sd3,
    'OD3.3',
    'Versterken van (digitale) gezondheidsvaardigheden bij burgers, PZON en mantelzorgers zodat ze de regie over het zorg- en welzijnsproces kunnen opnemen',
  );
  const klankbord = action(
    'a-klankbord',
    od31,
    'Klankbordgroep PZON',
    STAFF,
    70,
    ['care_experience', 'health_equity'],
    {
      tags: [
        { kind: 'target_group', value: 'PZON' },
        { kind: 'target_group', value: 'mantelzorgers' },
      ],
    },
  );
  action('a-zorgpas', od33, 'De Zorgpas', STAFF, 25, ['care_experience']);

  const p4 = b.node('p4', null, 'P4', 'Preventie en geestelijke gezondheid');
  const sd4 = b.node(
    'sd4',
    p4,
    'SD4',
    'Inzetten op preventie en geestelijke gezondheidszorg met als doel een hoger welzijn en betere gezondheid voor de inwoners',
    {
      description: nl(
        'Op basis van de omgevingsanalyse zet de ELZ extra in op de thema’s preventie en geestelijke gezondheid.',
      ),
      owner: STAFF,
    },
  );
  const od41 = b.node(
    'od4-1',
    sd4,
    'OD4.1',
    'Versterken van het lokale aanbod preventie in samenwerking met Logo Dender',
    { weight: 60 },
  );
  const od42 = b.node('od4-2', sd4, 'OD4.2', 'Versterken van het lokale aanbod geestelijke gezondheidszorg', {
    weight: 40,
  });
  action(
    'a-helikopter',
    od41,
    'Helikopteroverzicht van het preventief aanbod',
    STAFF,
    85,
    ['better_health'],
    {
      partners: ['Gezondheidsmakers'],
    },
  );
  const screening = action(
    'a-screening',
    od41,
    'Preventieve kankerscreenings (bevolkingsonderzoeken)',
    STAFF,
    40,
    ['better_health', 'health_equity'],
    {
      description: nl(
        'Uit de omgevingsanalyse blijkt dat de inwoners minder deelnemen aan de bevolkingsonderzoeken baarmoederhalskanker, dikkedarmkanker en borstkanker. Samen met enkele lokale besturen informeren en motiveren we gericht bepaalde doelgroepen.',
      ),
      partners: ['Lokale besturen'],
      budgetPlanned: 4000,
      budgetSpent: 1500,
      staffHoursPlanned: 120,
      staffHoursSpent: 70,
    },
  );
  const val = action(
    'a-valpreventie',
    od41,
    'Val- en fractuurpreventie',
    PARTNER,
    30,
    ['better_health', 'lower_cost'],
    {
      tags: [{ kind: 'target_group', value: 'ouderen' }],
      startDate: '2025-01-01',
      endDate: '2026-12-31',
    },
  );
  action('a-mondhygiene', od41, 'Actie mondhygiëne bij kinderen', STAFF, 90, ['better_health'], {
    tags: [{ kind: 'target_group', value: 'kinderen' }],
  });
  action('a-halt2diabetes', od41, 'Halt2Diabetes', STAFF, 50, ['better_health', 'lower_cost']);
  action('a-ggz', od42, 'GGZ: denkdag verslavingszorg', STAFF, 100, ['better_health'], {
    tags: [{ kind: 'sector', value: 'geestelijke gezondheidszorg' }],
  });

  const p5 = b.node(
    'p5',
    null,
    'P5',
    'Zorgraad Regio Aalst als dynamische, open en goed bestuurde organisatie',
  );
  const sd5 = b.node('sd5', p5, 'SD5', 'De zorgraad is een open, dynamische en goed bestuurde organisatie', {
    description: nl(
      'Om een krachtige, wendbare organisatie te zijn, wordt ingezet op verdere professionalisering van de VZW. De leidende principes hierbij zijn: efficiënt, effectief en goed bestuur.',
    ),
    owner: ADMIN,
  });
  const od51 = b.node(
    'od5-1',
    sd5,
    'OD5.1',
    'Doorlopen van een proces om de verschillende entiteiten (dagelijks bestuur, bestuursorgaan, Algemene Vergadering, forum en clusters) maximaal op elkaar af te stemmen',
  );
  b.node(
    'od5-2',
    sd5,
    'OD5.2',
    'De cluster welzijn uitbreiden met lokale voorzieningen erkend, vergund of gesubsidieerd door VAPH en Agentschap Opgroeien',
  );
  const od53 = b.node(
    'od5-3',
    sd5,
    'OD5.3',
    'Zorgraad Regio Aalst voldoet aan de principes van goed bestuur: implementatie van een plan van aanpak',
  );
  action('a-communicatie', od51, 'Opvolgen van communicatie', STAFF, 60, ['care_experience']);
  action('a-kwaliteit', od53, 'Kwaliteitsbeleid', ADMIN, 45, ['care_worker_wellbeing']);

  b.status(sociaal, [['on_track', '2025-03-31', 'Partners actualiseren hun fiches volgens planning.']]);
  b.status(stakeholders, [
    ['on_track', '2025-02-28', 'Vragenlijst verstuurd naar alle partners.'],
    [
      'at_risk',
      '2025-09-30',
      'Respons van de sector ouderenzorg blijft laag; extra oproep via het clusteroverleg.',
    ],
  ]);
  b.status(vertrouwen, [
    [
      'off_track',
      '2025-10-15',
      'Verkenning uitgesteld tot na de denkdag; eerste gesprekken pas in het najaar.',
    ],
  ]);
  b.status(screening, [['on_track', '2025-04-30', 'Twee gemeenten engageren zich voor de infosessies.']]);
  b.status(val, [['on_track', '2025-03-15', 'Programma gestart met de thuisverpleging.']]);
  b.status('a-ggz', [['done', '2025-11-20', 'Denkdag verslavingszorg gehouden met 64 deelnemers.']]);

  b.link(sociaal, gbo, 'De sociale kaart voedt het breed onthaal.');
  b.link(stakeholders, vertrouwen, 'De netwerkanalyse toont waar vertrouwen ontbreekt.');
  b.link(klankbord, bouwstenen, 'De klankbordgroep toetst de bouwstenen.');
  b.link(connecties, 'a-projectwerking', 'Connecties leiden tot projecten.');

  const bov = b.indicator(
    'i-bov',
    sd4,
    'population',
    'Deelname aan het bevolkingsonderzoek dikkedarmkanker',
    '%',
    {
      description: nl('Aandeel van de uitgenodigde inwoners (50–74 jaar) dat deelneemt. Demowaarden.'),
      baselineValue: 47,
      baselineOn: '2023-12-31',
    },
  );
  b.targets(bov, [
    ['2024-01-01', '2024-12-31', 48],
    ['2025-01-01', '2025-12-31', 50],
    ['2026-01-01', '2026-12-31', 52],
  ]);
  b.measurements(bov, [
    ['2024-12-31', 48.2, 'Centrum voor Kankeropsporing (demowaarde)'],
    ['2025-12-31', 46.1, 'Centrum voor Kankeropsporing (demowaarde)'],
  ]);
  b.indicator('i-65plus', sd3, 'population', 'Aandeel 65-plussers in de regio', '%', {
    description: nl('Uit de bevolkingscijfers van het platform (Statbel).'),
    figure: 'share65plus',
    polarity: 'down',
  });
  const sessies = b.indicator(
    'i-infosessies',
    screening,
    'how_much',
    'Infosessies over kankerscreening in gemeenten',
    'sessies',
  );
  b.targets(sessies, [['2025-01-01', '2025-12-31', 5]]);
  b.measurements(sessies, [
    ['2025-06-30', 2, 'Registratie ELZ'],
    ['2025-11-30', 5, 'Registratie ELZ'],
  ]);
  const fiches = b.indicator('i-fiches', sociaal, 'how_well', 'Partnerfiches jonger dan 12 maanden', '%', {
    frequency: 'quarterly',
  });
  b.targets(fiches, [['2025-01-01', '2025-12-31', 80]]);
  b.measurements(fiches, [
    ['2025-03-31', 61, 'Sociale kaart'],
    ['2025-09-30', 84, 'Sociale kaart'],
  ]);
  const gehoord = b.indicator(
    'i-gehoord',
    klankbord,
    'better_off',
    'Leden van de klankbordgroep die zich gehoord voelen',
    '%',
  );
  b.targets(gehoord, [['2025-01-01', '2025-12-31', 75]]);
  b.measurements(gehoord, [['2025-11-30', 71, 'Bevraging klankbordgroep']]);
  const samenwerkingen = b.indicator(
    'i-samenwerkingen',
    connecties,
    'how_much',
    'Nieuwe samenwerkingen tussen partners',
    'samenwerkingen',
  );
  b.targets(samenwerkingen, [['2025-01-01', '2025-12-31', 6]]);
  b.measurements(samenwerkingen, [['2025-12-15', 6, 'Netwerkregister']]);
  const deelnemers = b.indicator(
    'i-valpreventie',
    val,
    'how_much',
    'Deelnemers aan het valpreventieprogramma',
    'deelnemers',
    {
      frequency: 'half_yearly',
    },
  );
  b.targets(deelnemers, [
    ['2025-01-01', '2025-12-31', 80],
    ['2026-01-01', '2026-12-31', 120],
  ]);
  b.measurements(deelnemers, [['2025-12-31', 84, 'Opgave thuisverpleging']], PARTNER);
  b.doc.requests.push({
    id: 'r-valpreventie-2026',
    indicatorId: deelnemers,
    requestedFrom: PARTNER,
    requestedBy: STAFF,
    requestedAt: '2026-09-15T09:00:00.000Z',
    message: 'Mogen we het aantal deelnemers van het eerste halfjaar 2026?',
    dueOn: '2026-10-31',
    remindOn: '2026-10-24',
    remindedAt: null,
    fulfilledAt: null,
    measurementId: null,
  });
  return b.doc;
}

const KEMPEN_TEAM = [
  'CAW De Kempen',
  'SEL Kempen',
  'Regionaal Overleg Gehandicaptenzorg (ROG) Turnhout',
  'Integrale jeugdhulp ROW BJB',
  'Thomas More Kempen',
  'Provincie Antwerpen',
  'Welzijnszorg Kempen',
  'Streekplatform Kempen',
];

function kempenProgramme(): PlanDocument {
  const b = new PlanBuilder({
    id: 'kempen-welzijn-2016-2019',
    kind: 'action_programme',
    title: nl('Streekplatform Kempen – actieprogramma Welzijn en zorg 2016–2019 (voorbeeld)'),
    description: nl(
      'Voorbeeld van een actieprogramma volgens het SMART-stramien, naar het projectplan van het Streekplatform Kempen (01/08/2016 – 31/07/2019). Kernthema: intersectorale samenwerking.',
    ),
    periodStart: '2016-08-01',
    periodEnd: '2019-07-31',
    levelNames: [
      { nl: 'Pijler', fr: 'Pilier', en: 'Pillar' },
      { nl: 'Actiecluster', fr: "Groupe d'actions", en: 'Action cluster' },
      { nl: 'Project/actie', fr: 'Projet/action', en: 'Project/action' },
    ],
    actionLevel: 2,
    statusRules: { onTrackAt: 100, atRiskAt: 90 },
    published: true,
    isExample: true,
    createdAt: CREATED,
    updatedAt: CREATED,
  });
  const pillar = b.node('welzijn-en-zorg', null, null, 'Welzijn en zorg', {
    owner: ADMIN,
    leadPartner: 'Welzijnszorg Kempen',
    coreGroup: KEMPEN_TEAM,
    partners: ['Kempens Welzijnsplatform'],
    startDate: '2016-08-01',
    endDate: '2019-07-31',
    aims: ['care_experience', 'health_equity'],
    tags: [{ kind: 'theme', value: 'intersectorale samenwerking' }],
  });
  const cluster = b.node('actiecluster-1', pillar, 'AC1', 'Visievorming & actieplan Welzijn en Zorg', {
    owner: ADMIN,
    leadPartner: 'Welzijnszorg Kempen',
    coreGroup: KEMPEN_TEAM,
    startDate: '2016-08-01',
    endDate: '2019-07-31',
    smart: {
      challenges: nl(
        'De uitdagingen voor de Kempense zorg- en welzijnssector zijn groot: een vergrijzende bevolking en dalende beschikbaarheid van mantelzorgers, toenemende individualisering, stijgende (kinder)armoede, wijzigend overheidsbeleid (vermaatschappelijking van de zorg), de historisch beperkte capaciteit van een aantal sectoren (geestelijke gezondheidszorg, residentiële ouderenzorg, zorg voor mensen met een handicap) en een overheid die sterk moet besparen. In 2015 is 18 % van de Kempenaren 65+ (Vlaanderen 18,2 %); in 2030 wordt dat 24,2 % (23,8 %). Vandaag is 4,8 % 80+ (5,6 %); in 2030 6,8 % (7,1 %).',
      ),
      goals: nl(
        'Elke Kempenaar met een zorg- en ondersteuningsbehoefte (en zijn naaste omgeving) heeft kwaliteitsvolle zorg en ondersteuning afgestemd op zijn/haar werkelijke behoeften, vragen en doelstellingen, met het oog op een zo goed mogelijke kwaliteit van leven: integrale zorg en ondersteuning binnen een zorgende samenleving.',
      ),
      ambition: nl(
        'De regio Kempen wil in 2030 een voorbeeldregio zijn op het vlak van drie domeinen: geïntegreerde zorg, buurt- en wijkgerichte lokale zorg, en zorginnovatie.',
      ),
      projects: nl(
        '1. Uitwerken regionale missie, visie en actieplan Welzijn en Zorg. 2. Kempens Welzijnsplatform uitbouwen als ‘Trefpunt’. 3. Innovatieve resultaatgerichte aanpak met Kempense welzijnsknooppunten.',
      ),
      partnersApproach: nl(
        'Het Kempens Welzijnsteam is de spil van de regionale werking rond welzijn en zorg en staat in voor de opmaak en uitvoering van het actieplan. Het Kempens Welzijnsplatform vormt het klankbord en vervult een netwerkfunctie. Voor de uitwerking van acties richten we welzijnsknooppunten op, samengesteld in functie van het te bereiken doel.',
      ),
      results: nl(
        'Regionale visie en actieplan Welzijn en Zorg; dynamisch overleg en netwerking binnen het vernieuwde Kempens Welzijnsplatform: 2 keer per jaar een bijeenkomst in trefpuntformule; 1 welzijnsknooppunt per jaar.',
      ),
      planning: nl(
        '2016: voorjaar opmaak visie en actieplan, samenwerkingsovereenkomst Kempens Welzijnsteam; najaar eerste trefpuntbijeenkomst. 2017: 2 trefpuntbijeenkomsten + opstart eerste welzijnsknooppunt – tussentijdse evaluatie. 2018: idem, tweede welzijnsknooppunt. 2019: idem, derde welzijnsknooppunt – evaluatie werking.',
      ),
      resources: nl(
        'Een stafmedewerker vanuit Welzijnszorg Kempen, voor 50 % ingezet op deze pijler; elke partner van het kernteam brengt financiering in.',
      ),
      monitoring: nl('Jaarlijks in het Kempens Welzijnsteam.'),
      smartCombinations: nl(
        'Pijler Ondernemen, innoveren en internationaliseren: ecosysteem Health & Care Valley. Pijler Leren en werken: aansluiting onderwijs–arbeidsmarkt, vluchtelingen, sterke regionale arbeidsmarkt.',
      ),
    },
  });
  const visie = b.node(
    'project-visie',
    cluster,
    '1',
    'Uitwerken regionale missie, visie en actieplan Welzijn en Zorg',
    {
      owner: ADMIN,
      startDate: '2016-08-01',
      endDate: '2017-06-30',
      progress: 100,
    },
  );
  const trefpunt = b.node(
    'project-trefpunt',
    cluster,
    '2',
    'Kempens Welzijnsplatform uitbouwen als ‘Trefpunt’',
    {
      owner: ADMIN,
      startDate: '2016-09-01',
      endDate: '2019-07-31',
      progress: 70,
    },
  );
  const knooppunten = b.node(
    'project-knooppunten',
    cluster,
    '3',
    'Innovatieve resultaatgerichte aanpak met Kempense welzijnsknooppunten',
    {
      owner: ADMIN,
      startDate: '2017-01-01',
      endDate: '2019-07-31',
      progress: 40,
    },
  );
  b.status(visie, [
    ['done', '2017-06-30', 'Missie, visie en actieplan afgetoetst met het Kempens Welzijnsplatform.'],
  ]);
  b.status(trefpunt, [['on_track', '2018-12-31', 'Twee trefpuntbijeenkomsten per jaar gehouden.']]);
  b.status(knooppunten, [['at_risk', '2018-12-31', 'Tweede welzijnsknooppunt nog niet opgestart.']]);
  b.link(visie, knooppunten, 'Het actieplan bepaalt de thema’s van de welzijnsknooppunten.');

  const ageing = b.indicator('k-65plus', pillar, 'population', 'Aandeel 65-plussers in de Kempen', '%', {
    description: nl('Arrondissement Turnhout; prognose 2030: 24,2 % (Vlaanderen 23,8 %).'),
    polarity: 'down',
    baselineValue: 18,
    baselineOn: '2015-01-01',
  });
  b.measurements(ageing, [['2015-01-01', 18, 'Projectplan Streekplatform Kempen (seed 003)']], ADMIN);
  const meetings = b.indicator(
    'k-trefpunten',
    trefpunt,
    'how_much',
    'Trefpuntbijeenkomsten per jaar',
    'bijeenkomsten',
  );
  b.targets(meetings, [
    ['2017-01-01', '2017-12-31', 2],
    ['2018-01-01', '2018-12-31', 2],
    ['2019-01-01', '2019-07-31', 1],
  ]);
  b.measurements(
    meetings,
    [
      ['2017-12-31', 2, 'Verslagen trefpunt'],
      ['2018-12-31', 2, 'Verslagen trefpunt'],
    ],
    ADMIN,
  );
  const started = b.indicator(
    'k-knooppunten',
    knooppunten,
    'how_much',
    'Opgestarte welzijnsknooppunten (cumulatief)',
    'knooppunten',
  );
  b.targets(started, [
    ['2017-01-01', '2017-12-31', 1],
    ['2018-01-01', '2018-12-31', 2],
    ['2019-01-01', '2019-07-31', 3],
  ]);
  b.measurements(
    started,
    [
      ['2017-12-31', 1, 'Kempens Welzijnsteam'],
      ['2018-12-31', 1, 'Kempens Welzijnsteam'],
    ],
    ADMIN,
  );
  return b.doc;
}

const documentOf = (network: string, plans: PlanDocument[]): ExportDocument => ({
  format: EXPORT_FORMAT,
  version: EXPORT_VERSION,
  exportedAt: CREATED,
  network,
  plans,
});

/**
 * Loads the demo plans; a network that already has a plan is left alone, so calling it twice is harmless.
 * Needs the demo users (owners are matched by e-mail).
 */
export async function seedPlanDemo(
  db: Kysely<PlatformTables>,
  networkSlug = 'elz-regio-aalst',
  exampleNetworkSlug = 'zorginnovatiecluster',
): Promise<{ plans: number }> {
  const actor = SYSTEM_ACTOR;
  let plans = 0;
  for (const [slug, doc] of [
    [networkSlug, documentOf('demo', [aalstPlan()])],
    [exampleNetworkSlug, documentOf('demo', [kempenProgramme()])],
  ] as const) {
    const network = await networks.findNetwork(db, slug);
    if (!network || (await repo.listPlans(db, network.id)).length > 0) continue;
    const tenant = { network, role: 'admin' as const };
    const { planIds } = await importPlans(db, tenant, actor, doc);
    for (const planId of planIds) {
      for (const i of await repo.listIndicators(db, network.id, planId)) {
        if (i.figure) await syncFigures(db, tenant, actor, planId, i.id);
      }
    }
    plans += planIds.length;
  }
  return { plans };
}
