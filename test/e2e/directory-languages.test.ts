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

const MODULE = '/n/elz-regio-aalst/sociale-kaart';

/** The rubric filter's option for home nursing, whatever count the facets add to its label. */
/** The app's language switch (the search form has a language filter of its own). */
const switchTo = (page: Page, language: string) =>
  page.locator('.language-switcher select').selectOption(language);
const nursingOption = (page: Page) =>
  page.locator('select[id$="-rubric"] option[value="rubric-thuisverpleging"]');

describe.skipIf(noBrowser)('journey: the social map’s vocabulary in the reader’s language', () => {
  let harness: Harness;
  let page: Page;
  let serviceId = '';

  beforeAll(async () => {
    harness = await startHarness();
    ({ page } = await harness.newPage(DESKTOP));
    const row = await (
      harness.db as unknown as import('kysely').Kysely<{
        directory_attributes: { link_id: string; link_entity: string; taxonomy_term_id: string };
      }>
    )
      .selectFrom('directory_attributes')
      .select('link_id')
      .where('link_entity', '=', 'service')
      .where('taxonomy_term_id', '=', 'rubric-thuisverpleging')
      .orderBy('link_id')
      .executeTakeFirstOrThrow();
    serviceId = row.link_id;
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('switching to French renames the rubrics in the filters and on a record page at once', async () => {
    await login(page, DEMO.staff);
    await page.goto(MODULE);
    await expect.poll(() => nursingOption(page).textContent()).toMatch(/^Thuisverpleging/);

    await switchTo(page, 'fr');
    // No reload: the switch fetches the filters again, now in French.
    await expect.poll(() => nursingOption(page).textContent()).toMatch(/^Soins infirmiers à domicile/);
    await expectNoAxeViolations(page, 'social map search (fr)');
    await screenshot(page, 'directory-languages-search-fr-desktop');

    await page.goto(`${MODULE}/dienst/${serviceId}`);
    const terms = page.locator('section', { has: page.locator('#terms-heading') });
    await terms.getByText('Soins infirmiers à domicile').waitFor();
    expect(await terms.textContent()).not.toContain('Thuisverpleging');
    await expectNoAxeViolations(page, 'service record (fr)');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'directory-languages-service-fr-phone');

    await page.setViewportSize(DESKTOP);
    await switchTo(page, 'en');
    await terms.getByText('Home nursing').waitFor();
    await switchTo(page, 'nl');
    await terms.getByText('Thuisverpleging').waitFor();
  });
});
