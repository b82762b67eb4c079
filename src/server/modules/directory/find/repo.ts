import { type Kysely, type SqlBool, sql } from 'kysely';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import { tablesOf } from '../db.ts';
import type { DirectoryTables } from '../tables.ts';

/** The directory's tables with the platform's reference geography and people, which records refer to. */
type FindTables = Pick<
  PlatformTables,
  'municipalities' | 'municipality_boundaries' | 'postcodes' | 'network_municipalities' | 'users'
>;
export type FindDb = Kysely<DirectoryTables & FindTables>;

export function findDb(db: Kysely<PlatformTables>): FindDb {
  return tablesOf<DirectoryTables & FindTables>(db);
}

/**
 * What a network's members may read: published shared records and the network's own additions; staff also
 * see their own network's unpublished additions (drafts they keep). Another network's records never show.
 */
export interface ReadScope {
  networkId: string;
  drafts: boolean;
}

function visible(scope: ReadScope, alias: string) {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const own = sql<SqlBool>`${col('network_id')} = ${scope.networkId}`;
  return scope.drafts
    ? sql<SqlBool>`((${col('network_id')} IS NULL AND ${col('published')} = 1) OR ${own})`
    : sql<SqlBool>`(${col('published')} = 1 AND (${col('network_id')} IS NULL OR ${own}))`;
}

export const serviceRow = (db: FindDb, scope: ReadScope, id: string) =>
  db
    .selectFrom('directory_services as s')
    .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
    .selectAll('s')
    .select(['o.name as organization_name'])
    .where('s.id', '=', id)
    .where(visible(scope, 's'))
    .executeTakeFirst();

export const organizationRow = (db: FindDb, scope: ReadScope, id: string) =>
  db
    .selectFrom('directory_organizations as o')
    .selectAll('o')
    .where('o.id', '=', id)
    .where(visible(scope, 'o'))
    .executeTakeFirst();

export const organizationName = (db: FindDb, id: string) =>
  db.selectFrom('directory_organizations').select(['id', 'name']).where('id', '=', id).executeTakeFirst();

export const servicesOfOrganization = (db: FindDb, scope: ReadScope, organizationId: string) =>
  db
    .selectFrom('directory_services as s')
    .select(['s.id', 's.name', 's.description', 's.published'])
    .where('s.organization_id', '=', organizationId)
    .where('s.status', '=', 'active')
    .where(visible(scope, 's'))
    .orderBy('s.name')
    .execute();

/** Organisation ids and whether each service is a local addition, for a page of search results. */
export const serviceOwners = (db: FindDb, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('directory_services')
        .select(['id', 'organization_id', 'network_id'])
        .where('id', 'in', ids)
        .execute();

export const translations = (db: FindDb, entityType: string, entityId: string, lang: string) =>
  db
    .selectFrom('directory_translations')
    .select(['field', 'value'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .where('lang', '=', lang)
    .execute();

export async function locationsOf(
  db: FindDb,
  scope: ReadScope,
  by: { serviceId: string } | { organizationId: string },
) {
  const q = db
    .selectFrom('directory_locations as l')
    .leftJoin('municipalities as m', 'm.nis_code', 'l.nis_code')
    // A shared organisation also holds the locations of other networks' own services.
    .where(visible(scope, 'l'))
    .select([
      'l.id',
      'l.name',
      'l.description',
      'l.transportation',
      'l.latitude',
      'l.longitude',
      'm.name_nl as municipality',
    ]);
  const rows =
    'serviceId' in by
      ? await q
          .innerJoin('directory_service_at_locations as sal', 'sal.location_id', 'l.id')
          .where('sal.service_id', '=', by.serviceId)
          .execute()
      : await q.where('l.organization_id', '=', by.organizationId).execute();
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return { rows, addresses: [], accessibility: [] };
  const [addresses, accessibility] = await Promise.all([
    db.selectFrom('directory_addresses').selectAll().where('location_id', 'in', ids).execute(),
    db
      .selectFrom('directory_attributes as at')
      .innerJoin('directory_taxonomy_terms as t', 't.id', 'at.taxonomy_term_id')
      .select(['at.link_id', 't.id', 't.name'])
      .where('at.link_entity', '=', 'location')
      .where('at.link_id', 'in', ids)
      .execute(),
  ]);
  return { rows, addresses, accessibility };
}

export const phonesOf = (db: FindDb, column: 'service_id' | 'organization_id', id: string) =>
  db
    .selectFrom('directory_phones')
    .select(['number', 'extension', 'type', 'description', 'contact_id'])
    .where((eb) => eb.or([eb(column, '=', id), eb('contact_id', 'in', contactIds(db, column, id))]))
    .execute();

const contactIds = (db: FindDb, column: 'service_id' | 'organization_id', id: string) =>
  db.selectFrom('directory_contacts').select('id').where(column, '=', id);

export const contactsOf = (db: FindDb, column: 'service_id' | 'organization_id', id: string) =>
  db
    .selectFrom('directory_contacts')
    .select(['id', 'name', 'title', 'department', 'email'])
    .where(column, '=', id)
    .execute();

export const schedulesOf = (db: FindDb, serviceId: string) =>
  db.selectFrom('directory_schedules').selectAll().where('service_id', '=', serviceId).execute();

export const exceptionsOf = (db: FindDb, serviceId: string, fromDate: string) =>
  db
    .selectFrom('directory_schedule_exceptions')
    .selectAll()
    .where('service_id', '=', serviceId)
    .where('date_to', '>=', fromDate)
    .orderBy('date_from')
    .execute();

export const languagesOf = (db: FindDb, serviceId: string) =>
  db.selectFrom('directory_languages').select('code').where('service_id', '=', serviceId).execute();

export const costsOf = (db: FindDb, serviceId: string) =>
  db.selectFrom('directory_cost_options').selectAll().where('service_id', '=', serviceId).execute();

export const capacitiesOf = (db: FindDb, serviceId: string) =>
  db.selectFrom('directory_service_capacities').selectAll().where('service_id', '=', serviceId).execute();

export const termsOf = (db: FindDb, serviceId: string) =>
  db
    .selectFrom('directory_attributes as at')
    .innerJoin('directory_taxonomy_terms as t', 't.id', 'at.taxonomy_term_id')
    .innerJoin('directory_taxonomies as x', 'x.id', 't.taxonomy_id')
    .select(['t.id', 't.name', 'x.kind'])
    .where('at.link_entity', '=', 'service')
    .where('at.link_id', '=', serviceId)
    .orderBy('x.kind')
    .orderBy('t.name')
    .execute();

export const serviceAreasOf = (db: FindDb, serviceId: string) =>
  db
    .selectFrom('directory_service_areas as a')
    .leftJoin('municipalities as m', 'm.nis_code', 'a.nis_code')
    .select(['a.name', 'm.name_nl as municipality'])
    .where('a.service_id', '=', serviceId)
    .execute();

export const identifiersOf = (db: FindDb, entityType: string, id: string) =>
  db
    .selectFrom('directory_identifiers')
    .select(['scheme', 'identifier'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', id)
    .orderBy('scheme')
    .execute();

/** Whoever confirmed a record: a user id resolves to the person's name, anything else is shown as written. */
export async function personName(db: FindDb, ref: string | null): Promise<string | null> {
  if (!ref) return null;
  const user = await db.selectFrom('users').select('name').where('id', '=', ref).executeTakeFirst();
  return user?.name ?? ref;
}

/** The postcode's municipality, when the postcode is one of the region's. */
export const postcodeMunicipality = (db: FindDb, postcode: string) =>
  db.selectFrom('postcodes').select('nis_code').where('postcode', '=', postcode).executeTakeFirst();

/** Where the map's services at this postcode are, on average: the best centre of a postcode we have. */
export async function postcodeServiceCentre(db: FindDb, postcode: string) {
  const row = await db
    .selectFrom('directory_addresses as a')
    .innerJoin('directory_locations as l', 'l.id', 'a.location_id')
    .select((eb) => [eb.fn.avg<number>('l.latitude').as('lat'), eb.fn.avg<number>('l.longitude').as('lon')])
    .where('a.postal_code', '=', postcode)
    .where('l.latitude', 'is not', null)
    .executeTakeFirst();
  return row?.lat != null && row.lon != null ? { lat: Number(row.lat), lon: Number(row.lon) } : null;
}

export const boundaryOf = (db: FindDb, nisCode: string) =>
  db
    .selectFrom('municipality_boundaries')
    .select('geojson')
    .where('nis_code', '=', nisCode)
    .executeTakeFirst();

export const termsByKind = (db: FindDb, kinds: string[]) =>
  db
    .selectFrom('directory_taxonomy_terms as t')
    .innerJoin('directory_taxonomies as x', 'x.id', 't.taxonomy_id')
    .select(['t.id', 't.name', 'x.kind'])
    .where('x.kind', 'in', kinds)
    .orderBy('t.name')
    .execute();

/** The network's municipalities today, with their postcodes. */
export async function networkRegion(db: FindDb, networkId: string, today: string) {
  const municipalities = await db
    .selectFrom('network_municipalities as nm')
    .innerJoin('municipalities as m', 'm.nis_code', 'nm.nis_code')
    .select(['m.nis_code', 'm.name_nl'])
    .where('nm.network_id', '=', networkId)
    .where('nm.valid_from', '<=', today)
    .where((eb) => eb.or([eb('nm.valid_to', 'is', null), eb('nm.valid_to', '>=', today)]))
    .orderBy('m.name_nl')
    .execute();
  const postcodes =
    municipalities.length === 0
      ? []
      : await db
          .selectFrom('postcodes')
          .select(['postcode', 'place_nl'])
          .where(
            'nis_code',
            'in',
            municipalities.map((m) => m.nis_code),
          )
          .orderBy('postcode')
          .orderBy('place_nl')
          .execute();
  return { municipalities, postcodes };
}

export const languageCodes = (db: FindDb) =>
  db
    .selectFrom('directory_languages')
    .select('code')
    .distinct()
    .where('service_id', 'is not', null)
    .orderBy('code')
    .execute();
