import path from 'node:path';
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
  RESULTS_DIR,
  screenshot,
  startHarness,
} from './harness.ts';

const SLUG = 'elz-regio-aalst';
const MODULE = `/n/${SLUG}/sociale-kaart`;
/** A Monday morning: a fixed moment, so the journey does not depend on the clock. */
const MONDAY_10 = '2026-12-07T10:00';

/** A full-page shot from the top. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

async function resultsHeading(page: Page) {
  const heading = page.locator('#results-heading');
  await heading.waitFor();
  return heading;
}

/**
 * Presses Tab, as a keyboard user does, until the focused element matches `selector`; every stop on the
 * way must show a focus indicator and be in view, not hidden under something else (WCAG 2.4.7, 2.4.11).
 * Returns the stops, so a test can check what the way passed.
 */
async function tabTo(page: Page, selector: string, max = 60): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((wanted) => {
      const el = document.activeElement;
      if (!(el instanceof HTMLElement) || el === document.body) return null;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(box.top + Math.min(box.height / 2, 12), 0), innerHeight - 1);
      const hit = document.elementFromPoint(x, y);
      return {
        name: `${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}”`,
        indicated:
          (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
          style.boxShadow !== 'none',
        visible:
          box.bottom > 0 &&
          box.top < innerHeight &&
          hit !== null &&
          (hit === el || el.contains(hit) || (el.id !== '' && hit.closest(`label[for="${el.id}"]`) !== null)),
        reached: el.matches(wanted),
      };
    }, selector);
    if (!stop) continue;
    stops.push(stop.name);
    expect(stop.indicated, `no visible focus on ${stop.name}`).toBe(true);
    expect(stop.visible, `focus hidden or out of view on ${stop.name}`).toBe(true);
    if (stop.reached) return stops;
  }
  throw new Error(`Tab never reached ${selector}; stops: ${stops.join(' > ')}`);
}

describe.skipIf(noBrowser)('journey: searching the social map', () => {
  let harness: Harness;
  let searchUrl = '';

  beforeAll(async () => {
    harness = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
  });

  test('staff find home nursing despite a typo, near 9300 and open on a Monday at 10:00', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.staff);
    await page.goto(MODULE);
    await page.getByRole('heading', { level: 1, name: 'Zoeken in de sociale kaart' }).waitFor();

    await page.getByLabel('Wat zoekt u?').fill('thuisverpleeging');
    await page.getByLabel('In de buurt van postcode').selectOption('9300');
    await page.getByLabel('Open op een bepaald moment').check();
    await page.getByLabel('Datum en uur').fill(MONDAY_10);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('open_at') === MONDAY_10);
    await page.waitForURL((url) => url.searchParams.get('q') === 'thuisverpleeging');
    expect(new URL(page.url()).searchParams.get('near')).toBe('9300');
    await resultsHeading(page);
    await page.locator('.result-card').first().waitFor();
    // The state in the URL is the search: the list follows it once the answer for these parameters is in.
    await page.waitForFunction(() => !document.querySelector('.search-results[aria-busy="true"]'));

    const cards = page.locator('.result-card');
    const top = await cards.evaluateAll((els) =>
      els.slice(0, 3).map((el) => ({
        name: el.querySelector('h3')?.textContent ?? '',
        text: el.textContent ?? '',
      })),
    );
    const nursing = top.findIndex((c) => /thuisverpleging/i.test(c.name));
    expect(nursing, JSON.stringify(top)).toBeGreaterThanOrEqual(0);
    const card = cards.nth(nursing);
    await expect(card.locator('.badge-open').textContent()).resolves.toBe('Open op dat moment');
    await expect(card.locator('.result-reasons').textContent()).resolves.toContain('thuisverpleeging');
    await expect(page.locator('.notice', { hasText: 'Ook gezocht naar' }).count()).resolves.toBe(1);
    // The moment as typed, in Brussels time, whatever the browser's own zone.
    await expect(page.locator('.search-results > p.muted').first().textContent()).resolves.toMatch(
      /maandag 7 december 2026.*10:00/,
    );
    // The map draws the numbered results (software WebGL in the test browser).
    await page.locator('.results-map canvas').waitFor();
    await page.locator('.result-pin').first().waitFor();
    await expectNoAxeViolations(page, 'search results');
    await shoot(page, 'directory-find-results-desktop');
    searchUrl = page.url();

    const name = top[nursing]!.name;
    await card.locator('h3 a').click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const hours = page.locator('table.hours-table');
    await hours.waitFor();
    await expect(hours.locator('caption').textContent()).resolves.toBe('Openingsuren per weekdag');
    const monday = await hours.locator('tbody tr').first().textContent();
    expect(monday).toMatch(/maandag.*\d{2}:\d{2}–\d{2}:\d{2}/);
    await expect(page.locator('.record-assured').textContent()).resolves.toMatch(
      /Laatst bevestigd op|Nog nooit bevestigd/,
    );
    await page.locator('.record-actions').waitFor();
    await expectNoAxeViolations(page, 'service record');
    await shoot(page, 'directory-find-service-desktop');

    // The organisation behind it, with its services.
    await page.locator('.record .eyebrow a').click();
    await page.locator('#services-heading').waitFor();
    await expect(page.locator('.record-services a', { hasText: name }).count()).resolves.toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'organisation record');
    await shoot(page, 'directory-find-organization-desktop');

    // The browser's back button returns to the same search, twice over.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('link', { name: '← Terug naar de zoekresultaten' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'thuisverpleeging');
    await expect(page.getByLabel('Wat zoekt u?').inputValue()).resolves.toBe('thuisverpleeging');
    await expect(page.getByLabel('Datum en uur').inputValue()).resolves.toBe(MONDAY_10);
    await resultsHeading(page);

    // A word nobody wrote: a helpful "nothing found", not an empty page.
    await page.getByLabel('Wat zoekt u?').fill('qzxwvplork');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    const nothing = page.getByRole('heading', { level: 2, name: 'Niets gevonden' });
    await nothing.waitFor();
    const text = await page.locator('.nothing-found').textContent();
    expect(text).toContain('Controleer de spelling van: qzxwvplork');
    expect(text).toContain('Wis een of meer filters');
    await expectNoAxeViolations(page, 'nothing found');
    await shoot(page, 'directory-find-nothing-desktop');
    await page.goBack();
    await resultsHeading(page);
    await context.close();
  }, 120_000);

  test('a shared search link opens the same results on a phone', async () => {
    expect(searchUrl).not.toBe('');
    const { context, page } = await harness.newPage(PHONE);
    await login(page, DEMO.viewer);
    await page.goto(searchUrl);
    await resultsHeading(page);
    await page.locator('.result-card').first().waitFor();
    await expect(page.getByLabel('Wat zoekt u?').inputValue()).resolves.toBe('thuisverpleeging');
    // Nothing sticks out sideways on a narrow screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page, 'search results on a phone');
    await shoot(page, 'directory-find-results-phone');
    // The first screen as a phone shows it: the full page is too long to judge the top at a glance.
    await page.screenshot({
      path: path.join(RESULTS_DIR, 'screenshots', 'directory-find-results-phone-top.png'),
    });
    await page.locator('.result-card h3 a').first().click();
    await page.locator('table.hours-table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page, 'service record on a phone');
    await shoot(page, 'directory-find-service-phone');
    await context.close();
  }, 120_000);

  test('keyboard only: type a search, Tab past the filters to the first result, Enter opens it', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.staff);
    await page.goto(MODULE);
    await page.getByRole('heading', { level: 1, name: 'Zoeken in de sociale kaart' }).waitFor();

    // From the top of the page: the skip link comes first, then the header, the menus and the search box.
    const way = await tabTo(page, 'input[type="search"]');
    expect(way[0]).toContain('Naar de hoofdinhoud');
    await page.keyboard.type('thuisverpleeging');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'thuisverpleeging');
    await resultsHeading(page);
    await page.waitForFunction(() => !document.querySelector('.search-results[aria-busy="true"]'));

    // The filter panel (open on a desktop) sits between the box and the results: every field is a Tab stop.
    const toResult = await tabTo(page, '.result-card h3 a');
    expect(toResult.some((s) => s.startsWith('summary'))).toBe(true);
    expect(toResult.filter((s) => s.startsWith('select')).length).toBeGreaterThanOrEqual(5);
    const name = (await page.evaluate(() => document.activeElement?.textContent)) ?? '';
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name }).waitFor();

    // And back to the same results, still by keyboard.
    await tabTo(page, 'a[href*="q=thuisverpleeging"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(
      (url) => url.searchParams.get('q') === 'thuisverpleeging' && !url.pathname.includes('dienst'),
    );
    await resultsHeading(page);
    await context.close();
  }, 120_000);

  test('keyboard only on a phone: the closed filter panel opens with Enter and its fields follow', async () => {
    const { context, page } = await harness.newPage(PHONE);
    await login(page, DEMO.staff);
    await page.goto(`${MODULE}?q=thuisverpleeging`);
    await resultsHeading(page);
    const panel = page.locator('.filter-panel');
    expect(await panel.getAttribute('open')).toBeNull();
    await tabTo(page, '.filter-panel summary');
    await page.keyboard.press('Enter');
    expect(await panel.getAttribute('open')).not.toBeNull();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.filter-group') !== null)).toBe(true);
    await context.close();
  }, 120_000);
});
