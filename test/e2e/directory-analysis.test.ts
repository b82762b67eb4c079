import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { CoverageView } from '../../src/server/modules/directory/analysis/schema.ts';
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

const SLUG = 'elz-regio-aalst';
const MODULE = `/n/${SLUG}/sociale-kaart`;
const NONSENSE = 'blorptangwiebel';

/** A full-page shot from the top, so the sticky navigation sits where a reader sees it. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

describe.skipIf(noBrowser)('journey: analysing the social map', () => {
  let harness: Harness;
  let gapRubric = '';

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('staff see on the coverage map and table where a rubric is missing', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.staff);
    // A rubric with services in the network and a municipality without any: read from the API as the page does.
    const coverage = (await (
      await page.request.get(`/api/networks/${SLUG}/directory/coverage`)
    ).json()) as CoverageView;
    const rubric = coverage.rubrics.find(
      (r) => r.services > 0 && r.cells.some((c) => c.flag === 'none' || c.flag === 'low'),
    );
    expect(rubric).toBeDefined();
    gapRubric = rubric!.names.nl;
    const gap = rubric!.cells.find((c) => c.flag === 'none' || c.flag === 'low')!;
    const municipality = coverage.municipalities.find((m) => m.nisCode === gap.nisCode)!.nameNl;

    await page.goto(MODULE);
    await page.getByRole('link', { name: 'Dekking' }).click();
    await page.locator('h1', { hasText: 'Dekking' }).waitFor();
    await page.getByLabel('Rubriek').selectOption(rubric!.termId);
    const table = page.locator('table', { has: page.locator('caption', { hasText: gapRubric }) });
    const row = table.locator('tbody tr', { has: page.locator('th', { hasText: municipality }) });
    await row.waitFor();
    expect(await row.getAttribute('data-flag')).toBe(gap.flag);
    expect(await row.textContent()).toMatch(gap.flag === 'none' ? /Geen aanbod/ : /Tekort/);
    await page.getByText('Bron: Statbel').waitFor();
    // All six columns, the rating last, fit a desktop screen: the table does not scroll sideways there.
    const region = page.locator('.table-scroll', { has: table });
    expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await page.locator('.map canvas').first().waitFor();
    await expectNoAxeViolations(page, 'coverage');
    await shoot(page, 'directory-analysis-coverage-desktop');
    await context.close();
  }, 120_000);

  test('an admin compares a duplicate pair side by side and merges it', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.admin);
    await page.goto(`${MODULE}/dubbels`);
    await page.locator('h1', { hasText: 'Dubbels' }).waitFor();
    const compare = page.getByRole('link', { name: /Vergelijken en samenvoegen: .*Apotheek Ter ?[Bb]eke/ });
    await compare.first().waitFor();
    await expectNoAxeViolations(page, 'duplicates');
    await shoot(page, 'directory-analysis-duplicates-desktop');

    await compare.first().click();
    await page.locator('h1', { hasText: 'Samenvoegen' }).waitFor();
    await page
      .getByText(/Zelfde telefoonnummer/)
      .first()
      .waitFor();
    // Keep the record with the right spelling; the name follows the survivor by default.
    const survivorSide = (await page.getByLabel('Record 1: Apotheek Ter Beke', { exact: true }).count())
      ? 1
      : 2;
    await page.getByLabel(`Record ${survivorSide}: Apotheek Ter Beke`, { exact: true }).check();
    expect(await page.getByLabel(`Naam: waarde van Record ${survivorSide} houden`).isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'merge');
    await shoot(page, 'directory-analysis-merge-desktop');
    await page.getByRole('button', { name: 'Samenvoegen in “Apotheek Ter Beke”' }).click();
    await page.getByText('Samengevoegd in “Apotheek Ter Beke”.').waitFor();
    await page.locator('h1', { hasText: 'Dubbels' }).waitFor();
    expect(
      await page.getByRole('link', { name: /Vergelijken en samenvoegen: .*Apotheek Terbeke/ }).count(),
    ).toBe(0);
    await context.close();
  }, 120_000);

  test('a search that found nothing shows up for staff, who add a synonym for it', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.staff);
    await page.goto(MODULE);
    await page.getByRole('heading', { level: 1, name: 'Zoeken in de sociale kaart' }).waitFor();
    await page.getByLabel('Wat zoekt u?').fill(NONSENSE);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Niets gevonden' }).waitFor();

    await page.getByRole('link', { name: 'Zoekvragen' }).click();
    await page.locator('h1', { hasText: 'Zoekvragen zonder resultaat' }).waitFor();
    const row = page.locator('tbody tr', { has: page.locator('th', { hasText: NONSENSE }) });
    await row.waitFor();
    expect(await row.locator('td.num').textContent()).toBe('1');
    await expectNoAxeViolations(page, 'zero-result searches');
    await shoot(page, 'directory-analysis-misses-desktop');

    await page.getByRole('link', { name: 'Woordenlijst' }).click();
    await page.locator('h1', { hasText: 'Woordenlijst' }).waitFor();
    await page.getByLabel('Woord', { exact: true }).fill(NONSENSE);
    await page.getByLabel('Synoniem', { exact: true }).fill('thuisverpleging');
    await page.getByRole('button', { name: 'Synoniem toevoegen' }).click();
    await page.getByText(`“${NONSENSE}” en “thuisverpleging” worden nu samen gezocht.`).waitFor();
    await page.locator('tbody tr', { has: page.locator('th', { hasText: NONSENSE }) }).waitFor();
    await expectNoAxeViolations(page, 'word list');
    await shoot(page, 'directory-analysis-vocabulary-desktop');

    // The search uses it at once.
    await page.goto(`${MODULE}?q=${NONSENSE}`);
    await page
      .getByRole('heading', { level: 2, name: /gevonden/ })
      .first()
      .waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Niets gevonden' }).count()).toBe(0);
    await context.close();
  }, 120_000);

  test('the analysis pages read well on a phone', async () => {
    const { context, page } = await harness.newPage(PHONE);
    await login(page, DEMO.admin);
    for (const [path, heading, shot] of [
      ['dekking', 'Dekking', 'coverage'],
      ['dubbels', 'Dubbels', 'duplicates'],
      ['zoekvragen', 'Zoekvragen zonder resultaat', 'misses'],
      ['woordenlijst', 'Woordenlijst', 'vocabulary'],
    ] as const) {
      await page.goto(`${MODULE}/${path}`);
      await page.locator('h1', { hasText: heading }).waitFor();
      // A page may load several sections at once (the vocabulary page: synonyms and terms): wait for all.
      await vi.waitFor(async () => expect(await page.locator('.loading').count()).toBe(0), {
        timeout: 15_000,
      });
      await expectNoAxeViolations(page, `${shot} on a phone`);
      await shoot(page, `directory-analysis-${shot}-phone`);
    }
    await context.close();
  }, 120_000);
});
