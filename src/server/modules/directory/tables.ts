/**
 * The directory's tables (migration 0100_directory), reached through `db.withTables<DirectoryTables>()`.
 * Column conventions are the platform's: text ids, ISO text timestamps, 0/1 integers, JSON as text.
 */

interface Owned {
  /** Null for the shared social map; a network id for that network's own local additions. */
  network_id: string | null;
  published: number;
  is_demo: number;
  assured_date: string | null;
  assured_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrganizationTable extends Owned {
  id: string;
  name: string;
  alternate_name: string | null;
  description: string | null;
  email: string | null;
  website: string | null;
  legal_status: string | null;
  parent_organization_id: string | null;
}

export interface ServiceTable extends Owned {
  id: string;
  organization_id: string;
  name: string;
  alternate_name: string | null;
  description: string | null;
  url: string | null;
  email: string | null;
  status: string;
  interpretation_services: string | null;
  application_process: string | null;
  fees_description: string | null;
  wait_time: string | null;
  eligibility_description: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  alert: string | null;
  assurer_email: string | null;
}

export interface LocationTable extends Owned {
  id: string;
  organization_id: string | null;
  location_type: string;
  name: string | null;
  alternate_name: string | null;
  description: string | null;
  transportation: string | null;
  latitude: number | null;
  longitude: number | null;
  nis_code: string | null;
}

export interface AddressTable {
  id: string;
  location_id: string;
  attention: string | null;
  address_1: string;
  address_2: string | null;
  city: string;
  region: string | null;
  state_province: string | null;
  postal_code: string;
  country: string;
  address_type: string;
}

export interface ServiceAtLocationTable {
  id: string;
  service_id: string;
  location_id: string;
  description: string | null;
}

export interface ContactTable {
  id: string;
  organization_id: string | null;
  service_id: string | null;
  service_at_location_id: string | null;
  location_id: string | null;
  name: string | null;
  title: string | null;
  department: string | null;
  email: string | null;
}

export interface PhoneTable {
  id: string;
  organization_id: string | null;
  service_id: string | null;
  location_id: string | null;
  contact_id: string | null;
  service_at_location_id: string | null;
  number: string;
  extension: string | null;
  type: string | null;
  description: string | null;
}

export interface ScheduleTable {
  id: string;
  service_id: string | null;
  location_id: string | null;
  service_at_location_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  dtstart: string | null;
  timezone: string;
  until: string | null;
  count: number | null;
  wkst: string | null;
  freq: string;
  interval: number | null;
  /** iCalendar days, comma-separated: MO,TU,WE,TH,FR,SA,SU. */
  byday: string | null;
  byweekno: string | null;
  bymonthday: string | null;
  byyearday: string | null;
  description: string | null;
  /** HH:MM local time; closes_at before opens_at runs past midnight. */
  opens_at: string | null;
  closes_at: string | null;
  schedule_link: string | null;
  attending_type: string | null;
  notes: string | null;
}

export interface ScheduleExceptionTable {
  id: string;
  service_id: string;
  /** Local dates YYYY-MM-DD, both inclusive. */
  date_from: string;
  date_to: string;
  closed: number;
  opens_at: string | null;
  closes_at: string | null;
  reason: string | null;
}

export interface AccessibilityTable {
  id: string;
  location_id: string;
  description: string | null;
  details: string | null;
  url: string | null;
}

export interface LanguageTable {
  id: string;
  service_id: string | null;
  location_id: string | null;
  phone_id: string | null;
  name: string | null;
  code: string;
  note: string | null;
}

export interface CostOptionTable {
  id: string;
  service_id: string;
  valid_from: string | null;
  valid_to: string | null;
  option: string | null;
  currency: string;
  amount: number | null;
  amount_description: string | null;
}

export interface ServiceAreaTable {
  id: string;
  service_id: string | null;
  service_at_location_id: string | null;
  name: string | null;
  description: string | null;
  extent: string | null;
  extent_type: string | null;
  uri: string | null;
  nis_code: string | null;
}

export interface ServiceCapacityTable {
  id: string;
  service_id: string;
  unit: string;
  available: number;
  maximum: number | null;
  waiting_list: number | null;
  description: string | null;
  updated: string;
}

export type TaxonomyKind = 'rubric' | 'target_group' | 'sector' | 'quintuple_aim' | 'accessibility';

export interface TaxonomyTable {
  id: string;
  kind: string;
  name: string;
  description: string;
  uri: string | null;
  version: string | null;
  created_at: string;
  updated_at: string;
}

export interface TaxonomyTermTable {
  id: string;
  taxonomy_id: string;
  code: string;
  name: string;
  description: string | null;
  parent_id: string | null;
  term_uri: string | null;
  created_at: string;
  updated_at: string;
}

export interface AttributeTable {
  id: string;
  link_id: string;
  link_type: string | null;
  link_entity: string;
  taxonomy_term_id: string;
  value: string | null;
  label: string | null;
}

export interface IdentifierTable {
  id: string;
  entity_type: string;
  entity_id: string;
  /** kbo | sociale_kaart | nihii | … */
  scheme: string;
  identifier: string;
}

export interface TranslationTable {
  entity_type: string;
  entity_id: string;
  field: string;
  lang: string;
  value: string;
  source: string;
  updated_at: string;
}

export interface FieldSourceTable {
  entity_type: string;
  entity_id: string;
  field: string;
  source: string;
  source_ref: string | null;
  assured_date: string | null;
  assured_by: string | null;
  updated_at: string;
}

export interface NetworkPartnerTable {
  network_id: string;
  organization_id: string;
  status: string;
  since: string | null;
  until: string | null;
  created_at: string;
}

export interface SearchSynonymTable {
  id: string;
  network_id: string | null;
  term: string;
  synonym: string;
  enabled: number;
  created_at: string;
  updated_at: string;
}

export interface SearchMissTable {
  id: string;
  network_id: string | null;
  at: string;
  query: string;
  filters_json: string;
  lang: string;
}

export interface SearchDocTable {
  docno: number;
  service_id: string;
  network_id: string | null;
  quality: number;
  name: string;
  org: string;
  terms: string;
  description: string;
  place: string;
  words: string;
  /** Facet values by facet (JSON of Record<FacetName, string[]>). */
  facets_json: string;
}

export interface SearchCardTable {
  docno: number;
  /** Opening hours (JSON of OpeningHours), read only when a search asks what is open. */
  hours_json: string;
  /** JSON of SearchCard: what a result shows. */
  card_json: string;
}

export interface SearchPointTable {
  docno: number;
  cell: number;
  lat: number;
  lon: number;
}

export interface SearchStateTable {
  id: number;
  stamp: string;
}

export interface SearchWordTable {
  word: string;
  df: number;
}

export interface SearchWordVariantTable {
  variant: string;
  word: string;
}

/** A type alias, not an interface: Kysely's withTables needs an index-signature-compatible record. */
export type DirectoryTables = {
  directory_organizations: OrganizationTable;
  directory_services: ServiceTable;
  directory_locations: LocationTable;
  directory_addresses: AddressTable;
  directory_service_at_locations: ServiceAtLocationTable;
  directory_contacts: ContactTable;
  directory_phones: PhoneTable;
  directory_schedules: ScheduleTable;
  directory_schedule_exceptions: ScheduleExceptionTable;
  directory_accessibility: AccessibilityTable;
  directory_languages: LanguageTable;
  directory_cost_options: CostOptionTable;
  directory_service_areas: ServiceAreaTable;
  directory_service_capacities: ServiceCapacityTable;
  directory_taxonomies: TaxonomyTable;
  directory_taxonomy_terms: TaxonomyTermTable;
  directory_attributes: AttributeTable;
  directory_identifiers: IdentifierTable;
  directory_translations: TranslationTable;
  directory_field_sources: FieldSourceTable;
  directory_network_partners: NetworkPartnerTable;
  directory_search_synonyms: SearchSynonymTable;
  directory_search_misses: SearchMissTable;
  directory_search_docs: SearchDocTable;
  directory_search_points: SearchPointTable;
  directory_search_cards: SearchCardTable;
  directory_search_state: SearchStateTable;
  directory_search_words: SearchWordTable;
  directory_search_word_variants: SearchWordVariantTable;
};
