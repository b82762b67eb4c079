import { parse } from 'csv-parse/sync';
import { defuseFormula, restoreFormula } from '../../../platform/csv.ts';

/**
 * Spreadsheets reach us in whatever encoding the program that saved them chose. UTF-8 (with or without the
 * BOM Excel writes) is taken when the bytes are valid UTF-8; anything else is read as Windows-1252, the
 * superset of Latin-1 that Excel on Windows uses for "CSV" in Belgium (é, ë, € are the usual tell).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}

/** Belgian Excel writes ";" (the comma is the decimal mark); others write ",". The header line decides. */
export function detectDelimiter(text: string): ';' | ',' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** The most data rows one file may hold: what the parser keeps in memory is bounded by it. */
export const MAX_ROWS = 100_000;

export interface CsvTable {
  header: string[];
  /** Data rows with their line number in the file (the header is line 1; quoted newlines count). */
  rows: { line: number; cells: string[] }[];
  /** The file has more than MAX_ROWS rows: reading stopped there, and the file must be refused. */
  tooManyRows?: boolean;
}

/** Parses CSV text; throws the parser's error (with its line) when the file is not CSV at all. */
export function parseCsv(text: string, delimiter: string = detectDelimiter(text)): CsvTable {
  const records = parse(text, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    bom: true,
    // The header, the rows allowed and one more to tell that there are too many.
    to: MAX_ROWS + 2,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [head, ...rest] = records;
  if (!head) return { header: [], rows: [] };
  if (rest.length > MAX_ROWS) return { header: [], rows: [], tooManyRows: true };
  return {
    header: head.record.map((h) => h.trim()),
    // info.lines is the line the record ends on; a record with quoted newlines starts earlier.
    rows: rest
      .filter((r) => r.record.some((c) => c.trim() !== ''))
      .map((r) => ({
        line: r.info.lines - (r.record.join('').match(/\n/g)?.length ?? 0),
        cells: r.record,
      })),
  };
}

/**
 * A CSV table of an HSDS package as objects by column name; empty cells are null. The apostrophe writeCsv
 * puts before a would-be formula is taken off again, so that our export reads back as it was.
 */
export function rowObjects(t: CsvTable): { line: number; row: Record<string, string | null> }[] {
  return t.rows.map(({ line, cells }) => {
    const row: Record<string, string | null> = {};
    t.header.forEach((h, i) => {
      const v = cells[i]?.trim();
      row[h] = v === undefined || v === '' ? null : restoreFormula(v);
    });
    return { line, row };
  });
}

/**
 * Writes one CSV value the way HSDS examples do: quoted only when it must be. Staff open these files in a
 * spreadsheet, and partners and the public write the texts, so text that would run as a formula gets an
 * apostrophe (rowObjects removes it again; decision 024).
 */
function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? defuseFormula(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function writeCsv(header: readonly string[], rows: Record<string, unknown>[]): string {
  const lines = [header.join(',')];
  for (const r of rows) lines.push(header.map((h) => csvCell(r[h])).join(','));
  return `${lines.join('\n')}\n`;
}
