import fs from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../platform/db/testing.ts';
import { createTestApp, type TestApp } from '../../testing.ts';
import { createOrganization, createService, rebuildIndex } from './service.ts';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule }).default;

/** The HSDS 3.1 compiled schemas (Open Referral, CC BY-SA 4.0), with ajv checking formats (uuid, email, uri…). */
function hsdsValidator(name: string): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const schema = JSON.parse(fs.readFileSync(new URL(`./hsds-schema/${name}.json`, import.meta.url), 'utf8'));
  return ajv.compile(schema);
}

function expectValid(validate: ValidateFunction, value: unknown) {
  const ok = validate(value);
  expect(ok ? [] : validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
}

const AALST = { lat: 50.9378, lon: 4.0403 };

describe.each(testEngines())('HSDS 3.1 API on %s', (engine) => {
  let h: TestApp;
  const ids: Record<string, string> = {};
  const validate = {
    service: hsdsValidator('service'),
    serviceList: hsdsValidator('service_list'),
    organization: hsdsValidator('organization'),
    organizationList: hsdsValidator('organization_list'),
    serviceAtLocationList: hsdsValidator('service_at_location_list'),
  };
  const get = (url: string, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    h = await createTestApp(engine, { seed: false });
    const at = '2026-01-01T00:00:00.000Z';
    for (const [id, slug, published] of [
      ['net-open', 'open-net', 1],
      ['net-draft', 'draft-net', 0],
    ] as const) {
      await h.t.db
        .insertInto('networks')
        .values({
          id,
          slug,
          name: slug,
          kind: 'elz',
          description: null,
          published,
          is_demo: 0,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    const wgk = await createOrganization(h.t.db, {
      name: 'Wit-Gele Kruis',
      description: 'Thuisverpleging in Vlaanderen.',
    });
    const caw = await createOrganization(h.t.db, { name: 'CAW Oost-Vlaanderen' });
    ids.org = wgk;
    ids.thuis = await createService(h.t.db, {
      organization_id: wgk,
      name: 'Thuisverpleging Aalst',
      description: 'Verpleegkundige zorg aan huis.',
      term_ids: ['rubric-thuisverpleging'],
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
      schedules: [{ byday: 'MO,TU,WE,TH,FR', opens_at: '08:00', closes_at: '17:00' }],
      languages: ['nl', 'fr'],
      cost_amount: 0,
      phone: '053 00 00 00',
      minimum_age: 18,
      assured_date: '2026-01-01',
    });
    ids.psy = await createService(h.t.db, {
      organization_id: caw,
      name: 'Praktijk voor psychologische begeleiding',
      description: 'Gesprekken met een psycholoog.',
      locations: [
        {
          address_1: 'Stationsstraat 2',
          postal_code: '9470',
          city: 'Denderleeuw',
          latitude: 50.885,
          longitude: 4.074,
        },
      ],
    });
    ids.local = await createService(h.t.db, {
      organization_id: caw,
      network_id: 'net-open',
      name: 'Praatcafé dementie',
      description: 'Lokaal initiatief.',
    });
    ids.draftLocal = await createService(h.t.db, {
      organization_id: caw,
      network_id: 'net-draft',
      name: 'Praatcafé ontwerp',
    });
    ids.unpublished = await createService(h.t.db, {
      organization_id: caw,
      name: 'Verborgen dienst',
      published: false,
    });
    await rebuildIndex(h.t.db);
  });
  afterAll(() => h.destroy());

  it('describes itself, and every answer may be cached and read from any site', async () => {
    const res = await get('/api/hsds/');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: '3.1' });
    expect(res.json().profile).toMatch(/^https:\/\//);
    for (const url of ['/api/hsds/', '/api/hsds/services', '/api/hsds/organizations']) {
      const r = await get(url);
      expect(r.headers['cache-control']).toBe('public, max-age=60');
      expect(r.headers['access-control-allow-origin']).toBe('*');
    }
  });

  it('lists published shared services as valid HSDS objects in the paging envelope', async () => {
    const res = await get('/api/hsds/services?per_page=10');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      total_items: 2,
      total_pages: 1,
      page_number: 1,
      size: 2,
      first_page: true,
      last_page: true,
      empty: false,
    });
    expect(body.contents.map((s: { id: string }) => s.id).sort()).toEqual([ids.thuis, ids.psy].sort());
    for (const s of body.contents) expectValid(validate.serviceList, s);
    const thuis = body.contents.find((s: { id: string }) => s.id === ids.thuis);
    expect(thuis.organization).toMatchObject({ id: ids.org, name: 'Wit-Gele Kruis' });
    expect(thuis.service_at_locations[0].location.addresses[0]).toMatchObject({
      postal_code: '9300',
      city: 'Aalst',
    });
    expect(thuis.languages.map((l: { code: string }) => l.code).sort()).toEqual(['fr', 'nl']);
    expect(thuis.cost_options[0]).toMatchObject({ amount: 0 });
    expect(thuis.minimum_age).toBe(18);
  });

  it("shows a network's own additions only when a published network is named", async () => {
    const open = (await get('/api/hsds/services?network=open-net')).json();
    expect(open.contents.map((s: { id: string }) => s.id)).toContain(ids.local);
    expect(open.contents.map((s: { id: string }) => s.id)).not.toContain(ids.draftLocal);
    expect((await get('/api/hsds/services?network=draft-net')).statusCode).toBe(404);
    expect((await get('/api/hsds/services?network=nobody')).statusCode).toBe(404);
    expect((await get(`/api/hsds/services/${ids.local}`)).statusCode).toBe(404);
    expect((await get(`/api/hsds/services/${ids.local}?network=open-net`)).statusCode).toBe(200);
    expect((await get(`/api/hsds/services/${ids.unpublished}`)).statusCode).toBe(404);
    expect((await get('/api/hsds/services?search=praatcafe')).json().total_items).toBe(0);
    expect((await get('/api/hsds/services?search=praatcafe&network=open-net')).json().total_items).toBe(1);
  });

  it('answers one service as a valid HSDS service', async () => {
    const res = await get(`/api/hsds/services/${ids.thuis}`);
    expect(res.statusCode).toBe(200);
    expectValid(validate.service, res.json());
    expect(res.json().schedules[0]).toMatchObject({ byday: 'MO,TU,WE,TH,FR', opens_at: '08:00' });
    expect((await get('/api/hsds/services/does-not-exist')).statusCode).toBe(404);
  });

  it('searches with typos and distance, with reasons and facets in the extension only', async () => {
    const typo = (await get('/api/hsds/services?search=thuisverplegnig')).json();
    expect(typo.contents.map((s: { id: string }) => s.id)).toEqual([ids.thuis]);
    expectValid(validate.serviceList, typo.contents[0]);
    expect(typo.contents[0].x_knooppunt.reasons[0]).toMatchObject({ kind: 'typo', field: 'name' });
    expect(typo.x_knooppunt).toMatchObject({ total_exact: true, facets_exact: true });
    expect(typo.x_knooppunt.query.corrections).toContainEqual({
      from: 'thuisverplegnig',
      to: 'thuisverpleging',
    });

    const near = (await get(`/api/hsds/services?lat=${AALST.lat}&lon=${AALST.lon}&proximity=3000`)).json();
    expect(near.contents.map((s: { id: string }) => s.id)).toEqual([ids.thuis]);
    expect(near.contents[0].x_knooppunt.distance_km).toBe(0);
    const wide = (await get(`/api/hsds/services?lat=${AALST.lat}&lon=${AALST.lon}&proximity=20000`)).json();
    expect(wide.contents.map((s: { id: string }) => s.id)).toEqual([ids.thuis, ids.psy]);
    expect((await get('/api/hsds/services?search=zorg&postcode=9470')).json().total_items).toBe(0);
    const byTerm = (
      await get('/api/hsds/services?postcode=9300&taxonomy_term_id=rubric-thuisverpleging')
    ).json();
    expect(byTerm.contents.map((s: { id: string }) => s.id)).toEqual([ids.thuis]);
    // The same term by its HSDS id (a UUID), as the attributes and /taxonomy_terms give it.
    const termId = byTerm.contents[0].attributes[0].taxonomy_term_id;
    const byUuid = (await get(`/api/hsds/services?search=verpleging&taxonomy_term_id=${termId}`)).json();
    expect(byUuid.contents.map((s: { id: string }) => s.id)).toEqual([ids.thuis]);
    const terms = (await get('/api/hsds/taxonomy_terms?per_page=100')).json().contents;
    expect(terms.find((t: { id: string }) => t.id === termId)).toMatchObject({ code: 'thuisverpleging' });
  });

  it('pages through results and feeds changes', async () => {
    const p1 = (await get('/api/hsds/services?per_page=1&page=1')).json();
    const p2 = (await get('/api/hsds/services?per_page=1&page=2')).json();
    expect(p1).toMatchObject({ total_items: 2, total_pages: 2, first_page: true, last_page: false, size: 1 });
    expect(p2).toMatchObject({ first_page: false, last_page: true, size: 1 });
    expect(p1.contents[0].id).not.toBe(p2.contents[0].id);
    const past = (await get('/api/hsds/services?modified_after=2000-01-01')).json();
    expect(past.total_items).toBe(2);
    const future = (await get('/api/hsds/services?modified_after=2999-01-01T00:00:00Z')).json();
    expect(future).toMatchObject({ total_items: 0, empty: true, contents: [] });
  });

  it('streams NDJSON', async () => {
    const res = await get('/api/hsds/services?format=ndjson&per_page=1&modified_after=2000-01-01');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // A change feed streams every page from the one asked for, one line per service.
    expect(lines.map((s) => s.id).sort()).toEqual([ids.thuis, ids.psy].sort());
    for (const s of lines) expectValid(validate.serviceList, s);
    const found = await get('/api/hsds/services?format=ndjson&search=psycholoog');
    expect(
      found.body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual([ids.psy]);
  });

  it('lists organisations, service-at-locations and the taxonomy as valid HSDS', async () => {
    const orgs = (await get('/api/hsds/organizations')).json();
    expect(orgs.total_items).toBe(2);
    for (const o of orgs.contents) expectValid(validate.organizationList, o);
    const org = await get(`/api/hsds/organizations/${ids.org}`);
    expect(org.statusCode).toBe(200);
    expectValid(validate.organization, org.json());
    expect(org.json().services.map((s: { id: string }) => s.id)).toEqual([ids.thuis]);
    expect((await get('/api/hsds/organizations/nope')).statusCode).toBe(404);

    const sal = (await get('/api/hsds/service_at_locations')).json();
    expect(sal.total_items).toBe(2);
    for (const s of sal.contents) expectValid(validate.serviceAtLocationList, s);

    const taxonomies = (await get('/api/hsds/taxonomies?per_page=100')).json();
    expect(taxonomies.total_items).toBeGreaterThan(0);
    const terms = (await get(`/api/hsds/taxonomy_terms?taxonomy_id=${taxonomies.contents[0].id}`)).json();
    expect(terms.total_items).toBeGreaterThan(0);
    for (const t of terms.contents) expect(t.taxonomy_id).toBe(taxonomies.contents[0].id);
  });

  it('refuses bad parameters with 400 in the reader’s language, and takes any search text', async () => {
    for (const q of [
      'per_page=1000',
      'page=0',
      'proximity=1000',
      'lat=abc&lon=4',
      'lat=50',
      'postcode=abc',
      'modified_after=yesterday',
      'format=xml',
      'modified_after=2020-01-01&search=zorg',
    ]) {
      const res = await get(`/api/hsds/services?${q}`, { 'accept-language': 'fr' });
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const fr = (await get('/api/hsds/services?per_page=0', { 'accept-language': 'fr' })).json().error.message;
    const nl = (await get('/api/hsds/services?per_page=0', { 'accept-language': 'nl' })).json().error.message;
    expect(fr).not.toBe(nl);
    for (const text of [
      '"zorg',
      'zorg*',
      'a NEAR b',
      "'; DROP TABLE directory_services; --",
      '{name}:x',
      '%00',
    ]) {
      const res = await get(`/api/hsds/services?search=${encodeURIComponent(text)}`);
      expect(res.statusCode, text).toBe(200);
    }
  });
});

describe.each(testEngines())('HSDS /service_at_locations filters on %s', (engine) => {
  let h: TestApp;
  const ids: Record<string, string> = {};
  const validate = hsdsValidator('service_at_location_list');
  const GENT = { lat: 51.0543, lon: 3.7174 };
  const get = (url: string) => h.app.inject({ method: 'GET', url });
  type Sal = { id: string; service_id: string; location_id: string; location: Record<string, unknown> };
  /** The answer, every record checked against the HSDS schema, and "service@postcode" per record. */
  const list = async (query: string) => {
    const res = await get(`/api/hsds/service_at_locations?${query}`);
    expect(res.statusCode, query).toBe(200);
    const body = res.json();
    for (const c of body.contents) expectValid(validate, c);
    const where = (c: Sal) =>
      `${Object.entries(ids).find(([, id]) => id === c.service_id)?.[0]}@${
        (c.location.addresses as { postal_code: string }[])[0]?.postal_code
      }`;
    return { body, where: (body.contents as Sal[]).map(where) };
  };
  const near = (m: number) => `lat=${AALST.lat}&lon=${AALST.lon}&proximity=${m}`;

  beforeAll(async () => {
    h = await createTestApp(engine, { seed: false });
    const at = '2026-01-01T00:00:00.000Z';
    await h.t.db
      .insertInto('networks')
      .values({
        id: 'net-open',
        slug: 'open-net',
        name: 'open-net',
        kind: 'elz',
        description: null,
        published: 1,
        is_demo: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const org = await createOrganization(h.t.db, { name: 'Wit-Gele Kruis' });
    const aalst = {
      address_1: 'Kerkstraat 1',
      postal_code: '9300',
      city: 'Aalst',
      latitude: AALST.lat,
      longitude: AALST.lon,
    };
    ids.thuis = await createService(h.t.db, {
      organization_id: org,
      name: 'Thuisverpleging',
      description: 'Verpleegkundige hulp aan huis.',
      term_ids: ['rubric-thuisverpleging'],
      locations: [
        aalst,
        {
          address_1: 'Veldstraat 3',
          postal_code: '9000',
          city: 'Gent',
          latitude: GENT.lat,
          longitude: GENT.lon,
        },
      ],
    });
    ids.psy = await createService(h.t.db, {
      organization_id: org,
      name: 'Praktijk voor psychologische begeleiding',
      description: 'Hulp van een psycholoog.',
      locations: [
        {
          address_1: 'Stationsstraat 2',
          postal_code: '9470',
          city: 'Denderleeuw',
          latitude: 50.885,
          longitude: 4.074,
        },
      ],
    });
    ids.hidden = await createService(h.t.db, {
      organization_id: org,
      name: 'Verborgen thuisverpleging',
      published: false,
      locations: [aalst],
    });
    ids.local = await createService(h.t.db, {
      organization_id: org,
      network_id: 'net-open',
      name: 'Praatcafé thuisverpleging',
      locations: [aalst],
    });
    await rebuildIndex(h.t.db);
  });
  afterAll(() => h.destroy());

  it('lists published records in scope, with totals for the filtered set', async () => {
    const all = await list('per_page=100');
    expect(all.where.sort()).toEqual(['psy@9470', 'thuis@9000', 'thuis@9300']);
    expect(all.body).toMatchObject({ total_items: 3, total_pages: 1, size: 3 });
    expect((await list('network=open-net')).where).toContain('local@9300');
    expect((await get('/api/hsds/service_at_locations?network=nobody')).statusCode).toBe(404);
  });

  it('filters by distance in metres, nearest first, and by postcode and term', async () => {
    expect((await list(near(3000))).where).toEqual(['thuis@9300']);
    const ten = await list(near(10_000));
    expect(ten.where).toEqual(['thuis@9300', 'psy@9470']);
    expect(ten.body.total_items).toBe(2);
    expect(ten.body.contents[0].x_knooppunt.distance_km).toBe(0);
    // Denderleeuw is 6.2 km from Aalst, Gent 23 km: the radius is honoured on both sides of each.
    expect((await list(near(6000))).where).toEqual(['thuis@9300']);
    expect((await list(near(6500))).where).toEqual(['thuis@9300', 'psy@9470']);
    expect((await list(near(30_000))).where).toEqual(['thuis@9300', 'psy@9470', 'thuis@9000']);
    // lat/lon alone order by distance without a radius.
    expect((await list(`lat=${GENT.lat}&lon=${GENT.lon}`)).where).toEqual([
      'thuis@9000',
      'thuis@9300',
      'psy@9470',
    ]);
    expect((await list('postcode=9000')).where).toEqual(['thuis@9000']);
    expect((await list('postcode=9999')).body).toMatchObject({ total_items: 0, empty: true });
    const byTerm = await list('taxonomy_term_id=rubric-thuisverpleging');
    expect(byTerm.where.sort()).toEqual(['thuis@9000', 'thuis@9300']);
    const termUuid = (await get(`/api/hsds/services/${ids.thuis}`)).json().attributes[0].taxonomy_term_id;
    expect((await list(`taxonomy_term_id=${termUuid}`)).body.total_items).toBe(2);
    expect((await list(`taxonomy_term_id=${termUuid},rubric-mondzorg`)).body.total_items).toBe(0);
    expect((await list(`taxonomy_term_id=${termUuid}&postcode=9300`)).where).toEqual(['thuis@9300']);
    expect((await list(`taxonomy_term_id=${termUuid}&${near(10_000)}`)).where).toEqual(['thuis@9300']);
    const p2 = await list(`${near(30_000)}&per_page=1&page=2`);
    expect(p2.where).toEqual(['psy@9470']);
    expect(p2.body).toMatchObject({ total_items: 3, total_pages: 3, first_page: false, last_page: false });
  });

  it('lists records whose service or location changed after a moment', async () => {
    const psyRecord = (await list('postcode=9470')).body.contents[0] as Sal;
    await sql`UPDATE directory_locations SET updated_at = ${'2030-01-01T00:00:00.000Z'} WHERE id = ${psyRecord.location_id}`.execute(
      h.t.db,
    );
    await sql`UPDATE directory_services SET updated_at = ${'2031-01-01T00:00:00.000Z'} WHERE id = ${ids.thuis}`.execute(
      h.t.db,
    );
    expect((await list('modified_after=2029-12-31')).where.sort()).toEqual([
      'psy@9470',
      'thuis@9000',
      'thuis@9300',
    ]);
    expect((await list('modified_after=2030-06-01T00:00:00%2B02:00')).where.sort()).toEqual([
      'thuis@9000',
      'thuis@9300',
    ]);
    expect((await list('modified_after=2030-06-01&postcode=9000')).where).toEqual(['thuis@9000']);
    expect((await list('modified_after=2032-01-01')).body).toMatchObject({ total_items: 0, contents: [] });
  });

  it('searches with the engine, misspelt words too, in its rank order and paged per record', async () => {
    const typo = await list('search=thuisverplegnig');
    expect(typo.where.sort()).toEqual(['thuis@9000', 'thuis@9300']);
    expect(typo.body).toMatchObject({ total_items: 2, x_knooppunt: { ranked_services_cap: 1000 } });
    expect((await list('search=psycholoog')).where).toEqual(['psy@9470']);
    expect((await list('search=thuisverplegnig&postcode=9000')).where).toEqual(['thuis@9000']);
    expect((await list(`search=thuisverplegnig&${near(3000)}`)).where).toEqual(['thuis@9300']);
    expect((await list('search=thuisverpleging&network=open-net')).where.sort()).toEqual([
      'local@9300',
      'thuis@9000',
      'thuis@9300',
    ]);
    expect((await list('search=zzqqxx')).body).toMatchObject({ total_items: 0, empty: true });
    // Both services match "hulp": the records follow the order of the services the engine ranked.
    const ranked = (await get('/api/hsds/services?search=hulp'))
      .json()
      .contents.map((s: { id: string }) => s.id);
    expect(ranked).toHaveLength(2);
    const hulp = await list('search=hulp');
    expect([...new Set(hulp.body.contents.map((c: Sal) => c.service_id))]).toEqual(ranked);
    expect(hulp.body.total_items).toBe(3);
    const pages = [];
    for (const page of [1, 2, 3]) pages.push(...(await list(`search=hulp&per_page=1&page=${page}`)).where);
    expect(pages).toEqual(hulp.where);
    expect((await list('search=hulp&per_page=2&page=2')).body).toMatchObject({ size: 1, last_page: true });
  });

  it('streams NDJSON from the page asked for on', async () => {
    const res = await get('/api/hsds/service_at_locations?format=ndjson&per_page=1&page=2');
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // From the second record on, whatever the size of the pages read.
    expect(lines).toHaveLength(2);
    for (const l of lines) expectValid(validate, l);
    const found = await get('/api/hsds/service_at_locations?format=ndjson&search=hulp');
    const paged = (await list('search=hulp')).body.contents.map((c: Sal) => c.id);
    expect(
      found.body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(paged);
  });

  it('refuses bad parameters with 400 and takes any search text', async () => {
    for (const q of [
      'proximity=1000',
      'lat=100&lon=4',
      'lat=50',
      'per_page=0',
      'per_page=101',
      'postcode=abc',
      'modified_after=yesterday',
      `search=${'a'.repeat(10_000)}`,
      'format=xml',
    ]) {
      const res = await get(`/api/hsds/service_at_locations?${q}`);
      expect(res.statusCode, q.slice(0, 40)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    for (const text of [
      '"zorg',
      'zorg*',
      'a NEAR b',
      'x OR y AND NOT z',
      '{name}:x',
      '%00',
      '(((',
      '"',
      '-',
    ]) {
      const res = await get(`/api/hsds/service_at_locations?search=${encodeURIComponent(text)}`);
      expect(res.statusCode, text).toBe(200);
      expect(res.json().contents.length).toBe(res.json().size);
    }
    // Unknown term ids match nothing; they are no error.
    expect((await list('taxonomy_term_id=nope,,')).body.total_items).toBe(0);
  });
});
