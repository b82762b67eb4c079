import { describe, expect, test } from 'vitest';
import { RESOURCES } from '../lib/resources.ts';

const { nl, fr, en } = RESOURCES;

/** Every translation in a resource file as [key path, text]; audit action codes contain dots themselves. */
function leaves(value: unknown, path: string[] = []): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[JSON.stringify(path), value]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, key]));
}

const keys = (resource: unknown) =>
  leaves(resource)
    .map(([path]) => path)
    .sort();

describe('translations', () => {
  test('French and English have exactly the Dutch keys', () => {
    expect(keys(fr)).toEqual(keys(nl));
    expect(keys(en)).toEqual(keys(nl));
  });

  test('no translation is empty', () => {
    for (const resource of [nl, fr, en]) {
      const empty = leaves(resource).filter(([, text]) => typeof text !== 'string' || text.trim() === '');
      expect(empty).toEqual([]);
    }
  });
});
