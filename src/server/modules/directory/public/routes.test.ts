import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../platform/db/testing.ts';
import { createTestApp, type TestApp } from '../../../testing.ts';
import { createOrganization, createService } from '../service.ts';
import { TEXTS } from './texts.ts';

const AALST = { lat: 50.9378, lon: 4.0403 };
/** A calendar date this many days from today, as stored (YYYY-MM-DD). */
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const longDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
const XSS = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';

describe('public map texts', () => {
  it('has the same keys, all filled in, in Dutch, French and English', () => {
    const keys = Object.keys(TEXTS.nl).sort();
    expect(Object.keys(TEXTS.fr).sort()).toEqual(keys);
    expect(Object.keys(TEXTS.en).sort()).toEqual(keys);
    for (const lang of ['nl', 'fr', 'en'] as const)
      for (const k of keys)
        expect(TEXTS[lang][k as keyof typeof TEXTS.nl].trim(), `${lang}.${k}`).not.toBe('');
  });
});

describe.each(testEngines())('public social map on %s', (engine) => {
  let h: TestApp;
  const ids: Record<string, string> = {};
  const get = (url: string, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'GET', url, headers: { host: 'kaart.test', ...headers } });

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
          name: `Netwerk ${slug}`,
          kind: 'elz',
          description: null,
          published,
          is_demo: 0,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    ids.org = await createOrganization(h.t.db, { name: 'Wit-Gele Kruis', description: 'Zorg aan huis.' });
    const week = 'MO,TU,WE,TH,FR';
    ids.thuis = await createService(h.t.db, {
      organization_id: ids.org,
      name: 'Thuisverpleging Aalst',
      description: 'Verpleegkundige zorg aan huis, ook wondzorg.',
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
      exceptions: [
        { date_from: inDays(10), date_to: inDays(10), closed: true, reason: 'Kerstmis' },
        { date_from: inDays(-10), date_to: inDays(-9), closed: true, reason: 'Voorbije sluiting' },
        { date_from: inDays(300), date_to: inDays(300), closed: true, reason: 'Verre sluiting' },
      ],
      languages: ['nl', 'fr'],
      cost_amount: 0,
      assured_date: '2026-01-01',
      phone: '053 00 00 00',
      translations: [{ field: 'name', lang: 'fr', value: 'Soins infirmiers à domicile Alost' }],
    });
    ids.tandarts = await createService(h.t.db, {
      organization_id: ids.org,
      name: 'Sociale tandartspraktijk',
      description: 'Mondzorg voor mensen met een laag inkomen.',
      term_ids: ['rubric-mondzorg'],
      locations: [
        { address_1: 'Markt 3', postal_code: '9400', city: 'Ninove', latitude: 50.83, longitude: 4.02 },
      ],
    });
    ids.hidden = await createService(h.t.db, {
      organization_id: ids.org,
      name: 'Geheime zorgdienst Zwijgzaam',
      description: 'Nog niet gepubliceerd.',
      published: false,
    });
    ids.local = await createService(h.t.db, {
      organization_id: ids.org,
      network_id: 'net-open',
      name: 'Buurtpunt Lokaalhuis',
      description: 'Alleen in het eigen netwerk.',
    });
    ids.draftLocal = await createService(h.t.db, {
      organization_id: ids.org,
      network_id: 'net-draft',
      name: 'Ontwerpdienst Verborgenheid',
    });
    ids.xss = await createService(h.t.db, {
      organization_id: ids.org,
      name: `Stoute dienst ${XSS}`,
      description: XSS,
    });
    for (let i = 0; i < 12; i++) {
      await createService(h.t.db, {
        organization_id: ids.org,
        name: `Buurtwerk nummer ${i + 1}`,
        description: 'Ontmoeting in de wijk.',
      });
    }
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it('answers a plain GET search with server-rendered results and why they matched', async () => {
    const res = await get('/kaart?q=thuisverpleging');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.body).toContain('<html lang="nl">');
    expect(res.body).toContain('<form class="search" method="get" action="/kaart"');
    expect(res.body).toContain(`href="/kaart/dienst/${ids.thuis}"`);
    expect(res.body).toContain('Thuisverpleging Aalst');
    expect(res.body).toContain('Gevonden op');
    expect(res.body).not.toContain('Sociale tandartspraktijk');
    // No inline scripts: the CSP would block them, and the page must not need them.
    expect(res.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });

  it('filters on rubric, free and postcode, and keeps the filters in the form', async () => {
    const byRubric = await get('/kaart?rubric=mondzorg');
    expect(byRubric.body).toContain('Sociale tandartspraktijk');
    expect(byRubric.body).not.toContain('Thuisverpleging Aalst');
    expect(byRubric.body).toContain('<option value="mondzorg" selected>');
    const free = await get('/kaart?free=1');
    expect(free.body).toContain('Thuisverpleging Aalst');
    expect(free.body).not.toContain('Sociale tandartspraktijk');
    const postcode = await get('/kaart?postcode=9400');
    expect(postcode.body).toContain('Sociale tandartspraktijk');
    expect(postcode.body).not.toContain('Thuisverpleging Aalst');
    const near = await get('/kaart?postcode=9400&km=25');
    expect(near.body).toContain('Thuisverpleging Aalst');
    expect(near.body).toMatch(/\(\d+(,\d)? km\)/);
  });

  it('pages through results with links that work without JavaScript', async () => {
    const first = await get('/kaart?q=buurtwerk');
    expect(first.body).toContain('rel="next" href="/kaart?q=buurtwerk&amp;page=2"');
    expect(first.body).not.toContain('rel="prev"');
    const second = await get('/kaart?q=buurtwerk&page=2');
    expect(second.body).toContain('rel="prev"');
    expect(second.body).toContain('<ol class="results" start="11">');
  });

  it('shows a no-results state with advice', async () => {
    const res = await get('/kaart?q=qwxzvbnmkj&postcode=9300');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Geen diensten gevonden');
    expect(res.body).toContain('Zoek zonder filters');
    expect(res.body).toContain('sociaal huis');
  });

  it('never shows unpublished records, nor a network’s own ones outside that network', async () => {
    for (const url of ['/kaart?q=zwijgzaam', '/kaart?q=verborgenheid', '/kaart?q=lokaalhuis']) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Geen diensten gevonden');
    }
    expect((await get(`/kaart/dienst/${ids.hidden}`)).statusCode).toBe(404);
    expect((await get(`/kaart/dienst/${ids.local}`)).statusCode).toBe(404);
    const org = await get(`/kaart/organisatie/${ids.org}`);
    expect(org.body).toContain('Thuisverpleging Aalst');
    expect(org.body).not.toContain('Zwijgzaam');
    expect(org.body).not.toContain('Lokaalhuis');

    const scoped = await get('/kaart?q=lokaalhuis&network=open-net');
    expect(scoped.body).toContain('Buurtpunt Lokaalhuis');
    expect(scoped.body).toContain(`href="/kaart/dienst/${ids.local}?network=open-net"`);
    expect((await get(`/kaart/dienst/${ids.local}?network=open-net`)).statusCode).toBe(200);
    // An unpublished network is not found at all, its own services included.
    const draft = await get('/kaart?q=verborgenheid&network=draft-net');
    expect(draft.statusCode).toBe(404);
    expect(draft.body).not.toContain('Verborgenheid');
    expect((await get(`/kaart/dienst/${ids.draftLocal}?network=draft-net`)).statusCode).toBe(404);
  });

  it('escapes what the searcher typed and what an organisation entered', async () => {
    const res = await get(`/kaart?q=${encodeURIComponent(XSS)}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img');
    const stored = await get('/kaart?q=stoute');
    expect(stored.body).toContain('Stoute dienst &lt;script&gt;');
    expect(stored.body).not.toContain('<img src=x');
    const page = await get(`/kaart/dienst/${ids.xss}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toContain('<img src=x');
  });

  it('answers absurd input with a page, never an error, and writes no records', async () => {
    const before = await h.t.db
      .selectFrom('directory_services' as never)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const long = 'zorg '.repeat(2048);
    const urls = [
      `/kaart?q=${encodeURIComponent(long)}`,
      '/kaart?page=-1',
      '/kaart?page=abc&km=999&rubric=%3Cx%3E&open=always&free=yes',
      '/kaart?page=99999999999999999999',
      `/kaart?q=${encodeURIComponent('NEAR(thuis zorg, 2) OR "aalst* AND -zorg {col}: ^x')}`,
      `/kaart?q=${encodeURIComponent("'); DROP TABLE directory_services; --")}`,
      '/kaart?q=a&q=b&postcode=abcd',
      '/kaart?q=%00%FF%FE',
      '/kaart?network=NOT%20A%20SLUG',
      '/kaart/dienst/..%2F..%2Fetc',
      `/kaart/dienst/${'x'.repeat(150)}`,
      '/kaart/organisatie/%3Cscript%3E',
    ];
    for (const url of urls) {
      const res = await get(url);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toContain('</html>');
    }
    const shortened = await get(`/kaart?q=${encodeURIComponent(long)}`);
    expect(shortened.body).toContain('Uw zoektekst was erg lang');
    const badPostcode = await get('/kaart?postcode=abcd');
    expect(badPostcode.body).toContain('aria-invalid="true"');
    expect(badPostcode.body).toContain('Een postcode heeft vier cijfers');
    const after = await h.t.db
      .selectFrom('directory_services' as never)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('renders the service page with hours, exceptions, confirmation date and a QR code', async () => {
    const res = await get(`/kaart/dienst/${ids.thuis}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('<h1 id="dienst-naam">Thuisverpleging Aalst</h1>');
    expect(body).toContain(`href="/kaart/organisatie/${ids.org}"`);
    expect(body).toContain('Thuisverpleging'); // rubric
    expect(body).toContain('Ouderen'); // target group
    expect(body).toContain('Gratis');
    expect(body).toContain('Nederlands, Frans');
    expect(body).toContain('Kerkstraat 1');
    expect(body).toContain('href="tel:053000000"');
    expect(body).toMatch(/<th scope="row">maandag<\/th><td>08:00–17:00<\/td>/);
    expect(body).toMatch(/<th scope="row">zondag<\/th><td>Gesloten<\/td>/);
    expect(body).toContain('Kerstmis');
    expect(body).toContain(longDate(inDays(10)));
    // Only the coming months: past days and far-off ones stay off the card.
    expect(body).not.toContain('Voorbije sluiting');
    expect(body).not.toContain('Verre sluiting');
    expect(body).toContain('Laatst bevestigd op 1 januari 2026');
    expect(body).toMatch(
      /<svg role="img" aria-label="QR-code naar http:\/\/kaart\.test\/kaart\/dienst\/[^"]+"/,
    );
    expect(body).toContain('<path');
    expect(body).toContain(`http://kaart.test/kaart/dienst/${ids.thuis}`);
  });

  it('speaks the reader’s language: link, cookie, then browser, with a switch on every page', async () => {
    const fr = await get(`/kaart/dienst/${ids.thuis}?lang=fr`);
    expect(fr.body).toContain('<html lang="fr">');
    expect(fr.body).toContain('Soins infirmiers à domicile Alost');
    expect(fr.body).toContain("Heures d'ouverture".replace("'", '&#39;'));
    expect(fr.body).toContain('lundi');
    expect(fr.cookies.find((c) => c.name === 'kp_lang')?.value).toBe('fr');
    expect(fr.headers['cache-control']).toBe('private, no-store');
    const en = await get('/kaart', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.body).toContain('Find help near you');
    expect(en.body).toContain('href="/kaart?lang=nl" lang="nl" hreflang="nl"');
    expect(en.body).toContain('aria-current="true">English</a>');
    const cookie = await get('/kaart', { cookie: 'kp_lang=fr', 'accept-language': 'en' });
    expect(cookie.body).toContain('<html lang="fr">');
    const missing = await get('/kaart/dienst/bestaat-niet', { 'accept-language': 'fr' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Page introuvable');
    const slash = await get('/kaart/?q=tandarts');
    expect(slash.statusCode).toBe(301);
    expect(slash.headers.location).toBe('/kaart?q=tandarts');
    const elsewhere = await get('/kaart/onbekende/pagina');
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.body).toContain('Pagina niet gevonden');
  });

  it('serves the stylesheet, the page script and the widget, cached', async () => {
    const css = await get('/kaart/kaart.css');
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.body).toContain('--colour-ink:');
    expect(css.body).toContain('@media print');
    expect(css.headers['cache-control']).toContain('max-age=');
    const widget = await get('/kaart/widget.js');
    expect(widget.statusCode).toBe(200);
    expect(widget.headers['content-type']).toMatch(/^text\/javascript/);
    expect(widget.headers['access-control-allow-origin']).toBe('*');
    expect(widget.body).toContain('Zoek in de sociale kaart');
    expect(widget.body).toContain('attachShadow');
    expect(widget.body).not.toContain('/*TEXTS*/');
    const again = await get('/kaart/widget.js', { 'if-none-match': String(widget.headers.etag) });
    expect(again.statusCode).toBe(304);
    const page = await get('/kaart');
    const cssLink = /href="(\/kaart\/kaart\.css\?v=[0-9a-f]+)"/.exec(page.body)?.[1];
    expect(cssLink).toBeDefined();
    expect((await get(cssLink!)).headers['cache-control']).toContain('immutable');
  });

  it('shows an organisation with its services', async () => {
    const res = await get(`/kaart/organisatie/${ids.org}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Wit-Gele Kruis</h1>');
    expect(res.body).toContain('Zorg aan huis.');
    expect(res.body).toContain(`href="/kaart/dienst/${ids.tandarts}"`);
  });
  it('never lets a page built from the Host header into a shared cache; PUBLIC_URL pages may be cached', async () => {
    const forged = await get(`/kaart/dienst/${ids.thuis}`, { host: 'evil.example' });
    expect(forged.statusCode).toBe(200);
    expect(forged.body).toContain('http://evil.example/kaart/dienst/');
    expect(forged.headers['cache-control']).toBe('private, no-store');
    const config = h.app.config as { publicUrl: string | undefined };
    config.publicUrl = 'https://kaart.example.be';
    try {
      const page = await get(`/kaart/dienst/${ids.thuis}`, { host: 'evil.example' });
      expect(page.body).not.toContain('evil.example');
      expect(page.body).toContain(`https://kaart.example.be/kaart/dienst/${ids.thuis}`);
      expect(page.headers['cache-control']).toBe('public, max-age=60');
    } finally {
      config.publicUrl = undefined;
    }
  });
});
