/**
 * What every import source is turned into before anything is checked or written (decision 024): records in
 * the shape of our HSDS tables, each remembering the file and line it came from, so that one validator and one
 * writer (apply.ts) serve every source, and each rejected row can be reported where the user can find it.
 */

import type { ScheduleTable, ServiceTable } from '../tables.ts';

/** Where a record came from: the file (or sheet) and the line a person sees in a spreadsheet program. */
export interface SourceRef {
  file: string;
  line: number;
}

/** One rejected row: where, why (a message code of messages.ts) and the values the message needs. */
export interface RowError extends SourceRef {
  code: string;
  params?: Record<string, string | number>;
}

/** Outside sources' ids of a record: they are how a re-import finds what it wrote before. */
export type IdentifierScheme = 'hsds' | 'kbo' | 'sociale_kaart';
export interface ExternalId {
  scheme: IdentifierScheme;
  identifier: string;
}

export interface OrganizationIn {
  /** The record's key inside this import (the source's id, or a key made from the row). */
  key: string;
  ref: SourceRef;
  ids: ExternalId[];
  name: string;
  alternate_name: string | null;
  description: string | null;
  email: string | null;
  website: string | null;
  legal_status: string | null;
  /** Identifier rows of HSDS organization_identifiers, with their own ids (kept for the round trip). */
  identifiers: { id: string | null; scheme: string; type: string | null; identifier: string }[];
}

export interface AddressIn {
  id: string | null;
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

export interface LocationIn {
  key: string;
  ref: SourceRef;
  ids: ExternalId[];
  organization_key: string | null;
  location_type: string;
  name: string | null;
  alternate_name: string | null;
  description: string | null;
  transportation: string | null;
  latitude: number | null;
  longitude: number | null;
  addresses: AddressIn[];
}

/** An HSDS schedule row as read from a source: the table's fields, with the source's id and place. */
export type ScheduleIn = Omit<
  ScheduleTable,
  'id' | 'service_id' | 'location_id' | 'service_at_location_id' | 'timezone'
> & { id: string | null; ref: SourceRef };

/** The service table's own HSDS fields, as an import carries them. */
type ServiceFields = Omit<
  ServiceTable,
  | 'id'
  | 'organization_id'
  | 'network_id'
  | 'published'
  | 'is_demo'
  | 'assured_by'
  | 'created_at'
  | 'updated_at'
>;

export interface ServiceIn extends ServiceFields {
  key: string;
  ref: SourceRef;
  ids: ExternalId[];
  organization_key: string;
  at_locations: { id: string | null; ref: SourceRef; location_key: string; description: string | null }[];
  phones: {
    id: string | null;
    ref: SourceRef;
    number: string;
    type: string | null;
    description: string | null;
  }[];
  schedules: ScheduleIn[];
  languages: { id: string | null; ref: SourceRef; name: string | null; code: string; note: string | null }[];
  cost_options: {
    id: string | null;
    ref: SourceRef;
    valid_from: string | null;
    valid_to: string | null;
    option: string | null;
    currency: string;
    amount: number | null;
    amount_description: string | null;
  }[];
  /** Taxonomy terms by our id, their HSDS UUID, or a code; resolved (or rejected) by the validator. */
  terms: {
    id: string | null;
    ref: SourceRef;
    term: string;
    link_type: string | null;
    value: string | null;
    label: string | null;
  }[];
}

/** A parsed source: what it holds, and the rows it could not even read. */
export interface ImportBatch {
  /** Which importer made it; the provenance of every field it writes (directory_field_sources.source). */
  source: string;
  /** A name for the whole source (a file or folder name): the provenance's source_ref with the line. */
  label: string;
  organizations: OrganizationIn[];
  locations: LocationIn[];
  services: ServiceIn[];
  /** Taxonomy terms the source defines (HSDS taxonomy_terms), to resolve its own term ids by code. */
  termCodes: Map<string, string>;
  errors: RowError[];
  /** Spreadsheets carry no ids of ours: without an outside id, a re-run finds its records by name. */
  matchByName?: boolean;
  /** Rows read in all (for progress and the summary). */
  rows: number;
}

/** One source kind. Parsing never touches the database; checking and writing are applyImport's. */
export interface Importer<Input> {
  readonly source: string;
  parse(input: Input): ImportBatch;
}

export function emptyBatch(source: string, label: string): ImportBatch {
  return {
    source,
    label,
    organizations: [],
    locations: [],
    services: [],
    termCodes: new Map(),
    errors: [],
    rows: 0,
  };
}
