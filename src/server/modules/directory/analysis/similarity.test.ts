import { describe, expect, it } from 'vitest';
import {
  addressKey,
  jaroWinkler,
  nameSimilarity,
  normaliseKbo,
  normaliseName,
  normalisePhone,
  trigramDice,
} from './similarity.ts';

describe('duplicate keys and name similarity', () => {
  it('normalises phones written in every Belgian way to one number', () => {
    for (const p of ['053 11 22 33', '053/11.22.33', '+32 53 11 22 33', '0032 53 112233', '(053) 11-22-33'])
      expect(normalisePhone(p)).toBe('053112233');
    expect(normalisePhone('+32 471 12 34 56')).toBe('0471123456');
    expect(normalisePhone('112')).toBeNull();
  });

  it('normalises KBO numbers, with or without dots, BE or the leading zero', () => {
    for (const k of ['0412.345.678', 'BE 0412 345 678', '412345678', 'BE0412345678'])
      expect(normaliseKbo(k)).toBe('0412345678');
    expect(normaliseKbo('12345')).toBeNull();
  });

  it('folds diacritics and drops legal forms from names', () => {
    expect(normaliseName('Café Één Zonnebloem vzw')).toBe('cafe zonnebloem');
    expect(normaliseName('Wit-Gele Kruis Oost-Vlaanderen VZW')).toBe('wit gele kruis oost vlaanderen');
    expect(addressKey('Kerkstraat 5', '9300')).toBe('9300|kerkstraat 5');
  });

  it('computes Jaro-Winkler and trigram overlap as the textbook does', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(trigramDice('aalst', 'aalst')).toBe(1);
    expect(trigramDice('aalst', 'zzzz')).toBe(0);
  });

  it('finds typos, word order and legal forms alike, but not names that only share a first word', () => {
    expect(nameSimilarity('Thuisverpleging Aalst', 'Thuisverpleeging Aalst vzw')).toBeGreaterThan(0.95);
    expect(nameSimilarity('Thuiszorg De Linde', 'De Linde Thuiszorg vzw')).toBe(1);
    expect(nameSimilarity('Thuis verpleging Lede', 'Thuisverpleging Lede')).toBe(1);
    expect(nameSimilarity('Apotheek Terbeke', 'Apotheek Ter Beke')).toBe(1);
    expect(nameSimilarity('Huisartsenpraktijk De Linde', 'Huisartsenpraktijk De Brug')).toBeLessThan(0.88);
    expect(nameSimilarity('OCMW Aalst', 'OCMW Lede')).toBeLessThan(0.88);
    expect(nameSimilarity('Apotheek Sint-Jozef', 'Apotheek Sint-Jan')).toBeLessThan(0.88);
    expect(nameSimilarity('Huis van het Kind Aalst', 'Huis van het Kind Haaltert')).toBeLessThan(0.88);
    expect(nameSimilarity('Woonzorgcentrum Hof ter Mere', 'Woonzorgcentrum Ter Meersen')).toBeLessThan(0.88);
    expect(nameSimilarity('Sociale Kruidenier Het Mandje', 'Sociale kruidenier ’t Mandje')).toBeGreaterThan(
      0.88,
    );
  });
});
