import fs from 'node:fs';
import path from 'node:path';
import { hsdsJsonImporter } from './hsds-json.ts';
import { hsdsTabularImporter, type PackageFiles } from './hsds-tabular.ts';
import { emptyBatch, type ImportBatch } from './model.ts';
import { type ColumnMapping, isXlsx, readSheet, spreadsheetImporter, unzipBounded } from './spreadsheet.ts';

/** What a file is, from its name and first bytes: the importer that reads it. */
export type SourceKind = 'hsds-tabular' | 'hsds-json' | 'spreadsheet';

export function kindOf(fileName: string, bytes: Uint8Array): SourceKind {
  if (/\.json$/i.test(fileName)) return 'hsds-json';
  if (/\.zip$/i.test(fileName)) return 'hsds-tabular';
  if (isXlsx(fileName, bytes)) return 'spreadsheet';
  return 'spreadsheet';
}

/** A zip of the tabular package; files may sit in one top folder, as zipping a folder makes them. */
export async function unzipPackage(bytes: Uint8Array): Promise<PackageFiles> {
  const files: PackageFiles = new Map();
  for (const entry of await unzipBounded(bytes)) files.set(path.posix.basename(entry.name), entry.data);
  return files;
}

export function readPackageDir(dirPath: string): PackageFiles {
  const files: PackageFiles = new Map();
  for (const name of fs.readdirSync(dirPath))
    if (/\.(csv|json)$/i.test(name)) files.set(name, fs.readFileSync(path.join(dirPath, name)));
  return files;
}

/** Parses an uploaded or given file with the importer its kind needs (spreadsheets need their mapping). */
export async function parseFile(
  fileName: string,
  bytes: Uint8Array,
  mapping: ColumnMapping = {},
): Promise<ImportBatch> {
  const kind = kindOf(fileName, bytes);
  try {
    if (kind === 'hsds-json') return hsdsJsonImporter.parse({ label: fileName, bytes });
    if (kind === 'hsds-tabular')
      return hsdsTabularImporter.parse({ label: fileName, files: await unzipPackage(bytes) });
    return spreadsheetImporter.parse({ label: fileName, table: await readSheet(fileName, bytes), mapping });
  } catch (e) {
    // A file that is not what its name says (a broken zip or workbook, CSV that cannot be parsed).
    const batch = emptyBatch(kind, fileName);
    const line = (e as { lines?: number }).lines ?? 1;
    batch.errors.push({
      file: fileName,
      line,
      code: 'exchange_malformed',
      params: { details: String(e instanceof Error ? e.message : e).slice(0, 300) },
    });
    return batch;
  }
}

/** The HSDS importer for a path: a package folder, a zip of one, or a JSON file. */
export async function parseHsdsPath(p: string): Promise<ImportBatch> {
  if (fs.statSync(p).isDirectory())
    return hsdsTabularImporter.parse({ label: path.basename(path.resolve(p)), files: readPackageDir(p) });
  return parseFile(path.basename(p), fs.readFileSync(p));
}
