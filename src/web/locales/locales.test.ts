import { describe, expect, test } from 'vitest';
import directoryEn from '../features/directory/locales/en.json';
import directoryFr from '../features/directory/locales/fr.json';
import directoryNl from '../features/directory/locales/nl.json';
import networkEn from '../features/network/locales/en.json';
import networkFr from '../features/network/locales/fr.json';
import networkNl from '../features/network/locales/nl.json';
import planEn from '../features/plan/locales/en.json';
import planFr from '../features/plan/locales/fr.json';
import planNl from '../features/plan/locales/nl.json';
import enShell from './en.json';
import frShell from './fr.json';
import nlShell from './nl.json';

// The same merge as lib/i18n.ts (which cannot be imported here: it initialises i18next in a browser).
const nl = { ...nlShell, directory: directoryNl, network: networkNl, plan: planNl };
const fr = { ...frShell, directory: directoryFr, network: networkFr, plan: planFr };
const en = { ...enShell, directory: directoryEn, network: networkEn, plan: planEn };

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
