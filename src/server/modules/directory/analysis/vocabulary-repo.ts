// SQL of synonyms and the taxonomy.
import { newId, nowIso } from '../../../platform/ids.ts';
import type { Db } from './repo.ts';

// ------------------------------------------------------------------------------------------------ vocabulary

export const synonymsFor = (db: Db, networkId: string) =>
  db
    .selectFrom('directory_search_synonyms')
    .selectAll()
    .where((eb) => eb.or([eb('network_id', 'is', null), eb('network_id', '=', networkId)]))
    .orderBy('term')
    .orderBy('synonym')
    .execute();

export const findSynonym = (db: Db, id: string) =>
  db.selectFrom('directory_search_synonyms').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertSynonym(
  db: Db,
  row: { network_id: string; term: string; synonym: string; enabled: number },
): Promise<string> {
  const id = newId();
  const at = nowIso();
  await db
    .insertInto('directory_search_synonyms')
    .values({ id, ...row, created_at: at, updated_at: at })
    .execute();
  return id;
}

export async function setSynonymEnabled(db: Db, id: string, enabled: boolean): Promise<void> {
  await db
    .updateTable('directory_search_synonyms')
    .set({ enabled: enabled ? 1 : 0, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
}

export async function deleteSynonym(db: Db, id: string): Promise<void> {
  await db.deleteFrom('directory_search_synonyms').where('id', '=', id).execute();
}

export const taxonomies = (db: Db) =>
  db.selectFrom('directory_taxonomies').selectAll().orderBy('name').execute();

export const findTaxonomy = (db: Db, id: string) =>
  db.selectFrom('directory_taxonomies').selectAll().where('id', '=', id).executeTakeFirst();

export const termsOf = (db: Db, taxonomyIds: string[]) =>
  taxonomyIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('directory_taxonomy_terms')
        .selectAll()
        .where('taxonomy_id', 'in', taxonomyIds)
        .orderBy('name')
        .execute();

export const findTerm = (db: Db, id: string) =>
  db.selectFrom('directory_taxonomy_terms').selectAll().where('id', '=', id).executeTakeFirst();

export async function termUsage(db: Db, termIds: string[]): Promise<Map<string, number>> {
  if (termIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('directory_attributes')
    .select((eb) => ['taxonomy_term_id', eb.fn.countAll<number | string>().as('n')])
    .where('taxonomy_term_id', 'in', termIds)
    .groupBy('taxonomy_term_id')
    .execute();
  return new Map(rows.map((r) => [r.taxonomy_term_id, Number(r.n)]));
}

export const termTranslations = (db: Db, termIds: string[]) =>
  termIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('directory_translations')
        .selectAll()
        .where('entity_type', '=', 'taxonomy_term')
        .where('field', '=', 'name')
        .where('entity_id', 'in', termIds)
        .execute();

export async function insertTerm(
  db: Db,
  row: { id: string; taxonomy_id: string; code: string; name: string; description: string | null },
): Promise<void> {
  const at = nowIso();
  await db
    .insertInto('directory_taxonomy_terms')
    .values({ ...row, parent_id: null, term_uri: null, created_at: at, updated_at: at })
    .execute();
}

export async function renameTerm(db: Db, id: string, name: string): Promise<void> {
  await db
    .updateTable('directory_taxonomy_terms')
    .set({ name, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
}

/** The links of a term that retires, moved to its replacement (without repeats). */
export async function reassignTerm(db: Db, from: string, to: string): Promise<void> {
  const links = await db
    .selectFrom('directory_attributes')
    .select(['id', 'link_id', 'link_entity', 'taxonomy_term_id'])
    .where('taxonomy_term_id', 'in', [from, to])
    .execute();
  const has = new Set(
    links.filter((l) => l.taxonomy_term_id === to).map((l) => `${l.link_entity}:${l.link_id}`),
  );
  for (const l of links.filter((x) => x.taxonomy_term_id === from)) {
    if (has.has(`${l.link_entity}:${l.link_id}`))
      await db.deleteFrom('directory_attributes').where('id', '=', l.id).execute();
    else
      await db
        .updateTable('directory_attributes')
        .set({ taxonomy_term_id: to })
        .where('id', '=', l.id)
        .execute();
  }
}

/** Services whose search documents show this term (on the service or on one of its locations). */
export async function servicesUsingTerm(db: Db, termId: string): Promise<string[]> {
  const direct = await db
    .selectFrom('directory_attributes')
    .select('link_id')
    .where('taxonomy_term_id', '=', termId)
    .where('link_entity', '=', 'service')
    .execute();
  const viaLocation = await db
    .selectFrom('directory_attributes as at')
    .innerJoin('directory_service_at_locations as sal', 'sal.location_id', 'at.link_id')
    .select('sal.service_id')
    .where('at.taxonomy_term_id', '=', termId)
    .where('at.link_entity', '=', 'location')
    .execute();
  return [...new Set([...direct.map((r) => r.link_id), ...viaLocation.map((r) => r.service_id)])];
}

export async function deleteTerm(db: Db, id: string): Promise<void> {
  await db
    .deleteFrom('directory_translations')
    .where('entity_type', '=', 'taxonomy_term')
    .where('entity_id', '=', id)
    .execute();
  await db.deleteFrom('directory_taxonomy_terms').where('id', '=', id).execute();
}
