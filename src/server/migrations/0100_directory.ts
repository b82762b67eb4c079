import { randomUUID } from 'node:crypto';
import { type CreateTableBuilder, type Kysely, sql } from 'kysely';
import { columnTypes } from '../platform/db/columns.ts';
import { engineOf } from '../platform/db/index.ts';

/**
 * The social map: HSDS 3.1 core tables with the Flemish profile (see docs/decisions/020-directory-data-model.md).
 *
 * Organisations, services and locations are global reference data (network_id null): one hospital serves
 * several zones. A network's own additions carry its network_id and are seen by that network only; its
 * partners are listed in directory_network_partners. The main texts are Dutch; French and English live in
 * directory_translations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { float } = columnTypes(db);
  const pg = engineOf(db) === 'postgres';

  // Columns every editable record of the social map carries: ownership, publication and provenance.
  const common = <T extends string>(t: CreateTableBuilder<T>) =>
    t
      .addColumn('network_id', 'text')
      .addColumn('published', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('assured_date', 'text')
      .addColumn('assured_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull());

  await common(
    db.schema
      .createTable('directory_organizations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('alternate_name', 'text')
      .addColumn('description', 'text')
      .addColumn('email', 'text')
      .addColumn('website', 'text')
      .addColumn('legal_status', 'text')
      .addColumn('parent_organization_id', 'text'),
  ).execute();

  await common(
    db.schema
      .createTable('directory_services')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) =>
        c.notNull().references('directory_organizations.id').onDelete('cascade'),
      )
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('alternate_name', 'text')
      .addColumn('description', 'text')
      .addColumn('url', 'text')
      .addColumn('email', 'text')
      // HSDS: active | inactive | defunct | temporarily closed
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('interpretation_services', 'text')
      .addColumn('application_process', 'text')
      .addColumn('fees_description', 'text')
      .addColumn('wait_time', 'text')
      .addColumn('eligibility_description', 'text')
      .addColumn('minimum_age', 'integer')
      .addColumn('maximum_age', 'integer')
      .addColumn('alert', 'text')
      .addColumn('assurer_email', 'text'),
  ).execute();
  await db.schema
    .createIndex('directory_services_org')
    .on('directory_services')
    .column('organization_id')
    .execute();
  await db.schema
    .createIndex('directory_services_network')
    .on('directory_services')
    .column('network_id')
    .execute();
  // The HSDS change feed (modified_after) reads services in order of change.
  await db.schema
    .createIndex('directory_services_updated')
    .on('directory_services')
    .columns(['updated_at', 'id'])
    .execute();

  await common(
    db.schema
      .createTable('directory_locations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) =>
        c.references('directory_organizations.id').onDelete('cascade'),
      )
      // HSDS: physical | postal | virtual
      .addColumn('location_type', 'text', (c) => c.notNull().defaultTo('physical'))
      .addColumn('name', 'text')
      .addColumn('alternate_name', 'text')
      .addColumn('description', 'text')
      .addColumn('transportation', 'text')
      .addColumn('latitude', float)
      .addColumn('longitude', float)
      .addColumn('nis_code', 'text'),
  ).execute();

  await db.schema
    .createTable('directory_addresses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) =>
      c.notNull().references('directory_locations.id').onDelete('cascade'),
    )
    .addColumn('attention', 'text')
    .addColumn('address_1', 'text', (c) => c.notNull())
    .addColumn('address_2', 'text')
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('state_province', 'text')
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull().defaultTo('BE'))
    .addColumn('address_type', 'text', (c) => c.notNull().defaultTo('physical'))
    .execute();
  await db.schema
    .createIndex('directory_addresses_location')
    .on('directory_addresses')
    .column('location_id')
    .execute();
  await db.schema
    .createIndex('directory_addresses_postcode')
    .on('directory_addresses')
    .column('postal_code')
    .execute();

  await db.schema
    .createTable('directory_service_at_locations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) =>
      c.notNull().references('directory_services.id').onDelete('cascade'),
    )
    .addColumn('location_id', 'text', (c) =>
      c.notNull().references('directory_locations.id').onDelete('cascade'),
    )
    .addColumn('description', 'text')
    .execute();
  await db.schema
    .createIndex('directory_sal_service')
    .on('directory_service_at_locations')
    .column('service_id')
    .execute();
  await db.schema
    .createIndex('directory_sal_location')
    .on('directory_service_at_locations')
    .column('location_id')
    .execute();

  // Phones and contacts belong to exactly one of organisation, service, location or service-at-location (HSDS).
  await db.schema
    .createTable('directory_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text')
    .addColumn('service_id', 'text')
    .addColumn('service_at_location_id', 'text')
    .addColumn('location_id', 'text')
    .addColumn('name', 'text')
    .addColumn('title', 'text')
    .addColumn('department', 'text')
    .addColumn('email', 'text')
    .execute();
  await db.schema
    .createTable('directory_phones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text')
    .addColumn('service_id', 'text')
    .addColumn('location_id', 'text')
    .addColumn('contact_id', 'text')
    .addColumn('service_at_location_id', 'text')
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('extension', 'text')
    .addColumn('type', 'text')
    .addColumn('description', 'text')
    .execute();
  for (const t of ['directory_contacts', 'directory_phones']) {
    await db.schema.createIndex(`${t}_service`).on(t).column('service_id').execute();
    await db.schema.createIndex(`${t}_org`).on(t).column('organization_id').execute();
  }

  // One row per weekly slot (HSDS freq=WEEKLY, byday, opens_at/closes_at); several rows make several slots a day.
  // closes_at before opens_at means the slot runs past midnight.
  await db.schema
    .createTable('directory_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text')
    .addColumn('location_id', 'text')
    .addColumn('service_at_location_id', 'text')
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('dtstart', 'text')
    .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('Europe/Brussels'))
    .addColumn('until', 'text')
    .addColumn('count', 'integer')
    .addColumn('wkst', 'text')
    .addColumn('freq', 'text', (c) => c.notNull().defaultTo('WEEKLY'))
    .addColumn('interval', 'integer')
    .addColumn('byday', 'text')
    .addColumn('byweekno', 'text')
    .addColumn('bymonthday', 'text')
    .addColumn('byyearday', 'text')
    .addColumn('description', 'text')
    .addColumn('opens_at', 'text')
    .addColumn('closes_at', 'text')
    .addColumn('schedule_link', 'text')
    .addColumn('attending_type', 'text')
    .addColumn('notes', 'text')
    .execute();
  await db.schema
    .createIndex('directory_schedules_service')
    .on('directory_schedules')
    .column('service_id')
    .execute();

  // Flemish profile: holidays and other dated exceptions to the weekly slots, which HSDS 3.1 cannot express.
  await db.schema
    .createTable('directory_schedule_exceptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) =>
      c.notNull().references('directory_services.id').onDelete('cascade'),
    )
    .addColumn('date_from', 'text', (c) => c.notNull())
    .addColumn('date_to', 'text', (c) => c.notNull())
    .addColumn('closed', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('opens_at', 'text')
    .addColumn('closes_at', 'text')
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('directory_schedule_exceptions_service')
    .on('directory_schedule_exceptions')
    .column('service_id')
    .execute();

  await db.schema
    .createTable('directory_accessibility')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) =>
      c.notNull().references('directory_locations.id').onDelete('cascade'),
    )
    .addColumn('description', 'text')
    .addColumn('details', 'text')
    .addColumn('url', 'text')
    .execute();
  await db.schema
    .createIndex('directory_accessibility_location')
    .on('directory_accessibility')
    .column('location_id')
    .execute();

  await db.schema
    .createTable('directory_languages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text')
    .addColumn('location_id', 'text')
    .addColumn('phone_id', 'text')
    .addColumn('name', 'text')
    // ISO 639-1 (nl, fr, en, de, ar, vgt for Flemish Sign Language)
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('directory_languages_service')
    .on('directory_languages')
    .column('service_id')
    .execute();

  await db.schema
    .createTable('directory_cost_options')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) =>
      c.notNull().references('directory_services.id').onDelete('cascade'),
    )
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('option', 'text')
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('EUR'))
    // 0 means free of charge: the "free" filter reads it.
    .addColumn('amount', float)
    .addColumn('amount_description', 'text')
    .execute();
  await db.schema
    .createIndex('directory_cost_options_service')
    .on('directory_cost_options')
    .column('service_id')
    .execute();

  await db.schema
    .createTable('directory_service_areas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.references('directory_services.id').onDelete('cascade'))
    .addColumn('service_at_location_id', 'text')
    .addColumn('name', 'text')
    .addColumn('description', 'text')
    .addColumn('extent', 'text')
    .addColumn('extent_type', 'text')
    .addColumn('uri', 'text')
    // Flemish profile: the municipality (NIS code) served, so that coverage can be counted.
    .addColumn('nis_code', 'text')
    .execute();
  await db.schema
    .createIndex('directory_service_areas_service')
    .on('directory_service_areas')
    .column('service_id')
    .execute();

  await db.schema
    .createTable('directory_service_capacities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) =>
      c.notNull().references('directory_services.id').onDelete('cascade'),
    )
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('available', 'integer', (c) => c.notNull())
    .addColumn('maximum', 'integer')
    // Flemish profile: people on the waiting list, the figure partners report beside free places.
    .addColumn('waiting_list', 'integer')
    .addColumn('description', 'text')
    .addColumn('updated', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_service_capacities_service')
    .on('directory_service_capacities')
    .column('service_id')
    .execute();

  // Taxonomies are admin-editable. kind says what a taxonomy is used for in search and facets.
  await db.schema
    .createTable('directory_taxonomies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('uri', 'text')
    .addColumn('version', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('directory_taxonomy_terms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('taxonomy_id', 'text', (c) =>
      c.notNull().references('directory_taxonomies.id').onDelete('cascade'),
    )
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('parent_id', 'text')
    .addColumn('term_uri', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('directory_taxonomy_terms_code', ['taxonomy_id', 'code'])
    .execute();

  // HSDS attribute: links a taxonomy term to any record (link_entity: service, organization, location).
  await db.schema
    .createTable('directory_attributes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addColumn('link_type', 'text')
    .addColumn('link_entity', 'text', (c) => c.notNull())
    .addColumn('taxonomy_term_id', 'text', (c) =>
      c.notNull().references('directory_taxonomy_terms.id').onDelete('cascade'),
    )
    .addColumn('value', 'text')
    .addColumn('label', 'text')
    .execute();
  await db.schema
    .createIndex('directory_attributes_link')
    .on('directory_attributes')
    .column('link_id')
    .execute();
  await db.schema
    .createIndex('directory_attributes_term')
    .on('directory_attributes')
    .column('taxonomy_term_id')
    .execute();

  // KBO/CBE, Sociale Kaart, NIHII/RIZIV and other registers, for any record (HSDS organization_identifier, widened).
  await db.schema
    .createTable('directory_identifiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addUniqueConstraint('directory_identifiers_unique', ['entity_type', 'scheme', 'identifier'])
    .execute();
  await db.schema
    .createIndex('directory_identifiers_entity')
    .on('directory_identifiers')
    .columns(['entity_type', 'entity_id'])
    .execute();

  // French and English texts, one row per field and language (decision 020).
  await db.schema
    .createTable('directory_translations')
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('directory_translations_pk', ['entity_type', 'entity_id', 'field', 'lang'])
    .execute();

  // Where each field's value came from (partner, import, Sociale Kaart, staff) and when it was last confirmed.
  await db.schema
    .createTable('directory_field_sources')
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('assured_date', 'text')
    .addColumn('assured_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('directory_field_sources_pk', ['entity_type', 'entity_id', 'field'])
    .execute();

  await db.schema
    .createTable('directory_network_partners')
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('directory_organizations.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('partner'))
    .addColumn('since', 'text')
    .addColumn('until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('directory_network_partners_pk', ['network_id', 'organization_id'])
    .execute();

  // Global synonyms (network_id null) and per-network ones; a network row with enabled = 0 switches a global off.
  await db.schema
    .createTable('directory_search_synonyms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('synonym', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_search_synonyms_term')
    .on('directory_search_synonyms')
    .column('term')
    .execute();
  await db.schema
    .createIndex('directory_search_synonyms_synonym')
    .on('directory_search_synonyms')
    .column('synonym')
    .execute();

  // What people looked for and did not find: the folded query with numbers masked, and the filters. No user.
  await db.schema
    .createTable('directory_search_misses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('filters_json', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_search_misses_network_at')
    .on('directory_search_misses')
    .columns(['network_id', 'at'])
    .execute();

  // The search index: one document per published service, numbered in static-rank order (decision 021, 022).
  // The text columns are the stems per field, read to explain and score a bounded pool of candidates; the
  // row is kept narrow (about 10 per page) because a search reads a few hundred of them.
  await db.schema
    .createTable('directory_search_docs')
    .addColumn('docno', 'integer', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().unique())
    .addColumn('network_id', 'text')
    .addColumn('quality', float, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('words', 'text', (c) => c.notNull())
    .addColumn('facets_json', 'text', (c) => c.notNull())
    .execute();
  // What a result shows (read for the page only) and the opening hours (read only when asked what is open).
  await db.schema
    .createTable('directory_search_cards')
    .addColumn('docno', 'integer', (c) => c.primaryKey())
    .addColumn('hours_json', 'text', (c) => c.notNull())
    .addColumn('card_json', 'text', (c) => c.notNull())
    .execute();
  // Coordinates of every document's locations, by 0.05° grid cell: a distance search reads the few cells
  // around the origin from this covering index instead of every candidate's document.
  await db.schema
    .createTable('directory_search_points')
    .addColumn('docno', 'integer', (c) => c.notNull())
    .addColumn('cell', 'integer', (c) => c.notNull())
    .addColumn('lat', float, (c) => c.notNull())
    .addColumn('lon', float, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_search_points_cell')
    .on('directory_search_points')
    .columns(['cell', 'docno', 'lat', 'lon'])
    .execute();
  await db.schema
    .createIndex('directory_search_points_docno')
    .on('directory_search_points')
    .column('docno')
    .execute();
  // One row: a random stamp renewed by every change to the index, synonyms or labels, so that each process knows when its
  // cached vocabulary lookups, synonyms and labels are stale (several processes share one PostgreSQL).
  await db.schema
    .createTable('directory_search_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('stamp', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO directory_search_state (id, stamp) VALUES (1, ${randomUUID()})`.execute(db);
  await db.schema
    .createTable('directory_search_words')
    .addColumn('word', 'text', (c) => c.primaryKey())
    .addColumn('df', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('directory_search_word_variants')
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('word', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('directory_search_word_variants_pk', ['variant', 'word'])
    .execute();

  // The match index holds ready-made tokens only (text stems, n_ name stems, f_ filter tokens), so neither
  // engine parses text, and no weights or positions are stored: a match needs no recheck of the document.
  if (pg) {
    await db.schema
      .createTable('directory_search_index')
      .addColumn('docno', 'integer', (c) => c.primaryKey())
      .addColumn('tsv', sql`tsvector`, (c) => c.notNull())
      .execute();
    // No pending list (fastupdate): every search would scan it in full, up to 4 MB, before using the index.
    await sql`CREATE INDEX directory_search_index_tsv ON directory_search_index USING gin (tsv)
      WITH (fastupdate = off)`.execute(db);
    await sql`CREATE INDEX directory_search_words_prefix ON directory_search_words (word text_pattern_ops)`.execute(
      db,
    );
  } else {
    await sql`CREATE VIRTUAL TABLE directory_search_fts USING fts5(
      tokens, content='', contentless_delete=1, detail=none, tokenize="unicode61 tokenchars '_'")`.execute(
      db,
    );
  }

  await seed(db);
}

/**
 * The starting Flemish taxonomy and synonyms, written out here rather than imported so that this migration
 * never changes after it ran. Administrators edit both afterwards.
 */
const SEED_TAXONOMIES: {
  id: string;
  kind: string;
  name: string;
  description: string;
  terms: [string, string][];
}[] = [
  {
    id: 'rubric',
    kind: 'rubric',
    name: 'Rubrieken',
    description: 'Wat een dienst aanbiedt (rubrieken van de sociale kaart)',
    terms: [
      ['huisarts', 'Huisartsen'],
      ['thuisverpleging', 'Thuisverpleging'],
      ['gezinszorg', 'Gezinszorg en aanvullende thuiszorg'],
      ['poetshulp', 'Huishoudhulp en poetsdienst'],
      ['mondzorg', 'Tandartsen en mondzorg'],
      ['kinesitherapie', 'Kinesitherapie'],
      ['psychologische-zorg', 'Psychologische zorg'],
      ['geestelijke-gezondheid', 'Geestelijke gezondheidszorg'],
      ['woonzorg', 'Woonzorgcentra en assistentiewoningen'],
      ['dagopvang', 'Dagverzorging en dagopvang'],
      ['kortverblijf', 'Kortverblijf'],
      ['dienstencentrum', 'Lokale dienstencentra'],
      ['maatschappelijk-werk', 'Maatschappelijk werk en OCMW'],
      ['caw', 'Algemeen welzijnswerk (CAW)'],
      ['kinderopvang', 'Kinderopvang'],
      ['gezinsondersteuning', 'Gezinsondersteuning en opvoedingshulp'],
      ['jeugdhulp', 'Jeugdhulp'],
      ['handicap', 'Ondersteuning bij een handicap (VAPH)'],
      ['verslavingszorg', 'Verslavingszorg'],
      ['palliatieve-zorg', 'Palliatieve zorg'],
      ['mantelzorg', 'Mantelzorgondersteuning'],
      ['vervoer', 'Aangepast vervoer'],
      ['maaltijden', 'Maaltijden aan huis'],
      ['schuldhulp', 'Schuldhulpverlening en budgetbeheer'],
      ['apotheek', 'Apotheken'],
      ['ziekenhuis', 'Ziekenhuizen'],
      ['logopedie', 'Logopedie'],
      ['vroedvrouw', 'Vroedvrouwen'],
    ],
  },
  {
    id: 'target-group',
    kind: 'target_group',
    name: 'Doelgroepen',
    description: 'Voor wie een dienst bedoeld is',
    terms: [
      ['kinderen', 'Kinderen'],
      ['jongeren', 'Jongeren'],
      ['gezinnen', 'Gezinnen'],
      ['volwassenen', 'Volwassenen'],
      ['ouderen', 'Ouderen'],
      ['mantelzorgers', 'Mantelzorgers'],
      ['personen-met-handicap', 'Personen met een handicap'],
      ['personen-met-dementie', 'Personen met dementie'],
      ['psychische-kwetsbaarheid', 'Personen met psychische kwetsbaarheid'],
      ['armoede', 'Mensen in armoede'],
      ['nieuwkomers', 'Nieuwkomers'],
      ['chronisch-zieken', 'Chronisch zieken'],
    ],
  },
  {
    id: 'sector',
    kind: 'sector',
    name: 'Sectoren',
    description: 'Sector van de aanbieder',
    terms: [
      ['eerstelijn', 'Eerstelijnszorg'],
      ['thuiszorg', 'Thuiszorg'],
      ['ouderenzorg', 'Ouderenzorg'],
      ['ggz', 'Geestelijke gezondheidszorg'],
      ['welzijn', 'Welzijnswerk'],
      ['lokaal-bestuur', 'Lokaal bestuur'],
      ['vaph', 'VAPH'],
      ['opgroeien', 'Opgroeien'],
      ['ziekenhuis', 'Ziekenhuizen'],
      ['onderwijs', 'Onderwijs'],
    ],
  },
  {
    id: 'quintuple-aim',
    kind: 'quintuple_aim',
    name: 'Quintuple Aim',
    description: 'De vijf doelen waaraan een dienst bijdraagt',
    terms: [
      ['gezondheid', 'Betere gezondheid'],
      ['zorgervaring', 'Betere zorgervaring'],
      ['kosten', 'Lagere kosten per inwoner'],
      ['zorgverleners', 'Welzijn van zorgverleners'],
      ['gelijkheid', 'Gelijkheid in gezondheid'],
    ],
  },
  {
    id: 'accessibility',
    kind: 'accessibility',
    name: 'Toegankelijkheid',
    description: 'Toegankelijkheid van een locatie',
    terms: [
      ['rolstoel', 'Rolstoeltoegankelijk'],
      ['ringleiding', 'Ringleiding'],
      ['parking', 'Aangepaste parking'],
      ['toilet', 'Aangepast toilet'],
      ['gebarentaal', 'Vlaamse Gebarentaal'],
    ],
  },
];

/** Everyday words on the left, the words professionals write on the right; searched both ways. */
const SEED_SYNONYMS: [string, string][] = [
  ['tandarts', 'mondzorg'],
  ['tandarts', 'tandverzorging'],
  ['psycholoog', 'psychologische begeleiding'],
  ['psycholoog', 'psychotherapie'],
  ['poetshulp', 'huishoudhulp'],
  ['poetshulp', 'poetsdienst'],
  ['thuisverpleging', 'thuisverpleegkundige'],
  ['huisarts', 'dokter'],
  ['huisarts', 'huisartsenpraktijk'],
  ['kine', 'kinesitherapie'],
  ['kinesist', 'kinesitherapie'],
  ['bejaarden', 'ouderen'],
  ['rusthuis', 'woonzorgcentrum'],
  ['serviceflat', 'assistentiewoning'],
  ['oppas', 'kinderopvang'],
  ['creche', 'kinderopvang'],
  ['schulden', 'schuldhulpverlening'],
  ['schulden', 'budgetbeheer'],
  ['gehandicapt', 'handicap'],
  ['verslaving', 'verslavingszorg'],
  ['drugs', 'verslavingszorg'],
  ['depressie', 'geestelijke gezondheidszorg'],
  ['eten aan huis', 'maaltijden aan huis'],
  ['ocmw', 'sociaal huis'],
  ['dementie', 'geheugenproblemen'],
];

async function seed(db: Kysely<unknown>): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
  const anyDb = db as Kysely<any>;
  const at = '2026-01-01T00:00:00.000Z';
  for (const t of SEED_TAXONOMIES) {
    await anyDb
      .insertInto('directory_taxonomies')
      .values({
        id: t.id,
        kind: t.kind,
        name: t.name,
        description: t.description,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await anyDb
      .insertInto('directory_taxonomy_terms')
      .values(
        t.terms.map(([code, name]) => ({
          id: `${t.id}-${code}`,
          taxonomy_id: t.id,
          code,
          name,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
  }
  await anyDb
    .insertInto('directory_search_synonyms')
    .values(
      SEED_SYNONYMS.map(([term, synonym], i) => ({
        id: `seed-synonym-${i + 1}`,
        network_id: null,
        term,
        synonym,
        enabled: 1,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS directory_search_fts`.execute(db);
  await sql`DROP TABLE IF EXISTS directory_search_index`.execute(db);
  for (const t of [
    'directory_search_state',
    'directory_search_points',
    'directory_search_cards',
    'directory_search_word_variants',
    'directory_search_words',
    'directory_search_docs',
    'directory_search_misses',
    'directory_search_synonyms',
    'directory_network_partners',
    'directory_field_sources',
    'directory_translations',
    'directory_identifiers',
    'directory_attributes',
    'directory_taxonomy_terms',
    'directory_taxonomies',
    'directory_service_capacities',
    'directory_service_areas',
    'directory_cost_options',
    'directory_languages',
    'directory_accessibility',
    'directory_schedule_exceptions',
    'directory_schedules',
    'directory_phones',
    'directory_contacts',
    'directory_service_at_locations',
    'directory_addresses',
    'directory_locations',
    'directory_services',
    'directory_organizations',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
