import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { down, up } from '../../migrations/0105_directory_taxonomy_translations.ts';
import { testEngines } from '../../platform/db/testing.ts';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing.ts';
import { directoryDb } from './db.ts';
import type { FilterOptions, SearchResult, ServiceRecord } from './find/schema.ts';
import { createOrganization, createService, findServices } from './service.ts';

const BASE = '/api/networks/elz-regio-aalst/directory';
/** A postcode outside the demo region: the test's service is the only one there. */
const POSTCODE = '1999';

describe.each(testEngines())('taxonomy term names in French and English on %s', (engine) => {
  let k: TestApp;
  let staff: Session;
  let serviceId = '';
  const dir = () => directoryDb(k.t.db);
  const get = (url: string, lang: string, s: Session | null = staff) =>
    k.app.inject({
      method: 'GET',
      url,
      headers: { ...(s ? { cookie: s.cookie } : {}), 'accept-language': lang, host: 'kaart.test' },
    });

  beforeAll(async () => {
    k = await createTestApp(engine);
    staff = await loginAs(k.app, 'medewerker@demo.knooppunt.be');
    const org = await createOrganization(k.t.db, { name: 'Zorgpunt Zwaluw' });
    // Its own texts name no kind of help, so only the rubric's names can make it match a search.
    serviceId = await createService(k.t.db, {
      organization_id: org,
      name: 'Zorgpunt Zwaluwstraat',
      term_ids: ['rubric-thuisverpleging', 'target-group-ouderen'],
      locations: [
        {
          address_1: 'Zwaluwstraat 1',
          postal_code: POSTCODE,
          city: 'Proefdorp',
          accessibility_term_ids: ['accessibility-rolstoel'],
        },
      ],
    });
  });
  afterAll(async () => {
    await k?.destroy();
  });

  it('names every seeded term in French and English, and down removes exactly those names', async () => {
    const terms = await dir().selectFrom('directory_taxonomy_terms').select('id').execute();
    const names = async () =>
      dir()
        .selectFrom('directory_translations')
        .select(['entity_id', 'lang', 'value', 'source'])
        .where('entity_type', '=', 'taxonomy_term')
        .where('field', '=', 'name')
        .execute();
    const before = await names();
    for (const t of terms)
      for (const lang of ['fr', 'en'])
        expect(
          before.some((n) => n.entity_id === t.id && n.lang === lang && n.value.trim() !== ''),
          `${t.id} ${lang}`,
        ).toBe(true);
    expect(before.find((n) => n.entity_id === 'rubric-thuisverpleging' && n.lang === 'fr')?.value).toBe(
      'Soins infirmiers à domicile',
    );
    // A name staff gave (analysis' rename writes 'manual' rows) survives a down and is not overwritten by up.
    await dir()
      .updateTable('directory_translations')
      .set({ value: 'Soins à domicile (infirmiers)', source: 'manual' })
      .where('entity_type', '=', 'taxonomy_term')
      .where('entity_id', '=', 'rubric-kortverblijf')
      .where('lang', '=', 'fr')
      .execute();
    await down(k.t.db as unknown as Kysely<unknown>);
    expect(await names()).toEqual([
      {
        entity_id: 'rubric-kortverblijf',
        lang: 'fr',
        value: 'Soins à domicile (infirmiers)',
        source: 'manual',
      },
    ]);
    await up(k.t.db as unknown as Kysely<unknown>);
    const after = await names();
    expect(after).toHaveLength(before.length);
    expect(after.find((n) => n.entity_id === 'rubric-kortverblijf' && n.lang === 'fr')?.value).toBe(
      'Soins à domicile (infirmiers)',
    );
    await dir()
      .updateTable('directory_translations')
      .set({ value: 'Court séjour', source: 'seed' })
      .where('entity_type', '=', 'taxonomy_term')
      .where('entity_id', '=', 'rubric-kortverblijf')
      .where('lang', '=', 'fr')
      .execute();
  });

  it('gives a French request French names in the filters and the facets, Dutch to a Dutch one', async () => {
    const fr = (await get(`${BASE}/filters`, 'fr')).json() as FilterOptions;
    const label = (o: FilterOptions, id: string) =>
      [...o.rubric, ...o.target_group, ...o.accessibility].find((x) => x.value === id)?.label;
    expect(label(fr, 'rubric-thuisverpleging')).toBe('Soins infirmiers à domicile');
    expect(label(fr, 'target-group-ouderen')).toBe('Personnes âgées');
    expect(label(fr, 'accessibility-rolstoel')).toBe('Accessible en fauteuil roulant');
    // Sorted by the French name, not the Dutch one.
    const frLabels = fr.rubric.map((r) => r.label);
    expect(frLabels).toEqual([...frLabels].sort(new Intl.Collator('fr').compare));
    const nl = (await get(`${BASE}/filters`, 'nl')).json() as FilterOptions;
    expect(label(nl, 'rubric-thuisverpleging')).toBe('Thuisverpleging');
    const en = (await get(`${BASE}/filters`, 'en')).json() as FilterOptions;
    expect(label(en, 'rubric-thuisverpleging')).toBe('Home nursing');

    const facets = async (lang: string) => {
      const res = await get(`${BASE}/search?postcode=${POSTCODE}`, lang);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as SearchResult).facets;
    };
    expect((await facets('fr'))?.rubric).toEqual([
      { value: 'rubric-thuisverpleging', count: 1, label: 'Soins infirmiers à domicile' },
    ]);
    expect((await facets('nl'))?.rubric?.[0]?.label).toBe('Thuisverpleging');
    expect((await facets('en'))?.target_group?.[0]?.label).toBe('Older people');
  });

  it('names the terms of a record page in the request’s language', async () => {
    const record = async (lang: string) => {
      const res = await get(`${BASE}/services/${serviceId}`, lang);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as ServiceRecord;
    };
    const fr = await record('fr');
    expect(fr.terms.map((t) => [t.kind, t.name])).toEqual([
      ['rubric', 'Soins infirmiers à domicile'],
      ['target_group', 'Personnes âgées'],
    ]);
    expect(fr.locations[0]?.accessibility).toEqual(['Accessible en fauteuil roulant']);
    const nl = await record('nl');
    expect(nl.terms.map((t) => t.name)).toEqual(['Thuisverpleging', 'Ouderen']);
    expect(nl.locations[0]?.accessibility).toEqual(['Rolstoeltoegankelijk']);
  });

  it('names the rubrics of the freshness filter in the request’s language', async () => {
    const rubrics = async (lang: string) => {
      const res = await get(`${BASE}/curate/freshness`, lang);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { rubrics: { id: string; name: string }[] }).rubrics;
    };
    const name = (list: { id: string; name: string }[]) =>
      list.find((r) => r.id === 'rubric-thuisverpleging')?.name;
    expect(name(await rubrics('fr'))).toBe('Soins infirmiers à domicile');
    expect(name(await rubrics('en'))).toBe('Home nursing');
    expect(name(await rubrics('nl'))).toBe('Thuisverpleging');
  });

  it('shows French names on the public search form and service page', async () => {
    const search = await get('/kaart?lang=fr', 'fr', null);
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain('<option value="thuisverpleging">Soins infirmiers à domicile</option>');
    expect(search.body).not.toContain('>Thuisverpleging</option>');
    const page = await get(`/kaart/dienst/${serviceId}?lang=fr`, 'fr', null);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Soins infirmiers à domicile');
    expect(page.body).toContain('Personnes âgées');
    expect(page.body).toContain('Accessible en fauteuil roulant');
    expect(page.body).not.toContain('Rolstoeltoegankelijk');
    const nl = await get(`/kaart/dienst/${serviceId}?lang=nl`, 'nl', null);
    expect(nl.body).toContain('Thuisverpleging');
    expect(nl.body).toContain('Rolstoeltoegankelijk');
  });

  it('finds a service by the French or English name of its rubric, searched in that language', async () => {
    const found = async (text: string, lang: 'fr' | 'en') =>
      (await findServices(k.t.db, { networkId: null, text, lang, postcode: POSTCODE })).items.map(
        (i) => i.id,
      );
    expect(await found('soins infirmiers', 'fr')).toEqual([serviceId]);
    expect(await found('home nursing', 'en')).toEqual([serviceId]);
    expect(await found('personnes âgées', 'fr')).toEqual([serviceId]);
    expect(await found('sages-femmes', 'fr')).toEqual([]);
  });
});
