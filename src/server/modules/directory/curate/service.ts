// The curation module's public face: edits, suggestions, freshness and assurance live in their own files.
export { type Caller, validateHours } from './access.ts';
export * from './assurance.ts';
export { confirmRecord, createServiceFor, updateOrganization, updateService } from './edits.ts';
export * from './freshness.ts';
export * from './suggestions.ts';
export { mine, organizationForEdit, PossibleDuplicates, serviceFields, serviceForEdit } from './views.ts';
