import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../platform/db/testing.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '../../../testing.ts';
import { populationFigures } from '../../geography/service.ts';
import { directoryDb } from '../db.ts';
import { createOrganization, createService, findServices } from '../service.ts';
import type { CoverageView, DuplicatePair, MergeView, Synonym, TaxonomyView } from './schema.ts';
import { findDuplicateCandidates } from './service.ts';

const SLUG = 'elz-regio-aalst';
const OTHER = 'zorginnovatiecluster';
const BASE = `/api/networks/${SLUG}/directory`;
const AALST = '41002';
const LEDE = '41034';

describe.each(testEngines())('directory analysis on %s', (engine) => {
  let k: TestApp;
  let staff: Session;
  let admin: Session;
  let viewer: Session;
  let networkId: string;
  let otherId: string;
  const ids: Record<string, string> = {};
  const dir = () => directoryDb(k.t.db);

  const get = (s: Session, url: string) =>
    k.app.inject({ method: 'GET', url, headers: { cookie: s.cookie, 'accept-language': 'nl' } });
  const send = (s: Session, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    k.app.inject({
      method,
      url,
      headers: { ...as(s), 'accept-language': 'nl' },
      ...(payload ? { payload } : {}),
    });

  const addPhone = (owner: { organization_id?: string; service_id?: string }, number: string) =>
    dir()
      .insertInto('directory_phones')
      .values({
        id: newId(),
        organization_id: owner.organization_id ?? null,
        service_id: owner.service_id ?? null,
        location_id: null,
        contact_id: null,
        service_at_location_id: null,
        number,
        extension: null,
        type: 'voice',
        description: null,
      })
      .execute();
  const addIdentifier = (entity_type: string, entity_id: string, scheme: string, identifier: string) =>
    dir()
      .insertInto('directory_identifiers')
      .values({ id: newId(), entity_type, entity_id, scheme, identifier })
      .execute();
  const countRows = async (table: 'directory_organizations' | 'directory_services' | 'audit_log') =>
    Number(
      (
        await (k.t.db as unknown as Kysely<Record<string, { id: string }>>)
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    k = await createTestApp(engine);
    staff = await loginAs(k.app, 'medewerker@demo.knooppunt.be');
    admin = await loginAs(k.app, 'beheerder@demo.knooppunt.be');
    viewer = await loginAs(k.app, 'bestuur@demo.knooppunt.be');
    const networks = await k.t.db.selectFrom('networks').select(['id', 'slug']).execute();
    networkId = networks.find((n) => n.slug === SLUG)!.id;
    otherId = networks.find((n) => n.slug === OTHER)!.id;
    const at = (address_1: string, postal_code: string, city: string, nis_code?: string) => ({
      address_1,
      postal_code,
      city,
      ...(nis_code ? { nis_code } : {}),
    });

    // Organisations: A and B share an enterprise number (written differently), A and C a phone, D nothing.
    ids.a = await createOrganization(k.t.db, { name: 'Proefzorg De Zonnebloem vzw', network_id: networkId });
    ids.b = await createOrganization(k.t.db, { name: 'Proefzorg Zonnebloem', network_id: networkId });
    ids.c = await createOrganization(k.t.db, { name: 'Buurtwerking Het Klaverblad', network_id: networkId });
    ids.d = await createOrganization(k.t.db, {
      name: 'Fietsherstelplaats Den Trapper',
      network_id: networkId,
    });
    ids.e = await createOrganization(k.t.db, { name: 'Proefzorg De Zonnebloem', network_id: otherId });
    await addIdentifier('organization', ids.a, 'kbo', '0412.345.678');
    await addIdentifier('organization', ids.b, 'kbo', 'BE0412345678');
    await addIdentifier('organization', ids.e, 'kbo', '0412 345 678');
    await addPhone({ organization_id: ids.a }, '053 11 22 33');
    await addPhone({ organization_id: ids.c }, '+32 53 11 22 33');
    await addPhone({ organization_id: ids.d }, '053 99 88 77');
    for (const [i, org] of [ids.a, ids.b, ids.c, ids.d].entries())
      await createService(k.t.db, {
        organization_id: org as string,
        network_id: networkId,
        name: `Onthaal ${org}`,
        locations: [at(`Proefstraat ${i + 1}`, '9300', 'Aalst', AALST)],
      });

    // Services: one entered twice (a typo), and a different service of the same organisation and phone.
    ids.svcOrg = await createOrganization(k.t.db, { name: 'Oppasdienst Proefdorp', network_id: networkId });
    const svc = (name: string, phone: string, extra: object = {}) =>
      createService(k.t.db, {
        organization_id: ids.svcOrg as string,
        network_id: networkId,
        name,
        phone,
        locations: [at('Dorpsstraat 1', '9340', 'Lede', LEDE)],
        ...extra,
      });
    ids.sitting = await svc('Thuisoppas Proefdorp', '053 44 55 66', {
      schedules: [{ byday: 'MO', opens_at: '09:00', closes_at: '12:00' }],
    });
    ids.sitting2 = await svc('Thuis-oppas Proefdorp', '053 44 55 67', {
      languages: ['fr'],
      schedules: [{ byday: 'TU', opens_at: '13:00', closes_at: '17:00' }],
    });
    ids.wound = await svc('Wondzorgpunt Proefdorp', '053 44 55 66');
  });

  afterAll(async () => {
    await k?.destroy();
  });

  const orgPairs = async (s: Session = staff) => {
    const res = await get(s, `${BASE}/duplicates?kind=organization`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { pairs: DuplicatePair[] }).pairs;
  };
  const pairOf = (pairs: DuplicatePair[], x: string, y: string) =>
    pairs.find((p) => (p.a.id === x && p.b.id === y) || (p.a.id === y && p.b.id === x));

  it('lists organisations with one enterprise number, one phone or a like name, and not different ones', async () => {
    const pairs = await orgPairs();
    const ab = pairOf(pairs, ids.a!, ids.b!);
    expect(ab?.reasons.map((r) => r.code).sort()).toEqual(['same_identifier', 'similar_name']);
    expect(ab!.score).toBeGreaterThan(0.9);
    const ac = pairOf(pairs, ids.a!, ids.c!);
    expect(ac?.reasons).toEqual([{ code: 'same_phone', value: expect.stringMatching(/53 11 22 33$/) }]);
    expect(pairOf(pairs, ids.b!, ids.c!)).toBeUndefined();
    for (const other of [ids.a!, ids.b!, ids.c!]) expect(pairOf(pairs, ids.d!, other)).toBeUndefined();
    // Another network's local record is not this network's to see.
    expect(pairs.some((p) => p.a.id === ids.e || p.b.id === ids.e)).toBe(false);
  });

  it('finds the demo duplicates entered from the same letterhead', async () => {
    const pairs = await orgPairs();
    const names = pairs.map((p) => [p.a.name, p.b.name].sort().join(' | '));
    expect(names).toContain('Apotheek Ter Beke | Apotheek Terbeke');
  });

  it('lists a service entered twice, not two services of one organisation that share its phone', async () => {
    const res = await get(staff, `${BASE}/duplicates?kind=service`);
    const pairs = (res.json() as { pairs: DuplicatePair[] }).pairs;
    expect(pairOf(pairs, ids.sitting!, ids.sitting2!)?.reasons.map((r) => r.code)).toContain('similar_name');
    expect(pairOf(pairs, ids.sitting!, ids.wound!)).toBeUndefined();
  });

  it('checks a record being entered against the map, before it is written', async () => {
    const found = await findDuplicateCandidates(
      k.t.db,
      { networkId },
      {
        name: 'Zonnebloem Proefzorg',
        kbo: 'BE 0412.345.678',
      },
    );
    expect(
      found
        .slice(0, 2)
        .map((m) => m.id)
        .sort(),
    ).toEqual([ids.a, ids.b].sort());
    expect(found.map((m) => m.id)).not.toContain(ids.e);
    const byPhone = await findDuplicateCandidates(
      k.t.db,
      { networkId },
      {
        name: 'Iets Heel Anders',
        phone: '053/11.22.33',
      },
    );
    expect(byPhone.map((m) => m.id).sort()).toEqual([ids.a, ids.c].sort());
    expect(
      await findDuplicateCandidates(
        k.t.db,
        { networkId },
        { name: 'Kwispelstaart Hondenschool', phone: '09 999 99 99' },
      ),
    ).toEqual([]);
    const res = await send(staff, 'POST', `${BASE}/duplicates/check`, {
      kind: 'service',
      name: 'Thuisoppas Proefdorp',
      postal_code: '9340',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { matches: { id: string }[] }).matches.map((m) => m.id)).toContain(ids.sitting);
  });

  it('keeps "not a duplicate" for this network only', async () => {
    const res = await send(staff, 'POST', `${BASE}/duplicates/dismissals`, {
      kind: 'organization',
      a: ids.c,
      b: ids.a,
    });
    expect(res.statusCode, res.body).toBe(204);
    expect(pairOf(await orgPairs(), ids.a!, ids.c!)).toBeUndefined();
    const bad = await send(staff, 'POST', `${BASE}/duplicates/dismissals`, {
      kind: 'organization',
      a: ids.a,
      b: ids.e,
    });
    expect(bad.statusCode).toBe(404);
  });

  it('refuses a bad merge with a message and writes nothing', async () => {
    const before = await Promise.all([countRows('directory_organizations'), countRows('audit_log')]);
    const unknownField = await send(staff, 'POST', `${BASE}/merges`, {
      kind: 'organization',
      survivorId: ids.a,
      mergedId: ids.b,
      fields: { bogus: 'merged' },
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error.message).toBeTruthy();
    const self = await send(staff, 'POST', `${BASE}/merges`, {
      kind: 'organization',
      survivorId: ids.a,
      mergedId: ids.a,
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.code).toBe('analysis_same_record');
    const foreign = await send(staff, 'POST', `${BASE}/merges`, {
      kind: 'organization',
      survivorId: ids.a,
      mergedId: ids.e,
    });
    expect(foreign.statusCode).toBe(404);
    const shared = await dir()
      .selectFrom('directory_organizations')
      .select('id')
      .where('network_id', 'is', null)
      .executeTakeFirstOrThrow();
    const notAdmin = await send(staff, 'POST', `${BASE}/merges`, {
      kind: 'organization',
      survivorId: shared.id,
      mergedId: ids.d,
    });
    expect(notAdmin.statusCode).toBe(403);
    expect(notAdmin.json().error.code).toBe('analysis_shared_needs_admin');
    const asViewer = await send(viewer, 'POST', `${BASE}/merges`, {
      kind: 'organization',
      survivorId: ids.a,
      mergedId: ids.b,
    });
    expect(asViewer.statusCode).toBe(403);
    expect(await Promise.all([countRows('directory_organizations'), countRows('audit_log')])).toEqual(before);
  });

  it('merges two organisations: chosen fields, services moved, ids and provenance kept, audited', async () => {
    await dir()
      .updateTable('directory_organizations')
      .set({ description: 'Uit de Sociale Kaart' })
      .where('id', '=', ids.b!)
      .execute();
    await dir()
      .insertInto('directory_field_sources')
      .values({
        entity_type: 'organization',
        entity_id: ids.b!,
        field: 'description',
        source: 'sociale_kaart',
        source_ref: 'SK-991',
        assured_date: '2026-10-01',
        assured_by: null,
        updated_at: nowIso(),
      })
      .execute();
    await addIdentifier('organization', ids.b!, 'sociale_kaart', 'SK-991');
    const view = await get(staff, `${BASE}/duplicates/organization/${ids.a}/${ids.b}`);
    expect(view.statusCode, view.body).toBe(200);
    const mv = view.json() as MergeView;
    expect(mv.mergeable).toBe(true);
    expect(mv.b.fields.description).toBe('Uit de Sociale Kaart');
    expect(mv.b.counts.services).toBe(1);

    const movedService = (
      await dir()
        .selectFrom('directory_services')
        .select('id')
        .where('organization_id', '=', ids.b!)
        .executeTakeFirstOrThrow()
    ).id;
    const res = await send(staff, 'POST', `${BASE}/merges`, {
      kind: 'organization',
      survivorId: ids.a,
      mergedId: ids.b,
      fields: { description: 'merged', name: 'survivor' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ survivorId: ids.a, movedServices: 1 });

    const survivor = await dir()
      .selectFrom('directory_organizations')
      .selectAll()
      .where('id', '=', ids.a!)
      .executeTakeFirstOrThrow();
    expect(survivor.name).toBe('Proefzorg De Zonnebloem vzw');
    expect(survivor.description).toBe('Uit de Sociale Kaart');
    expect(
      await dir()
        .selectFrom('directory_organizations')
        .select('id')
        .where('id', '=', ids.b!)
        .executeTakeFirst(),
    ).toBeUndefined();
    const moved = await dir()
      .selectFrom('directory_services')
      .select('organization_id')
      .where('id', '=', movedService)
      .executeTakeFirstOrThrow();
    expect(moved.organization_id).toBe(ids.a);
    const identifiers = await dir()
      .selectFrom('directory_identifiers')
      .select(['scheme', 'identifier'])
      .where('entity_id', '=', ids.a!)
      .execute();
    expect(identifiers).toEqual(
      expect.arrayContaining([
        { scheme: 'merged', identifier: ids.b },
        { scheme: 'sociale_kaart', identifier: 'SK-991' },
        { scheme: 'kbo', identifier: '0412.345.678' },
      ]),
    );
    // One enterprise number, not two spellings of it.
    expect(identifiers.filter((i) => i.scheme === 'kbo')).toHaveLength(1);
    const source = await dir()
      .selectFrom('directory_field_sources')
      .selectAll()
      .where('entity_id', '=', ids.a!)
      .where('field', '=', 'description')
      .executeTakeFirstOrThrow();
    expect(source.source).toBe('merge');
    expect(source.source_ref).toBe(`organization:${ids.b} (sociale_kaart: SK-991)`);
    expect(source.assured_date).toBe('2026-10-01');
    const audit = await k.t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'directory.records_merged')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.network_id).toBe(networkId);
    expect(JSON.parse(audit[0]!.before_json!).merged.id).toBe(ids.b);
    // The moved service is found under its new organisation's name (the index was brought up to date).
    const found = await findServices(k.t.db, { networkId, text: 'zonnebloem' });
    expect(found.items.find((i) => i.id === movedService)?.organization).toBe('Proefzorg De Zonnebloem vzw');
  });

  it('merges a service entered twice: lists joined, hours kept from the survivor, index updated', async () => {
    const res = await send(staff, 'POST', `${BASE}/merges`, {
      kind: 'service',
      survivorId: ids.sitting,
      mergedId: ids.sitting2,
      fields: {},
    });
    expect(res.statusCode, res.body).toBe(200);
    const phones = await dir()
      .selectFrom('directory_phones')
      .select('number')
      .where('service_id', '=', ids.sitting!)
      .execute();
    expect(phones.map((p) => p.number).sort()).toEqual(['053 44 55 66', '053 44 55 67']);
    const langs = await dir()
      .selectFrom('directory_languages')
      .select('code')
      .where('service_id', '=', ids.sitting!)
      .execute();
    expect(langs.map((l) => l.code)).toEqual(['fr']);
    const hours = await dir()
      .selectFrom('directory_schedules')
      .select('byday')
      .where('service_id', 'in', [ids.sitting!, ids.sitting2!])
      .execute();
    expect(hours).toEqual([{ byday: 'MO' }]);
    const docs = await dir()
      .selectFrom('directory_search_docs')
      .select('service_id')
      .where('service_id', 'in', [ids.sitting!, ids.sitting2!])
      .execute();
    expect(docs.map((d) => d.service_id)).toEqual([ids.sitting]);
  });

  it('logs searches that found nothing per network and lists them grouped, most asked first', async () => {
    for (let i = 0; i < 2; i++)
      expect((await get(viewer, `${BASE}/search?q=blorptang`)).json().total).toBe(0);
    await get(viewer, `${BASE}/search?q=zwiebelfrot`);
    await findServices(k.t.db, { networkId: otherId, text: 'onlyinothernetwork' });
    const res = await get(staff, `${BASE}/search-misses?days=7`);
    expect(res.statusCode, res.body).toBe(200);
    const misses = (res.json() as { misses: { query: string; count: number; lastSeen: string }[] }).misses;
    expect(misses[0]).toMatchObject({ query: 'blorptang', count: 2 });
    expect(misses.map((m) => m.query)).toContain('zwiebelfrot');
    expect(misses.map((m) => m.query)).not.toContain('onlyinothernetwork');
    expect((await get(viewer, `${BASE}/search-misses`)).statusCode).toBe(403);
    expect((await get(staff, `${BASE}/search-misses?days=0`)).statusCode).toBe(400);
  });

  it('counts coverage per 10,000 inhabitants by service area, else by location, against the average', async () => {
    const added = await send(admin, 'POST', `${BASE}/taxonomy/terms`, {
      taxonomyId: 'rubric',
      names: { nl: 'Proefdekking', fr: 'Couverture test' },
    });
    expect(added.statusCode, added.body).toBe(201);
    const term = (added.json() as { id: string }).id;
    const org = await createOrganization(k.t.db, { name: 'Dekkingsproef' });
    const make = (location: object, network_id: string | null = null) =>
      createService(k.t.db, {
        organization_id: org,
        network_id,
        name: 'Dekkingsproefdienst',
        term_ids: [term],
        locations: [location as never],
      });
    await make({ address_1: 'A 1', postal_code: '9300', city: 'Aalst', nis_code: AALST });
    await make({ address_1: 'A 2', postal_code: '9300', city: 'Aalst', nis_code: AALST });
    // No NIS code on the location: its postcode says Lede.
    await make({ address_1: 'L 1', postal_code: '9340', city: 'Lede' });
    // A service area wins over the location: this one serves Lede from Aalst.
    const area = await make({ address_1: 'A 3', postal_code: '9300', city: 'Aalst', nis_code: AALST });
    await dir()
      .insertInto('directory_service_areas')
      .values({
        id: newId(),
        service_id: area,
        service_at_location_id: null,
        name: 'Lede',
        description: null,
        extent: null,
        extent_type: null,
        uri: null,
        nis_code: LEDE,
      })
      .execute();
    // Another network's own service does not count here.
    await make({ address_1: 'A 4', postal_code: '9300', city: 'Aalst', nis_code: AALST }, otherId);

    const res = await get(viewer, `${BASE}/coverage`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as CoverageView;
    expect(view.source).toContain('Statbel');
    const rubric = view.rubrics.find((r) => r.termId === term)!;
    expect(rubric.names).toEqual({ nl: 'Proefdekking', fr: 'Couverture test', en: null });
    const figures = await populationFigures(
      k.t.db,
      view.municipalities.map((m) => m.nisCode),
    );
    const pop = (nis: string) => figures.municipalities.find((m) => m.nisCode === nis)!.population;
    const average = (4 / figures.totals.population) * 10_000;
    expect(rubric.services).toBe(4);
    expect(rubric.average).toBeCloseTo(average, 2);
    const cell = (nis: string) => rubric.cells.find((c) => c.nisCode === nis)!;
    expect(cell(AALST).services).toBe(2);
    expect(cell(AALST).per10k).toBeCloseTo((2 / pop(AALST)) * 10_000, 2);
    expect(cell(AALST).ratio).toBeCloseTo(((2 / pop(AALST)) * 10_000) / average, 2);
    expect(cell(LEDE).services).toBe(2);
    expect(cell(LEDE).flag).toBe('above');
    for (const nis of ['41011', '41024', '41082'])
      expect(cell(nis)).toMatchObject({ services: 0, flag: 'none' });
    expect(view.municipalities).toHaveLength(5);
  });

  it('uses a synonym as soon as staff add it, and stops when they switch a global one off', async () => {
    const org = await createOrganization(k.t.db, { name: 'Kwispelhuis' });
    const service = await createService(k.t.db, {
      organization_id: org,
      name: 'Kwispelhuis dierenbezoek',
      description: 'Bezoek met honden bij ouderen.',
    });
    const search = async (text: string) =>
      (await findServices(k.t.db, { networkId, text })).items.map((i) => i.id);
    expect(await search('snuffelvriend')).not.toContain(service);
    const res = await send(staff, 'POST', `${BASE}/synonyms`, {
      term: 'Snuffelvriend',
      synonym: 'kwispelhuis',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await search('snuffelvriend')).toContain(service);
    // The other network's search does not use this network's word.
    expect(
      (await findServices(k.t.db, { networkId: otherId, text: 'snuffelvriend' })).items.map((i) => i.id),
    ).not.toContain(service);
    const again = await send(staff, 'POST', `${BASE}/synonyms`, {
      term: 'kwispelhuis',
      synonym: 'snuffelvriend',
    });
    expect(again.statusCode).toBe(409);
    const same = await send(staff, 'POST', `${BASE}/synonyms`, { term: 'Kine', synonym: 'kiné' });
    expect(same.statusCode).toBe(400);

    const list = (await get(staff, `${BASE}/synonyms`)).json() as { synonyms: Synonym[] };
    const global = list.synonyms.find((s) => s.scope === 'global' && s.term === 'rusthuis')!;
    expect(global.enabled).toBe(true);
    const wzc = await createService(k.t.db, { organization_id: org, name: 'Woonzorgcentrum Proefhof' });
    expect(await search('rusthuis proefhof')).toContain(wzc);
    const off = await send(staff, 'PATCH', `${BASE}/synonyms/${global.id}`, { enabled: false });
    expect(off.statusCode, off.body).toBe(204);
    expect(await search('rusthuis proefhof')).not.toContain(wzc);
    expect(
      (await findServices(k.t.db, { networkId: otherId, text: 'rusthuis proefhof' })).items.map((i) => i.id),
    ).toContain(wzc);
    const after = (await get(staff, `${BASE}/synonyms`)).json() as { synonyms: Synonym[] };
    expect(after.synonyms.find((s) => s.id === global.id)?.enabled).toBe(false);
    expect((await send(staff, 'DELETE', `${BASE}/synonyms/${global.id}`)).statusCode).toBe(400);
    const mine = after.synonyms.find((s) => s.term === 'snuffelvriend')!;
    expect((await send(staff, 'DELETE', `${BASE}/synonyms/${mine.id}`)).statusCode).toBe(204);
    expect(await search('snuffelvriend')).not.toContain(service);
    expect(
      (await send(admin, 'PATCH', `/api/networks/${OTHER}/directory/synonyms/${mine.id}`, { enabled: true }))
        .statusCode,
    ).toBe(404);
  });

  it('lets admins add, rename and retire taxonomy terms, and staff only read them', async () => {
    const view = (await get(staff, `${BASE}/taxonomy`)).json() as TaxonomyView;
    const rubrics = view.taxonomies.find((t) => t.kind === 'rubric')!;
    expect(rubrics.editable).toBe(true);
    expect(view.taxonomies.find((t) => t.kind === 'sector')?.editable).toBe(false);
    expect(
      (await send(staff, 'POST', `${BASE}/taxonomy/terms`, { taxonomyId: 'rubric', names: { nl: 'Nooit' } }))
        .statusCode,
    ).toBe(403);
    const add = await send(admin, 'POST', `${BASE}/taxonomy/terms`, {
      taxonomyId: 'rubric',
      names: { nl: 'Hondenbezoek' },
    });
    expect(add.statusCode, add.body).toBe(201);
    const term = (add.json() as { id: string }).id;
    expect(term).toBe('rubric-hondenbezoek');
    expect(
      (
        await send(admin, 'POST', `${BASE}/taxonomy/terms`, {
          taxonomyId: 'rubric',
          names: { nl: 'Hondenbezoek' },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await send(admin, 'POST', `${BASE}/taxonomy/terms`, { taxonomyId: 'sector', names: { nl: 'Iets' } }))
        .statusCode,
    ).toBe(400);

    const org = await createOrganization(k.t.db, { name: 'Viervoeters vzw' });
    const service = await createService(k.t.db, {
      organization_id: org,
      name: 'Viervoetersbezoek',
      term_ids: [term],
    });
    const renamed = await send(admin, 'PATCH', `${BASE}/taxonomy/terms/${term}`, {
      names: { nl: 'Dierenbezoek', en: 'Animal visits' },
    });
    expect(renamed.statusCode, renamed.body).toBe(204);
    expect(
      (await findServices(k.t.db, { networkId, text: 'dierenbezoek' })).items.map((i) => i.id),
    ).toContain(service);

    const inUse = await send(admin, 'POST', `${BASE}/taxonomy/terms/${term}/retire`, {});
    expect(inUse.statusCode).toBe(400);
    expect(inUse.json().error.code).toBe('analysis_term_in_use');
    expect(
      (
        await send(admin, 'POST', `${BASE}/taxonomy/terms/${term}/retire`, {
          replacementId: 'target-group-ouderen',
        })
      ).statusCode,
    ).toBe(400);
    const retired = await send(admin, 'POST', `${BASE}/taxonomy/terms/${term}/retire`, {
      replacementId: 'rubric-mantelzorg',
    });
    expect(retired.statusCode, retired.body).toBe(204);
    const links = await dir()
      .selectFrom('directory_attributes')
      .select('taxonomy_term_id')
      .where('link_id', '=', service)
      .execute();
    expect(links).toEqual([{ taxonomy_term_id: 'rubric-mantelzorg' }]);
    expect(
      await dir()
        .selectFrom('directory_taxonomy_terms')
        .select('id')
        .where('id', '=', term)
        .executeTakeFirst(),
    ).toBeUndefined();
  });
});
