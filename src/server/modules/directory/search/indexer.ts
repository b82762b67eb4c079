import type { Kysely } from 'kysely';
import { engineOf, inTransaction } from '../../../platform/db/index.ts';
import { LANGUAGES, type Language } from '../../../platform/search/stem.ts';
import { deletionVariants, MIN_TYPO_LENGTH } from '../../../platform/search/typo.ts';
import { platformDb } from '../db.ts';
import type { DirectoryTables } from '../tables.ts';
import type { SearchBackend } from './backend.ts';
import { buildSearchDoc, type SearchDoc, type ServiceBundle } from './document.ts';
import { postgresBackend } from './postgres.ts';
import { parseClock, slotsFromSchedules } from './schedule.ts';
import { sqliteBackend } from './sqlite.ts';
import { bumpSearchVersion } from './state.ts';

export function backendFor(db: Kysely<DirectoryTables>): SearchBackend {
  return engineOf(db) === 'postgres' ? postgresBackend : sqliteBackend;
}

const CHUNK = 500;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Gathers the index bundles of the given services (published services only) from the directory tables. */
export async function loadBundles(
  db: Kysely<DirectoryTables>,
  serviceIds: string[],
): Promise<ServiceBundle[]> {
  const out: ServiceBundle[] = [];
  const today = new Date().toISOString().slice(0, 10);
  for (const ids of chunks(serviceIds)) {
    const services = await db
      .selectFrom('directory_services as s')
      .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
      .select([
        's.id',
        's.network_id',
        's.name',
        's.alternate_name',
        's.description',
        's.minimum_age',
        's.maximum_age',
        's.assured_date',
        'o.name as organization_name',
      ])
      .where('s.id', 'in', ids)
      .where('s.published', '=', 1)
      .where('s.status', '=', 'active')
      .execute();
    if (services.length === 0) continue;
    const live = services.map((s) => s.id);
    const [sal, attrs, schedules, exceptions, languages, costs, capacities, phones, translations] =
      await Promise.all([
        db
          .selectFrom('directory_service_at_locations as sal')
          .innerJoin('directory_locations as l', 'l.id', 'sal.location_id')
          .leftJoin('directory_addresses as a', 'a.location_id', 'l.id')
          .select([
            'sal.service_id',
            'l.id as location_id',
            'l.latitude',
            'l.longitude',
            'l.nis_code',
            'a.postal_code',
            'a.city',
            'a.address_1',
          ])
          .where('sal.service_id', 'in', live)
          .execute(),
        db
          .selectFrom('directory_attributes as at')
          .innerJoin('directory_taxonomy_terms as t', 't.id', 'at.taxonomy_term_id')
          .innerJoin('directory_taxonomies as x', 'x.id', 't.taxonomy_id')
          .select(['at.link_id', 't.id', 't.name', 'x.kind'])
          .where('at.link_entity', '=', 'service')
          .where('at.link_id', 'in', live)
          .execute(),
        db
          .selectFrom('directory_schedules')
          .select(['service_id', 'byday', 'opens_at', 'closes_at', 'freq', 'valid_from', 'valid_to'])
          .where('service_id', 'in', live)
          .execute(),
        db
          .selectFrom('directory_schedule_exceptions')
          .selectAll()
          .where('service_id', 'in', live)
          .where('date_to', '>=', today)
          .execute(),
        db
          .selectFrom('directory_languages')
          .select(['service_id', 'code'])
          .where('service_id', 'in', live)
          .execute(),
        db
          .selectFrom('directory_cost_options')
          .select(['service_id', 'amount'])
          .where('service_id', 'in', live)
          .execute(),
        db
          .selectFrom('directory_service_capacities')
          .select(['service_id', 'available'])
          .where('service_id', 'in', live)
          .execute(),
        db
          .selectFrom('directory_phones')
          .select(['service_id', 'number'])
          .where('service_id', 'in', live)
          .execute(),
        db
          .selectFrom('directory_translations')
          .select(['entity_id', 'field', 'lang', 'value'])
          .where('entity_type', '=', 'service')
          .where('entity_id', 'in', live)
          .execute(),
      ]);
    const locationIds = [...new Set(sal.map((r) => r.location_id))];
    const accessibilityTerms =
      locationIds.length === 0
        ? []
        : await db
            .selectFrom('directory_attributes as at')
            .innerJoin('directory_taxonomy_terms as t', 't.id', 'at.taxonomy_term_id')
            .innerJoin('directory_taxonomies as x', 'x.id', 't.taxonomy_id')
            .select(['at.link_id', 't.id', 't.name', 'x.kind'])
            .where('at.link_entity', '=', 'location')
            .where('at.link_id', 'in', locationIds)
            .execute();
    const termIds = [...new Set([...attrs, ...accessibilityTerms].map((t) => t.id))];
    const termNames =
      termIds.length === 0
        ? []
        : await db
            .selectFrom('directory_translations')
            .select(['entity_id', 'lang', 'value'])
            .where('entity_type', '=', 'taxonomy_term')
            .where('field', '=', 'name')
            .where('entity_id', 'in', termIds)
            .execute();
    const namesOfTerm = groupBy(
      termNames.filter((t): t is typeof t & { lang: Language } =>
        (LANGUAGES as readonly string[]).includes(t.lang),
      ),
      (t) => t.entity_id,
    );
    const nis = [...new Set(sal.map((r) => r.nis_code).filter((n): n is string => n !== null))];
    const municipalityNames = new Map<string, string>();
    if (nis.length > 0) {
      const rows = await platformDb(db)
        .selectFrom('municipalities')
        .select(['nis_code', 'name_nl'])
        .where('nis_code', 'in', nis)
        .execute();
      for (const r of rows) municipalityNames.set(r.nis_code, r.name_nl);
    }
    const bySal = groupBy(sal, (r) => r.service_id);
    const byAttr = groupBy(attrs, (r) => r.link_id);
    const byLocAttr = groupBy(accessibilityTerms, (r) => r.link_id);
    const bySchedule = groupBy(
      schedules.filter(
        (r) => (!r.valid_from || r.valid_from <= today) && (!r.valid_to || r.valid_to >= today),
      ),
      (r) => r.service_id,
    );
    const byException = groupBy(exceptions, (r) => r.service_id);
    const byLanguage = groupBy(languages, (r) => r.service_id);
    const byCost = groupBy(costs, (r) => r.service_id);
    const byCapacity = groupBy(capacities, (r) => r.service_id);
    const byPhone = groupBy(phones, (r) => r.service_id);
    const byTranslation = groupBy(translations, (r) => r.entity_id);
    for (const s of services) {
      const locs = bySal.get(s.id) ?? [];
      const costRows = byCost.get(s.id) ?? [];
      out.push({
        ...s,
        translations: (byTranslation.get(s.id) ?? [])
          .filter((t): t is typeof t & { lang: Language } =>
            (LANGUAGES as readonly string[]).includes(t.lang),
          )
          .map((t) => ({ field: t.field, lang: t.lang, value: t.value })),
        terms: [...(byAttr.get(s.id) ?? []), ...locs.flatMap((l) => byLocAttr.get(l.location_id) ?? [])].map(
          (t) => ({
            id: t.id,
            kind: t.kind,
            name: t.name,
            names: (namesOfTerm.get(t.id) ?? []).map((n) => ({ lang: n.lang, value: n.value })),
          }),
        ),
        locations: locs.map((l) => ({
          latitude: l.latitude,
          longitude: l.longitude,
          nis_code: l.nis_code,
          municipality: l.nis_code ? (municipalityNames.get(l.nis_code) ?? null) : null,
          postal_code: l.postal_code,
          city: l.city,
          address: l.address_1,
        })),
        languages: (byLanguage.get(s.id) ?? []).map((l) => l.code),
        free: costRows.length > 0 && costRows.every((c) => c.amount === 0),
        capacity_available: (byCapacity.get(s.id) ?? []).some((c) => c.available > 0),
        hours: {
          slots: slotsFromSchedules(bySchedule.get(s.id) ?? []),
          exceptions: (byException.get(s.id) ?? []).map((e) => ({
            from: e.date_from,
            to: e.date_to,
            closed: e.closed === 1,
            ...(e.closed === 1
              ? {}
              : { opens: parseClock(e.opens_at) ?? 0, closes: parseClock(e.closes_at) ?? 0 }),
          })),
        },
        phone: byPhone.get(s.id)?.[0]?.number ?? null,
      });
    }
  }
  return out;
}

function docRow(d: SearchDoc, docno: number) {
  return {
    docno,
    service_id: d.service_id,
    network_id: d.network_id,
    quality: d.quality,
    name: d.name,
    org: d.org,
    terms: d.terms,
    description: d.description,
    place: d.place,
    words: d.words,
    facets_json: JSON.stringify(d.facets),
  };
}

/** Writes documents with their points and match-index entries. */
async function writeDocs(db: Kysely<DirectoryTables>, docs: { doc: SearchDoc; docno: number }[]) {
  for (const part of chunks(docs, 400)) {
    await db
      .insertInto('directory_search_docs')
      .values(part.map((d) => docRow(d.doc, d.docno)))
      .execute();
    await db
      .insertInto('directory_search_cards')
      .values(
        part.map((d) => ({
          docno: d.docno,
          hours_json: JSON.stringify(d.doc.hours),
          card_json: JSON.stringify(d.doc.card),
        })),
      )
      .execute();
  }
  const points = docs.flatMap((d) => d.doc.points.map((p) => ({ docno: d.docno, ...p })));
  for (const part of chunks(points, 2000))
    await db.insertInto('directory_search_points').values(part).execute();
  await backendFor(db).add(
    db,
    docs.map((d) => ({ docno: d.docno, tokens: d.doc.tokens })),
  );
}

/** Adds (+1) or removes (-1) documents' words to the typo vocabulary, with the deletion variants of new words. */
async function adjustVocabulary(
  db: Kysely<DirectoryTables>,
  wordLists: string[],
  delta: 1 | -1,
): Promise<void> {
  const counts = new Map<string, number>();
  for (const list of wordLists)
    for (const w of list.split(' ')) if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
  if (counts.size === 0) return;
  const known = new Map<string, number>();
  for (const part of chunks([...counts.keys()], 1000)) {
    const rows = await db
      .selectFrom('directory_search_words')
      .selectAll()
      .where('word', 'in', part)
      .execute();
    for (const r of rows) known.set(r.word, Number(r.df));
  }
  const fresh: { word: string; df: number }[] = [];
  const gone: string[] = [];
  for (const [word, n] of counts) {
    const before = known.get(word);
    const after = (before ?? 0) + delta * n;
    if (before === undefined) {
      if (after > 0) fresh.push({ word, df: after });
    } else if (after <= 0) gone.push(word);
    else await db.updateTable('directory_search_words').set({ df: after }).where('word', '=', word).execute();
  }
  for (const part of chunks(fresh, 1000))
    await db.insertInto('directory_search_words').values(part).execute();
  const variants = fresh
    .filter((f) => f.word.length >= MIN_TYPO_LENGTH)
    .flatMap((f) => deletionVariants(f.word).map((variant) => ({ variant, word: f.word })));
  for (const part of chunks(variants, 2000)) {
    await db.insertInto('directory_search_word_variants').values(part).execute();
  }
  for (const part of chunks(gone, 1000)) {
    await db.deleteFrom('directory_search_word_variants').where('word', 'in', part).execute();
    await db.deleteFrom('directory_search_words').where('word', 'in', part).execute();
  }
}

/**
 * Rebuilds the whole index: every published service becomes a document, numbered by static rank (best first),
 * and the typo vocabulary is recounted. Run after bulk imports; single edits go through reindexServices.
 */
export async function rebuildSearchIndex(db: Kysely<DirectoryTables>): Promise<{ documents: number }> {
  const backend = backendFor(db);
  const ids = (await db.selectFrom('directory_services').select('id').orderBy('id').execute()).map(
    (r) => r.id,
  );
  const docs: SearchDoc[] = [];
  for (const part of chunks(ids, 5000))
    for (const b of await loadBundles(db, part)) docs.push(buildSearchDoc(b));
  // Best first; ties keep a stable order so that a rebuild of unchanged data numbers documents the same way.
  docs.sort((a, b) => b.quality - a.quality || (a.service_id < b.service_id ? -1 : 1));
  await db.transaction().execute(async (trx) => {
    await backend.clear(trx);
    await trx.deleteFrom('directory_search_points').execute();
    await trx.deleteFrom('directory_search_cards').execute();
    await trx.deleteFrom('directory_search_word_variants').execute();
    await trx.deleteFrom('directory_search_words').execute();
    await trx.deleteFrom('directory_search_docs').execute();
    await writeDocs(
      trx,
      docs.map((doc, i) => ({ doc, docno: i + 1 })),
    );
    await adjustVocabulary(
      trx,
      docs.map((d) => d.words),
      1,
    );
    await bumpSearchVersion(trx);
  });
  await backend.optimize(db);
  return { documents: docs.length };
}

/**
 * Brings the documents of these services up to date after an edit: a service keeps its place in the static
 * order, a new one goes last until the next rebuild, an unpublished one leaves the index.
 */
export async function reindexServices(db: Kysely<DirectoryTables>, serviceIds: string[]): Promise<void> {
  if (serviceIds.length === 0) return;
  const backend = backendFor(db);
  const bundles = await loadBundles(db, serviceIds);
  // Joins the caller's transaction, so that an edit and its index entry commit together.
  await inTransaction(db, async (trx) => {
    const old = await trx
      .selectFrom('directory_search_docs')
      .select(['docno', 'service_id', 'words'])
      .where('service_id', 'in', serviceIds)
      .execute();
    const oldDocno = new Map(old.map((o) => [o.service_id, Number(o.docno)]));
    if (old.length > 0) {
      const docnos = old.map((o) => Number(o.docno));
      await backend.remove(trx, docnos);
      await trx.deleteFrom('directory_search_points').where('docno', 'in', docnos).execute();
      await trx.deleteFrom('directory_search_cards').where('docno', 'in', docnos).execute();
      await trx.deleteFrom('directory_search_docs').where('docno', 'in', docnos).execute();
      await adjustVocabulary(
        trx,
        old.map((o) => o.words),
        -1,
      );
    }
    const max = await trx
      .selectFrom('directory_search_docs')
      .select((eb) => eb.fn.max('docno').as('m'))
      .executeTakeFirst();
    let next = Math.max(Number(max?.m ?? 0), ...oldDocno.values());
    const docs = bundles.map((b) => ({ doc: buildSearchDoc(b), docno: oldDocno.get(b.id) ?? ++next }));
    await writeDocs(trx, docs);
    await adjustVocabulary(
      trx,
      docs.map((d) => d.doc.words),
      1,
    );
    await bumpSearchVersion(trx);
  });
}
