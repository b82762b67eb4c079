import { describe, expect, it } from 'vitest';
import { defuseFormula, restoreFormula } from './csv.ts';

describe('spreadsheet formulas in CSV cells', () => {
  it('puts an apostrophe before text a spreadsheet would run, and nowhere else', () => {
    for (const s of ['=1+1', '+32 53 21 00 00', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(defuseFormula(s)).toBe(`'${s}`);
    for (const s of ["'t Hofke", 'Wit-Gele Kruis', '053 21 00 00', '', "'"]) expect(defuseFormula(s)).toBe(s);
    // Text that already starts with apostrophes before a formula gets one more, so that nothing is lost.
    expect(defuseFormula("'=1+1")).toBe("''=1+1");
  });

  it('is undone exactly by restoreFormula', () => {
    for (const s of ['=1+1', "'=1+1", "''-x", "'t Hofke", "'", '', '\tx', 'gewoon', "''", "'@"])
      expect(restoreFormula(defuseFormula(s))).toBe(s);
    expect(restoreFormula("'t Hofke")).toBe("'t Hofke");
  });
});
