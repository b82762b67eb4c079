import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganization, createService } from '../../src/server/modules/directory/service.ts';
import {
  DEMO,
  DEMO_PASSWORD,
  DESKTOP,
  expectNoAxeViolations,
  type Harness,
  noBrowser,
  PHONE,
  screenshot,
  startHarness,
} from './harness.ts';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The public social map as a citizen uses it: without JavaScript (search, open a service, read its card), on a
 * phone and on paper; and the widget on a partner's own site.
 */
describe.skipIf(noBrowser)('journey: public social map', () => {
  let harness: Harness;
  let serviceId = '';
  let orgId = '';

  beforeAll(async () => {
    harness = await startHarness();
    // Own records with a word no demo record has, so the journey does not depend on the demo map's contents.
    orgId = await createOrganization(harness.db, {
      name: 'Kaartproef vzw',
      description: 'Een organisatie voor de test van de publieke kaart.',
    });
    serviceId = await createService(harness.db, {
      organization_id: orgId,
      name: 'Kaartproef thuiszorg',
      description: 'Hulp en verzorging aan huis voor ouderen in de Denderstreek.',
      term_ids: ['rubric-thuisverpleging', 'target-group-ouderen'],
      minimum_age: 65,
      locations: [
        {
          address_1: 'Grote Markt 1',
          postal_code: '9300',
          city: 'Aalst',
          latitude: 50.9378,
          longitude: 4.0403,
          accessibility_term_ids: ['accessibility-rolstoel'],
        },
      ],
      schedules: [
        { byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '12:00' },
        { byday: 'MO,WE', opens_at: '13:00', closes_at: '16:30' },
      ],
      exceptions: [{ date_from: inDays(20), date_to: inDays(21), closed: true, reason: 'Kerstdagen' }],
      languages: ['nl', 'fr', 'en'],
      cost_amount: 0,
      assured_date: '2026-11-15',
      phone: '053 12 34 56',
    });
    await createService(harness.db, {
      organization_id: orgId,
      name: 'Kaartproef ontwerp',
      description: 'Nog niet gepubliceerd.',
      published: false,
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function noScriptPage(
    viewport: { width: number; height: number } = DESKTOP,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await harness.browser.newContext({
      baseURL: harness.url,
      viewport,
      locale: 'nl-BE',
      javaScriptEnabled: false,
    });
    return { context, page: await context.newPage() };
  }

  test('without JavaScript: search, see why it matched, open the service and its organisation', async () => {
    const { context, page } = await noScriptPage();
    await page.goto('/kaart');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await page.getByLabel('Wat zoekt u?').fill('kaartproef');
    // The filters fold open without JavaScript (details/summary).
    await page.locator('summary', { hasText: 'Verfijnen' }).click();
    await page.getByLabel('Postcode').fill('9300');
    await page.locator('form.search .q-row button[type="submit"]').click();
    await page.waitForURL(/\/kaart\?q=kaartproef/);
    const result = page.locator('.result', { hasText: 'Kaartproef thuiszorg' });
    await result.waitFor();
    expect(await result.locator('.why').textContent()).toContain('"kaartproef" in de naam');
    // The unpublished service never shows.
    expect(await page.locator('.result', { hasText: 'Kaartproef ontwerp' }).count()).toBe(0);
    await screenshot(page, 'public-search-desktop');

    await result.getByRole('link', { name: 'Kaartproef thuiszorg' }).click();
    await page.waitForURL(`**/kaart/dienst/${serviceId}`);
    await page.locator('h1', { hasText: 'Kaartproef thuiszorg' }).waitFor();
    const hours = page.locator('table', { has: page.locator('caption', { hasText: 'Openingsuren' }) });
    expect(await hours.locator('tr', { hasText: 'maandag' }).locator('td').textContent()).toBe(
      '09:00–12:00, 13:00–16:30',
    );
    expect(await hours.locator('tr', { hasText: 'zaterdag' }).locator('td').textContent()).toBe('Gesloten');
    await page.locator('table', { hasText: 'Kerstdagen' }).waitFor();
    await page.getByText('Laatst bevestigd op 15 november 2026').waitFor();
    await page.locator('figure.qr svg[role="img"]').waitFor();
    // Without the page script the print button stays hidden; the hint still says how to print.
    expect(await page.locator('button[data-print]').isVisible()).toBe(false);
    await screenshot(page, 'public-service-desktop');

    await page.getByRole('link', { name: 'Kaartproef vzw' }).click();
    await page.waitForURL(`**/kaart/organisatie/${orgId}`);
    await page.locator('h2', { hasText: 'Diensten van deze organisatie' }).waitFor();
    expect(await page.locator('.result', { hasText: 'Kaartproef ontwerp' }).count()).toBe(0);

    // The language switch is a plain link.
    await page.getByRole('link', { name: 'Français' }).click();
    await page.locator('h2', { hasText: 'Services de cette organisation' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await context.close();
  });

  test('on a phone, without JavaScript', async () => {
    const { context, page } = await noScriptPage(PHONE);
    await page.goto('/kaart?q=kaartproef&free=1');
    await page.locator('.result', { hasText: 'Kaartproef thuiszorg' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await screenshot(page, 'public-search-phone');
    await page.goto(`/kaart/dienst/${serviceId}`);
    await page.locator('figure.qr svg').waitFor();
    await screenshot(page, 'public-service-phone');
    await page.goto('/kaart?q=qwxzvbnmkj');
    await page.locator('h2', { hasText: 'Geen diensten gevonden' }).waitFor();
    await screenshot(page, 'public-no-results-phone');
    await context.close();
  });

  test('every public page passes axe', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    for (const [url, label] of [
      ['/kaart', 'public map'],
      ['/kaart?q=kaartproef&postcode=9300&km=10', 'public search results'],
      ['/kaart?q=qwxzvbnmkj&postcode=12', 'public no results'],
      [`/kaart/dienst/${serviceId}`, 'public service page'],
      [`/kaart/organisatie/${orgId}`, 'public organisation page'],
      ['/kaart/dienst/bestaat-niet', 'public 404'],
    ] as const) {
      await page.goto(url);
      await page.locator('main h1').waitFor();
      await expectNoAxeViolations(page, label);
    }
    // The demo map of the network: a real page of results and a real record.
    await page.goto('/kaart?q=huisarts&network=elz-regio-aalst');
    await page.locator('.result').first().waitFor();
    await screenshot(page, 'public-demo-search-desktop');
    await page.locator('.result h3 a').first().click();
    await page.waitForURL(/\/kaart\/dienst\/[^?]+\?network=elz-regio-aalst/);
    await page.locator('figure.qr svg').waitFor();
    await expectNoAxeViolations(page, 'public demo service page');
    await screenshot(page, 'public-demo-service-desktop');
    // With scripts the print button appears.
    await page.goto(`/kaart/dienst/${serviceId}`);
    await page.locator('button[data-print]').waitFor({ state: 'visible' });
    await context.close();
  });

  test('without JavaScript: a citizen suggests a new phone number, staff find it in their inbox', async () => {
    const { context, page } = await noScriptPage();
    await page.goto(`/kaart/dienst/${serviceId}`);
    await page.getByRole('link', { name: 'Klopt er iets niet? Stel een wijziging voor' }).click();
    await page.waitForURL(`**/kaart/dienst/${serviceId}/voorstel`);
    const phone = page.getByLabel('Telefoonnummer');
    expect(await phone.inputValue()).toBe('053 12 34 56');
    // A typo first: the form comes back with a summary linking to the field, and keeps what was typed.
    await phone.fill('053 77 66 5x');
    await page.getByLabel('Wat klopt er niet?').fill('Het nummer is veranderd.');
    await page.getByRole('button', { name: 'Voorstel versturen' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.getByLabel('Wat klopt er niet?').inputValue()).toBe('Het nummer is veranderd.');
    await screenshot(page, 'public-suggest-errors');
    await summary.getByRole('link', { name: /053 77 66 5x/ }).click();
    expect(await page.evaluate(() => location.hash)).toBe('#f-phones');
    await page.getByLabel('Telefoonnummer').fill('053 77 66 55');
    await page.getByRole('button', { name: 'Voorstel versturen' }).click();
    await page.locator('h1', { hasText: 'Bedankt voor uw voorstel' }).waitFor();
    await screenshot(page, 'public-suggest-thanks');
    await context.close();

    // Staff of the network whose area holds the service see it in the curate inbox, field by field.
    const login = await fetch(`${harness.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO.staff, password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const inbox = await fetch(`${harness.url}/api/networks/elz-regio-aalst/directory/curate/suggestions`, {
      headers: { cookie },
    });
    expect(inbox.status).toBe(200);
    const { suggestions } = (await inbox.json()) as {
      suggestions: { service: { id: string }; comment: string; diff: unknown[]; proposer: string | null }[];
    };
    const mine = suggestions.find((x) => x.service.id === serviceId);
    expect(mine?.diff).toEqual([{ field: 'phones', current: ['053 12 34 56'], proposed: ['053 77 66 55'] }]);
    expect(mine?.comment).toBe('Het nummer is veranderd.');
    expect(mine?.proposer).toBeNull();
  });

  test('the suggestion form, its errors and the thank-you page pass axe', async () => {
    const { context, page } = await harness.newPage(PHONE);
    await page.goto(`/kaart/dienst/${serviceId}/voorstel`);
    await page.locator('main h1').waitFor();
    await expectNoAxeViolations(page, 'public suggestion form');
    await page.getByLabel('Website').fill('geen adres');
    await page.getByLabel('Postcode').fill('93');
    await page.getByRole('button', { name: 'Voorstel versturen' }).click();
    await page.locator('.error-summary').waitFor();
    // The summary takes the focus, so a screen reader reads it first.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await expectNoAxeViolations(page, 'public suggestion form with errors');
    await screenshot(page, 'public-suggest-errors-phone');
    await page.getByLabel('Website').fill('');
    await page.getByLabel('Postcode').fill('9300');
    await page.getByLabel('Openingsuren').fill('Op vrijdag tot 16 u.');
    await page.getByRole('button', { name: 'Voorstel versturen' }).click();
    await page.locator('main h1', { hasText: 'Bedankt voor uw voorstel' }).waitFor();
    await expectNoAxeViolations(page, 'public suggestion thank-you page');
    await context.close();
  });

  test('printing shows the compact card with its QR code, without the site around it', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await page.goto(`/kaart/dienst/${serviceId}`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.locator('footer.foot').isVisible()).toBe(false);
    expect(await page.locator('.print-hint').isVisible()).toBe(false);
    expect(await page.locator('article.card').isVisible()).toBe(true);
    expect(await page.locator('figure.qr svg').isVisible()).toBe(true);
    const box = await page.locator('article.card').boundingBox();
    // A card: it fits on one A4 page (about 1100 CSS pixels high at 96 dpi).
    expect(box?.height ?? 0).toBeLessThan(1100);
    await screenshot(page, 'public-service-print');
    await context.close();
  });

  test('the widget works on a partner’s own site and keeps its styles to itself', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    // The partner's site: another origin, served for real from this machine (an intercepted page would count as
    // a public site, and Chromium blocks public sites from reaching a loopback server such as the test's).
    const partnerHtml = `<!doctype html><html lang="nl"><head><title>Partner</title>
<style>input, button, a { color: #ff00ff !important; font-size: 40px !important; }</style></head>
<body><main><h1>Welkom bij onze vzw</h1>
<script src="${harness.url}/kaart/widget.js" data-network="elz-regio-aalst" async></script>
</main></body></html>`;
    const site = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(partnerHtml);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const partner = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(partner);
    await page
      .locator('.knooppunt-kaart')
      .waitFor({ timeout: 5000 })
      .catch(() => {
        throw new Error(`widget did not start: ${errors.join('; ')}`);
      });
    const box = page.getByLabel('Zoek in de sociale kaart');
    await box.waitFor();
    await box.fill('kaartproef');
    await box.press('Enter');
    const link = page.locator('.knooppunt-kaart a', { hasText: 'Kaartproef thuiszorg' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(
      `${harness.url}/kaart/dienst/${serviceId}?lang=nl&network=elz-regio-aalst`,
    );
    await page.locator('.knooppunt-kaart [role="status"]', { hasText: '1 dienst gevonden' }).waitFor();
    expect(await page.locator('.knooppunt-kaart a', { hasText: 'Kaartproef ontwerp' }).count()).toBe(0);
    // The partner's CSS does not reach into the widget.
    const colour = await link.evaluate((a) => getComputedStyle(a).color);
    expect(colour).not.toBe('rgb(255, 0, 255)');
    expect(errors).toEqual([]);
    await expectNoAxeViolations(page, 'widget on a partner page');
    await screenshot(page, 'public-widget');

    await link.click();
    await page.waitForURL(`${harness.url}/kaart/dienst/${serviceId}?**`);
    await page.locator('h1', { hasText: 'Kaartproef thuiszorg' }).waitFor();
    await context.close();
    site.close();
  });
});
