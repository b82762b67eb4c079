/**
 * The columns a network's own list can fill; the user maps their spreadsheet's columns onto these. A file of
 * its own without imports, so that the web UI's mapping step uses the very same list.
 */
export const TARGET_FIELDS = [
  'organization_name',
  'kbo',
  'service_name',
  'sociale_kaart_id',
  'description',
  'address_1',
  'postal_code',
  'city',
  'latitude',
  'longitude',
  'phone',
  'email',
  'website',
  'rubric',
  'opening_hours',
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];
export const REQUIRED_TARGETS: readonly TargetField[] = ['organization_name'];
