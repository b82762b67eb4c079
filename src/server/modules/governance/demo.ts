import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../platform/audit.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { resolveTenant } from '../../platform/tenancy.ts';
import * as network from '../network/service.ts';
import type { CLUSTERS, MemberInput } from './schema.ts';
import { addMember, castVotes, createBody, createDecision, createMeeting, setAttendance } from './service.ts';

type Cluster = (typeof CLUSTERS)[number];

/**
 * The board of the care council by cluster (seed 001, SD5): fictional people, each for a demo partner; the
 * cluster of persons with a care need speaks through its sounding-board group and a carers' platform.
 */
const BOARD: { person: string; partner: string; cluster: Cluster; role?: 'chair' | 'secretary' }[] = [
  { person: 'Annelies Verhaegen', partner: 'Huisartsenkring Denderland', cluster: 'care', role: 'chair' },
  { person: 'Koen De Wolf', partner: 'Algemeen Ziekenhuis Dendervallei', cluster: 'care' },
  { person: 'Nathalie Bogaert', partner: 'Thuisverpleging De Bron', cluster: 'care' },
  { person: 'Youssef El Amrani', partner: 'Centrum Algemeen Welzijn Regio Aalst', cluster: 'welfare' },
  { person: 'Griet Van Hecke', partner: 'Welzijnshuis Denderleeuw', cluster: 'welfare', role: 'secretary' },
  { person: 'Tom Schockaert', partner: 'Dagcentrum Het Anker (VAPH)', cluster: 'welfare' },
  { person: 'Sarah Van de Velde', partner: 'OCMW Aalst – sociale dienst', cluster: 'local_government' },
  { person: 'Philippe Moens', partner: 'Lokaal bestuur Erpe-Mere', cluster: 'local_government' },
  { person: 'Inge Cornelis', partner: 'Lokaal bestuur Lede', cluster: 'local_government' },
  { person: 'Marleen Baeyens', partner: 'Klankbordgroep PZON Regio Aalst', cluster: 'care_need' },
  { person: 'Ahmed Bouzid', partner: 'Mantelzorgplatform Dender', cluster: 'care_need' },
  { person: 'Lieve Temmerman', partner: 'Patiëntenvereniging Samen Chronisch', cluster: 'care_need' },
];

/** The chair, the secretary and one mandate of each other cluster. */
const DAILY = ['Annelies Verhaegen', 'Griet Van Hecke', 'Sarah Van de Velde', 'Marleen Baeyens'];

const CLUSTER_BODIES: { cluster: Cluster; name: string }[] = [
  { cluster: 'care', name: 'Cluster zorg' },
  { cluster: 'welfare', name: 'Cluster welzijn' },
  { cluster: 'local_government', name: 'Cluster lokaal bestuur' },
  { cluster: 'care_need', name: 'Cluster personen met een zorg- en ondersteuningsnood' },
];

/** The bodies of seed 001 for a network, their members, and a past board meeting with two decisions. */
export async function seedGovernanceDemo(
  db: Kysely<PlatformTables>,
  slug = 'elz-regio-aalst',
): Promise<void> {
  const ctx = { ...(await resolveTenant(db, null, slug)), role: 'admin' as const };
  const partners = new Map((await network.listPartners(db, ctx)).map((p) => [p.name, p.id]));
  const body = (kind: Parameters<typeof createBody>[3]['kind'], name: string, description: string) =>
    createBody(db, ctx, SYSTEM_ACTOR, { kind, name, description, quorumShare: 0.5 });
  const member = (bodyId: string, m: (typeof BOARD)[number], from = '2024-06-01') => {
    const input: MemberInput = {
      partnerId: partners.get(m.partner) ?? null,
      personName: m.person,
      cluster: m.cluster,
      role: m.role ?? 'member',
      mandateFrom: from,
      mandateTo: '2027-05-31',
    };
    return addMember(db, ctx, SYSTEM_ACTOR, bodyId, input);
  };

  const assembly = await body(
    'general_assembly',
    'Algemene Vergadering',
    'Alle partners van de zorgraad; keurt de begroting, de rekening en het beleidsplan goed.',
  );
  for (const m of BOARD) await member(assembly, { ...m, role: m.role === 'chair' ? 'chair' : undefined });

  const board = await body(
    'board',
    'Bestuursorgaan',
    'Vier clusters met elk drie mandaten; een besluit vraagt een meerderheid binnen elke cluster.',
  );
  const boardMembers: string[] = [];
  for (const m of BOARD) boardMembers.push(await member(board, m));

  const daily = await body(
    'daily_board',
    'Dagelijks bestuur',
    'Bereidt het bestuursorgaan voor en volgt de werking op.',
  );
  for (const m of BOARD.filter((b) => DAILY.includes(b.person))) await member(daily, m);

  await body(
    'forum',
    'Forum',
    'Open overleg van alle zorg- en welzijnsactoren uit de regio, twee keer per jaar.',
  );
  for (const c of CLUSTER_BODIES) {
    const id = await body(
      'cluster',
      c.name,
      'Clusteroverleg dat zijn mandatarissen in het bestuursorgaan voordraagt.',
    );
    for (const m of BOARD.filter((b) => b.cluster === c.cluster)) await member(id, { ...m, role: undefined });
  }

  const meeting = await createMeeting(db, ctx, SYSTEM_ACTOR, board, {
    heldOn: '2026-09-17',
    agenda: [
      'Goedkeuring verslag vorige vergadering',
      'Jaaractieplan 2027',
      'Uitbreiding cluster welzijn met VAPH- en Opgroeien-voorzieningen',
      'Varia',
    ],
    minutes:
      'Tien van de twaalf mandatarissen aanwezig; het quorum is bereikt. Het jaaractieplan 2027 wordt toegelicht door de coördinator en goedgekeurd met een meerderheid in elke cluster. De uitbreiding van de cluster welzijn wordt goedgekeurd met twee derde van de stemmen.',
  });
  // Nathalie Bogaert (care) and Inge Cornelis (local government) sent their apologies.
  const present = boardMembers.filter((_, i) => i !== 2 && i !== 8);
  await setAttendance(db, ctx, SYSTEM_ACTOR, meeting, { present });

  const plan = await createDecision(db, ctx, SYSTEM_ACTOR, meeting, {
    title: 'Goedkeuring jaaractieplan 2027',
    text: 'Het bestuursorgaan keurt het jaaractieplan 2027 van de zorgraad goed, met de acties rond de sociale kaart, het signalenbeleid en de clusterwerking.',
    rule: 'majority_every_cluster',
  });
  // Care 2–0, welfare 2–0 with one abstention, local government 2–0, persons with a care need 2–1.
  const choices = [
    'for',
    'for',
    null,
    'for',
    'for',
    'abstain',
    'for',
    'for',
    null,
    'for',
    'for',
    'against',
  ] as const;
  await castVotes(db, ctx, SYSTEM_ACTOR, plan, {
    votes: boardMembers.flatMap((memberId, i) => {
      const choice = choices[i];
      return choice ? [{ memberId, choice }] : [];
    }),
  });

  const widen = await createDecision(db, ctx, SYSTEM_ACTOR, meeting, {
    title: 'Uitbreiding cluster welzijn',
    text: 'Lokale voorzieningen erkend, vergund of gesubsidieerd door VAPH en Agentschap Opgroeien treden toe tot de cluster welzijn.',
    rule: 'two_thirds',
  });
  await castVotes(db, ctx, SYSTEM_ACTOR, widen, {
    votes: present.map((memberId, i) => ({ memberId, choice: i === 6 ? 'against' : 'for' })),
  });
}
