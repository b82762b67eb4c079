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
const IMPORT = `/n/${SLUG}/sociale-kaart/import`;

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

describe.skipIf(noBrowser)('journey: importing a spreadsheet into the social map', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
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
});
