import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../platform/audit.ts';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import { createTestDb, type TestDb, testEngines } from '../../../platform/db/testing.ts';
import { translate } from '../../../platform/i18n.ts';
import { createOrganization, createService } from '../service.ts';
import type { DirectoryTables } from '../tables.ts';
import { applyImport, previewImport } from './apply.ts';
import { exportJson, exportTabular } from './export.ts';
import { hsdsJsonImporter } from './hsds-json.ts';
import { hsdsTabularImporter } from './hsds-tabular.ts';
import './messages.ts';
import { parseHsdsPath, readPackageDir } from './sources.ts';
import {
  normaliseKbo,
  parseOpeningHours,
  readSheet,
  spreadsheetImporter,
  suggestMapping,
} from './spreadsheet.ts';
import { parseCsv } from './text.ts';

const fixture = (p: string) => fileURLToPath(new URL(`./fixtures/${p}`, import.meta.url));
const SHARED = { networkId: null };
const opts = { actor: SYSTEM_ACTOR };

async function count(db: TestDb['db'], table: keyof DirectoryTables): Promise<number> {
  const d = db.withTables<DirectoryTables>();
  const r = await d
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function counts(db: TestDb['db']) {
  const out: Record<string, number> = {};
  for (const t of [
    'directory_organizations',
    'directory_services',
    'directory_locations',
    'directory_addresses',
    'directory_phones',
    'directory_schedules',
    'directory_attributes',
    'directory_identifiers',
    'directory_field_sources',
  ] as const)
    out[t] = await count(db, t);
  out.audit = Number(
    (
      await (db as unknown as import('kysely').Kysely<PlatformTables>)
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  return out;
}

/** A network's own list as a Belgian office saves it: Windows-1252, semicolons, one bad row. */
function latin1Csv(): Buffer {
  const text = [
    'Naam organisatie;KBO;Dienst;Straat;Postcode;Gemeente;Telefoon;Rubriek;Openingsuren',
    'Vzw Hélène;0202.239.951;Café Ontmoeting;Kerkstraat 5;9300;Aalst;053 21 21 21;Lokale dienstencentra;ma-vr 9:00-17:00',
    'Vzw Hélène;0202.239.951;Thuiszorg Sint-Jozef;Kerkstraat 5;9300;Aalst;053 21 21 22;thuisverpleging;za 10u-12u',
    'Buurtwerk Één;;Soep op zondag;Molenstraat 2;9300;Aalst;;onbekende-rubriek;zo 25:00-26:00',
  ].join('\r\n');
  return Buffer.from(text, 'latin1');
}

describe('spreadsheet helpers', () => {
  it('reads opening hours as people type them and refuses what it cannot read', () => {
    expect(parseOpeningHours('ma-vr 9:00-17:00; za 10u-12u')).toEqual([
      { byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' },
      { byday: 'SA', opens_at: '10:00', closes_at: '12:00' },
    ]);
    expect(parseOpeningHours('altijd open')).toBeNull();
    expect(parseOpeningHours('vr-ma 9-17')).toBeNull();
  });
  it('checks KBO numbers and suggests columns by their Dutch names', () => {
    expect(normaliseKbo('0202.239.951')).toBe('0202239951');
    expect(normaliseKbo('0202.239.952')).toBeNull();
    expect(suggestMapping(['Naam', 'Straat', 'Postcode', 'Telefoon', 'KBO'])).toEqual({
      organization_name: 'Naam',
      address_1: 'Straat',
      postal_code: 'Postcode',
      phone: 'Telefoon',
      kbo: 'KBO',
    });
  });
});

describe('reading spreadsheets', () => {
  it('reads the first sheet of an .xlsx with its row numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Lijst');
    ws.addRow(['Naam', 'Postcode', 'Telefoon']);
    ws.addRow(['De Brug vzw', 9300, '053 21 21 21']);
    ws.addRow([]);
    ws.addRow(['Het Anker', 9300, null]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const t = await readSheet('lijst.xlsx', bytes);
    expect(t).toMatchObject({ header: ['Naam', 'Postcode', 'Telefoon'], encoding: 'xlsx', delimiter: null });
    expect(t.rows).toEqual([
      { line: 2, cells: ['De Brug vzw', '9300', '053 21 21 21'] },
      { line: 4, cells: ['Het Anker', '9300', ''] },
    ]);
  });

  it('reads UTF-8 with a BOM and commas as such', async () => {
    const text = 'naam,gemeente\n"Café, ""De Hoek""",Aalst\n';
    const t = await readSheet(
      'lijst.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    );
    expect(t).toMatchObject({ encoding: 'utf-8', delimiter: ',', header: ['naam', 'gemeente'] });
    expect(t.rows).toEqual([{ line: 2, cells: ['Café, "De Hoek"', 'Aalst'] }]);
  });
});

describe.each(testEngines())('exchange on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('rejects the unchanged HSDS example package with line and reason, and writes nothing', async () => {
    const before = await counts(t.db);
    const batch = hsdsTabularImporter.parse({
      label: 'example',
      files: readPackageDir(fixture('hsds-3.1-example/csv')),
    });
    const r = await applyImport(t.db, batch, SHARED, opts);
    expect(r.ok).toBe(false);
    expect(r.errors).toContainEqual(
      expect.objectContaining({ file: 'datapackage.json', line: 1, code: 'exchange_malformed' }),
    );
    expect(r.errors).toContainEqual(
      expect.objectContaining({ file: 'locations.csv', line: 2, code: 'exchange_outside_belgium' }),
    );
    expect(r.errors).toContainEqual(
      expect.objectContaining({ file: 'locations.csv', line: 2, code: 'exchange_unknown_reference' }),
    );
    expect(await counts(t.db)).toEqual(before);
    const json = hsdsJsonImporter.parse({
      label: 'service_full.json',
      bytes: fs.readFileSync(fixture('hsds-3.1-example/service_full.json')),
    });
    const rj = await applyImport(t.db, json, SHARED, opts);
    expect(rj.errors).toContainEqual(
      expect.objectContaining({ file: 'service_full.json', code: 'exchange_outside_belgium' }),
    );
    expect(rj.errors.map((e) => e.code)).toEqual(
      expect.arrayContaining(['exchange_outside_belgium', 'exchange_unknown_term']),
    );
    expect(await counts(t.db)).toEqual(before);
  });

  it('refuses rows without an id or with an id seen before, and spreadsheet rows sharing a Sociale Kaart id', async () => {
    const before = await counts(t.db);
    const files = readPackageDir(fixture('hsds-example-be'));
    const services = Buffer.from(files.get('services.csv')!).toString('utf8').trimEnd().split(/\r?\n/);
    const withoutId = services[1]!.replace(/^[^,]+/, '');
    files.set('services.csv', Buffer.from([...services, services[1], withoutId].join('\n')));
    const r = await applyImport(t.db, hsdsTabularImporter.parse({ label: 'pkg', files }), SHARED, opts);
    expect(r.errors.filter((e) => e.file === 'services.csv').map((e) => [e.line, e.code])).toEqual([
      [3, 'exchange_duplicate_id'],
      [4, 'exchange_required'],
    ]);
    const table = await readSheet(
      'sk.csv',
      Buffer.from('Naam;Sociale Kaart id\nDe Brug;SK-1\nHet Anker;SK-1\n'),
    );
    const mapping = suggestMapping(table.header);
    const sk = await applyImport(
      t.db,
      spreadsheetImporter.parse({ label: 'sk.csv', table, mapping }),
      SHARED,
      opts,
    );
    expect(sk.errors.map((e) => [e.line, e.code])).toEqual([[3, 'exchange_duplicate_id']]);
    expect(await counts(t.db)).toEqual(before);
  });

  it('imports the Belgian example package, and a re-run updates without duplicating', async () => {
    const batch = await parseHsdsPath(fixture('hsds-example-be'));
    const preview = await previewImport(t.db, batch, SHARED);
    expect(preview.errors).toEqual([]);
    expect(preview.counts.services).toEqual({ create: 1, update: 0, link: 0 });
    const r = await applyImport(t.db, batch, SHARED, opts);
    expect(r.ok).toBe(true);
    const after = await counts(t.db);
    expect(after.directory_services).toBe(1);
    expect(after.directory_identifiers).toBe(1);
    const d = t.db.withTables<DirectoryTables>();
    const svc = await d.selectFrom('directory_services').selectAll().executeTakeFirstOrThrow();
    expect(svc).toMatchObject({
      id: 'ac148810-d857-441c-9679-408f346de14b',
      name: 'Community Counselling',
      minimum_age: 12,
    });
    const prov = await d
      .selectFrom('directory_field_sources')
      .selectAll()
      .where('entity_id', '=', svc.id)
      .where('field', '=', 'name')
      .executeTakeFirstOrThrow();
    expect(prov).toMatchObject({
      source: 'import:hsds-tabular',
      source_ref: 'hsds-example-be:services.csv:2',
    });
    const sched = await d.selectFrom('directory_schedules').selectAll().executeTakeFirstOrThrow();
    expect(sched).toMatchObject({ byday: 'TH,FR', opens_at: '10:00', closes_at: '18:00' });
    expect(await d.selectFrom('directory_search_docs').select('service_id').execute()).toEqual([
      { service_id: svc.id },
    ]);

    const again = await applyImport(t.db, await parseHsdsPath(fixture('hsds-example-be')), SHARED, opts);
    expect(again.counts.services).toEqual({ create: 0, update: 1, link: 0 });
    const rerun = await counts(t.db);
    expect({ ...rerun, audit: 0 }).toEqual({ ...after, audit: 0 });
    expect(rerun.audit).toBe(after.audit! + 1);
  });

  it('exports the tabular package and JSON, and export → import → export is identical', async () => {
    const first = await exportTabular(t.db, null);
    expect([...first.keys()]).toContain('datapackage.json');
    expect(first.get('services.csv')).toContain('Community Counselling');
    const json = await exportJson(t.db, null);
    const other = await createTestDb(engine);
    try {
      const files = new Map([...first].map(([k, v]) => [k, Buffer.from(v)]));
      const r = await applyImport(
        other.db,
        hsdsTabularImporter.parse({ label: 'export', files }),
        SHARED,
        opts,
      );
      expect(r.errors).toEqual([]);
      expect(await exportTabular(other.db, null)).toEqual(first);
      expect(await exportJson(other.db, null)).toBe(json);
    } finally {
      await other.destroy();
    }
    const viaJson = await createTestDb(engine);
    try {
      const r = await applyImport(
        viaJson.db,
        hsdsJsonImporter.parse({ label: 'export.json', bytes: Buffer.from(json) }),
        SHARED,
        opts,
      );
      expect(r.errors).toEqual([]);
      expect(await exportJson(viaJson.db, null)).toBe(json);
    } finally {
      await viaJson.destroy();
    }
  });

  it('defuses would-be spreadsheet formulas in the CSVs, and an import takes the apostrophe off again', async () => {
    const texts = {
      org: "'=1+1 vzw",
      plainApostrophe: "'t Hofke",
      name: '=HYPERLINK("https://evil.example";"Klik")',
      description: '-2+3 en @SUM(A1)',
      phone: '+32 53 21 00 00',
    };
    const org = await createOrganization(t.db, { name: texts.org });
    await createOrganization(t.db, { name: texts.plainApostrophe });
    const id = await createService(t.db, {
      organization_id: org,
      name: texts.name,
      description: texts.description,
      phone: texts.phone,
      locations: [
        { address_1: 'Kerkstraat 1', postal_code: '9300', city: 'Aalst', latitude: 50.93, longitude: 4.04 },
      ],
    });
    const first = await exportTabular(t.db, null);
    const cells = (file: string) => parseCsv(first.get(file)!, ',').rows.flatMap((r) => r.cells);
    expect(cells('services.csv')).toEqual(
      expect.arrayContaining([`'${texts.name}`, `'${texts.description}`]),
    );
    expect(cells('phones.csv')).toContain(`'${texts.phone}`);
    expect(cells('organizations.csv')).toEqual(expect.arrayContaining([`''=1+1 vzw`, texts.plainApostrophe]));
    // No cell a spreadsheet would run: every text cell starts with something other than = + - @ tab CR.
    for (const file of ['services.csv', 'phones.csv', 'organizations.csv'])
      for (const cell of cells(file)) expect(cell, `${file}: ${cell}`).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
    // JSON is not opened in spreadsheets and keeps the texts as they are.
    expect(await exportJson(t.db, null)).toContain(JSON.stringify(texts.name));

    const other = await createTestDb(engine);
    try {
      const files = new Map([...first].map(([k, v]) => [k, Buffer.from(v)]));
      const r = await applyImport(
        other.db,
        hsdsTabularImporter.parse({ label: 'export', files }),
        SHARED,
        opts,
      );
      expect(r.errors).toEqual([]);
      const d = other.db.withTables<DirectoryTables>();
      expect(
        await d
          .selectFrom('directory_services')
          .select(['name', 'description'])
          .where('id', '=', id)
          .executeTakeFirst(),
      ).toEqual({
        name: texts.name,
        description: texts.description,
      });
      const orgNames = (await d.selectFrom('directory_organizations').select('name').execute()).map(
        (o) => o.name,
      );
      expect(orgNames).toEqual(expect.arrayContaining([texts.org, texts.plainApostrophe]));
      expect(
        (await d.selectFrom('directory_phones').select('number').where('service_id', '=', id).execute()).map(
          (p) => p.number,
        ),
      ).toEqual([texts.phone]);
      expect(await exportTabular(other.db, null)).toEqual(first);
    } finally {
      await other.destroy();
    }
  });

  it('rejects a Latin-1 spreadsheet with a bad row, with line and reason, and writes nothing', async () => {
    const before = await counts(t.db);
    const table = await readSheet('lijst.csv', latin1Csv());
    expect(table.encoding).toBe('windows-1252');
    expect(table.header[0]).toBe('Naam organisatie');
    const mapping = suggestMapping(table.header);
    expect(mapping).toMatchObject({
      organization_name: 'Naam organisatie',
      kbo: 'KBO',
      service_name: 'Dienst',
      opening_hours: 'Openingsuren',
    });
    const batch = spreadsheetImporter.parse({ label: 'lijst.csv', table, mapping });
    const r = await applyImport(t.db, batch, SHARED, opts);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([
      [4, 'exchange_bad_hours'],
      [4, 'exchange_unknown_term'],
    ]);
    expect(translate('nl', r.errors[1]!.code, r.errors[1]!.params)).toContain('onbekende-rubriek');
    expect(await counts(t.db)).toEqual(before);

    // Without the bad row the same file goes in; the organisation is found by KBO, the services by name.
    const good = { ...table, rows: table.rows.filter((x) => x.line !== 4) };
    const ok = await applyImport(
      t.db,
      spreadsheetImporter.parse({ label: 'lijst.csv', table: good, mapping }),
      SHARED,
      opts,
    );
    expect(ok.errors).toEqual([]);
    expect(ok.counts).toMatchObject({
      organizations: { create: 1 },
      services: { create: 2 },
      locations: { create: 1 },
    });
    const d = t.db.withTables<DirectoryTables>();
    const org = await d
      .selectFrom('directory_organizations')
      .selectAll()
      .where('name', '=', 'Vzw Hélène')
      .executeTakeFirstOrThrow();
    expect(
      await d
        .selectFrom('directory_identifiers')
        .select(['scheme', 'identifier'])
        .where('entity_id', '=', org.id)
        .execute(),
    ).toEqual([{ scheme: 'kbo', identifier: '0202239951' }]);
    const mid = await counts(t.db);
    const rerun = await applyImport(
      t.db,
      spreadsheetImporter.parse({ label: 'lijst.csv', table: good, mapping }),
      SHARED,
      opts,
    );
    expect(rerun.counts).toMatchObject({
      organizations: { update: 1 },
      services: { update: 2 },
      locations: { update: 1 },
    });
    expect({ ...(await counts(t.db)), audit: 0 }).toEqual({ ...mid, audit: 0 });
  });
});
