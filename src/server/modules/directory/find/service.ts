import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import { badRequest, notFound } from '../../../platform/errors.ts';
import { type Geometry, largestRingCentre } from '../../../platform/geo.ts';
import type { Language } from '../../../platform/i18n.ts';
import { loadBundles } from '../search/indexer.ts';
import {
  isOpenAt,
  localMoment,
  type OpeningHours,
  parseClock,
  slotsFromSchedules,
} from '../search/schedule.ts';
import { findServices } from '../service.ts';
import './messages.ts';
import { type DirectoryDb, directoryDb } from '../db.ts';
import { localiseTerms } from '../term-names.ts';
import * as repo from './repo.ts';
import type {
  FilterOptions,
  Hours,
  OrganizationRecord,
  SearchQuery,
  SearchResult,
  ServiceRecord,
} from './schema.ts';

type Db = Kysely<PlatformTables>;
type Point = { lat: number; lon: number };

const LANGUAGE_NAMES: Record<string, Record<Language, string>> = {
  nl: { nl: 'Nederlands', fr: 'néerlandais', en: 'Dutch' },
  fr: { nl: 'Frans', fr: 'français', en: 'French' },
  en: { nl: 'Engels', fr: 'anglais', en: 'English' },
  de: { nl: 'Duits', fr: 'allemand', en: 'German' },
  ar: { nl: 'Arabisch', fr: 'arabe', en: 'Arabic' },
  tr: { nl: 'Turks', fr: 'turc', en: 'Turkish' },
};

/** The centre of a place without services: the centroid of its boundary's largest outer ring. */
const boundaryCentre = (geojson: string) => largestRingCentre(JSON.parse(geojson) as Geometry);

/**
 * A postcode's point: where the map's services at that postcode are, else the centre of its municipality.
 * Only the region's postcodes are known; another one is a mistake the searcher can correct.
 */
async function postcodePoint(db: repo.FindDb, postcode: string): Promise<Point> {
  const fromServices = await repo.postcodeServiceCentre(db, postcode);
  if (fromServices) return fromServices;
  const place = await repo.postcodeMunicipality(db, postcode);
  const boundary = place && (await repo.boundaryOf(db, place.nis_code));
  const centre = boundary ? boundaryCentre(boundary.geojson) : null;
  if (!centre) throw badRequest('directory_find_unknown_postcode', { postcode });
  return centre;
}

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The instant of a Brussels wall-clock time ("2026-12-07T10:00"), or of a time with its own offset. */
export function brusselsInstant(text: string): Date {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(text)) return new Date(text);
  const wanted = Date.parse(`${text.length === 16 ? `${text}:00` : text}Z`);
  let guess = wanted;
  // Two corrections settle it, also across a daylight-saving change.
  for (let i = 0; i < 2; i++) {
    const p = Object.fromEntries(wallClock.formatToParts(new Date(guess)).map((x) => [x.type, x.value]));
    const shown = Date.parse(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}Z`);
    guess -= shown - wanted;
  }
  return new Date(guess);
}

const dirDb = (db: repo.FindDb): DirectoryDb => directoryDb(db);

const splitTerms = (list: string | undefined) => (list ? list.split(',') : []);

export async function search(
  db: Db,
  networkId: string,
  q: SearchQuery,
  lang: Language,
  now = new Date(),
): Promise<SearchResult> {
  const fdb = repo.findDb(db);
  const origin: Point | null =
    q.near !== undefined
      ? await postcodePoint(fdb, q.near)
      : q.lat !== undefined && q.lon !== undefined
        ? { lat: q.lat, lon: q.lon }
        : null;
  const at = q.open_at ? brusselsInstant(q.open_at) : null;
  if (at && Number.isNaN(at.getTime())) throw badRequest('validation_failed', { details: 'open_at' });
  const r = await findServices(db, {
    networkId,
    text: q.q,
    lang,
    postcode: q.postcode,
    municipality: q.municipality,
    near: origin ?? undefined,
    radiusKm: q.radius_km,
    taxonomyTermIds: [...splitTerms(q.rubric), ...splitTerms(q.target_group), ...splitTerms(q.accessibility)],
    age: q.age,
    language: q.language,
    free: q.free,
    capacityAvailable: q.capacity,
    // A fixed moment rather than 'now', so the open state shown on the cards is the one searched for.
    openAt: q.open_now ? now : (at ?? undefined),
    page: q.page,
    perPage: q.per_page,
  });
  const ids = r.items.map((i) => i.id);
  const [bundles, owners] = await Promise.all([loadBundles(dirDb(fdb), ids), repo.serviceOwners(fdb, ids)]);
  const bundleById = new Map(bundles.map((b) => [b.id, b]));
  const ownerById = new Map(owners.map((o) => [o.id, o]));
  const moment = localMoment(at ?? now);
  return {
    items: r.items.map((item) => {
      const bundle = bundleById.get(item.id);
      const owner = ownerById.get(item.id);
      const place = bundle?.locations.find((l) => l.municipality) ?? bundle?.locations[0];
      // The card in the searcher's language where the service has a translation; the index keeps Dutch.
      const text = (field: string) =>
        lang === 'nl'
          ? undefined
          : bundle?.translations.find((x) => x.field === field && x.lang === lang)?.value;
      return {
        id: item.id,
        name: text('name') ?? item.name,
        organization: { id: owner?.organization_id ?? '', name: item.organization },
        description: text('description')?.slice(0, 300) ?? item.description,
        municipality: place?.municipality ?? place?.city ?? null,
        address: item.address,
        phone: item.phone,
        points: item.points,
        distance_km: item.distance_km,
        open: bundle && hasHours(bundle.hours) ? isOpenAt(bundle.hours, moment) : null,
        reasons: item.reasons,
        local: owner?.network_id != null,
      };
    }),
    page: r.page,
    per_page: r.per_page,
    total: r.total,
    total_exact: r.total_exact,
    total_pages: r.total_pages,
    facets: r.facets,
    facets_exact: r.facets_exact,
    query: r.query,
    origin,
    moment: (at ?? now).toISOString(),
    timed_out: r.timed_out,
  };
}

const hasHours = (h: OpeningHours) => h.slots.length > 0 || h.exceptions.length > 0;

export async function filterOptions(db: Db, networkId: string, lang: Language): Promise<FilterOptions> {
  const fdb = repo.findDb(db);
  const today = new Date().toISOString().slice(0, 10);
  const [terms, region, languages] = await Promise.all([
    repo
      .termsByKind(fdb, ['rubric', 'target_group', 'accessibility'])
      .then((t) => localiseTerms(dirDb(fdb), t, lang, { sort: true })),
    repo.networkRegion(fdb, networkId, today),
    repo.languageCodes(fdb),
  ]);
  const of = (kind: string) =>
    terms.filter((t) => t.kind === kind).map((t) => ({ value: t.id, label: t.name }));
  return {
    rubric: of('rubric'),
    target_group: of('target_group'),
    accessibility: of('accessibility'),
    municipality: region.municipalities.map((m) => ({ value: m.nis_code, label: m.name_nl })),
    postcode: region.postcodes.map((p) => ({ value: p.postcode, label: `${p.postcode} ${p.place_nl}` })),
    language: languages.map((l) => ({ value: l.code, label: LANGUAGE_NAMES[l.code]?.[lang] ?? l.code })),
  };
}

/** The asked language's texts where a translation exists; Dutch, the records' own language, otherwise. */
async function texts(
  db: repo.FindDb,
  entityType: string,
  id: string,
  lang: Language,
  own: { name: string; description: string | null },
) {
  if (lang === 'nl') return { ...own, text_lang: 'nl' };
  const rows = await repo.translations(db, entityType, id, lang);
  const by = new Map(rows.map((r) => [r.field, r.value]));
  return {
    name: by.get('name') ?? own.name,
    description: by.get('description') ?? own.description,
    text_lang: by.has('description') || (by.has('name') && !own.description) ? lang : 'nl',
  };
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

async function hoursOf(db: repo.FindDb, serviceId: string, now: Date): Promise<Hours> {
  const today = localMoment(now).date;
  const [schedules, exceptions] = await Promise.all([
    repo.schedulesOf(db, serviceId),
    repo.exceptionsOf(db, serviceId, today),
  ]);
  const current = schedules.filter(
    (s) => (!s.valid_from || s.valid_from <= today) && (!s.valid_to || s.valid_to >= today),
  );
  const slots = slotsFromSchedules(current);
  const stored: OpeningHours = {
    slots,
    exceptions: exceptions.map((e) => ({
      from: e.date_from,
      to: e.date_to,
      closed: e.closed === 1,
      ...(e.closed === 1 ? {} : { opens: parseClock(e.opens_at) ?? 0, closes: parseClock(e.closes_at) ?? 0 }),
    })),
  };
  return {
    week: [0, 1, 2, 3, 4, 5, 6].map((day) => ({
      day,
      slots: slots
        .filter((s) => s.day === day)
        .sort((a, b) => a.opens - b.opens)
        .map((s) => ({ opens: clock(s.opens), closes: clock(s.closes) })),
    })),
    exceptions: exceptions.map((e) => ({
      from: e.date_from,
      to: e.date_to,
      closed: e.closed === 1,
      opens: e.closed === 1 ? null : e.opens_at,
      closes: e.closed === 1 ? null : e.closes_at,
      reason: e.reason,
    })),
    notes: [
      ...new Set(current.flatMap((s) => [s.description, s.notes]).filter((n): n is string => Boolean(n))),
    ],
    open_now: hasHours(stored) ? isOpenAt(stored, localMoment(now)) : null,
  };
}

async function locations(
  db: repo.FindDb,
  scope: repo.ReadScope,
  by: { serviceId: string } | { organizationId: string },
  lang: Language,
) {
  const { rows, addresses, accessibility: terms } = await repo.locationsOf(db, scope, by);
  const accessibility = await localiseTerms(dirDb(db), terms, lang);
  return rows.map((l) => ({
    id: l.id,
    name: l.name,
    description: l.description,
    transportation: l.transportation,
    latitude: l.latitude === null ? null : Number(l.latitude),
    longitude: l.longitude === null ? null : Number(l.longitude),
    municipality: l.municipality,
    addresses: addresses
      .filter((a) => a.location_id === l.id)
      .map((a) => ({
        address_1: a.address_1,
        address_2: a.address_2,
        postal_code: a.postal_code,
        city: a.city,
        country: a.country,
      })),
    accessibility: accessibility.filter((a) => a.link_id === l.id).map((a) => a.name),
  }));
}

async function phonesAndContacts(db: repo.FindDb, column: 'service_id' | 'organization_id', id: string) {
  const [phones, contacts] = await Promise.all([
    repo.phonesOf(db, column, id),
    repo.contactsOf(db, column, id),
  ]);
  const phone = (p: (typeof phones)[number]) => ({
    number: p.number,
    extension: p.extension,
    type: p.type,
    description: p.description,
  });
  return {
    phones: phones.filter((p) => p.contact_id === null).map(phone),
    contacts: contacts.map((c) => ({
      name: c.name,
      title: c.title,
      department: c.department,
      email: c.email,
      phones: phones.filter((p) => p.contact_id === c.id).map(phone),
    })),
  };
}

export async function serviceRecord(
  db: Db,
  scope: repo.ReadScope,
  id: string,
  lang: Language,
  now = new Date(),
): Promise<ServiceRecord> {
  const fdb = repo.findDb(db);
  const s = await repo.serviceRow(fdb, scope, id);
  if (!s) throw notFound();
  const [text, locs, contact, hours, languages, costs, capacities, terms, areas, identifiers, assuredBy] =
    await Promise.all([
      texts(fdb, 'service', id, lang, s),
      locations(fdb, scope, { serviceId: id }, lang),
      phonesAndContacts(fdb, 'service_id', id),
      hoursOf(fdb, id, now),
      repo.languagesOf(fdb, id),
      repo.costsOf(fdb, id),
      repo.capacitiesOf(fdb, id),
      repo.termsOf(fdb, id).then((t) => localiseTerms(dirDb(fdb), t, lang, { sort: true })),
      repo.serviceAreasOf(fdb, id),
      repo.identifiersOf(fdb, 'service', id),
      repo.personName(fdb, s.assured_by),
    ]);
  return {
    id: s.id,
    ...text,
    alternate_name: s.alternate_name,
    url: s.url,
    email: s.email,
    status: s.status,
    published: s.published === 1,
    local: s.network_id !== null,
    organization: { id: s.organization_id, name: s.organization_name },
    application_process: s.application_process,
    fees_description: s.fees_description,
    wait_time: s.wait_time,
    alert: s.alert,
    eligibility: {
      description: s.eligibility_description,
      minimum_age: s.minimum_age,
      maximum_age: s.maximum_age,
    },
    cost: {
      free: costs.length === 0 ? null : costs.every((c) => c.amount !== null && Number(c.amount) === 0),
      options: costs.map((c) => ({
        option: c.option,
        amount: c.amount === null ? null : Number(c.amount),
        currency: c.currency,
        description: c.amount_description,
      })),
    },
    capacity: capacities.map((c) => ({
      unit: c.unit,
      available: Number(c.available),
      maximum: c.maximum === null ? null : Number(c.maximum),
      waiting_list: c.waiting_list === null ? null : Number(c.waiting_list),
      updated: c.updated,
    })),
    languages: languages.map((l) => l.code),
    // Grouped by kind as the query orders them; sort is stable, so names stay in the reader's order.
    terms: terms.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0)),
    locations: locs,
    ...contact,
    hours,
    service_areas: areas,
    identifiers,
    assured: { date: s.assured_date, by: assuredBy },
    updated_at: s.updated_at,
  };
}

export async function organizationRecord(
  db: Db,
  scope: repo.ReadScope,
  id: string,
  lang: Language,
): Promise<OrganizationRecord> {
  const fdb = repo.findDb(db);
  const o = await repo.organizationRow(fdb, scope, id);
  if (!o) throw notFound();
  const [text, locs, contact, services, identifiers, parent, assuredBy] = await Promise.all([
    texts(fdb, 'organization', id, lang, o),
    locations(fdb, scope, { organizationId: id }, lang),
    phonesAndContacts(fdb, 'organization_id', id),
    repo.servicesOfOrganization(fdb, scope, id),
    repo.identifiersOf(fdb, 'organization', id),
    o.parent_organization_id ? repo.organizationName(fdb, o.parent_organization_id) : undefined,
    repo.personName(fdb, o.assured_by),
  ]);
  return {
    id: o.id,
    ...text,
    alternate_name: o.alternate_name,
    email: o.email,
    website: o.website,
    legal_status: o.legal_status,
    published: o.published === 1,
    local: o.network_id !== null,
    parent: parent ?? null,
    ...contact,
    locations: locs,
    identifiers,
    services: services.map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      published: s.published === 1,
    })),
    assured: { date: o.assured_date, by: assuredBy },
    updated_at: o.updated_at,
  };
}
