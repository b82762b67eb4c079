import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../platform/audit.ts';
import { testEngines } from '../../../platform/db/testing.ts';
import { createTestApp, type TestApp } from '../../../testing.ts';
import type { DirectoryTables } from '../tables.ts';
import { applyImport, previewImport } from './apply.ts';
import { readSheet, spreadsheetImporter, suggestMapping } from './spreadsheet.ts';

const CSV = [
  'Naam organisatie;KBO;Dienst;Straat;Postcode;Gemeente',
  'Vzw Proefhuis;0202.239.951;Proefcafé;Kerkstraat 5;9300;Aalst',
].join('\n');

/** Another network's own additions do not exist for an import: never matched by KBO, never linked to. */
describe.each(testEngines())('import matching across networks on %s', (engine) => {
  let k: TestApp;
  let mine = '';
  let other = '';
  const dir = () => k.t.db.withTables<DirectoryTables>() as unknown as Kysely<DirectoryTables>;
  const batch = async () => {
    const table = await readSheet('lijst.csv', Buffer.from(CSV));
    return spreadsheetImporter.parse({ label: 'lijst.csv', table, mapping: suggestMapping(table.header) });
  };

  beforeAll(async () => {
    k = await createTestApp(engine);
    const networks = await k.t.db.selectFrom('networks').select(['id', 'slug']).execute();
    mine = networks.find((n) => n.slug === 'elz-regio-aalst')?.id as string;
    other = networks.find((n) => n.slug === 'zorginnovatiecluster')?.id as string;
    const first = await applyImport(k.t.db, await batch(), { networkId: other }, { actor: SYSTEM_ACTOR });
    expect(first.errors).toEqual([]);
  });
  afterAll(() => k.destroy());

  it("creates the network's own organisation instead of linking to another network's", async () => {
    const preview = await previewImport(k.t.db, await batch(), { networkId: mine });
    expect(preview.counts).toMatchObject({ organizations: { create: 1, link: 0 } });
    const r = await applyImport(k.t.db, await batch(), { networkId: mine }, { actor: SYSTEM_ACTOR });
    expect(r.errors).toEqual([]);
    const services = await dir()
      .selectFrom('directory_services as s')
      .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
      .select(['s.network_id as service_network', 'o.network_id as organization_network'])
      .where('s.name', '=', 'Proefcafé')
      .execute();
    expect(services).toHaveLength(2);
    for (const s of services) expect(s.organization_network).toBe(s.service_network);
  });
});
