import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
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

const SLUG = 'elz-regio-aalst';
const MODULE = `/n/${SLUG}/sociale-kaart`;
const IMPORT = `${MODULE}/import`;
const FIXTURES = fileURLToPath(
  new URL('../../src/server/modules/directory/exchange/fixtures/', import.meta.url),
);
/** A Thursday late morning, when the example's counselling is open (Thursday and Friday 10:00–18:00). */
const THURSDAY_11 = '2026-12-03T11:00';

/** A network's own list as Excel on a Belgian PC saves "CSV": Windows-1252 with semicolons, one bad row. */
function list(): Buffer {
  return Buffer.from(
    [
      'Naam organisatie;Dienst;Straat;Postcode;Gemeente;Telefoon;Rubriek;Info',
      'Vzw Hélène;Café Ontmoeting Zonnebloem;Kerkstraat 5;9300;Aalst;053 21 21 21;Lokale dienstencentra;Elke weekdag open',
      'Vzw Hélène;Praatcafé Sint-Jozef;Kerkstraat 5;9300;Aalst;053 21 21 22;dienstencentrum;',
      'Buurtwerk Één;Soep op zondag;Molenstraat 2;9300;Aalst;;onbekende-rubriek;',
    ].join('\r\n'),
    'latin1',
  );
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** The step as it stands, checked with axe and shot at desktop and at phone width. */
async function checkBothWidths(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name);
  await shoot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  await expectNoAxeViolations(page, `${name} on a phone`);
  await shoot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

/** A fixture folder zipped as a person zips it (the files inside one top folder), written to a temp file. */
async function zipFolder(folder: string, dir: string): Promise<string> {
  const zip = new JSZip();
  const top = path.basename(folder);
  for (const f of fs.readdirSync(folder)) zip.file(`${top}/${f}`, fs.readFileSync(path.join(folder, f)));
  const file = path.join(dir, `${top}.zip`);
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}

async function uploadPackage(page: Page, file: string): Promise<void> {
  await page.goto(IMPORT);
  await page.locator('h1', { hasText: 'Importeren en exporteren' }).waitFor();
  await page.getByLabel('Bestand', { exact: true }).setInputFiles(file);
  await page.getByRole('button', { name: 'Bestand lezen' }).click();
  // An HSDS package needs no column mapping: the preview comes straight away.
  await page.getByRole('heading', { name: 'Voorbeeld van de import' }).waitFor();
}

function captioned(page: Page, caption: string) {
  return page.locator('table', { has: page.locator('caption', { hasText: caption }) });
}

describe.skipIf(noBrowser)('journey: importing a spreadsheet into the social map', () => {
  let harness: Harness;

  let tmp = '';

  beforeAll(async () => {
    harness = await startHarness();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'knooppunt-exchange-e2e-'));
  });
  afterAll(async () => {
    await harness?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('staff upload a list, map its columns, see the rejected row, import the rest and find it', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.staff);
    await page.goto(`/n/${SLUG}/sociale-kaart`);
    await page.getByRole('link', { name: 'Importeren', exact: true }).click();
    await page.locator('h1', { hasText: 'Importeren en exporteren' }).waitFor();
    await expectNoAxeViolations(page, 'import upload');
    await shoot(page, 'directory-exchange-upload-desktop');

    await page
      .getByLabel('Bestand', { exact: true })
      .setInputFiles({ name: 'lijst.csv', mimeType: 'text/csv', buffer: list() });
    await page.getByRole('button', { name: 'Bestand lezen' }).click();
    await page.getByRole('heading', { name: 'Kolommen koppelen' }).waitFor();
    await page.getByText('3 rijen gelezen (WINDOWS-1252)').waitFor();
    // The Dutch headers were matched; the one the app could not guess is chosen by hand.
    expect(await page.getByLabel('Naam van de organisatie (verplicht)').inputValue()).toBe(
      'Naam organisatie',
    );
    expect(await page.getByLabel('Postcode').inputValue()).toBe('Postcode');
    await page.getByLabel('Omschrijving').selectOption('Info');
    await page.getByRole('cell', { name: 'Vzw Hélène' }).first().waitFor();
    await expectNoAxeViolations(page, 'import mapping');
    await shoot(page, 'directory-exchange-mapping-desktop');

    await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
    await page.getByRole('heading', { name: 'Voorbeeld van de import' }).waitFor();
    const rejected = page.locator('table', { has: page.locator('caption', { hasText: 'Geweigerde rijen' }) });
    const row = rejected.locator('tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').nth(1).textContent()).toBe('4');
    expect(await row.textContent()).toContain('"onbekende-rubriek" is geen term');
    const planned = page.locator('table', {
      has: page.locator('caption', { hasText: 'Diensten in het bestand' }),
    });
    expect(await planned.locator('tr', { hasText: 'Café Ontmoeting Zonnebloem' }).textContent()).toContain(
      'Nieuw',
    );
    expect(await page.getByRole('button', { name: 'Importeren', exact: true }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page, 'import preview');
    await shoot(page, 'directory-exchange-preview-desktop');

    await page.getByLabel('De geweigerde rij weglaten en de rest importeren').check();
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByText('De import is gelukt.').waitFor();
    await page.locator('table', { has: page.locator('caption', { hasText: 'Weggelaten rijen' }) }).waitFor();
    await expectNoAxeViolations(page, 'import result');
    await shoot(page, 'directory-exchange-result-desktop');

    const found = await page.request.get(`/api/hsds/services?network=${SLUG}&search=Zonnebloem`);
    expect(found.status()).toBe(200);
    const names = ((await found.json()) as { contents: { name: string; description?: string }[] }).contents;
    expect(names).toContainEqual(
      expect.objectContaining({ name: 'Café Ontmoeting Zonnebloem', description: 'Elke weekdag open' }),
    );
    const soup = await page.request.get(`/api/hsds/services?network=${SLUG}&search=Soep%20op%20zondag`);
    expect(
      ((await soup.json()) as { contents: { name: string }[] }).contents.map((s) => s.name),
    ).not.toContain('Soep op zondag');

    const exportHref = await page.getByRole('link', { name: 'Export (HSDS, ZIP)' }).getAttribute('href');
    const zip = await page.request.get(exportHref!);
    expect(zip.status()).toBe(200);
    expect(zip.headers()['content-type']).toBe('application/zip');
    await context.close();
  }, 120_000);

  test('the import page works on a phone', async () => {
    const { context, page } = await harness.newPage(PHONE);
    await login(page, DEMO.staff);
    await page.goto(IMPORT);
    await page.locator('h1', { hasText: 'Importeren en exporteren' }).waitFor();
    await shoot(page, 'directory-exchange-upload-phone');
    await page
      .getByLabel('Bestand', { exact: true })
      .setInputFiles({ name: 'lijst.csv', mimeType: 'text/csv', buffer: list() });
    await page.getByRole('button', { name: 'Bestand lezen' }).click();
    await page.getByRole('heading', { name: 'Kolommen koppelen' }).waitFor();
    await expectNoAxeViolations(page, 'import mapping phone');
    await shoot(page, 'directory-exchange-mapping-phone');
    await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
    await page.getByRole('heading', { name: 'Voorbeeld van de import' }).waitFor();
    await expectNoAxeViolations(page, 'import preview phone');
    await shoot(page, 'directory-exchange-preview-phone');
    await context.close();
  }, 120_000);

  test('staff import the Belgian HSDS example as a ZIP, then find it despite a typo (but not open: its hours date from 2005)', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.staff);
    await uploadPackage(page, await zipFolder(path.join(FIXTURES, 'hsds-example-be'), tmp));
    // No mapping step for a package: the step list skips it.
    await expect(page.locator('.exchange-steps li').allTextContents()).resolves.toEqual([
      '1 Bestand',
      '2 Voorbeeld',
      '3 Import',
    ]);
    await page.getByText('Alle rijen zijn in orde.').waitFor();
    expect(await captioned(page, 'Geweigerde rijen').count()).toBe(0);
    const counts = captioned(page, 'Wat de import zal doen');
    for (const [entity, created] of [
      ['Organisaties', '1'],
      ['Diensten', '1'],
      ['Locaties', '1'],
    ])
      expect(await counts.locator('tr', { hasText: entity }).locator('td').first().textContent()).toBe(
        created,
      );
    const planned = captioned(page, 'Diensten in het bestand');
    expect(await planned.locator('tbody tr').allTextContents()).toEqual(['2Community CounsellingNieuw']);
    const importButton = page.getByRole('button', { name: 'Importeren', exact: true });
    expect(await importButton.isEnabled()).toBe(true);
    await checkBothWidths(page, 'directory-exchange-hsds-preview');

    await importButton.click();
    await page.getByText('De import is gelukt.').waitFor();
    const done = captioned(page, 'Wat de import gedaan heeft');
    expect(await done.locator('tr', { hasText: 'Diensten' }).locator('td').first().textContent()).toBe('1');
    expect(await captioned(page, 'Geweigerde rijen').count()).toBe(0);
    await checkBothWidths(page, 'directory-exchange-hsds-result');

    // The imported location lies in Aalst (9300), inside the region; the name is typed with one "l" too few.
    await page.goto(MODULE);
    await page.getByRole('heading', { level: 1, name: 'Zoeken in de sociale kaart' }).waitFor();
    await page.getByLabel('Wat zoekt u?').fill('counseling');
    await page.getByLabel('In de buurt van postcode').selectOption('9300');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL(
      (url) => url.searchParams.get('q') === 'counseling' && url.searchParams.get('near') === '9300',
    );
    await page.locator('#results-heading').waitFor();
    await page.waitForFunction(() => !document.querySelector('.search-results[aria-busy="true"]'));
    await page.locator('.result-card', { hasText: 'Community Counselling' }).waitFor();
    await page.locator('.notice', { hasText: 'Ook gezocht naar: “counselling”' }).waitFor();
    await checkBothWidths(page, 'directory-exchange-hsds-found');

    // The example's only schedule (Thursday and Friday 10:00–18:00) was valid on 2005-01-01 alone: open on
    // a Thursday morning now, the service is rightly left out while others open then remain.
    await page.getByLabel('Open op een bepaald moment').check();
    await page.getByLabel('Datum en uur').fill(THURSDAY_11);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('open_at') === THURSDAY_11);
    await page.waitForFunction(() => !document.querySelector('.search-results[aria-busy="true"]'));
    await page.locator('.result-card .badge-open', { hasText: 'Open op dat moment' }).first().waitFor();
    expect(await page.locator('.result-card', { hasText: 'Community Counselling' }).count()).toBe(0);
    await context.close();
  }, 180_000);

  test('the unchanged HSDS example is refused: the preview names its rows and reasons, Import stays off', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.staff);
    await uploadPackage(page, await zipFolder(path.join(FIXTURES, 'hsds-3.1-example', 'csv'), tmp));
    const rejected = captioned(page, 'Geweigerde rijen');
    await rejected.waitFor();
    const rows = await rejected
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    // The location at latitude 100, longitude 101: its file, its line and why.
    expect(rows).toContainEqual(['locations.csv', '2', 'De coördinaten (100, 101) liggen niet in België.']);
    expect(rows).toContainEqual([
      'datapackage.json',
      '1',
      expect.stringContaining('Dit bestand kan niet gelezen worden'),
    ]);
    await page.locator('.notice-warning', { hasText: 'worden geweigerd' }).waitFor();
    expect(await page.getByRole('button', { name: 'Importeren', exact: true }).isDisabled()).toBe(true);
    // A package is all or nothing: there is no "leave the rejected rows out".
    expect(await page.getByRole('checkbox').count()).toBe(0);
    await page.getByText('Een HSDS-bestand gaat helemaal of niet in de kaart').waitFor();
    await checkBothWidths(page, 'directory-exchange-hsds-rejected');
    await context.close();
  }, 120_000);
});
