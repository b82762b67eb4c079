import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  DEMO,
  DESKTOP,
  expectNoAxeViolations,
  type Harness,
  login,
  noBrowser,
  PHONE,
  screenshot,
  startHarness,
} from './harness.ts';

const ELZ = '/n/elz-regio-aalst';

async function figuresShown(page: Page): Promise<void> {
  await page.locator('h2', { hasText: 'De regio in cijfers' }).waitFor();
  await page.locator('.chart svg').first().waitFor();
  await page.locator('.map canvas, .map-fallback').first().waitFor();
}

describe.skipIf(noBrowser)('journey: network home', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('shows the map, the chart and the figures table with its source', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.staff);
    // One network: straight to it.
    expect(new URL(page.url()).pathname).toBe(ELZ);
    await figuresShown(page);

    const map = page.locator('.map canvas');
    expect(await map.getAttribute('aria-label')).toContain('Eerstelijnszone Regio Aalst');
    expect(await map.getAttribute('tabindex')).toBe('0');
    await map.focus();
    await page.locator('.maplibregl-ctrl-attrib', { hasText: 'Bron: Statbel' }).waitFor();
    expect(await page.locator('.chart[role="img"]').first().getAttribute('aria-label')).toContain('inwoners');

    const table = page.locator('table', {
      has: page.locator('caption', { hasText: 'Bevolking per gemeente' }),
    });
    expect(await table.locator('tbody tr').count()).toBe(5);
    for (const name of ['Aalst', 'Denderleeuw', 'Erpe-Mere', 'Haaltert', 'Lede']) {
      await table.locator('tbody th', { hasText: name }).waitFor();
    }
    await page.getByText('Bron: Statbel (Algemene Directie Statistiek)').first().waitFor();
    const trend = page.locator('table', { has: page.locator('caption', { hasText: 'Aandeel 65-plussers' }) });
    expect(await trend.locator('tbody tr').count()).toBe(10);

    await expectNoAxeViolations(page, 'network home');
    await screenshot(page, 'home-desktop');
    await context.close();
  });

  test('without WebGL the map gives way to a clear message, and the figures stay', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (
        this: HTMLCanvasElement,
        type: string,
        ...rest: unknown[]
      ) {
        return type.startsWith('webgl') ? null : Reflect.apply(original, this, [type, ...rest]);
      } as typeof original;
    });
    await page.goto(ELZ);
    await page.locator('.map-fallback', { hasText: 'WebGL' }).waitFor();
    await page.locator('caption', { hasText: 'Bevolking per gemeente' }).waitFor();
    await expectNoAxeViolations(page, 'network home without WebGL');
    await context.close();
  });

  test('switches network from the header', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.admin);
    await page.getByRole('link', { name: 'Eerstelijnszone Regio Aalst' }).click();
    await figuresShown(page);
    await page.getByRole('button', { name: 'Netwerk: Eerstelijnszone Regio Aalst' }).click();
    await page.getByRole('menuitem', { name: 'Zorginnovatiecluster Aalst–Oudenaarde' }).click();
    await page.locator('h1', { hasText: 'Zorginnovatiecluster Aalst–Oudenaarde' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/n/zorginnovatiecluster');
    await figuresShown(page);
    await expectNoAxeViolations(page, 'second network home');
    await screenshot(page, 'home-cluster-desktop');
    await context.close();
  });

  test('the figures table sorts by a column from the keyboard, and says how it is sorted', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.staff);
    await figuresShown(page);
    const table = page.locator('table', {
      has: page.locator('caption', { hasText: 'Bevolking per gemeente' }),
    });
    const header = table.locator('thead th', { hasText: 'Inwoners' });
    const firstRow = () => table.locator('tbody tr').first().locator('th').textContent();
    expect(await header.getAttribute('aria-sort')).toBeNull();
    await header.getByRole('button').focus();
    await page.keyboard.press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    // Lede has the fewest inhabitants of the five, Aalst the most (Statbel, 1 January 2026).
    expect(await firstRow()).toBe('Lede');
    await page.keyboard.press('Space');
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    expect(await firstRow()).toBe('Aalst');
    // The totals stay below the rows whatever the order.
    expect(await table.locator('tfoot th').textContent()).toBe('Totaal');
    await expectNoAxeViolations(page, 'network home, table sorted');
    await context.close();
  });

  test('unknown networks and pages get a clear "not found" page', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await page.goto('/n/bestaat-niet');
    await page.locator('h1', { hasText: 'Pagina niet gevonden' }).waitFor();
    await page.getByText('Dit netwerk bestaat niet').waitFor();
    await page.goto('/geen/pagina');
    await page.locator('h1', { hasText: 'Pagina niet gevonden' }).waitFor();
    await expectNoAxeViolations(page, 'not found');
    await context.close();
  });

  test('at phone width the navigation sits behind a menu button', async () => {
    const { context, page } = await harness.newPage(PHONE);
    await login(page, DEMO.staff);
    await figuresShown(page);
    const nav = page.locator('nav[aria-label="Modules van het netwerk"]');
    const button = nav.getByRole('button', { name: 'Menu' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: 'Sociale kaart' }).isVisible()).toBe(false);
    await expectNoAxeViolations(page, 'network home (phone)');
    await screenshot(page, 'home-phone');

    await button.click();
    expect(await nav.getByRole('button').getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'menu-open-phone');
    await nav.getByRole('link', { name: 'Sociale kaart' }).click();
    await page.locator('h1', { hasText: 'Sociale kaart' }).waitFor();
    expect(await nav.getByRole('button').getAttribute('aria-expanded')).toBe('false');
    await expectNoAxeViolations(page, 'module page (phone)');
    await screenshot(page, 'module-phone');
    await context.close();
  });
});
