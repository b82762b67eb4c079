import fs from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoOnce } from '../../demo/seed.ts';
import { createTestDb, type TestDb, testEngines } from '../../platform/db/testing.ts';
import { resolveTenant } from '../../platform/tenancy.ts';
import { listPartners, partnersSpokenForBy } from '../network/service.ts';
import { directoryDb } from './db.ts';
import { kboNumber, seedDirectoryDemo } from './demo.ts';
import { findServices, hsdsOrganization, hsdsServiceList } from './service.ts';
import type { DirectoryTables } from './tables.ts';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule }).default;
const hsdsSchema = (name: string) => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(
    JSON.parse(fs.readFileSync(new URL(`./hsds-schema/${name}.json`, import.meta.url), 'utf8')),
  );
};
/** Compiling the HSDS schemas takes seconds: once per file, not once per engine. */
let compiled:
  | { service: ReturnType<typeof hsdsSchema>; organization: ReturnType<typeof hsdsSchema> }
  | undefined;
const validators = () => {
  compiled ??= { service: hsdsSchema('service'), organization: hsdsSchema('organization') };
  return compiled;
};

type Ring = [number, number][];
interface Feature {
  properties: { nis: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: Ring[] | Ring[][] };
}
/** The boundaries straight from the data file, with a ray-casting test of its own. */
const FEATURES = (
  JSON.parse(
    fs.readFileSync(
      new URL('../../../../data/elz_regio_aalst_municipalities_2026.geojson', import.meta.url),
      'utf8',
    ),
  ) as { features: Feature[] }
).features;
const POSTCODES = fs
  .readFileSync(new URL('../../../../data/elz_regio_aalst_postcodes.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','));

function inside(nis: string, lat: number, lon: number): boolean {
  const f = FEATURES.find((x) => x.properties.nis === nis);
  if (!f) return false;
  const polygons = (
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
  ) as Ring[][];
  let hit = false;
  for (const ring of polygons.flat())
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x1, y1] = ring[i]!;
      const [x2, y2] = ring[j]!;
      if (y1 > lat !== y2 > lat && lon < ((x2 - x1) * (lat - y1)) / (y2 - y1) + x1) hit = !hit;
    }
  return hit;
}

describe.each(testEngines())('directory demo map on %s', (engine) => {
  let t: TestDb;
  let d: Kysely<DirectoryTables>;
  beforeAll(async () => {
    t = await createTestDb(engine);
    d = directoryDb(t.db);
    await seedDemoOnce(t.db);
  }, 60_000);
  afterAll(() => t.destroy());

  it('loads a few hundred published demo services of about a hundred organisations', async () => {
    const services = await d
      .selectFrom('directory_services')
      .select(['published', 'is_demo', 'status'])
      .execute();
    expect(services.length).toBeGreaterThanOrEqual(250);
    expect(services.every((s) => s.published === 1 && s.is_demo === 1 && s.status === 'active')).toBe(true);
    const orgs = await d
      .selectFrom('directory_organizations')
      .select(['is_demo', 'website', 'email'])
      .execute();
    expect(orgs.length).toBeGreaterThanOrEqual(80);
    expect(orgs.length).toBeLessThanOrEqual(120);
    expect(
      orgs.every((o) => o.is_demo === 1 && o.website?.endsWith('.example') && o.email?.endsWith('.example')),
    ).toBe(true);
    const docs = await d.selectFrom('directory_search_docs').select('docno').execute();
    expect(docs).toHaveLength(services.length);
  });

  it('places every location inside its municipality, at a postcode of that municipality', async () => {
    const locations = await d
      .selectFrom('directory_locations as l')
      .innerJoin('directory_addresses as a', 'a.location_id', 'l.id')
      .select(['l.latitude', 'l.longitude', 'l.nis_code', 'a.postal_code', 'a.city'])
      .execute();
    expect(locations.length).toBeGreaterThan(100);
    const outside = locations.filter(
      (l) => l.nis_code === null || !inside(l.nis_code, Number(l.latitude), Number(l.longitude)),
    );
    expect(outside).toEqual([]);
    const known = new Set(POSTCODES.map(([pc, place, nis]) => `${pc}|${place}|${nis}`));
    expect(locations.filter((l) => !known.has(`${l.postal_code}|${l.city}|${l.nis_code}`))).toEqual([]);
    expect(new Set(locations.map((l) => l.nis_code))).toEqual(
      new Set(['41002', '41011', '41024', '41034', '41082']),
    );
  });

  it('covers the sectors with hours, holidays, languages, capacity, translations and spread assurance', async () => {
    const rubrics = await d
      .selectFrom('directory_attributes')
      .select('taxonomy_term_id')
      .distinct()
      .where('taxonomy_term_id', 'like', 'rubric-%')
      .execute();
    expect(rubrics.length).toBeGreaterThanOrEqual(25);
    const holidays = await d
      .selectFrom('directory_schedule_exceptions')
      .select('reason')
      .where('date_from', '=', '2027-03-29')
      .execute();
    expect(holidays.length).toBeGreaterThan(100);
    expect(holidays[0]?.reason).toBe('Paasmaandag');
    const languages = new Set(
      (await d.selectFrom('directory_languages').select('code').execute()).map((l) => l.code),
    );
    expect([...languages].sort()).toEqual(['ar', 'en', 'fr', 'nl', 'tr']);
    const capacities = await d.selectFrom('directory_service_capacities').selectAll().execute();
    expect(capacities.some((c) => c.available > 0)).toBe(true);
    expect(capacities.some((c) => (c.waiting_list ?? 0) > 0)).toBe(true);
    const french = await d
      .selectFrom('directory_translations')
      .select('entity_id')
      .where('entity_type', '=', 'service')
      .where('lang', '=', 'fr')
      .where('field', '=', 'name')
      .execute();
    expect(french.length).toBeGreaterThan(100);
    const dates = (await d.selectFrom('directory_services').select('assured_date').execute()).map(
      (s) => (Date.now() - Date.parse(s.assured_date ?? '')) / 86_400_000,
    );
    expect(dates.some((days) => days < 90)).toBe(true);
    expect(dates.filter((days) => days > 365).length).toBeGreaterThan(50);
    expect(dates.every((days) => days >= -1 && days < 731)).toBe(true);
  });

  it('gives KBO numbers a valid check digit', async () => {
    const kbo = await d
      .selectFrom('directory_identifiers')
      .select('identifier')
      .where('scheme', '=', 'kbo')
      .execute();
    expect(kbo.length).toBeGreaterThanOrEqual(10);
    for (const { identifier } of kbo) {
      expect(identifier).toMatch(/^[01]\d{9}$/);
      expect(97 - (Number(identifier.slice(0, 8)) % 97)).toBe(Number(identifier.slice(8)));
    }
    expect(kboNumber(1234567)).toBe('0123456749');
  });

  it('finds the home nursing in Aalst with a typo near 9300, and the psychologist, home help and dentist', async () => {
    const r = await findServices(t.db, {
      networkId: null,
      text: 'thuisverpleeging',
      near: { postcode: '9300' },
    });
    const top = r.items.slice(0, 3).map((i) => `${i.name} / ${i.organization}`);
    expect(top).toContain('Thuisverpleging Aalst / Thuisverpleging De Bron');
    // Monday 7 December 2026, 10:00 in Brussels: the home nursing is open then.
    const open = await findServices(t.db, {
      networkId: null,
      text: 'thuisverpleeging',
      near: { postcode: '9300' },
      openAt: new Date('2026-12-07T09:00:00Z'),
    });
    expect(open.items.slice(0, 3).map((i) => i.organization)).toContain('Thuisverpleging De Bron');
    const closed = await findServices(t.db, {
      networkId: null,
      text: 'thuisverpleeging',
      near: { postcode: '9300' },
      openAt: new Date('2026-12-07T18:30:00Z'),
    });
    expect(closed.items.map((i) => i.name)).not.toContain('Thuisverpleging Aalst');
    const hours = await d
      .selectFrom('directory_services as s')
      .innerJoin('directory_schedules as h', 'h.service_id', 's.id')
      .select(['h.byday', 'h.opens_at', 'h.closes_at'])
      .where('s.name', '=', 'Thuisverpleging Aalst')
      .execute();
    expect(hours).toEqual([{ byday: 'MO,TU,WE,TH,FR', opens_at: '08:00', closes_at: '18:00' }]);

    const psy = await findServices(t.db, { networkId: null, text: 'psycholoog', municipality: '41011' });
    expect(psy.items.map((i) => i.name)).toContain('Psychologische begeleiding voor volwassenen');
    const help = await findServices(t.db, { networkId: null, text: 'huishoudhulp' });
    expect(help.items.map((i) => i.organization)).toContain('Thuiszorgdienst Zorgzaam');
    const dentist = await findServices(t.db, { networkId: null, text: 'tandarts' });
    expect(dentist.total).toBeGreaterThanOrEqual(5);
  });

  it('holds near-duplicate pairs: a slightly different name with the same phone and address', async () => {
    const rows = await d
      .selectFrom('directory_organizations as o')
      .innerJoin('directory_phones as p', 'p.organization_id', 'o.id')
      .innerJoin('directory_locations as l', 'l.organization_id', 'o.id')
      .innerJoin('directory_addresses as a', 'a.location_id', 'l.id')
      .select(['o.name', 'p.number', 'a.address_1', 'a.postal_code'])
      .execute();
    const byPhone = new Map<string, typeof rows>();
    for (const r of rows) byPhone.set(r.number, [...(byPhone.get(r.number) ?? []), r]);
    const pairs = [...byPhone.values()].filter(
      (group) =>
        new Set(group.map((g) => g.name)).size === 2 && new Set(group.map((g) => g.address_1)).size === 1,
    );
    expect(pairs.map((g) => [...new Set(g.map((x) => x.name))].sort())).toEqual(
      expect.arrayContaining([
        ['Huisartsenpraktijk De Vlier', 'Huisartsenpraktijk de Vlier Aalst'],
        ['Apotheek Ter Beke', 'Apotheek Terbeke'],
        ['KDV De Speelboot', 'Kinderdagverblijf De Speelboot'],
        ['Sociale Kruidenier Het Mandje', 'Sociale kruidenier ’t Mandje'],
      ]),
    );
  });

  it('links every network partner to its directory organisation; the home-care spokesperson has services', async () => {
    const ctx = await resolveTenant(t.db, null, 'elz-regio-aalst');
    const partners = await listPartners(t.db, ctx);
    expect(partners.length).toBeGreaterThan(20);
    const orgs = await d.selectFrom('directory_organizations').select(['id', 'name']).execute();
    const nameOf = new Map(orgs.map((o) => [o.id, o.name]));
    for (const p of partners) expect(nameOf.get(p.organizationId ?? '')).toBe(p.name);
    const listed = await d
      .selectFrom('directory_network_partners')
      .select('organization_id')
      .where('network_id', '=', ctx.network.id)
      .execute();
    expect(new Set(listed.map((l) => l.organization_id))).toEqual(
      new Set(partners.map((p) => p.organizationId)),
    );

    const user = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'partner@demo.knooppunt.be')
      .executeTakeFirstOrThrow();
    const spoken = await partnersSpokenForBy(t.db, ctx, { user: { id: user.id } } as never);
    const own = partners.filter((p) => spoken.includes(p.id));
    expect(own.map((p) => p.name)).toEqual(['Thuiszorgdienst Zorgzaam']);
    const services = await d
      .selectFrom('directory_services')
      .select('name')
      .where('organization_id', '=', own[0]!.organizationId!)
      .execute();
    expect(services.length).toBeGreaterThanOrEqual(2);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('action', 'in', ['directory.demo_loaded', 'partner.updated'])
      .execute();
    expect(audit.filter((a) => a.action === 'partner.updated')).toHaveLength(partners.length);
    expect(
      JSON.parse(audit.find((a) => a.action === 'directory.demo_loaded')?.after_json ?? '{}'),
    ).toMatchObject({
      partners: partners.length,
    });
  });

  it('is valid HSDS 3.1: uuids, e-mail addresses and web addresses of the right format', async () => {
    const { service, organization } = validators();
    const page = await hsdsServiceList(t.db, null, { offset: 0, limit: 400 });
    expect(page.total).toBeGreaterThanOrEqual(250);
    const invalid = page.items.flatMap((s) =>
      service({ ...s }) ? [] : [[s.name, service.errors?.map((e) => `${e.instancePath} ${e.message}`)]],
    );
    expect(invalid).toEqual([]);
    const orgIds = [...new Set(page.items.map((s) => String(s.organization_id)))];
    expect(orgIds.length).toBeGreaterThanOrEqual(80);
    for (const id of orgIds.slice(0, 20)) {
      const o = await hsdsOrganization(t.db, null, id);
      expect(organization(o) ? [] : organization.errors).toEqual([]);
    }
  });

  it('is the same map on every installation', async () => {
    const other = await createTestDb(engine);
    try {
      await seedDemoOnce(other.db);
      const points = (db: Kysely<DirectoryTables>) =>
        db
          .selectFrom('directory_locations')
          .select(['id', 'latitude', 'longitude'])
          .orderBy('id')
          .execute()
          .then((rows) => rows.map((r) => [r.id, Number(r.latitude), Number(r.longitude)]));
      expect(await points(directoryDb(other.db))).toEqual(await points(d));
    } finally {
      await other.destroy();
    }
  }, 60_000);

  it('refuses an unknown network and writes nothing', async () => {
    const count = async () =>
      Number(
        (
          await d
            .selectFrom('directory_services')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await expect(seedDirectoryDemo(t.db, 'geen-netwerk')).rejects.toThrow();
    expect(await count()).toBe(before);
  });

  it('does not load twice, and a second directory load adds no partner organisations', async () => {
    expect(await seedDemoOnce(t.db)).toBe(false);
    const before = await d.selectFrom('directory_network_partners').select('organization_id').execute();
    const again = await seedDirectoryDemo(t.db, 'elz-regio-aalst');
    const after = await d.selectFrom('directory_network_partners').select('organization_id').execute();
    expect(after).toHaveLength(before.length);
    // Partner organisations are reused by name; the other demo organisations carry the same stable ids.
    expect(again.organizations).toBe(0);
  });
});
