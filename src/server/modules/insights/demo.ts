import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../platform/audit.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { findNetwork } from '../networks/service.ts';
import { importFigures } from './import.ts';

/**
 * Invented breast-screening participation (in %) per municipality of ELZ Regio Aalst, 2019–2025: the
 * demo's need figure for the gap map and the campaign story, marked fictional wherever it shows. The
 * ageing series needs no seed: it is the shipped Statbel data, a figure of every network.
 */
const SCREENING: Record<string, number[]> = {
  '41002': [51.2, 50.8, 44.1, 49.0, 50.3, 51.1, 51.9],
  '41011': [47.5, 46.9, 40.2, 44.8, 45.1, 45.6, 46.0],
  '41082': [55.8, 56.1, 49.5, 54.7, 55.2, 56.0, 56.4],
  '41024': [53.1, 52.4, 46.8, 51.6, 52.0, 52.3, 52.9],
  '41034': [43.9, 43.1, 37.4, 41.2, 41.0, 40.6, 40.1],
};

export async function seedInsightsDemo(
  db: Kysely<PlatformTables>,
  slug = 'elz-regio-aalst',
): Promise<number> {
  const network = await findNetwork(db, slug);
  if (!network) return 0;
  const rows = Object.entries(SCREENING).flatMap(([nis, values], m) =>
    values.map((value, p) => ({
      line: 2 + m * values.length + p,
      cells: [
        'borstkankerscreening',
        'Deelname bevolkingsonderzoek borstkanker (fictief)',
        '%',
        nis,
        String(2019 + p),
        String(value),
        'Demogegevens Knooppunt (fictief)',
        'CC0 1.0',
        'ja',
      ],
    })),
  );
  const result = await importFigures(
    db,
    { network, role: 'admin' },
    SYSTEM_ACTOR,
    {
      header: [
        'indicator',
        'name',
        'unit',
        'municipality',
        'period',
        'value',
        'source',
        'licence',
        'fictional',
      ],
      rows,
      delimiter: ',',
    },
    'nl',
  );
  if (result.rejected.length) throw new Error(`demo figures rejected: ${JSON.stringify(result.rejected)}`);
  return result.imported;
}
