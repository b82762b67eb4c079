import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../platform/db/testing.ts';
import { createTestApp, loginAs, type Session, type TestApp } from '../../../testing.ts';
import { createOrganization, createService, searchMisses } from '../service.ts';
import type { OrganizationRecord, SearchResult, ServiceRecord } from './schema.ts';
import { brusselsInstant } from './service.ts';

const SLUG = 'elz-regio-aalst';
const OTHER = 'zorginnovatiecluster';
const BASE = `/api/networks/${SLUG}/directory`;
/** A Monday; the test's services keep weekday hours, so it never depends on the clock. */
const MONDAY_10 = '2026-12-07T10:00';
const SUNDAY_10 = '2026-12-06T10:00';

describe.each(testEngines())('directory find API on %s', (engine) => {
  let k: TestApp;
  let staff: Session;
  let viewer: Session;
  const ids: Record<string, string> = {};

  const get = (s: Session | null, url: string, lang = 'nl') =>
    k.app.inject({
      method: 'GET',
      url,
      headers: { ...(s ? { cookie: s.cookie } : {}), 'accept-language': lang },
    });
  const search = async (query: string, s: Session = staff) => {
    const res = await get(s, `${BASE}/search?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as SearchResult;
  };

  beforeAll(async () => {
    k = await createTestApp(engine);
    staff = await loginAs(k.app, 'medewerker@demo.knooppunt.be');
    viewer = await loginAs(k.app, 'bestuur@demo.knooppunt.be');
    const networks = await k.t.db.selectFrom('networks').select(['id', 'slug']).execute();
    const networkId = (slug: string) => networks.find((n) => n.slug === slug)!.id;
    const wgk = await createOrganization(k.t.db, {
      name: 'Wit-Gele Kruis Proeftuin',
      description: 'Thuisverpleging in de regio.',
    });
    ids.org = wgk;
    const week = 'MO,TU,WE,TH,FR';
    ids.nursing = await createService(k.t.db, {
      organization_id: wgk,
      name: 'Thuisverpleging Proeftuin Aalst',
      description: 'Verpleegkundige zorg aan huis.',
      term_ids: ['rubric-thuisverpleging'],
      locations: [
        {
          address_1: 'Proefstraat 1',
          postal_code: '9300',
          city: 'Aalst',
          nis_code: '41002',
          latitude: 50.9378,
          longitude: 4.0403,
        },
      ],
      schedules: [{ byday: week, opens_at: '08:00', closes_at: '18:00' }],
      exceptions: [{ date_from: '2026-12-25', date_to: '2026-12-25', closed: true, reason: 'Kerstmis' }],
      languages: ['nl', 'fr'],
      cost_amount: 0,
      assured_date: '2026-11-02',
      phone: '053 11 22 33',
      translations: [{ field: 'description', lang: 'fr', value: 'Soins infirmiers à domicile.' }],
    });
    await k.t.db
      .withTables<import('../tables.ts').DirectoryTables>()
      .insertInto('directory_identifiers')
      .values({
        id: 'find-test-kbo',
        entity_type: 'organization',
        entity_id: wgk,
        scheme: 'kbo',
        identifier: '0123.456.789',
      })
      .execute();
    const other = await createOrganization(k.t.db, {
      name: 'Clusterpraktijk Proeftuin',
      network_id: networkId(OTHER),
    });
    ids.otherLocal = await createService(k.t.db, {
      organization_id: other,
      network_id: networkId(OTHER),
      name: 'Thuisverpleging Proeftuin Cluster',
      description: 'Alleen voor het cluster.',
      locations: [{ address_1: 'Clusterweg 2', postal_code: '9300', city: 'Aalst', nis_code: '41002' }],
      schedules: [{ byday: week, opens_at: '08:00', closes_at: '18:00' }],
    });
    const own = await createOrganization(k.t.db, { name: 'Eigen Proeftuin', network_id: networkId(SLUG) });
    ids.ownDraft = await createService(k.t.db, {
      organization_id: own,
      network_id: networkId(SLUG),
      name: 'Ontwerp Proeftuin',
      published: false,
    });
  });
  afterAll(async () => {
    await k?.destroy();
  });

  it('finds a misspelt service near a postcode, open at a weekday morning, with its reasons', async () => {
    const r = await search(
      `q=thuisverpleeging+proeftuin&near=9300&radius_km=10&open_at=${encodeURIComponent(MONDAY_10)}`,
    );
    const hit = r.items.find((i) => i.id === ids.nursing);
    expect(hit).toBeDefined();
    expect(r.items.indexOf(hit!)).toBeLessThan(3);
    expect(hit!.open).toBe(true);
    expect(hit!.municipality).toBe('Aalst');
    expect(hit!.organization).toEqual({ id: ids.org, name: 'Wit-Gele Kruis Proeftuin' });
    expect(hit!.distance_km).not.toBeNull();
    // Dutch stemming already folds the doubled vowel, so the reason is a word form (or a typo correction).
    expect(hit!.reasons).toContainEqual(
      expect.objectContaining({ word: 'thuisverpleeging', field: 'name', matched: expect.any(String) }),
    );
    expect(r.query.corrections.some((c) => c.from === 'thuisverpleeging')).toBe(true);
    expect(r.origin).not.toBeNull();
    expect(r.facets.rubric?.some((f) => f.value === 'rubric-thuisverpleging' && f.count >= 1)).toBe(true);
  });

  it('leaves out services closed at the moment asked for, and shows the open state of the cards', async () => {
    const closed = await search(`q=proeftuin&open_at=${encodeURIComponent(SUNDAY_10)}`);
    expect(closed.items.map((i) => i.id)).not.toContain(ids.nursing);
    const any = await search('q=proeftuin');
    const card = any.items.find((i) => i.id === ids.nursing)!;
    expect(typeof card.open).toBe('boolean');
    expect(any.items.find((i) => i.id === ids.ownDraft)).toBeUndefined();
  });

  it("shows the cards in the searcher's language where a translation exists", async () => {
    const res = await get(viewer, `${BASE}/search?q=proeftuin`, 'fr');
    const card = (res.json() as SearchResult).items.find((i) => i.id === ids.nursing)!;
    expect(card.description).toBe('Soins infirmiers à domicile.');
    expect(card.name).toBe('Thuisverpleging Proeftuin Aalst');
  });

  it('filters by free, language, rubric and municipality', async () => {
    const ok = await search(
      'q=proeftuin&free=1&language=fr&rubric=rubric-thuisverpleging&municipality=41002',
    );
    expect(ok.items.map((i) => i.id)).toEqual([ids.nursing]);
    const none = await search('q=proeftuin&language=tr');
    expect(none.items).toEqual([]);
  });

  it("never shows another network's local records, in search or as a record", async () => {
    const r = await search('q=proeftuin+cluster', viewer);
    expect(r.items.map((i) => i.id)).not.toContain(ids.otherLocal);
    expect((await get(staff, `${BASE}/services/${ids.otherLocal}`)).statusCode).toBe(404);
  });

  it('logs a search that found nothing, for the analysis of the map', async () => {
    const networkId = (
      await k.t.db.selectFrom('networks').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow()
    ).id;
    const before = (await searchMisses(k.t.db, networkId)).length;
    const r = await search('q=qzxwvplork');
    expect(r.total).toBe(0);
    expect(r.query.unknown).toContain('qzxwvplork');
    const misses = await searchMisses(k.t.db, networkId);
    expect(misses.length).toBe(before + 1);
    expect(misses[0]!.query).toContain('qzxwvplork');
  });

  it('answers bad input with 400 and a message, odd text with 200, and writes nothing for a 400', async () => {
    const count = async () =>
      Number(
        (
          await k.t.db
            .withTables<import('../tables.ts').DirectoryTables>()
            .selectFrom('directory_search_misses')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    for (const query of [
      'near=9300&radius_km=100000',
      'radius_km=5',
      'page=0',
      'per_page=1000',
      `q=${'a'.repeat(10_000)}`,
      'open_at=maandag',
      'near=1000&q=qzxwvplork',
      'free=maybe',
      'rubric=DROP%20TABLE',
    ]) {
      const res = await get(staff, `${BASE}/search?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.message, query).toBeTruthy();
    }
    expect(await count()).toBe(before);
    const unknownPostcode = await get(staff, `${BASE}/search?near=1000`, 'en');
    expect(unknownPostcode.json().error.message).toContain('1000');
    for (const q of ['"*NEAR(', 'thuis* OR NOT AND (', "'; DROP TABLE x; --", '%_\\', 'ü'.repeat(400)]) {
      const res = await get(staff, `${BASE}/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
    }
  });

  it('needs a member of the network', async () => {
    expect((await get(null, `${BASE}/search?q=zorg`)).statusCode).toBe(401);
    expect((await get(null, `${BASE}/services/${ids.nursing}`)).statusCode).toBe(401);
  });

  it('reads a service record in the asked language, with week hours, exceptions and confirmation', async () => {
    const res = await get(viewer, `${BASE}/services/${ids.nursing}`, 'fr');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as ServiceRecord;
    expect(s.description).toBe('Soins infirmiers à domicile.');
    expect(s.text_lang).toBe('fr');
    expect(s.hours.week[0]!.slots).toEqual([{ opens: '08:00', closes: '18:00' }]);
    expect(s.hours.week[6]!.slots).toEqual([]);
    expect(s.hours.exceptions[0]).toMatchObject({ from: '2026-12-25', closed: true, reason: 'Kerstmis' });
    expect(s.locations[0]).toMatchObject({ municipality: 'Aalst' });
    expect(s.locations[0]!.addresses[0]).toMatchObject({ address_1: 'Proefstraat 1', postal_code: '9300' });
    expect(s.phones[0]!.number).toBe('053 11 22 33');
    expect(s.languages.sort()).toEqual(['fr', 'nl']);
    expect(s.cost.free).toBe(true);
    expect(s.terms.map((t) => t.id)).toContain('rubric-thuisverpleging');
    expect(s.assured.date).toBe('2026-11-02');
    const nl = (await get(viewer, `${BASE}/services/${ids.nursing}`, 'nl')).json() as ServiceRecord;
    expect(nl.description).toBe('Verpleegkundige zorg aan huis.');
    const en = (await get(viewer, `${BASE}/services/${ids.nursing}`, 'en')).json() as ServiceRecord;
    expect(en.text_lang).toBe('nl');
  });

  it('reads an organisation with its services and identifiers; drafts only for staff', async () => {
    const res = await get(viewer, `${BASE}/organizations/${ids.org}`);
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json() as OrganizationRecord;
    expect(o.services.map((s) => s.id)).toContain(ids.nursing);
    expect(o.identifiers).toEqual([{ scheme: 'kbo', identifier: '0123.456.789' }]);
    expect((await get(viewer, `${BASE}/services/${ids.ownDraft}`)).statusCode).toBe(404);
    const draft = await get(staff, `${BASE}/services/${ids.ownDraft}`);
    expect(draft.statusCode).toBe(200);
    expect((draft.json() as ServiceRecord).published).toBe(false);
    expect((await get(staff, `${BASE}/organizations/nope`)).statusCode).toBe(404);
  });

  it('places every postcode of the region, with or without services there', async () => {
    const f = (await get(viewer, `${BASE}/filters`)).json() as { postcode: { value: string }[] };
    for (const { value } of f.postcode) {
      const r = await search(`near=${value}&radius_km=5&per_page=1`, viewer);
      expect(r.origin, value).not.toBeNull();
      expect(r.origin!.lat, value).toBeGreaterThan(50.7);
      expect(r.origin!.lat, value).toBeLessThan(51.1);
    }
  });

  it('offers the vocabulary and the network region as filter options', async () => {
    const res = await get(viewer, `${BASE}/filters`);
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f.municipality.map((m: { label: string }) => m.label)).toContain('Denderleeuw');
    expect(f.postcode.some((p: { value: string }) => p.value === '9300')).toBe(true);
    expect(f.rubric.length).toBeGreaterThan(5);
  });
});

describe('Brussels wall-clock times', () => {
  it('turns a local time into the instant, in winter and in summer', () => {
    expect(brusselsInstant('2026-12-07T10:00').toISOString()).toBe('2026-12-07T09:00:00.000Z');
    expect(brusselsInstant('2026-07-06T10:00').toISOString()).toBe('2026-07-06T08:00:00.000Z');
    expect(brusselsInstant('2026-07-06T10:00+02:00').toISOString()).toBe('2026-07-06T08:00:00.000Z');
  });
});
