import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, testEngines } from '../../platform/db/testing.ts';
import {
  addSynonym,
  createOrganization,
  createService,
  findServices,
  rebuildIndex,
  searchMisses,
} from './service.ts';

const AALST = { lat: 50.9378, lon: 4.0403 };
const NETWORK_A = 'network-a';
const NETWORK_B = 'network-b';

describe.each(testEngines())('directory search on %s', (engine) => {
  let t: TestDb;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestDb(engine);
    const org = await createOrganization(t.db, { name: 'Wit-Gele Kruis Oost-Vlaanderen' });
    const caw = await createOrganization(t.db, { name: 'CAW Oost-Vlaanderen' });
    const week = 'MO,TU,WE,TH,FR';
    ids.thuisverpleging = await createService(t.db, {
      organization_id: org,
      name: 'Thuisverpleging Aalst',
      description: 'Verpleegkundige zorg aan huis, ook wondzorg en diabetesbegeleiding.',
      term_ids: ['rubric-thuisverpleging', 'target-group-ouderen'],
      locations: [
        {
          address_1: 'Kerkstraat 1',
          postal_code: '9300',
          city: 'Aalst',
          nis_code: '41002',
          latitude: AALST.lat,
          longitude: AALST.lon,
        },
      ],
      schedules: [{ byday: week, opens_at: '08:00', closes_at: '17:00' }],
      exceptions: [{ date_from: '2026-12-25', date_to: '2026-12-25', closed: true, reason: 'Kerstmis' }],
      languages: ['nl', 'fr'],
      assured_date: '2026-01-01',
      phone: '053 00 00 00',
    });
    ids.psycholoog = await createService(t.db, {
      organization_id: caw,
      name: 'Praktijk voor psychologische begeleiding',
      description: 'Gesprekken met een psycholoog voor jongeren en volwassenen.',
      term_ids: ['rubric-psychologische-zorg', 'target-group-jongeren'],
      minimum_age: 12,
      maximum_age: 25,
      cost_amount: 0,
      locations: [
        {
          address_1: 'Stationsstraat 2',
          postal_code: '9470',
          city: 'Denderleeuw',
          nis_code: '41011',
          latitude: 50.885,
          longitude: 4.074,
        },
      ],
      schedules: [{ byday: 'FR', opens_at: '20:00', closes_at: '02:00' }],
      capacity: { unit: 'plaatsen', available: 2 },
    });
    ids.tandarts = await createService(t.db, {
      organization_id: caw,
      name: 'Sociale tandartspraktijk',
      description: 'Mondzorg voor mensen met een laag inkomen.',
      term_ids: ['rubric-mondzorg'],
      locations: [
        { address_1: 'Markt 3', postal_code: '9400', city: 'Ninove', latitude: 50.83, longitude: 4.02 },
      ],
    });
    ids.poets = await createService(t.db, {
      organization_id: org,
      name: 'Huishoudhulp De Kreek',
      description: 'Hulp bij het huishouden voor ouderen.',
      locations: [
        {
          address_1: 'Dorp 4',
          postal_code: '9300',
          city: 'Aalst',
          nis_code: '41002',
          latitude: 50.94,
          longitude: 4.05,
        },
      ],
      translations: [{ field: 'name', lang: 'fr', value: 'Aide ménagère De Kreek' }],
    });
    ids.local = await createService(t.db, {
      organization_id: caw,
      network_id: NETWORK_A,
      name: 'Praatcafé dementie Erpe-Mere',
      description: 'Lokaal initiatief van het netwerk.',
    });
    await rebuildIndex(t.db);
  });
  afterAll(() => t.destroy());

  const search = (params: Partial<Parameters<typeof findServices>[1]>) =>
    findServices(t.db, { networkId: NETWORK_A, ...params });
  const idsOf = (r: Awaited<ReturnType<typeof search>>) => r.items.map((i) => i.id);

  it('folds diacritics and matches Dutch word forms and compounds', async () => {
    expect(idsOf(await search({ text: 'AIDE MÉNAGÈRE', lang: 'fr' }))).toEqual([ids.poets]);
    expect(idsOf(await search({ text: 'verpleging' }))).toContain(ids.thuisverpleging);
    expect(idsOf(await search({ text: 'thuisverpleegkundige' }))).toContain(ids.thuisverpleging);
    expect(idsOf(await search({ text: 'psychologen' }))).toEqual([ids.psycholoog]);
  });

  it('corrects typos and says so', async () => {
    const r = await search({ text: 'psycholooog' });
    expect(idsOf(r)).toEqual([ids.psycholoog]);
    expect(r.query.corrections).toContainEqual({ from: 'psycholooog', to: 'psycholoog' });
    expect(idsOf(await search({ text: 'thuisverpleeging' }))).toEqual([ids.thuisverpleging]);
    const h = await search({ text: 'huishoudhlup' });
    expect(idsOf(h)).toEqual([ids.poets]);
    expect(h.items[0]?.reasons).toEqual([
      { word: 'huishoudhlup', kind: 'typo', field: 'name', matched: 'huishoudhulp' },
    ]);
    expect(h.items[0]?.reason).toBe('"huishoudhulp" in name (typo corrected from "huishoudhlup")');
  });

  it('expands synonyms both ways, with network overrides', async () => {
    const r = await search({ text: 'tandarts' });
    expect(idsOf(r)).toEqual([ids.tandarts]);
    const poets = await search({ text: 'poetshulp' });
    expect(idsOf(poets)).toEqual([ids.poets]);
    expect(poets.items[0]?.reasons[0]).toMatchObject({
      kind: 'synonym',
      matched: 'huishoudhulp',
      field: 'name',
    });
    await addSynonym(t.db, {
      network_id: NETWORK_B,
      term: 'poetshulp',
      synonym: 'huishoudhulp',
      enabled: false,
    });
    expect((await findServices(t.db, { networkId: NETWORK_B, text: 'poetshulp' })).total).toBe(0);
    expect((await search({ text: 'poetshulp' })).total).toBe(1);
  });

  it('filters by distance, postcode, municipality, term, age, language, cost and capacity', async () => {
    const near = await search({ near: AALST, radiusKm: 3 });
    expect(new Set(idsOf(near))).toEqual(new Set([ids.thuisverpleging, ids.poets]));
    expect(near.items[0]?.id).toBe(ids.thuisverpleging);
    expect(near.items[0]?.distance_km).toBe(0);
    expect(idsOf(await search({ near: { postcode: '9300' }, radiusKm: 20 }))).toHaveLength(4);
    expect(idsOf(await search({ postcode: '9470' }))).toEqual([ids.psycholoog]);
    expect(new Set(idsOf(await search({ municipality: '41002' })))).toEqual(
      new Set([ids.thuisverpleging, ids.poets]),
    );
    expect(idsOf(await search({ taxonomyTermIds: ['rubric-mondzorg'] }))).toEqual([ids.tandarts]);
    expect(idsOf(await search({ age: 30, text: 'psycholoog' }))).toEqual([]);
    expect(idsOf(await search({ age: 25, text: 'psycholoog' }))).toEqual([ids.psycholoog]);
    expect(idsOf(await search({ language: 'fr' }))).toEqual([ids.thuisverpleging]);
    expect(idsOf(await search({ free: true }))).toEqual([ids.psycholoog]);
    expect(idsOf(await search({ capacityAvailable: true }))).toEqual([ids.psycholoog]);
  });

  it('filters on opening hours, past midnight and on holidays', async () => {
    // Brussels is UTC+1 in winter: Friday 2026-01-09 10:00 local.
    expect(idsOf(await search({ openAt: new Date('2026-01-09T09:00:00Z') }))).toEqual([ids.thuisverpleging]);
    // Saturday 01:00 local: the Friday evening slot of the psychologist runs until 02:00.
    expect(idsOf(await search({ openAt: new Date('2026-01-10T00:00:00Z') }))).toEqual([ids.psycholoog]);
    // Christmas Friday 10:00: closed for the holiday.
    expect(idsOf(await search({ openAt: new Date('2026-12-25T09:00:00Z') }))).toEqual([]);
  });

  it('counts facets over the matches', async () => {
    const r = await search({});
    expect(r.total).toBe(5);
    expect(r.total_exact).toBe(true);
    expect(r.facets.municipality).toEqual([
      { value: '41002', label: 'Aalst', count: 2 },
      { value: '41011', label: 'Denderleeuw', count: 1 },
    ]);
    expect(r.facets.cost).toEqual([{ value: 'free', label: 'free', count: 1 }]);
    expect(r.facets.rubric.find((f) => f.value === 'rubric-mondzorg')).toMatchObject({
      label: 'Tandartsen en mondzorg',
      count: 1,
    });
  });

  it("shows a network's local additions to that network only", async () => {
    expect(idsOf(await search({ text: 'praatcafe dementie' }))).toEqual([ids.local]);
    expect((await findServices(t.db, { networkId: NETWORK_B, text: 'praatcafe dementie' })).total).toBe(0);
    expect((await findServices(t.db, { networkId: null, text: 'praatcafe' })).total).toBe(0);
  });

  it('never fails on hostile input and answers quickly', async () => {
    const inputs = [
      '"unterminated',
      'zorg*',
      'a NEAR b',
      'thuis AND OR NOT',
      "'; DROP TABLE directory_services; --",
      '{name} : zorg',
      'x'.repeat(10_000),
      '😀🏥 zorg',
      '\u0000\u0007\u001b[31m',
      'NEAR(a b, 1) ^ - + ( ) :',
      Array.from({ length: 500 }, (_, i) => `w${i}`).join(' '),
    ];
    for (const text of inputs) {
      const started = performance.now();
      const r = await search({
        text,
        near: { lat: Number.NaN, lon: 4 },
        radiusKm: -1,
        page: -3,
        perPage: 1e9,
      });
      expect(performance.now() - started).toBeLessThan(1000);
      expect(r.per_page).toBeLessThanOrEqual(100);
    }
    expect((await search({ text: 'zorg*' })).items.length).toBeGreaterThan(0);
  });

  it('logs zero-result searches without personal numbers', async () => {
    await search({ text: 'blablazorgloos 0470123456', age: 40 });
    const misses = await searchMisses(t.db, NETWORK_A);
    const miss = misses.find((m) => m.query.includes('blablazorgloos'));
    expect(miss?.query).toBe('blablazorgloos [number]');
    expect(JSON.parse(miss!.filters_json)).toMatchObject({ age: 40 });
  });
});
