import type { Insertable, Kysely } from 'kysely';
import { newId, nowIso } from '../../platform/ids.ts';
import { bumpSearchVersion } from './search/state.ts';
import type { DirectoryTables, ScheduleTable } from './tables.ts';

/**
 * A service's weekly opening slot as an HSDS schedule row (RRULE WEEKLY on the given days, Brussels time):
 * the form every writer of opening hours uses — edits, imports, the demo and the benchmark.
 */
export function weeklySchedule(slot: {
  id: string;
  service_id: string;
  byday: string | null;
  opens_at: string | null;
  closes_at: string | null;
}): ScheduleTable {
  return {
    ...slot,
    location_id: null,
    service_at_location_id: null,
    valid_from: null,
    valid_to: null,
    dtstart: null,
    timezone: 'Europe/Brussels',
    until: null,
    count: null,
    wkst: null,
    freq: 'WEEKLY',
    interval: null,
    byweekno: null,
    bymonthday: null,
    byyearday: null,
    description: null,
    schedule_link: null,
    attending_type: null,
    notes: null,
  };
}

export interface NewLocation {
  name?: string;
  latitude?: number;
  longitude?: number;
  nis_code?: string;
  address_1: string;
  postal_code: string;
  city: string;
  accessibility_term_ids?: string[];
}

export interface NewService {
  id?: string;
  organization_id: string;
  network_id?: string | null;
  name: string;
  description?: string;
  minimum_age?: number | null;
  maximum_age?: number | null;
  published?: boolean;
  assured_date?: string | null;
  is_demo?: boolean;
  term_ids?: string[];
  locations?: NewLocation[];
  /** Weekly slots: byday like "MO,TU", times "HH:MM". */
  schedules?: { byday: string; opens_at: string; closes_at: string }[];
  exceptions?: {
    date_from: string;
    date_to: string;
    closed: boolean;
    opens_at?: string;
    closes_at?: string;
    reason?: string;
  }[];
  languages?: string[];
  /** 0 for free. */
  cost_amount?: number;
  capacity?: { unit: string; available: number; waiting_list?: number };
  phone?: string;
  translations?: { field: 'name' | 'description'; lang: 'fr' | 'en'; value: string }[];
}

type Db = Kysely<DirectoryTables>;

export async function insertOrganization(
  db: Db,
  o: { id?: string; name: string; network_id?: string | null; description?: string },
): Promise<string> {
  const id = o.id ?? newId();
  const at = nowIso();
  await db
    .insertInto('directory_organizations')
    .values({
      id,
      name: o.name,
      alternate_name: null,
      description: o.description ?? null,
      email: null,
      website: null,
      legal_status: null,
      parent_organization_id: null,
      network_id: o.network_id ?? null,
      published: 1,
      is_demo: 0,
      assured_date: null,
      assured_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** Writes a service with its locations, hours, terms and the rest of its HSDS records, in one transaction. */
export async function insertService(db: Db, s: NewService): Promise<string> {
  const id = s.id ?? newId();
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    const owned = {
      network_id: s.network_id ?? null,
      published: s.published === false ? 0 : 1,
      is_demo: s.is_demo ? 1 : 0,
      assured_date: s.assured_date ?? null,
      assured_by: null,
      created_at: at,
      updated_at: at,
    };
    await trx
      .insertInto('directory_services')
      .values({
        id,
        organization_id: s.organization_id,
        name: s.name,
        alternate_name: null,
        description: s.description ?? null,
        url: null,
        email: null,
        status: 'active',
        interpretation_services: null,
        application_process: null,
        fees_description: null,
        wait_time: null,
        eligibility_description: null,
        minimum_age: s.minimum_age ?? null,
        maximum_age: s.maximum_age ?? null,
        alert: null,
        assurer_email: null,
        ...owned,
      })
      .execute();
    await insertLocations(trx, s, id, owned);
    await insertServiceDetails(trx, s, id, at);
  });
  return id;
}

type Owned = {
  network_id: string | null;
  published: number;
  is_demo: number;
  assured_date: string | null;
  assured_by: null;
  created_at: string;
  updated_at: string;
};

/** A new service's locations: each with its address, its link to the service and its accessibility terms. */
async function insertLocations(trx: Db, s: NewService, id: string, owned: Owned) {
  for (const l of s.locations ?? []) {
    const locationId = newId();
    await trx
      .insertInto('directory_locations')
      .values({
        id: locationId,
        organization_id: s.organization_id,
        location_type: 'physical',
        name: l.name ?? null,
        alternate_name: null,
        description: null,
        transportation: null,
        latitude: l.latitude ?? null,
        longitude: l.longitude ?? null,
        nis_code: l.nis_code ?? null,
        ...owned,
      })
      .execute();
    await trx
      .insertInto('directory_addresses')
      .values({
        id: newId(),
        location_id: locationId,
        attention: null,
        address_1: l.address_1,
        address_2: null,
        city: l.city,
        region: null,
        state_province: null,
        postal_code: l.postal_code,
        country: 'BE',
        address_type: 'physical',
      })
      .execute();
    await trx
      .insertInto('directory_service_at_locations')
      .values({ id: newId(), service_id: id, location_id: locationId, description: null })
      .execute();
    for (const termId of l.accessibility_term_ids ?? []) {
      await trx
        .insertInto('directory_attributes')
        .values({
          id: newId(),
          link_id: locationId,
          link_type: null,
          link_entity: 'location',
          taxonomy_term_id: termId,
          value: null,
          label: null,
        })
        .execute();
    }
  }
}

/** A new service's terms, hours, languages, cost, capacity, phone and translations. */
async function insertServiceDetails(trx: Db, s: NewService, id: string, at: string) {
  for (const termId of s.term_ids ?? []) {
    await trx
      .insertInto('directory_attributes')
      .values({
        id: newId(),
        link_id: id,
        link_type: null,
        link_entity: 'service',
        taxonomy_term_id: termId,
        value: null,
        label: null,
      })
      .execute();
  }
  for (const sc of s.schedules ?? []) {
    await trx
      .insertInto('directory_schedules')
      .values(
        weeklySchedule({
          id: newId(),
          service_id: id,
          byday: sc.byday,
          opens_at: sc.opens_at,
          closes_at: sc.closes_at,
        }),
      )
      .execute();
  }
  for (const e of s.exceptions ?? []) {
    await trx
      .insertInto('directory_schedule_exceptions')
      .values({
        id: newId(),
        service_id: id,
        date_from: e.date_from,
        date_to: e.date_to,
        closed: e.closed ? 1 : 0,
        opens_at: e.opens_at ?? null,
        closes_at: e.closes_at ?? null,
        reason: e.reason ?? null,
      })
      .execute();
  }
  for (const code of s.languages ?? []) {
    await trx
      .insertInto('directory_languages')
      .values({
        id: newId(),
        service_id: id,
        location_id: null,
        phone_id: null,
        name: null,
        code,
        note: null,
      })
      .execute();
  }
  if (s.cost_amount !== undefined) {
    await trx
      .insertInto('directory_cost_options')
      .values({
        id: newId(),
        service_id: id,
        valid_from: null,
        valid_to: null,
        option: null,
        currency: 'EUR',
        amount: s.cost_amount,
        amount_description: null,
      })
      .execute();
  }
  if (s.capacity) {
    await trx
      .insertInto('directory_service_capacities')
      .values({
        id: newId(),
        service_id: id,
        unit: s.capacity.unit,
        available: s.capacity.available,
        maximum: null,
        waiting_list: s.capacity.waiting_list ?? null,
        description: null,
        updated: at,
      })
      .execute();
  }
  if (s.phone) {
    await trx
      .insertInto('directory_phones')
      .values({
        id: newId(),
        organization_id: null,
        service_id: id,
        location_id: null,
        contact_id: null,
        service_at_location_id: null,
        number: s.phone,
        extension: null,
        type: 'voice',
        description: null,
      })
      .execute();
  }
  for (const t of s.translations ?? []) {
    await trx
      .insertInto('directory_translations')
      .values({
        entity_type: 'service',
        entity_id: id,
        field: t.field,
        lang: t.lang,
        value: t.value,
        source: 'manual',
        updated_at: at,
      })
      .execute();
  }
}

export async function listSearchMisses(db: Db, networkId: string | null) {
  return db
    .selectFrom('directory_search_misses')
    .selectAll()
    .where((eb) => (networkId === null ? eb('network_id', 'is', null) : eb('network_id', '=', networkId)))
    .orderBy('at', 'desc')
    .execute();
}

export async function addSynonym(
  db: Db,
  s: { network_id: string | null; term: string; synonym: string; enabled?: boolean },
) {
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('directory_search_synonyms')
      .values({
        id: newId(),
        network_id: s.network_id,
        term: s.term,
        synonym: s.synonym,
        enabled: s.enabled === false ? 0 : 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    // Cached query plans hold synonym expansions: they are stale now.
    await bumpSearchVersion(trx);
  });
}

/**
 * Bulk loads (the demo map): rows of one table in chunks, in the caller's transaction. Chunks of 200 rows keep
 * every statement under both engines' bound-parameter limits.
 */
export async function insertRows<T extends keyof DirectoryTables & string>(
  db: Db,
  table: T,
  rows: Insertable<DirectoryTables[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 200) as never)
      .execute();
}

/** Organisations of the shared map (no network) with one of these names: the demo reuses what is loaded. */
export async function sharedOrganizationsNamed(
  db: Db,
  names: string[],
): Promise<{ id: string; name: string }[]> {
  if (names.length === 0) return [];
  return db
    .selectFrom('directory_organizations')
    .select(['id', 'name'])
    .where('network_id', 'is', null)
    .where('name', 'in', names)
    .execute();
}

/** Ids of the organisations a network already links as partners (any status). */
export async function linkedOrganizationIds(db: Db, networkId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('directory_network_partners')
    .select('organization_id')
    .where('network_id', '=', networkId)
    .execute();
  return new Set(rows.map((r) => r.organization_id));
}

/** Names of these taxonomy terms in one language (French or English; Dutch is on the term's row). */
export const termTranslations = (db: Db, termIds: string[], lang: string) =>
  db
    .selectFrom('directory_translations')
    .select(['entity_id', 'value'])
    .where('entity_type', '=', 'taxonomy_term')
    .where('field', '=', 'name')
    .where('lang', '=', lang)
    .where('entity_id', 'in', termIds)
    .execute();
