// The queries of the HSDS read model (hsds.ts shapes their rows into HSDS objects).
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Paged, Scope } from './hsds.ts';
import type { DirectoryTables } from './tables.ts';

type Db = Kysely<DirectoryTables>;

/** HSDS 3.1 location and schedule fields, in the standard's order: the API's objects and the tabular export share them. */
export const LOCATION_COLUMNS = [
  'id',
  'location_type',
  'organization_id',
  'name',
  'alternate_name',
  'description',
  'transportation',
  'latitude',
  'longitude',
] as const;

export const SCHEDULE_COLUMNS = [
  'id',
  'service_id',
  'valid_from',
  'valid_to',
  'dtstart',
  'until',
  'count',
  'wkst',
  'freq',
  'interval',
  'byday',
  'byweekno',
  'bymonthday',
  'byyearday',
  'description',
  'opens_at',
  'closes_at',
  'schedule_link',
  'attending_type',
  'notes',
] as const;

/**
 * Published, and either shared or the given network's own. Written as an expression on purpose: `network_id IS
 * NULL` holds for nearly every row, and an index on it would lead the planner away from the primary key.
 */
export function visible(scope: Scope) {
  return sql<SqlBool>`published = 1 AND coalesce(network_id, '') IN ('', ${scope.networkId ?? ''})`;
}

/** Every id of a taxonomy table. */
export async function allIds(
  db: Db,
  table: 'directory_taxonomy_terms' | 'directory_taxonomies',
): Promise<string[]> {
  return (await db.selectFrom(table).select('id').execute()).map((r) => r.id);
}

/** The visible services among these ids. */
export const visibleServices = (db: Db, scope: Scope, ids: string[]) =>
  db.selectFrom('directory_services').where(visible(scope)).selectAll().where('id', 'in', ids).execute();

/** Everything an HSDS service object holds besides the service row, for these visible services. */
export async function serviceParts(
  db: Db,
  scope: Scope,
  services: { id: string; organization_id: string }[],
) {
  const live = services.map((s) => s.id);
  const [orgs, sal, phones, schedules, languages, costs, attributes] = await Promise.all([
    db
      .selectFrom('directory_organizations')
      .select([
        'id',
        'name',
        'alternate_name',
        'description',
        'email',
        'website',
        'legal_status',
        'parent_organization_id',
      ])
      // A published service may sit under an organisation that is not published (or not in scope).
      .where(visible(scope))
      .where('id', 'in', [...new Set(services.map((s) => s.organization_id))])
      .execute(),
    db.selectFrom('directory_service_at_locations').selectAll().where('service_id', 'in', live).execute(),
    db
      .selectFrom('directory_phones')
      .select(['id', 'service_id', 'number', 'type', 'description'])
      .where('service_id', 'in', live)
      .execute(),
    db.selectFrom('directory_schedules').select(SCHEDULE_COLUMNS).where('service_id', 'in', live).execute(),
    db
      .selectFrom('directory_languages')
      .select(['id', 'service_id', 'name', 'code', 'note'])
      .where('service_id', 'in', live)
      .execute(),
    db.selectFrom('directory_cost_options').selectAll().where('service_id', 'in', live).execute(),
    db
      .selectFrom('directory_attributes')
      .select(['id', 'link_id', 'link_type', 'link_entity', 'taxonomy_term_id', 'value', 'label'])
      .where('link_entity', '=', 'service')
      .where('link_id', 'in', live)
      .execute(),
  ]);
  const locationIds = [...new Set(sal.map((r) => r.location_id))];
  const [locations, addresses] = locationIds.length
    ? await Promise.all([
        db
          .selectFrom('directory_locations')
          .where(visible(scope))
          .select(LOCATION_COLUMNS)
          .where('id', 'in', locationIds)
          .execute(),
        db.selectFrom('directory_addresses').selectAll().where('location_id', 'in', locationIds).execute(),
      ])
    : [[], []];
  return { orgs, sal, phones, schedules, languages, costs, attributes, locations, addresses };
}

/** Published services in order of last change, for syncing clients (modified_after) and plain listings. */
export async function listServiceIds(
  db: Db,
  scope: Scope,
  f: { modifiedAfter?: string; postcode?: string; termIds?: string[]; offset: number; limit: number },
): Promise<Paged<string>> {
  let q = db.selectFrom('directory_services').where(visible(scope)).where('status', '=', 'active');
  if (f.modifiedAfter) q = q.where('updated_at', '>', f.modifiedAfter);
  if (f.postcode) {
    const postcode = f.postcode;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('directory_service_at_locations as sal')
          .innerJoin('directory_addresses as a', 'a.location_id', 'sal.location_id')
          .select('sal.id')
          .whereRef('sal.service_id', '=', 'directory_services.id')
          .where('a.postal_code', '=', postcode),
      ),
    );
  }
  for (const term of f.termIds ?? []) {
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('directory_attributes as at')
          .select('at.id')
          .whereRef('at.link_id', '=', 'directory_services.id')
          .where('at.link_entity', '=', 'service')
          .where('at.taxonomy_term_id', '=', term),
      ),
    );
  }
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    q.select('id').orderBy('updated_at').orderBy('id').offset(f.offset).limit(f.limit).execute(),
  ]);
  return { total: Number(count?.n ?? 0), items: rows.map((r) => r.id) };
}

/** One page of the visible organisations by name, and their count. */
export async function organizationsPage(db: Db, scope: Scope, page: { offset: number; limit: number }) {
  const base = db.selectFrom('directory_organizations').where(visible(scope));
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    base
      .select([
        'id',
        'name',
        'alternate_name',
        'description',
        'email',
        'website',
        'legal_status',
        'parent_organization_id',
      ])
      .orderBy('name')
      .orderBy('id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  ]);
  return { count, rows };
}

/** A visible organisation. */
export const findOrganization = (db: Db, scope: Scope, id: string) =>
  db
    .selectFrom('directory_organizations')
    .where(visible(scope))
    .select([
      'id',
      'name',
      'alternate_name',
      'description',
      'email',
      'website',
      'legal_status',
      'parent_organization_id',
    ])
    .where('id', '=', id)
    .executeTakeFirst();

/** An organisation's visible services by name (id, name, status and description, as HSDS lists them). */
export const servicesOfOrganization = (db: Db, scope: Scope, id: string) =>
  db
    .selectFrom('directory_services')
    .where(visible(scope))
    .select(['id', 'name', 'status', 'description'])
    .where('organization_id', '=', id)
    .orderBy('name')
    .limit(1000)
    .execute();

/** One page of the taxonomies by id, and their count. */
export async function taxonomiesPage(db: Db, page: { offset: number; limit: number }) {
  const [count, rows] = await Promise.all([
    db
      .selectFrom('directory_taxonomies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    db
      .selectFrom('directory_taxonomies')
      .select(['id', 'name', 'description', 'uri', 'version'])
      .orderBy('id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  ]);
  return { count, rows };
}

/** One page of the terms (of one taxonomy if given) by taxonomy and code, and their count. */
export async function taxonomyTermsPage(
  db: Db,
  taxonomyId: string | undefined,
  page: { offset: number; limit: number },
) {
  let base = db.selectFrom('directory_taxonomy_terms');
  if (taxonomyId !== undefined) base = base.where('taxonomy_id', '=', taxonomyId);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    base
      .select(['id', 'code', 'name', 'description', 'parent_id', 'taxonomy_id', 'term_uri'])
      .orderBy('taxonomy_id')
      .orderBy('code')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  ]);
  return { count, rows };
}
