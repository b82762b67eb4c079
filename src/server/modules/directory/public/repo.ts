import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import type { Language } from '../../../platform/i18n.ts';
import { type Scope, visible } from '../hsds.ts';
import type { DirectoryTables } from '../tables.ts';

/**
 * Reads for the public pages: published records only, and of a network's own additions only those of the
 * network in scope, by the same rule as the HSDS API (hsds.ts `visible`).
 */
type Db = Kysely<DirectoryTables>;

export interface TermLabel {
  id: string;
  code: string;
  name: string;
  kind: string;
}

export interface ServiceDetail {
  id: string;
  name: string;
  description: string | null;
  url: string | null;
  email: string | null;
  application_process: string | null;
  fees_description: string | null;
  eligibility_description: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  assured_date: string | null;
  organization: { id: string; name: string } | null;
  terms: TermLabel[];
  locations: {
    id: string;
    name: string | null;
    address_1: string | null;
    postal_code: string | null;
    city: string | null;
    accessibility: { id: string; name: string }[];
  }[];
  schedules: { byday: string | null; opens_at: string | null; closes_at: string | null; freq: string }[];
  exceptions: {
    date_from: string;
    date_to: string;
    closed: boolean;
    opens_at: string | null;
    closes_at: string | null;
    reason: string | null;
  }[];
  languages: string[];
  costs: { amount: number | null; currency: string; amount_description: string | null }[];
  phones: string[];
  capacity: { unit: string; available: number; waiting_list: number | null } | null;
}

/** French or English texts of records, by entity id then field; Dutch is in the records themselves. */
export async function translations(
  db: Db,
  entityType: 'service' | 'organization',
  ids: string[],
  lang: Language,
): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  if (lang === 'nl' || ids.length === 0) return out;
  const rows = await db
    .selectFrom('directory_translations')
    .select(['entity_id', 'field', 'value'])
    .where('entity_type', '=', entityType)
    .where('lang', '=', lang)
    .where('entity_id', 'in', ids)
    .execute();
  for (const r of rows) out.set(r.entity_id, { ...out.get(r.entity_id), [r.field]: r.value });
  return out;
}

/** The rubrics a searcher can filter on, by name. */
export async function rubrics(db: Db): Promise<TermLabel[]> {
  return db
    .selectFrom('directory_taxonomy_terms as t')
    .innerJoin('directory_taxonomies as x', 'x.id', 't.taxonomy_id')
    .select(['t.id', 't.code', 't.name', 'x.kind'])
    .where('x.kind', '=', 'rubric')
    .orderBy('t.name')
    .execute();
}

/** Dated exceptions shown: those of the coming months, so the printed card stays one card. */
const EXCEPTIONS_SHOWN = 8;
const EXCEPTION_HORIZON_DAYS = 92;

export async function serviceDetail(
  db: Db,
  scope: Scope,
  id: string,
  today: string,
): Promise<ServiceDetail | null> {
  const until = new Date(`${today}T12:00:00Z`);
  until.setUTCDate(until.getUTCDate() + EXCEPTION_HORIZON_DAYS);
  const horizon = until.toISOString().slice(0, 10);
  const s = await db
    .selectFrom('directory_services')
    .where(visible(scope))
    .where('id', '=', id)
    .selectAll()
    .executeTakeFirst();
  if (!s) return null;
  const [org, terms, sal, schedules, exceptions, languages, costs, phones, capacity] = await Promise.all([
    db
      .selectFrom('directory_organizations')
      .where(visible(scope))
      .where('id', '=', s.organization_id)
      .select(['id', 'name'])
      .executeTakeFirst(),
    db
      .selectFrom('directory_attributes as a')
      .innerJoin('directory_taxonomy_terms as t', 't.id', 'a.taxonomy_term_id')
      .innerJoin('directory_taxonomies as x', 'x.id', 't.taxonomy_id')
      .select(['t.id', 't.code', 't.name', 'x.kind'])
      .where('a.link_entity', '=', 'service')
      .where('a.link_id', '=', id)
      .orderBy('t.name')
      .execute(),
    db
      .selectFrom('directory_service_at_locations')
      .select('location_id')
      .where('service_id', '=', id)
      .execute(),
    db
      .selectFrom('directory_schedules')
      .select(['byday', 'opens_at', 'closes_at', 'freq'])
      .where('service_id', '=', id)
      .execute(),
    db
      .selectFrom('directory_schedule_exceptions')
      .select(['date_from', 'date_to', 'closed', 'opens_at', 'closes_at', 'reason'])
      .where('service_id', '=', id)
      .where('date_to', '>=', today)
      .where('date_from', '<=', horizon)
      .orderBy('date_from')
      .limit(EXCEPTIONS_SHOWN)
      .execute(),
    db.selectFrom('directory_languages').select('code').where('service_id', '=', id).execute(),
    db
      .selectFrom('directory_cost_options')
      .select(['amount', 'currency', 'amount_description'])
      .where('service_id', '=', id)
      .execute(),
    db.selectFrom('directory_phones').select('number').where('service_id', '=', id).execute(),
    db
      .selectFrom('directory_service_capacities')
      .select(['unit', 'available', 'waiting_list'])
      .where('service_id', '=', id)
      .orderBy('updated', 'desc')
      .executeTakeFirst(),
  ]);
  const locationIds = sal.map((r) => r.location_id);
  const [locations, addresses, access] = locationIds.length
    ? await Promise.all([
        db
          .selectFrom('directory_locations')
          .where(visible(scope))
          .where('id', 'in', locationIds)
          .select(['id', 'name'])
          .execute(),
        db
          .selectFrom('directory_addresses')
          .select(['location_id', 'address_1', 'postal_code', 'city'])
          .where('location_id', 'in', locationIds)
          .execute(),
        db
          .selectFrom('directory_attributes as a')
          .innerJoin('directory_taxonomy_terms as t', 't.id', 'a.taxonomy_term_id')
          .select(['a.link_id', 't.id', 't.name'])
          .where('a.link_entity', '=', 'location')
          .where('a.link_id', 'in', locationIds)
          .execute(),
      ])
    : [[], [], []];
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    url: s.url,
    email: s.email,
    application_process: s.application_process,
    fees_description: s.fees_description,
    eligibility_description: s.eligibility_description,
    minimum_age: s.minimum_age === null ? null : Number(s.minimum_age),
    maximum_age: s.maximum_age === null ? null : Number(s.maximum_age),
    assured_date: s.assured_date,
    organization: org ?? null,
    terms,
    locations: locations.map((l) => {
      const a = addresses.find((x) => x.location_id === l.id);
      return {
        id: l.id,
        name: l.name,
        address_1: a?.address_1 ?? null,
        postal_code: a?.postal_code ?? null,
        city: a?.city ?? null,
        accessibility: access.filter((x) => x.link_id === l.id).map((x) => ({ id: x.id, name: x.name })),
      };
    }),
    schedules,
    exceptions: exceptions.map((e) => ({ ...e, closed: Number(e.closed) === 1 })),
    languages: languages.map((l) => l.code),
    costs: costs.map((c) => ({ ...c, amount: c.amount === null ? null : Number(c.amount) })),
    phones: phones.map((p) => p.number),
    capacity: capacity
      ? {
          unit: capacity.unit,
          available: Number(capacity.available),
          waiting_list: capacity.waiting_list === null ? null : Number(capacity.waiting_list),
        }
      : null,
  };
}

export interface OrganizationDetail {
  id: string;
  name: string;
  description: string | null;
  email: string | null;
  website: string | null;
  services: { id: string; name: string; description: string | null }[];
}

export async function organizationDetail(
  db: Db,
  scope: Scope,
  id: string,
): Promise<OrganizationDetail | null> {
  const org = await db
    .selectFrom('directory_organizations')
    .where(visible(scope))
    .where('id', '=', id)
    .select(['id', 'name', 'description', 'email', 'website'])
    .executeTakeFirst();
  if (!org) return null;
  const services = await db
    .selectFrom('directory_services')
    .where(visible(scope))
    .where('organization_id', '=', id)
    .where('status', '=', 'active')
    .select(['id', 'name', 'description'])
    .orderBy('name')
    .limit(500)
    .execute();
  return { ...org, services };
}

type AreaDb = Kysely<
  DirectoryTables & Pick<PlatformTables, 'networks' | 'network_municipalities' | 'postcodes'>
>;

/**
 * The published networks whose area (their municipalities on `today`) holds one of the service's locations,
 * by the location's NIS code or its address's postcode: they keep this part of the shared map current.
 */
export async function networksCovering(db: AreaDb, serviceId: string, today: string): Promise<string[]> {
  const places = await db
    .selectFrom('directory_service_at_locations as sal')
    .innerJoin('directory_locations as l', 'l.id', 'sal.location_id')
    .leftJoin('directory_addresses as a', 'a.location_id', 'l.id')
    .select(['l.nis_code', 'a.postal_code'])
    .where('sal.service_id', '=', serviceId)
    .execute();
  const nis = new Set(places.flatMap((p) => (p.nis_code ? [p.nis_code] : [])));
  const postcodes = [...new Set(places.flatMap((p) => (p.postal_code ? [p.postal_code] : [])))];
  if (postcodes.length > 0) {
    for (const r of await db
      .selectFrom('postcodes')
      .select('nis_code')
      .where('postcode', 'in', postcodes)
      .execute())
      nis.add(r.nis_code);
  }
  if (nis.size === 0) return [];
  const rows = await db
    .selectFrom('networks as n')
    .innerJoin('network_municipalities as nm', 'nm.network_id', 'n.id')
    .select(['n.slug', 'n.name'])
    .distinct()
    .where('n.published', '=', 1)
    .where('nm.nis_code', 'in', [...nis])
    .where('nm.valid_from', '<=', today)
    .where((eb) => eb.or([eb('nm.valid_to', 'is', null), eb('nm.valid_to', '>', today)]))
    .orderBy('n.name')
    .orderBy('n.slug')
    .execute();
  return rows.map((r) => r.slug);
}
