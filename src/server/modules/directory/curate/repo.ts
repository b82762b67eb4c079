import { type Kysely, sql } from 'kysely';
import { engineOf } from '../../../platform/db/index.ts';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { tablesOf } from '../db.ts';
import { weeklySchedule } from '../repo.ts';
import type { OrganizationTable, ServiceTable } from '../tables.ts';
import {
  type OrganizationField,
  type OrganizationFields,
  type ServiceField,
  type ServiceFields,
  WEEKDAYS,
} from './schema.ts';
import type { CurateTables } from './tables.ts';

export type Db = Kysely<PlatformTables & CurateTables>;

export const cur = (db: Kysely<PlatformTables>): Db => tablesOf<PlatformTables & CurateTables>(db);

/** Shared records (network_id null) and the network's own: what a network sees of the social map. */
export const seenBy = (networkId: string, column = 'network_id') =>
  sql<boolean>`coalesce(${sql.ref(column)}, '') IN ('', ${networkId})`;

export const findService = (db: Db, networkId: string, id: string) =>
  db
    .selectFrom('directory_services')
    .selectAll()
    .where('id', '=', id)
    .where(seenBy(networkId))
    .executeTakeFirst();

export const findOrganization = (db: Db, networkId: string, id: string) =>
  db
    .selectFrom('directory_organizations')
    .selectAll()
    .where('id', '=', id)
    .where(seenBy(networkId))
    .executeTakeFirst();

/**
 * The organisation's row, locked until the transaction ends on PostgreSQL, where several processes may run
 * the daily "still correct?" round at once: the second waits and then sees the first one's request.
 * (SQLite serves one process, whose writes are serialised already.)
 */
export const lockOrganization = (db: Db, networkId: string, id: string) => {
  const q = db
    .selectFrom('directory_organizations')
    .selectAll()
    .where('id', '=', id)
    .where(seenBy(networkId));
  return (engineOf(db) === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
};

export const servicesOfOrganization = (db: Db, networkId: string, organizationId: string) =>
  db
    .selectFrom('directory_services')
    .select(['id', 'name', 'status', 'assured_date', 'updated_at'])
    .where('organization_id', '=', organizationId)
    .where(seenBy(networkId))
    .orderBy('name')
    .execute();

// ---------------------------------------------------------------- reading fields

async function translations(db: Db, entityType: string, id: string) {
  const rows = await db
    .selectFrom('directory_translations')
    .select(['field', 'lang', 'value'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', id)
    .execute();
  const get = (field: string, lang: string) =>
    rows.find((r) => r.field === field && r.lang === lang)?.value ?? null;
  return {
    name_fr: get('name', 'fr'),
    name_en: get('name', 'en'),
    description_fr: get('description', 'fr'),
    description_en: get('description', 'en'),
  };
}

async function phones(db: Db, owner: 'organization_id' | 'service_id', id: string) {
  const rows = await db
    .selectFrom('directory_phones')
    .select('number')
    .where(owner, '=', id)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.number);
}

/** The service's first location (HSDS allows several; the edit form keeps the main one). */
const firstLocation = (db: Db, serviceId: string) =>
  db
    .selectFrom('directory_service_at_locations as sal')
    .innerJoin('directory_locations as l', 'l.id', 'sal.location_id')
    .select(['l.id as location_id', 'sal.id as sal_id'])
    .where('sal.service_id', '=', serviceId)
    .orderBy('sal.id')
    .executeTakeFirst();

const clock = (v: string | null) => (v ?? '').slice(0, 5);

export async function readServiceFields(db: Db, s: ServiceTable): Promise<ServiceFields> {
  const loc = await firstLocation(db, s.id);
  const address = loc
    ? await db
        .selectFrom('directory_addresses')
        .select(['address_1', 'postal_code', 'city'])
        .where('location_id', '=', loc.location_id)
        .orderBy('id')
        .executeTakeFirst()
    : undefined;
  const schedules = await db
    .selectFrom('directory_schedules')
    .select(['byday', 'opens_at', 'closes_at', 'freq'])
    .where('service_id', '=', s.id)
    .execute();
  const weekly: ServiceFields['hours']['weekly'] = [];
  for (const r of schedules) {
    if (r.freq.toUpperCase() !== 'WEEKLY' || !r.opens_at || !r.closes_at) continue;
    for (const d of (r.byday ?? '').split(',')) {
      const day = d.trim().toUpperCase() as (typeof WEEKDAYS)[number];
      if (WEEKDAYS.includes(day))
        weekly.push({ day, opens_at: clock(r.opens_at), closes_at: clock(r.closes_at) });
    }
  }
  weekly.sort(
    (a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || a.opens_at.localeCompare(b.opens_at),
  );
  const exceptions = await db
    .selectFrom('directory_schedule_exceptions')
    .selectAll()
    .where('service_id', '=', s.id)
    .orderBy('date_from')
    .execute();
  const languages = await db
    .selectFrom('directory_languages')
    .select('code')
    .where('service_id', '=', s.id)
    .orderBy('code')
    .execute();
  const cost = await db
    .selectFrom('directory_cost_options')
    .select('amount')
    .where('service_id', '=', s.id)
    .orderBy('id')
    .executeTakeFirst();
  const capacity = await db
    .selectFrom('directory_service_capacities')
    .select(['available', 'waiting_list'])
    .where('service_id', '=', s.id)
    .orderBy('id')
    .executeTakeFirst();
  return {
    name: s.name,
    alternate_name: s.alternate_name,
    description: s.description,
    ...(await translations(db, 'service', s.id)),
    url: s.url,
    email: s.email,
    phones: await phones(db, 'service_id', s.id),
    address: address ?? null,
    hours: {
      weekly,
      exceptions: exceptions.map((e) => ({
        date_from: e.date_from,
        date_to: e.date_to,
        closed: e.closed === 1,
        opens_at: e.opens_at ? clock(e.opens_at) : null,
        closes_at: e.closes_at ? clock(e.closes_at) : null,
        reason: e.reason,
      })),
    },
    languages: languages.map((l) => l.code),
    cost: cost?.amount ?? null,
    fees_description: s.fees_description,
    minimum_age: s.minimum_age,
    maximum_age: s.maximum_age,
    eligibility_description: s.eligibility_description,
    capacity: capacity ? { available: capacity.available, waiting_list: capacity.waiting_list } : null,
    status: (s.status as ServiceFields['status']) ?? 'active',
  };
}

export async function readOrganizationFields(db: Db, o: OrganizationTable): Promise<OrganizationFields> {
  return {
    name: o.name,
    alternate_name: o.alternate_name,
    description: o.description,
    ...(await translations(db, 'organization', o.id)),
    email: o.email,
    website: o.website,
    phones: await phones(db, 'organization_id', o.id),
  };
}

// ---------------------------------------------------------------- writing fields

const TRANSLATED: Record<string, [string, string]> = {
  name_fr: ['name', 'fr'],
  name_en: ['name', 'en'],
  description_fr: ['description', 'fr'],
  description_en: ['description', 'en'],
};

async function writeTranslation(
  db: Db,
  entityType: string,
  id: string,
  key: string,
  value: string | null,
  source: string,
) {
  const [field, lang] = TRANSLATED[key] as [string, string];
  await db
    .deleteFrom('directory_translations')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', id)
    .where('field', '=', field)
    .where('lang', '=', lang)
    .execute();
  if (value !== null) {
    await db
      .insertInto('directory_translations')
      .values({ entity_type: entityType, entity_id: id, field, lang, value, source, updated_at: nowIso() })
      .execute();
  }
}

async function writePhones(db: Db, owner: 'organization_id' | 'service_id', id: string, numbers: string[]) {
  await db.deleteFrom('directory_phones').where(owner, '=', id).execute();
  for (const number of numbers) {
    await db
      .insertInto('directory_phones')
      .values({
        id: newId(),
        organization_id: owner === 'organization_id' ? id : null,
        service_id: owner === 'service_id' ? id : null,
        location_id: null,
        contact_id: null,
        service_at_location_id: null,
        number,
        extension: null,
        type: 'voice',
        description: null,
      })
      .execute();
  }
}

async function writeAddress(db: Db, s: ServiceTable, address: ServiceFields['address']) {
  const loc = await firstLocation(db, s.id);
  if (!address) {
    // The service no longer has a visiting address: unlink it, the location may serve other services.
    if (loc) await db.deleteFrom('directory_service_at_locations').where('id', '=', loc.sal_id).execute();
    return;
  }
  if (loc) {
    const existing = await db
      .selectFrom('directory_addresses')
      .select('id')
      .where('location_id', '=', loc.location_id)
      .orderBy('id')
      .executeTakeFirst();
    if (existing) {
      await db.updateTable('directory_addresses').set(address).where('id', '=', existing.id).execute();
      return;
    }
  }
  const at = nowIso();
  const locationId = loc?.location_id ?? newId();
  if (!loc) {
    await db
      .insertInto('directory_locations')
      .values({
        id: locationId,
        organization_id: s.organization_id,
        location_type: 'physical',
        name: null,
        alternate_name: null,
        description: null,
        transportation: null,
        latitude: null,
        longitude: null,
        nis_code: null,
        network_id: s.network_id,
        published: 1,
        is_demo: s.is_demo,
        assured_date: null,
        assured_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('directory_service_at_locations')
      .values({ id: newId(), service_id: s.id, location_id: locationId, description: null })
      .execute();
  }
  await db
    .insertInto('directory_addresses')
    .values({
      id: newId(),
      location_id: locationId,
      attention: null,
      address_2: null,
      region: null,
      state_province: null,
      country: 'BE',
      address_type: 'physical',
      ...address,
    })
    .execute();
}

async function writeHours(db: Db, serviceId: string, hours: ServiceFields['hours']) {
  await db.deleteFrom('directory_schedules').where('service_id', '=', serviceId).execute();
  await db.deleteFrom('directory_schedule_exceptions').where('service_id', '=', serviceId).execute();
  // Days with the same hours share one HSDS schedule row (byday "MO,TU,…"), as imports write them.
  const byTimes = new Map<string, string[]>();
  for (const slot of hours.weekly) {
    const key = `${slot.opens_at}-${slot.closes_at}`;
    byTimes.set(key, [...(byTimes.get(key) ?? []), slot.day]);
  }
  for (const [key, days] of byTimes) {
    const [opens_at, closes_at] = key.split('-') as [string, string];
    const byday = WEEKDAYS.filter((d) => days.includes(d)).join(',');
    await db
      .insertInto('directory_schedules')
      .values(weeklySchedule({ id: newId(), service_id: serviceId, byday, opens_at, closes_at }))
      .execute();
  }
  for (const e of hours.exceptions) {
    await db
      .insertInto('directory_schedule_exceptions')
      .values({
        id: newId(),
        service_id: serviceId,
        date_from: e.date_from,
        date_to: e.date_to,
        closed: e.closed ? 1 : 0,
        opens_at: e.closed ? null : e.opens_at,
        closes_at: e.closed ? null : e.closes_at,
        reason: e.reason,
      })
      .execute();
  }
}

const SERVICE_COLUMNS = [
  'name',
  'alternate_name',
  'description',
  'url',
  'email',
  'fees_description',
  'minimum_age',
  'maximum_age',
  'eligibility_description',
  'status',
] as const satisfies readonly (ServiceField & keyof ServiceTable)[];

/** Writes the given fields of a service (its own columns and the HSDS records around it). */
export async function writeServiceFields(
  db: Db,
  s: ServiceTable,
  patch: Partial<ServiceFields>,
  meta: { source: string; at: string; assuredDate: string; assuredBy: string | null },
) {
  const columns: Partial<ServiceTable> = {};
  for (const c of SERVICE_COLUMNS) if (patch[c] !== undefined) Object.assign(columns, { [c]: patch[c] });
  await db
    .updateTable('directory_services')
    .set({ ...columns, updated_at: meta.at, assured_date: meta.assuredDate, assured_by: meta.assuredBy })
    .where('id', '=', s.id)
    .execute();
  for (const key of Object.keys(TRANSLATED)) {
    const v = patch[key as keyof ServiceFields] as string | null | undefined;
    if (v !== undefined) await writeTranslation(db, 'service', s.id, key, v, meta.source);
  }
  if (patch.phones) await writePhones(db, 'service_id', s.id, patch.phones);
  if (patch.address !== undefined) await writeAddress(db, s, patch.address);
  if (patch.hours) await writeHours(db, s.id, patch.hours);
  if (patch.languages) {
    await db.deleteFrom('directory_languages').where('service_id', '=', s.id).execute();
    for (const code of new Set(patch.languages)) {
      await db
        .insertInto('directory_languages')
        .values({
          id: newId(),
          service_id: s.id,
          location_id: null,
          phone_id: null,
          name: null,
          code,
          note: null,
        })
        .execute();
    }
  }
  if (patch.cost !== undefined) {
    await db.deleteFrom('directory_cost_options').where('service_id', '=', s.id).execute();
    if (patch.cost !== null) {
      await db
        .insertInto('directory_cost_options')
        .values({
          id: newId(),
          service_id: s.id,
          valid_from: null,
          valid_to: null,
          option: null,
          currency: 'EUR',
          amount: patch.cost,
          amount_description: null,
        })
        .execute();
    }
  }
  if (patch.capacity !== undefined) {
    const existing = await db
      .selectFrom('directory_service_capacities')
      .select(['id', 'unit'])
      .where('service_id', '=', s.id)
      .orderBy('id')
      .executeTakeFirst();
    await db.deleteFrom('directory_service_capacities').where('service_id', '=', s.id).execute();
    if (patch.capacity) {
      await db
        .insertInto('directory_service_capacities')
        .values({
          id: newId(),
          service_id: s.id,
          unit: existing?.unit ?? 'plaatsen',
          available: patch.capacity.available,
          maximum: null,
          waiting_list: patch.capacity.waiting_list,
          description: null,
          updated: meta.at,
        })
        .execute();
    }
  }
}

export async function writeOrganizationFields(
  db: Db,
  o: OrganizationTable,
  patch: Partial<OrganizationFields>,
  meta: { source: string; at: string; assuredDate: string; assuredBy: string | null },
) {
  const columns: Partial<OrganizationTable> = {};
  for (const c of ['name', 'alternate_name', 'description', 'email', 'website'] as const) {
    if (patch[c] !== undefined) Object.assign(columns, { [c]: patch[c] });
  }
  await db
    .updateTable('directory_organizations')
    .set({ ...columns, updated_at: meta.at, assured_date: meta.assuredDate, assured_by: meta.assuredBy })
    .where('id', '=', o.id)
    .execute();
  for (const key of Object.keys(TRANSLATED)) {
    const v = patch[key as OrganizationField] as string | null | undefined;
    if (v !== undefined) await writeTranslation(db, 'organization', o.id, key, v, meta.source);
  }
  if (patch.phones) await writePhones(db, 'organization_id', o.id, patch.phones);
}

export async function insertServiceRow(
  db: Db,
  s: { id: string; organization: OrganizationTable; name: string },
) {
  const at = nowIso();
  await db
    .insertInto('directory_services')
    .values({
      id: s.id,
      organization_id: s.organization.id,
      name: s.name,
      alternate_name: null,
      description: null,
      url: null,
      email: null,
      status: 'active',
      interpretation_services: null,
      application_process: null,
      fees_description: null,
      wait_time: null,
      eligibility_description: null,
      minimum_age: null,
      maximum_age: null,
      alert: null,
      assurer_email: null,
      network_id: s.organization.network_id,
      published: 1,
      is_demo: s.organization.is_demo,
      assured_date: null,
      assured_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return (await db
    .selectFrom('directory_services')
    .selectAll()
    .where('id', '=', s.id)
    .executeTakeFirst()) as ServiceTable;
}

/** Marks a record as confirmed without changing any value. */
export async function assure(
  db: Db,
  table: 'directory_services' | 'directory_organizations',
  id: string,
  assuredDate: string,
  assuredBy: string | null,
) {
  await db
    .updateTable(table)
    .set({ assured_date: assuredDate, assured_by: assuredBy })
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------- provenance

export async function setProvenance(
  db: Db,
  entityType: 'service' | 'organization',
  entityId: string,
  fields: string[],
  p: { source: string; sourceRef: string | null; assuredDate: string; assuredBy: string | null; at: string },
) {
  if (fields.length === 0) return;
  await db
    .deleteFrom('directory_field_sources')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .where('field', 'in', fields)
    .execute();
  await db
    .insertInto('directory_field_sources')
    .values(
      fields.map((field) => ({
        entity_type: entityType,
        entity_id: entityId,
        field,
        source: p.source,
        source_ref: p.sourceRef,
        assured_date: p.assuredDate,
        assured_by: p.assuredBy,
        updated_at: p.at,
      })),
    )
    .execute();
}

export const provenanceOf = (db: Db, entityType: string, entityId: string) =>
  db
    .selectFrom('directory_field_sources as f')
    .leftJoin('users as u', 'u.id', 'f.assured_by')
    .select(['f.field', 'f.source', 'f.source_ref', 'f.updated_at', 'u.name as by_name'])
    .where('f.entity_type', '=', entityType)
    .where('f.entity_id', '=', entityId)
    .execute();

export async function userName(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null;
  return (await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
}

/** An organisation's id and name; the caller has found it through a record the network sees. */
export const organizationRef = (db: Db, id: string) =>
  db
    .selectFrom('directory_organizations')
    .select(['id', 'name'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
