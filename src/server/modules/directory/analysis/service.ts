// The analysis module's public face: duplicates, merging, coverage, synonyms and taxonomy in their own files.
export { coverage, GAP_BELOW, listMisses } from './coverage.ts';
export * from './duplicates.ts';
export * from './merge.ts';
export * from './synonyms.ts';
export * from './taxonomy.ts';
