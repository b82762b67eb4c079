import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../platform/audit.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { newId } from '../../platform/ids.ts';
import { resolveTenant, type TenantContext } from '../../platform/tenancy.ts';
import * as network from '../network/service.ts';
import * as repo from './repo.ts';
import type { EventInput } from './schema.ts';
import { createEvent } from './service.ts';
import type { RegistrationTable } from './tables.ts';
import { refreshCoAttendance } from './ties.ts';

const FIRST = [
  'An',
  'Bram',
  'Charlotte',
  'Dries',
  'Elif',
  'Fien',
  'Gert',
  'Hanne',
  'Imane',
  'Jonas',
  'Katrien',
  'Lars',
  'Mieke',
  'Nordin',
  'Olivia',
  'Pieter',
  'Rania',
  'Sander',
  'Tine',
  'Wout',
];
const LAST = [
  'Van Damme',
  'De Smet',
  'Claes',
  'Peeters',
  'Mertens',
  'Goossens',
  'Wouters',
  'De Backer',
  'Janssens',
  'Baert',
  'El Amrani',
  'Verhoeven',
];

const DAY = 86_400_000;
const at = (days: number, hour: number, minute = 0) => {
  const t = new Date(Date.now() + days * DAY);
  t.setUTCHours(hour, minute, 0, 0);
  return t.toISOString();
};

/** Fictional participants, deterministic: person i of a demo event. */
function person(i: number, organisations: string[]) {
  const first = FIRST[i % FIRST.length] as string;
  const last = LAST[(i * 7) % LAST.length] as string;
  const email = `${first}.${last}.${i}`.toLowerCase().replace(/[^a-z0-9.]/g, '');
  return {
    name: `${first} ${last}`,
    email: `${email}@demo.knooppunt.be`,
    organisation: organisations[(i * 5) % organisations.length] as string,
  };
}

/**
 * Registrations of a demo event written directly (the demo sends no mails to its fictional people): the
 * first `capacity` confirmed, the rest waiting in arrival order, `present` of the confirmed checked in.
 */
async function addRegistrations(
  db: repo.Db,
  ctx: TenantContext,
  eventId: string,
  o: { count: number; capacity: number | null; present?: number; offset: number; organisations: string[] },
) {
  const created = new Date(Date.now() - 20 * DAY).getTime();
  const rows: RegistrationTable[] = [];
  for (let i = 0; i < o.count; i++) {
    const p = person(o.offset + i, o.organisations);
    const confirmed = o.capacity === null || i < o.capacity;
    const stamp = new Date(created + i * 3_600_000).toISOString();
    rows.push({
      id: newId(),
      network_id: ctx.network.id,
      event_id: eventId,
      seq: i + 1,
      name: p.name,
      email: p.email,
      email_key: p.email,
      organisation: p.organisation,
      answers: '{}',
      language: 'nl',
      status: confirmed ? 'confirmed' : 'waitlisted',
      hold_expires_at: null,
      token_hash: createHash('sha256').update(randomBytes(32)).digest('hex'),
      checkin_code: randomBytes(5).toString('hex').toUpperCase(),
      checked_in_at: confirmed && i < (o.present ?? 0) ? stamp : null,
      reminder_mail_id: null,
      released_at: null,
      created_at: stamp,
      updated_at: stamp,
    });
  }
  for (const r of rows) await repo.insertRegistration(db, r);
  const taken = rows.filter((r) => r.status === 'confirmed').length;
  await repo.updateEvent(db, ctx.network.id, eventId, { places_taken: taken, arrivals: rows.length });
  return rows;
}

const base = {
  programme: [],
  speakers: [],
  questions: [],
  holdHours: 48,
  visibility: 'public' as const,
  status: 'published' as const,
};

/**
 * The demo activities of ELZ Regio Aalst (seeds 001 and 003): upcoming public events (one with places left
 * and a waiting list, one full with people waiting), the twice-yearly trefpunt series with a past edition
 * and its attendance and feedback, a network lunch in the past, a cluster meeting for the network and the
 * meetings of a task force ("welzijnsknooppunt"). Organisers and participants' organisations are the demo
 * partners; the people are fictional.
 */
export async function seedEventsDemo(db: Kysely<PlatformTables>, slug = 'elz-regio-aalst'): Promise<void> {
  const ctx = { ...(await resolveTenant(db, null, slug)), role: 'admin' as const };
  const partners = await network.listPartners(db, ctx);
  const id = (name: string) => partners.find((p) => p.name === name)?.id;
  const demo: Demo = {
    db,
    ctx,
    orgs: partners.map((p) => p.name),
    organisers: (...names) => names.map(id).filter((x): x is string => !!x),
    make: (input) => createEvent(db, ctx, SYSTEM_ACTOR, input),
  };
  await seedUpcoming(demo);
  await seedTaskForce(demo);
  await seedPast(demo);
  await refreshCoAttendance(db, ctx);
}

interface Demo {
  db: repo.Db;
  ctx: TenantContext;
  orgs: string[];
  organisers: (...names: string[]) => string[];
  make: (input: EventInput) => Promise<string>;
}

const ZORGRAAD = 'Zorgraad Regio Aalst';

async function seedUpcoming({ db, ctx, orgs, organisers, make }: Demo) {
  const trefpunt = await make({
    ...base,
    kind: 'trefpunt',
    series: 'Trefpunt welzijn',
    title: 'Trefpunt welzijn – najaarseditie',
    description:
      'Twee keer per jaar komt het welzijnsplatform samen: vijftig partners uit zorg, welzijn en lokaal bestuur.\n\nDeze editie: wat leren de welzijnsknooppunten ons over samenwerken over sectoren heen?',
    format: 'on_site',
    startsAt: at(21, 12),
    endsAt: at(21, 16),
    venue: 'Cultuurcentrum De Werf',
    address: 'Molenstraat 51, 9300 Aalst',
    lat: 50.9378,
    lng: 4.0403,
    audience: 'Partners van het welzijnsplatform en geïnteresseerden',
    programme: [
      { time: '13:00', title: 'Onthaal en koffie' },
      { time: '13:30', title: 'Wat de welzijnsknooppunten opleverden' },
      { time: '14:30', title: 'Tafelgesprekken per thema' },
      { time: '16:00', title: 'Netwerkmoment' },
    ],
    speakers: [
      { name: 'Katrien Wouters', role: 'coördinator', organisation: ZORGRAAD },
      {
        name: 'Nordin El Amrani',
        role: 'trekker welzijnsknooppunt eenzaamheid',
        organisation: 'Centrum Algemeen Welzijn Regio Aalst',
      },
    ],
    organisers: organisers(ZORGRAAD, 'Centrum Algemeen Welzijn Regio Aalst'),
    questions: [
      {
        id: 'tafel',
        label: 'Aan welke tafel schuift u aan?',
        kind: 'choice',
        options: ['Eenzaamheid', 'Wonen en zorg', 'Armoede'],
        required: false,
      },
    ],
    capacity: 60,
    waitlistLimit: 30,
  });
  await addRegistrations(db, ctx, trefpunt, { count: 38, capacity: 60, offset: 0, organisations: orgs });

  const webinar = await make({
    ...base,
    kind: 'lunch_webinar',
    title: 'Lunchwebinar: signalen van personeelstekort',
    description:
      'Een half uur over het signalenbeleid en wat partners melden over personeelstekorten, met tijd voor vragen.',
    format: 'online',
    startsAt: at(10, 11),
    endsAt: at(10, 12),
    onlineUrl: 'https://webinar.demo.knooppunt.be/personeelstekort',
    audience: 'Partners',
    organisers: organisers(ZORGRAAD),
    capacity: 12,
    waitlistLimit: 20,
  });
  await addRegistrations(db, ctx, webinar, { count: 15, capacity: 12, offset: 40, organisations: orgs });

  await make({
    ...base,
    kind: 'info_lunch',
    title: 'Infolunch geïntegreerd breed onthaal',
    description:
      'Hoe vindt een burger met een welzijnsvraag de juiste deur? Het breed onthaal stelt zich voor.',
    format: 'hybrid',
    startsAt: at(35, 11),
    endsAt: at(35, 13),
    venue: 'Welzijnshuis Denderleeuw',
    address: 'Kerkstraat 12, 9470 Denderleeuw',
    lat: 50.8847,
    lng: 4.0722,
    onlineUrl: 'https://webinar.demo.knooppunt.be/breed-onthaal',
    organisers: organisers('Welzijnshuis Denderleeuw', 'OCMW Aalst – sociale dienst'),
    capacity: 30,
    waitlistLimit: 10,
  });

  await make({
    ...base,
    kind: 'think_day',
    title: 'Denkdag verslavingszorg',
    description: 'Een dag om samen te denken over verslavingszorg in de eerste lijn.',
    format: 'on_site',
    startsAt: at(50, 8),
    endsAt: at(50, 15),
    venue: 'Algemeen Ziekenhuis Dendervallei, auditorium',
    address: 'Merestraat 80, 9300 Aalst',
    organisers: organisers('Centrum Geestelijke Gezondheid Horizon', ZORGRAAD),
    capacity: 80,
    waitlistLimit: null,
    registrationOpensAt: at(5, 7),
  });

  await make({
    ...base,
    kind: 'cluster_meeting',
    series: 'Cluster welzijn',
    title: 'Clusteroverleg welzijn',
    format: 'on_site',
    startsAt: at(14, 8),
    endsAt: at(14, 10),
    venue: 'Zorgraad Regio Aalst, vergaderzaal',
    address: 'Gasthuisstraat 40, 9300 Aalst',
    visibility: 'network',
    organisers: organisers(ZORGRAAD),
    capacity: 25,
  });
}

async function seedTaskForce({ db, ctx, organisers, make }: Demo) {
  // A task force ("welzijnsknooppunt", seed 003): time-bound, invited members, a series of working sessions.
  for (const [n, days] of [
    [1, -40],
    [2, -10],
    [3, 18],
  ] as const) {
    const session = await make({
      ...base,
      kind: 'task_force_meeting',
      series: 'Welzijnsknooppunt eenzaamheid bij ouderen',
      title: `Welzijnsknooppunt eenzaamheid bij ouderen – werksessie ${n}`,
      description:
        'Doel: tegen eind 2027 bereiken de partners samen 200 alleenwonende 75-plussers met een huisbezoek.',
      format: 'on_site',
      startsAt: at(days + 60, 13),
      endsAt: at(days + 60, 15),
      venue: 'Dienstencentrum De Ontmoeting',
      address: 'Stationsstraat 3, 9340 Lede',
      visibility: 'invited',
      organisers: organisers('Centrum Algemeen Welzijn Regio Aalst', 'Dienstencentrum De Ontmoeting'),
      capacity: 15,
    });
    const taskForce = [
      'Centrum Algemeen Welzijn Regio Aalst',
      'Dienstencentrum De Ontmoeting',
      'Lokaal bestuur Lede',
      'Thuiszorgdienst Zorgzaam',
      'Vrijwilligerswerking Samen Sterk',
      'Mantelzorgplatform Dender',
    ];
    await addRegistrations(db, ctx, session, {
      count: 8,
      capacity: 15,
      present: days < 0 ? 7 : 0,
      offset: 60,
      organisations: taskForce,
    });
    await moveTo(db, ctx, session, days);
  }
}

async function seedPast({ db, ctx, orgs, organisers, make }: Demo) {
  // Past events with attendance and feedback.
  const spring = await make({
    ...base,
    kind: 'trefpunt',
    series: 'Trefpunt welzijn',
    title: 'Trefpunt welzijn – voorjaarseditie',
    format: 'on_site',
    startsAt: at(60, 12),
    endsAt: at(60, 16),
    venue: 'Cultuurcentrum De Werf',
    address: 'Molenstraat 51, 9300 Aalst',
    lat: 50.9378,
    lng: 4.0403,
    organisers: organisers(ZORGRAAD),
    capacity: 60,
    waitlistLimit: 20,
  });
  const springRegs = await addRegistrations(db, ctx, spring, {
    count: 46,
    capacity: 60,
    present: 39,
    offset: 80,
    organisations: orgs,
  });
  await moveTo(db, ctx, spring, -180);
  await addFeedback(
    db,
    ctx,
    spring,
    springRegs,
    [5, 4, 4, 5, 3, 4, 5, 4, 2, 4, 5, 4],
    [
      'Heel nuttig om partners uit andere sectoren te leren kennen.',
      'Graag meer tijd voor de tafelgesprekken.',
      'De voorstelling van de welzijnsknooppunten was inspirerend.',
    ],
  );

  const lunch = await make({
    ...base,
    kind: 'network_lunch',
    title: 'Netwerklunch eerste lijn',
    format: 'on_site',
    startsAt: at(60, 11),
    endsAt: at(60, 13),
    venue: 'Woonzorgcentrum Ter Linde, cafetaria',
    address: 'Lindenlaan 2, 9420 Erpe-Mere',
    organisers: organisers(ZORGRAAD, 'Woonzorgcentrum Ter Linde'),
    capacity: 40,
    waitlistLimit: 10,
  });
  const lunchRegs = await addRegistrations(db, ctx, lunch, {
    count: 34,
    capacity: 40,
    present: 29,
    offset: 130,
    organisations: orgs,
  });
  await moveTo(db, ctx, lunch, -60);
  await addFeedback(db, ctx, lunch, lunchRegs, [4, 4, 5, 3, 4, 4], ['Fijne sfeer, graag opnieuw.']);
}

/** Demo history: an event made with future dates is moved to `days` from now (registering needs a future). */
async function moveTo(db: repo.Db, ctx: TenantContext, eventId: string, days: number) {
  const ev = await repo.findEvent(db, ctx.network.id, eventId);
  if (!ev) return;
  const shift =
    new Date(at(days, new Date(ev.starts_at).getUTCHours())).getTime() - new Date(ev.starts_at).getTime();
  const move = (iso: string) => new Date(new Date(iso).getTime() + shift).toISOString();
  await repo.updateEvent(db, ctx.network.id, eventId, {
    starts_at: move(ev.starts_at),
    ends_at: move(ev.ends_at),
  });
}

async function addFeedback(
  db: repo.Db,
  ctx: TenantContext,
  eventId: string,
  regs: RegistrationTable[],
  ratings: number[],
  comments: string[],
) {
  const present = regs.filter((r) => r.checked_in_at);
  for (let i = 0; i < Math.min(ratings.length, present.length); i++) {
    await repo.insertFeedback(db, {
      id: newId(),
      network_id: ctx.network.id,
      event_id: eventId,
      registration_id: (present[i] as RegistrationTable).id,
      rating: ratings[i] as number,
      useful: Math.min(5, (ratings[i] as number) + (i % 2)),
      comment: comments[i] ?? null,
      created_at: new Date(Date.now() - 30 * DAY).toISOString(),
    });
  }
}
