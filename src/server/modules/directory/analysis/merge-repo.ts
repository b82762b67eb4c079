// SQL of merging two records: moving everything that hangs on one to the other.
import { newId, nowIso } from '../../../platform/ids.ts';
import type { Db, RecordKind } from './repo.ts';

// ------------------------------------------------------------------------------------------------ merge

export const findOrganization = (db: Db, id: string) =>
  db.selectFrom('directory_organizations').selectAll().where('id', '=', id).executeTakeFirst();

export const findService = (db: Db, id: string) =>
  db.selectFrom('directory_services').selectAll().where('id', '=', id).executeTakeFirst();

export async function updateRecord(
  db: Db,
  kind: RecordKind,
  id: string,
  values: Record<string, string | number | null>,
): Promise<void> {
  if (kind === 'organization')
    await db.updateTable('directory_organizations').set(values).where('id', '=', id).execute();
  else await db.updateTable('directory_services').set(values).where('id', '=', id).execute();
}

export async function deleteRecord(db: Db, kind: RecordKind, id: string): Promise<void> {
  if (kind === 'organization') await db.deleteFrom('directory_organizations').where('id', '=', id).execute();
  else await db.deleteFrom('directory_services').where('id', '=', id).execute();
}

export const servicesOfOrganization = async (db: Db, organizationId: string) =>
  (
    await db
      .selectFrom('directory_services')
      .select('id')
      .where('organization_id', '=', organizationId)
      .execute()
  ).map((r) => r.id);

/** What an organisation owns moves to the survivor: services, locations, phones, contacts, sub-organisations. */
export async function moveOrganizationChildren(db: Db, from: string, to: string): Promise<void> {
  await db
    .updateTable('directory_services')
    .set({ organization_id: to })
    .where('organization_id', '=', from)
    .execute();
  await db
    .updateTable('directory_locations')
    .set({ organization_id: to })
    .where('organization_id', '=', from)
    .execute();
  await db
    .updateTable('directory_phones')
    .set({ organization_id: to })
    .where('organization_id', '=', from)
    .execute();
  await db
    .updateTable('directory_contacts')
    .set({ organization_id: to })
    .where('organization_id', '=', from)
    .execute();
  await db
    .updateTable('directory_organizations')
    .set({ parent_organization_id: to })
    .where('parent_organization_id', '=', from)
    .execute();
  const partnerships = await db
    .selectFrom('directory_network_partners')
    .selectAll()
    .where('organization_id', 'in', [from, to])
    .execute();
  const survivorNetworks = new Set(
    partnerships.filter((p) => p.organization_id === to).map((p) => p.network_id),
  );
  for (const p of partnerships.filter((x) => x.organization_id === from)) {
    if (!survivorNetworks.has(p.network_id))
      await db
        .insertInto('directory_network_partners')
        .values({ ...p, organization_id: to })
        .execute();
  }
  await db.deleteFrom('directory_network_partners').where('organization_id', '=', from).execute();
}

/**
 * What a service has moves to the survivor. Lists are joined without repeats (locations, languages, areas,
 * phones); opening hours, costs and capacity are a whole: they come from the merged service only when the
 * survivor has none, since two sets of hours side by side would say the service is open when it is not.
 */
export async function moveServiceChildren(db: Db, from: string, to: string): Promise<void> {
  const sal = await db
    .selectFrom('directory_service_at_locations')
    .select(['id', 'service_id', 'location_id'])
    .where('service_id', 'in', [from, to])
    .execute();
  const survivorLocations = new Set(sal.filter((r) => r.service_id === to).map((r) => r.location_id));
  for (const r of sal.filter((x) => x.service_id === from)) {
    if (survivorLocations.has(r.location_id))
      await db.deleteFrom('directory_service_at_locations').where('id', '=', r.id).execute();
    else
      await db
        .updateTable('directory_service_at_locations')
        .set({ service_id: to })
        .where('id', '=', r.id)
        .execute();
  }

  const phones = await db
    .selectFrom('directory_phones')
    .select(['id', 'service_id', 'number'])
    .where('service_id', 'in', [from, to])
    .execute();
  const digits = (n: string) => n.replace(/\D+/g, '');
  const survivorPhones = new Set(phones.filter((p) => p.service_id === to).map((p) => digits(p.number)));
  for (const p of phones.filter((x) => x.service_id === from)) {
    if (survivorPhones.has(digits(p.number)))
      await db.deleteFrom('directory_phones').where('id', '=', p.id).execute();
    else await db.updateTable('directory_phones').set({ service_id: to }).where('id', '=', p.id).execute();
  }
  await db.updateTable('directory_contacts').set({ service_id: to }).where('service_id', '=', from).execute();

  const languages = await db
    .selectFrom('directory_languages')
    .select(['id', 'service_id', 'code'])
    .where('service_id', 'in', [from, to])
    .execute();
  const survivorLanguages = new Set(languages.filter((l) => l.service_id === to).map((l) => l.code));
  for (const l of languages.filter((x) => x.service_id === from)) {
    if (survivorLanguages.has(l.code))
      await db.deleteFrom('directory_languages').where('id', '=', l.id).execute();
    else await db.updateTable('directory_languages').set({ service_id: to }).where('id', '=', l.id).execute();
  }

  const areas = await db
    .selectFrom('directory_service_areas')
    .select(['id', 'service_id', 'nis_code', 'name'])
    .where('service_id', 'in', [from, to])
    .execute();
  const areaKey = (a: { nis_code: string | null; name: string | null }) =>
    a.nis_code ?? `name:${a.name ?? ''}`;
  const survivorAreas = new Set(areas.filter((a) => a.service_id === to).map(areaKey));
  for (const a of areas.filter((x) => x.service_id === from)) {
    if (survivorAreas.has(areaKey(a)))
      await db.deleteFrom('directory_service_areas').where('id', '=', a.id).execute();
    else
      await db
        .updateTable('directory_service_areas')
        .set({ service_id: to })
        .where('id', '=', a.id)
        .execute();
  }

  for (const table of [
    'directory_schedules',
    'directory_schedule_exceptions',
    'directory_cost_options',
    'directory_service_capacities',
  ] as const) {
    const survivorHas = await db
      .selectFrom(table)
      .select('id')
      .where('service_id', '=', to)
      .limit(1)
      .executeTakeFirst();
    if (survivorHas) await db.deleteFrom(table).where('service_id', '=', from).execute();
    else await db.updateTable(table).set({ service_id: to }).where('service_id', '=', from).execute();
  }
}

/** Taxonomy terms linked to a record, without repeats on the survivor. */
export async function moveAttributes(db: Db, kind: RecordKind, from: string, to: string): Promise<void> {
  const rows = await db
    .selectFrom('directory_attributes')
    .select(['id', 'link_id', 'taxonomy_term_id'])
    .where('link_entity', '=', kind)
    .where('link_id', 'in', [from, to])
    .execute();
  const survivorTerms = new Set(rows.filter((r) => r.link_id === to).map((r) => r.taxonomy_term_id));
  for (const r of rows.filter((x) => x.link_id === from)) {
    if (survivorTerms.has(r.taxonomy_term_id))
      await db.deleteFrom('directory_attributes').where('id', '=', r.id).execute();
    else await db.updateTable('directory_attributes').set({ link_id: to }).where('id', '=', r.id).execute();
  }
}

export const identifiersOf = (db: Db, kind: RecordKind, id: string) =>
  db
    .selectFrom('directory_identifiers')
    .selectAll()
    .where('entity_type', '=', kind)
    .where('entity_id', '=', id)
    .execute();

export async function moveIdentifier(db: Db, identifierId: string, to: string): Promise<void> {
  await db
    .updateTable('directory_identifiers')
    .set({ entity_id: to })
    .where('id', '=', identifierId)
    .execute();
}

export async function deleteIdentifier(db: Db, identifierId: string): Promise<void> {
  await db.deleteFrom('directory_identifiers').where('id', '=', identifierId).execute();
}

export async function insertIdentifier(
  db: Db,
  kind: RecordKind,
  entityId: string,
  scheme: string,
  identifier: string,
): Promise<void> {
  await db
    .insertInto('directory_identifiers')
    .values({ id: newId(), entity_type: kind, entity_id: entityId, scheme, identifier })
    .execute();
}

export const translationsOf = (db: Db, kind: RecordKind, ids: string[]) =>
  db
    .selectFrom('directory_translations')
    .selectAll()
    .where('entity_type', '=', kind)
    .where('entity_id', 'in', ids)
    .execute();

export async function deleteTranslations(
  db: Db,
  kind: RecordKind,
  id: string,
  field?: string,
): Promise<void> {
  let q = db.deleteFrom('directory_translations').where('entity_type', '=', kind).where('entity_id', '=', id);
  if (field) q = q.where('field', '=', field);
  await q.execute();
}

export async function insertTranslation(
  db: Db,
  row: { entity_type: string; entity_id: string; field: string; lang: string; value: string; source: string },
): Promise<void> {
  await db
    .insertInto('directory_translations')
    .values({ ...row, updated_at: nowIso() })
    .execute();
}

/** The French and English names of a taxonomy term (the Dutch one is on the term's row). */
export async function deleteTermNames(db: Db, termId: string): Promise<void> {
  await db
    .deleteFrom('directory_translations')
    .where('entity_type', '=', 'taxonomy_term')
    .where('entity_id', '=', termId)
    .where('field', '=', 'name')
    .execute();
}

export const fieldSourcesOf = (db: Db, kind: RecordKind, ids: string[]) =>
  db
    .selectFrom('directory_field_sources')
    .selectAll()
    .where('entity_type', '=', kind)
    .where('entity_id', 'in', ids)
    .execute();

export async function deleteFieldSources(
  db: Db,
  kind: RecordKind,
  id: string,
  field?: string,
): Promise<void> {
  let q = db
    .deleteFrom('directory_field_sources')
    .where('entity_type', '=', kind)
    .where('entity_id', '=', id);
  if (field) q = q.where('field', '=', field);
  await q.execute();
}

export async function insertFieldSource(
  db: Db,
  row: {
    entity_type: string;
    entity_id: string;
    field: string;
    source: string;
    source_ref: string | null;
    assured_date: string | null;
    assured_by: string | null;
  },
): Promise<void> {
  await db
    .insertInto('directory_field_sources')
    .values({ ...row, updated_at: nowIso() })
    .execute();
}
