import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../commands.ts';
import { openDb } from '../../../platform/db/index.ts';

const PACKAGE = fileURLToPath(new URL('./fixtures/hsds-example-be', import.meta.url));

/** The command line's own dispatch, in this process, on a throwaway data folder, as an operator runs it. */
async function knooppunt(dataDir: string, args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCommand(args, {
    out: (s) => stdout.push(s),
    err: (s) => stderr.push(s),
    env: { DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}
async function serviceNames(dataDir: string): Promise<string[]> {
  const h = openDb({ file: path.join(dataDir, 'knooppunt.db') });
  try {
    const rows = await h.db
      .withTables<{ directory_services: { name: string } }>()
      .selectFrom('directory_services')
      .select('name')
      .orderBy('name')
      .execute();
    return rows.map((r) => r.name);
  } finally {
    await h.close();
  }
}

describe('import and export hsds / spreadsheet on the command line (SQLite)', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'knooppunt-exchange-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('imports the HSDS package twice without duplicates, and export → import → export is identical', async () => {
    const a = tmp();
    const first = await knooppunt(a, ['import', 'hsds', PACKAGE]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('services 1 new, 0 updated');
    const again = await knooppunt(a, ['import', 'hsds', PACKAGE]);
    expect(again.stdout).toContain('services 0 new, 1 updated');
    expect(await serviceNames(a)).toEqual(['Community Counselling']);

    const out1 = path.join(a, 'export-1');
    expect((await knooppunt(a, ['export', 'hsds', out1])).code).toBe(0);
    const b = tmp();
    expect((await knooppunt(b, ['import', 'hsds', out1])).code).toBe(0);
    const out2 = path.join(b, 'export-2');
    expect((await knooppunt(b, ['export', 'hsds', out2])).code).toBe(0);
    const names = fs.readdirSync(out1).sort();
    expect(names).toContain('datapackage.json');
    expect(fs.readdirSync(out2).sort()).toEqual(names);
    for (const n of names)
      expect(fs.readFileSync(path.join(out2, n), 'utf8')).toBe(fs.readFileSync(path.join(out1, n), 'utf8'));
  });

  it('refuses a spreadsheet with a bad row: line and reason, exit 1, nothing written; plan commands still answer', async () => {
    const a = tmp();
    const file = path.join(a, 'lijst.csv');
    fs.writeFileSync(
      file,
      Buffer.from(
        'Naam;Straat;Postcode;Gemeente;Telefoon\r\nDe Brug vzw;Kerkstraat 5;9300;Aalst;053 21 21 21\r\nHet Anker;Stationsstraat 1;12345;Aalst;053 21 21 22\r\n',
        'latin1',
      ),
    );
    const r = await knooppunt(a, ['import', 'spreadsheet', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('lijst.csv:3: "12345" is not a Belgian postcode.');
    expect(r.stderr).toContain('Nothing was imported');
    expect(await serviceNames(a)).toEqual([]);
    const mapped = await knooppunt(a, ['import', 'spreadsheet', file, '--map', 'nonsense=Naam']);
    expect(mapped.code).toBe(2);
    const plan = await knooppunt(a, ['import', 'plan']);
    expect(plan.code).toBe(2);
    expect(plan.stderr).toContain('import plan --network SLUG');
  });
});
