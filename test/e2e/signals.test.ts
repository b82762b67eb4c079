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
const TITLE = 'Wachtlijst psychologische hulp voor jongeren';

describe.skipIf(noBrowser)('journey: signals, figures and the gap map', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('a partner reports a signal, is warned about personal data, confirms, and sees it on the board', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.partner);
    await page.goto(`${ELZ}/signalen`);
    await page.locator('h1', { hasText: 'Signalen' }).waitFor();
    await expectNoAxeViolations(page, 'signal board (partner)');
    await page.getByRole('link', { name: 'Signaal melden' }).click();
    await page.locator('h1', { hasText: 'Signaal melden' }).waitFor();
    await expectNoAxeViolations(page, 'report form');
    await page.getByLabel('Titel').fill(TITLE);
    await page
      .getByLabel('Wat stelt u vast?')
      .fill('Een jongen, geboren op 12/03/2010, wacht al vier maanden op een eerste gesprek.');
    await page.getByLabel('Aalst').check();
    await page.getByLabel('Thema').selectOption('mental_health');
    await page.getByRole('button', { name: 'Signaal melden' }).click();
    const warning = page.getByRole('alert');
    await warning.getByText('persoonsgegevens').waitFor();
    await expectNoAxeViolations(page, 'report form with the personal-data warning');
    await screenshot(page, 'signals-report-warning-desktop');
    await page.getByLabel('Ik heb de tekst nagekeken en wil hem zo bewaren.').check();
    await page.getByRole('button', { name: 'Signaal melden' }).click();
    await page.waitForURL((url) => url.pathname === `${ELZ}/signalen`);
    await page.getByRole('rowheader', { name: TITLE }).waitFor();
    await screenshot(page, 'signals-board-desktop');
    await context.close();
  });

  test('staff move a dossier to its next phase with a note; the history shows the step', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.staff);
    await page.goto(`${ELZ}/signalen`);
    await page.getByRole('link', { name: 'Lage deelname aan het bevolkingsonderzoek borstkanker' }).click();
    await page.locator('h1', { hasText: 'Lage deelname' }).waitFor();
    await expectNoAxeViolations(page, 'dossier');
    await page.getByLabel('Toelichting bij deze stap').fill('Het departement bekijkt het voorstel');
    await page.getByRole('button', { name: 'Naar fase: Beslissen' }).click();
    await page.getByText('Fase: Beslissen').waitFor();
    await page.getByText('Het departement bekijkt het voorstel').waitFor();
    await screenshot(page, 'signals-dossier-desktop');
    const phone = await harness.newPage(PHONE);
    await login(phone.page, DEMO.staff);
    await phone.page.goto(page.url());
    await phone.page.getByText('Fase: Beslissen').waitFor();
    await screenshot(phone.page, 'signals-dossier-phone');
    await phone.context.close();
    await context.close();
  });

  test('figures show their source, and the gap map ranks the lowest screening participation first', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.staff);
    await page.goto(`${ELZ}/cijfers`);
    await page.locator('h1', { hasText: 'Cijfers' }).waitFor();
    await expectNoAxeViolations(page, 'figures list');
    await page.getByRole('link', { name: 'Deelname bevolkingsonderzoek borstkanker (fictief)' }).click();
    await page.getByText('Bron: Demogegevens Knooppunt (fictief)').first().waitFor();
    await page.locator('.chart').first().waitFor();
    await expectNoAxeViolations(page, 'indicator');
    await screenshot(page, 'insights-indicator-desktop');
    await page.goto(`${ELZ}/cijfers/share_65_plus`);
    await page.getByText('Bron: Statbel').first().waitFor();

    await page.goto(`${ELZ}/cijfers/kansenkaart`);
    const table = page.getByTestId('gap-table');
    await table.waitFor();
    await expectNoAxeViolations(page, 'gap map');
    const first = table.locator('tbody tr').first();
    expect(await first.locator('th').textContent()).toBe('Lede');
    await screenshot(page, 'insights-gap-desktop');
    const phone = await harness.newPage(PHONE);
    await login(phone.page, DEMO.staff);
    await phone.page.goto(`${ELZ}/cijfers/kansenkaart`);
    await phone.page.getByTestId('gap-table').waitFor();
    await screenshot(phone.page, 'insights-gap-phone');
    await phone.context.close();
    await context.close();
  });
});
