import { randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** Timestamps are stored as ISO-8601 UTC text on both engines, so they sort and compare as strings. */
export const nowIso = (): string => new Date().toISOString();
