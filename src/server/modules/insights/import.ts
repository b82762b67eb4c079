import type { Kysely } from 'kysely';
import { type Actor, auditTenantWrite } from '../../platform/audit.ts';
import { inTransaction } from '../../platform/db/index.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { badRequest } from '../../platform/errors.ts';
import { type Language, translate } from '../../platform/i18n.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import type { TenantContext } from '../../platform/tenancy.ts';
import { readSheet } from '../directory/exchange/spreadsheet.ts';
import { municipalityCodesOn } from '../networks/service.ts';
import { BUILT_IN_KEYS } from './builtin.ts';
import './messages.ts';
import {
  buildGeography,
  detectNumberStyle,
  FIGURE_COLUMNS,
  PERIOD,
  parseNumber,
  resolvePlace,
} from './parse.ts';
import * as repo from './repo.ts';
import type { ImportResult } from './schema.ts';
import type { InsightIndicatorTable, InsightValueTable } from './tables.ts';

type Db = Kysely<PlatformTables>;
type Rejection = ImportResult['rejected'][number];

export interface FigureTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
  delimiter: string | null;
}

const KEY = /^[A-Za-z0-9_.-]{1,80}$/;
const today = () => new Date().toISOString().slice(0, 10);

interface NewIndicator {
  key: string;
  name: string;
  unit: string;
  source: string;
  licence: string;
  fictional: boolean;
  year: number;
}

/** Reads a CSV (any delimiter, UTF-8 or Latin-1) or Excel file into the rows the import checks. */
export async function readFigureFile(fileName: string, bytes: Uint8Array): Promise<FigureTable> {
  try {
    const sheet = await readSheet(fileName, bytes);
    return { header: sheet.header, rows: sheet.rows, delimiter: sheet.delimiter };
  } catch (err) {
    throw badRequest('insights_import_format', { details: (err as Error).message.slice(0, 200) });
  }
}

/**
 * Imports a long-format figures table into the network, all or nothing: every line is checked first, and a
 * single bad line leaves the database as it was and names every bad line with its number and reason.
 * Values already there for the same indicator, municipality and period are replaced.
 */
export async function importFigures(
  db: Db,
  tenant: TenantContext,
  actor: Actor,
  table: FigureTable,
  lang: Language,
): Promise<ImportResult> {
  const header = table.header.map((h) => h.trim().toLowerCase());
  const missing = FIGURE_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw badRequest('insights_import_columns', { missing: missing.join(', ') });
  if (table.rows.length === 0) throw badRequest('insights_import_empty');
  const col = Object.fromEntries(header.map((h, i) => [h, i])) as Record<string, number>;
  const fictionalCol = col.fictional;
  const cell = (cells: string[], name: string) => (cells[col[name]!] ?? '').trim();

  const networkId = tenant.network.id;
  const [municipalities, mergers, existing] = await Promise.all([
    repo.allMunicipalities(db),
    repo.allMergers(db),
    repo.listIndicators(db, networkId),
  ]);
  const geo = buildGeography(municipalities, mergers);
  const known = new Map(existing.map((i) => [i.key, i]));
  const style = detectNumberStyle(
    table.delimiter,
    table.rows.map((r) => cell(r.cells, 'value')),
  );

  const rejected: Rejection[] = [];
  const reject = (line: number, code: string, params: Record<string, string | number> = {}) => {
    const reason = translate(lang, code, params);
    rejected.push({ line, code, message: translate(lang, 'insights_rejected', { line, reason }) });
  };
  const fresh = new Map<string, NewIndicator>();
  const seen = new Map<string, number>();
  const values: { key: string; nis: string; current: string; period: string; value: number }[] = [];

  for (const { line, cells } of table.rows) {
    const key = cell(cells, 'indicator');
    if (!KEY.test(key)) {
      reject(line, 'insights_line_indicator');
      continue;
    }
    if (BUILT_IN_KEYS.has(key)) {
      reject(line, 'insights_line_reserved', { key });
      continue;
    }
    const unit = cell(cells, 'unit');
    const period = cell(cells, 'period');
    const rawValue = cell(cells, 'value');
    const expected = known.get(key)?.unit ?? fresh.get(key)?.unit;
    if (!unit) reject(line, 'insights_line_unit');
    else if (expected !== undefined && unit !== expected)
      reject(line, 'insights_line_unit_differs', { given: unit, expected });
    if (!known.has(key) && !fresh.has(key)) {
      const name = cell(cells, 'name');
      const source = cell(cells, 'source');
      const licence = cell(cells, 'licence');
      if (!name) reject(line, 'insights_line_name');
      else if (!source || !licence) reject(line, 'insights_line_source');
      else if (unit) {
        const flag = fictionalCol === undefined ? '' : (cells[fictionalCol] ?? '').trim().toLowerCase();
        fresh.set(key, {
          key,
          name,
          unit,
          source,
          licence,
          fictional: ['1', 'ja', 'yes', 'oui', 'true', 'x'].includes(flag),
          year: 0,
        });
      }
    }
    if (!PERIOD.test(period)) {
      reject(line, 'insights_line_period', { value: period });
      continue;
    }
    const place = resolvePlace(geo, cell(cells, 'municipality'), period);
    if (!place.ok) {
      reject(line, place.code, place.params);
      continue;
    }
    const value = parseNumber(rawValue, style);
    if (value === null) {
      reject(line, 'insights_line_value', { value: rawValue });
      continue;
    }
    const id = `${key}\u0000${place.nis}\u0000${period}`;
    const first = seen.get(id);
    if (first !== undefined) {
      reject(line, 'insights_line_duplicate', { key, nis: place.nis, period, first });
      continue;
    }
    seen.set(id, line);
    const ind = fresh.get(key);
    if (ind) ind.year = Math.max(ind.year, Number(period.slice(0, 4)));
    values.push({ key, nis: place.nis, current: place.current, period, value });
  }

  if (rejected.length > 0) {
    rejected.sort((a, b) => a.line - b.line);
    return { imported: 0, rejected };
  }

  const now = nowIso();
  await inTransaction(db, async (trx) => {
    const ids = new Map(existing.map((i) => [i.key, i.id]));
    for (const ind of fresh.values()) {
      const row: InsightIndicatorTable = {
        id: newId(),
        network_id: networkId,
        key: ind.key,
        name: JSON.stringify({ nl: ind.name, fr: null, en: null }),
        unit: ind.unit,
        source: ind.source,
        licence: ind.licence,
        year: ind.year,
        aims: '[]',
        polarity: 'up',
        fictional: ind.fictional ? 1 : 0,
        created_at: now,
        updated_at: now,
      };
      await repo.insertIndicator(trx, row);
      ids.set(ind.key, row.id);
    }
    const rows: InsightValueTable[] = values.map((v) => ({
      network_id: networkId,
      indicator_id: ids.get(v.key)!,
      nis_code: v.nis,
      nis_current: v.current,
      period: v.period,
      value: v.value,
    }));
    await repo.upsertValues(trx, rows);
    const touched = [...new Set(values.map((v) => ids.get(v.key)!))];
    await repo.refreshStats(trx, networkId, touched, await municipalityCodesOn(trx, networkId, today()));
    const perIndicator: Record<string, number> = {};
    for (const v of values) perIndicator[v.key] = (perIndicator[v.key] ?? 0) + 1;
    await auditTenantWrite(trx, tenant, actor, 'insights.figures_imported', 'insight_import', newId(), null, {
      values: values.length,
      perIndicator,
      newIndicators: [...fresh.keys()],
    });
  });
  return { imported: values.length, rejected: [] };
}
