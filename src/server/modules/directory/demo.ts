import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Insertable, Kysely } from 'kysely';
import { z } from 'zod';
import { auditTenantWrite, SYSTEM_ACTOR } from '../../platform/audit.ts';
import { inTransaction } from '../../platform/db/index.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { type Geometry, geometryBounds, insideGeometry } from '../../platform/geo.ts';
import { resolveTenant } from '../../platform/tenancy.ts';
import { boundaryCollection } from '../geography/service.ts';
import { listPartners, updatePartner } from '../network/service.ts';
import { directoryDb } from './db.ts';
import * as repo from './repo.ts';
import { rebuildIndex } from './service.ts';
import type { DirectoryTables } from './tables.ts';

/**
 * The demo social map of ELZ Regio Aalst: about 110 fictional organisations with some 300 services across the
 * sectors of a primary care zone. The organisations, what they offer, the places and streets are data
 * (data/demo/directory.json); this file turns them into records. Names, addresses, phone numbers and KBO
 * numbers are invented (websites and e-mail addresses use the reserved .example domain); every record carries
 * is_demo = 1. Phone numbers, addresses and points are drawn from a seeded generator, so every installation
 * gets the same map; only the assurance dates follow the day of seeding, so that the freshness dashboard
 * always has recent and stale records.
 */

// Same relative path from src/server and the compiled dist/server.
const DATA_FILE = new URL('../../../../data/demo/directory.json', import.meta.url);

type Rows<T extends keyof DirectoryTables> = Insertable<DirectoryTables[T]>[];

const Slot = z.tuple([z.string(), z.string(), z.string()]);
const Texts = z.tuple([z.string(), z.string()]);
const AgeBound = z.number().int().nullable();

const Offer = z.strictObject({
  rubric: z.string().optional(),
  sector: z.string(),
  groups: z.array(z.string()),
  /** Dutch name and description; {place} is the place of the organisation's main location, {org} its name. */
  nl: Texts,
  fr: Texts.optional(),
  en: Texts.optional(),
  /** A key of `hours`. */
  hours: z.string(),
  /** 0: free; a number: a fee in euro; null: a fee that depends (on income, on the product). */
  fee: z.number().nullable(),
  feeText: z.string().optional(),
  age: z.tuple([AgeBound, AgeBound]).optional(),
  eligibility: z.string().optional(),
  apply: z.string().optional(),
  capacity: z.strictObject({ unit: z.string(), max: z.number().int() }).optional(),
  /** Languages besides Dutch that such a service often offers. */
  languages: z.array(z.string()).optional(),
  aim: z.string().optional(),
  /** Closed on public holidays (most are; emergency and residential services are not). */
  holidays: z.literal(false).optional(),
});

const DemoOrganization = z.strictObject({
  name: z.string(),
  /** Place of the main location (a place of data/elz_regio_aalst_postcodes.csv). */
  place: z.string(),
  /** Keys of `offers`. */
  offers: z.array(z.string()),
  /** Further locations where the same services are offered. */
  branches: z.array(z.string()).optional(),
  legal: z.enum(['vzw', 'bv', 'openbaar bestuur', 'ziekenfonds']),
  kbo: z.boolean().optional(),
  /** Serves the whole zone rather than its own municipality. */
  regional: z.boolean().optional(),
  /** Entered a second time by mistake: name of the record this one duplicates. */
  duplicateOf: z.string().optional(),
});

const Place = z.strictObject({
  postcode: z.string(),
  place: z.string(),
  nis: z.string(),
  /** Approximate village centre; points are drawn around it and kept only inside the municipality. */
  lat: z.number(),
  lon: z.number(),
});
type Place = z.infer<typeof Place>;

const DemoData = z
  .strictObject({
    about: z.string(),
    /** NIS code → name of the municipalities of the zone. */
    municipalities: z.record(z.string(), z.string()),
    places: z.array(Place),
    streets: z.array(z.string()).min(1),
    /** Belgian public holidays from the day of seeding on; most services are closed then. */
    holidays: z.array(z.strictObject({ date: z.string(), reason: z.string() })),
    hours: z.record(z.string(), z.array(Slot)),
    /** What the demo organisations offer, keyed by kind. Texts are Dutch; many carry French and English. */
    offers: z.record(z.string(), Offer),
    /** The network module's demo partners come first, with exactly their names, so that they can be linked. */
    organizations: z.array(DemoOrganization),
  })
  .superRefine((data, issue) => {
    for (const [key, offer] of Object.entries(data.offers))
      if (!data.hours[offer.hours])
        issue.addIssue({ code: 'custom', message: `offer ${key}: unknown hours` });
    for (const o of data.organizations)
      for (const key of o.offers)
        if (!data.offers[key]) issue.addIssue({ code: 'custom', message: `${o.name}: unknown offer ${key}` });
  });
type DemoData = z.infer<typeof DemoData>;
type DemoOrganization = z.infer<typeof DemoOrganization>;

let loaded: DemoData | undefined;

/** The demo data file, read and checked once per process. */
function demoData(): DemoData {
  loaded ??= DemoData.parse(JSON.parse(fs.readFileSync(DATA_FILE, 'utf8')));
  return loaded;
}

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

const slugOf = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The centre of Aalst, where points spread wider: it is a town, not a village. */
const AALST = '41002';

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
  const data = demoData();
  const d = directoryDb(db);
  const ctx = await resolveTenant(db, null, slug);
  const random = rng(3000);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const chance = (p: number) => random() < p;
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

  const shapes = await boundaryCollection(db, Object.keys(data.municipalities));
  const shapeOf = new Map(shapes.features.map((f) => [f.properties.nisCode, f.geometry as Geometry]));
  const boxOf = new Map([...shapeOf].map(([nis, g]) => [nis, geometryBounds(g)]));
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

  const placeByName = new Map(data.places.map((p) => [p.place, p]));
  const placeOf = (name: string) => {
    const p = placeByName.get(name);
    if (!p) throw new Error(`Unknown demo place ${name}`);
    return p;
  };

  const existing = await repo.sharedOrganizationsNamed(
    d,
    data.organizations.map((o) => o.name),
  );
  const existingByName = new Map(existing.map((o) => [o.name, o.id]));

  const at = now.toISOString();
  const today = isoDay(now);
  const rows = emptyRows();
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

  const made = new Map<string, Made>();
  const orgIds = new Map<string, string>();
  let serviceCount = 0;

  for (const [index, o] of data.organizations.entries()) {
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
      .map((k) => data.offers[k]!.nl[0].replace(/ ?\{place\}| – \{org\}|\{org\}(: )?/g, ''))
      .filter((n) => n !== '');
    const main = placeOf(o.place);
    rows.directory_organizations.push({
      id,
      name: o.name,
      alternate_name: null,
      description: `${o.name} (${data.municipalities[main.nis]}): ${offerNames.join(', ').toLowerCase()}. Fictieve organisatie uit de demogegevens.`,
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
        `${o.name} (${data.municipalities[main.nis]}): fictional organisation of the demo data.`,
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
      const address = fromOriginal?.address ?? `${pick(data.streets)} ${1 + Math.floor(random() * 160)}`;
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

    const services = { data, rows, random, chance, assured, owned, attribute, translate, today };
    for (const [si, key] of o.offers.entries()) addService(services, o, index, m, main, si, key);
    serviceCount += o.offers.length;
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
    const linked = await repo.linkedOrganizationIds(t, ctx.network.id);
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

interface Made {
  id: string;
  phone: string;
  email: string;
  website: string;
  locations: { id: string; place: Place; address: string; lat: number; lon: number }[];
}

const emptyRows = () => ({
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
});
type DemoRows = ReturnType<typeof emptyRows>;

/** What the service step needs of the generator: the data, the rows so far and the seeded draws. */
interface ServiceStep {
  data: DemoData;
  rows: DemoRows;
  random: () => number;
  chance: (p: number) => boolean;
  assured: () => string;
  owned: (assuredDate: string | null) => {
    network_id: null;
    published: number;
    is_demo: number;
    assured_date: string | null;
    assured_by: null;
    created_at: string;
    updated_at: string;
  };
  attribute: (linkId: string, entity: string, termId: string) => void;
  translate: (entity: string, id: string, field: string, lang: string, value: string) => void;
  today: string;
}

/** One service of an organisation with its hours, exceptions, languages, costs, areas and translations. */
function addService(
  g: ServiceStep,
  o: DemoOrganization,
  index: number,
  m: Made,
  main: Place,
  si: number,
  key: string,
) {
  const { data, rows, random, chance, assured, owned, attribute, translate, today } = g;
  const offer = data.offers[key]!;
  const serviceId = demoId(`service:${index}:${si}`);
  const fill = (s: string) => s.replace('{place}', main.place).replace('{org}', o.name);
  const name = fill(offer.nl[0]);
  const assuredDate = assured();
  const capacity = offer.capacity;
  const waiting = capacity && chance(0.6) ? 2 + Math.floor(random() * 40) : null;
  rows.directory_services.push({
    id: serviceId,
    organization_id: m.id,
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
  for (const [hi, [byday, opens, closes]] of data.hours[offer.hours]!.entries())
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
    for (const { date, reason } of data.holidays)
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
  const areas = o.regional ? Object.keys(data.municipalities) : [main.nis];
  for (const nis of areas)
    rows.directory_service_areas.push({
      id: demoId(`area:${serviceId}:${nis}`),
      service_id: serviceId,
      service_at_location_id: null,
      name: data.municipalities[nis]!,
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

/** Eligibility by age in words, as partners write it. */
function ageText([min, max]: [number | null, number | null]): string | null {
  if (min !== null && max !== null) return min === 0 ? `Tot ${max} jaar.` : `Van ${min} tot ${max} jaar.`;
  if (min !== null) return `Vanaf ${min} jaar.`;
  return max !== null ? `Tot ${max} jaar.` : null;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** A second entry of the same address: a few metres off, as when a different geocoder placed it. */
function pointNear(loc: { lat: number; lon: number }, shape: Geometry): [number, number] {
  const lat = round6(loc.lat + 0.00008);
  const lon = round6(loc.lon - 0.00011);
  return insideGeometry(shape, lat, lon) ? [lat, lon] : [loc.lat, loc.lon];
}
