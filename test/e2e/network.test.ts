import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createUser } from '../../src/server/modules/accounts/service.ts';
import { addSpokesperson, listPartners } from '../../src/server/modules/network/service.ts';
import { grantRole } from '../../src/server/modules/networks/service.ts';
import {
  DEMO,
  DEMO_PASSWORD,
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
const MODULE = `/n/${SLUG}/netwerk`;
const HOME_CARE = 'Thuiszorgdienst Zorgzaam';
const CAW = 'Centrum Algemeen Welzijn Regio Aalst';
const CAW_SPEAKER = 'caw-woordvoerder@demo.knooppunt.be';
const ROUND = 'Netwerkbevraging 2026';

/** Picks a partner in a react-aria combobox by typing part of its name, as a keyboard user would. */
async function choosePartner(page: Page, label: string, name: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label });
  await input.fill(name.slice(0, 12));
  await page.getByRole('option', { name }).click();
  // react-aria commits the chosen option's text on its next render, not synchronously with the click.
  await vi.waitFor(async () => expect(await input.inputValue()).toBe(name));
}

/** A full-page shot from the top, so the sticky module navigation sits where a reader sees it. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** Rates one partner on all six scales of the respondent form. */
async function rate(page: Page, partner: string, level: number): Promise<void> {
  const card = page.locator('fieldset.partner-rating', { has: page.locator('legend', { hasText: partner }) });
  const scales = card.locator('fieldset.scale');
  expect(await scales.count()).toBe(6);
  for (let i = 0; i < 6; i++) await scales.nth(i).locator(`input[value="${level}"]`).check();
}

describe.skipIf(noBrowser)('journey: the partner network', () => {
  let harness: Harness;
  let roundPath = '';

  beforeAll(async () => {
    harness = await startHarness();
    // A second spokesperson (for the CAW), so two partners can answer the round: no page creates
    // accounts and links them to partners yet, so this goes through the server's own services.
    const db = harness.db;
    const network = await db
      .selectFrom('networks')
      .selectAll()
      .where('slug', '=', SLUG)
      .executeTakeFirstOrThrow();
    const ctx = { network, role: 'admin' as const };
    const caw = (await listPartners(db, ctx)).find((p) => p.name === CAW);
    if (!caw) throw new Error(`demo partner ${CAW} missing`);
    const actor = { userId: null, requestId: null };
    // A demo account with the published demo password (the password rule exempts only those).
    const user = await createUser(db, {
      email: CAW_SPEAKER,
      name: 'Carla CAW',
      password: DEMO_PASSWORD,
      isDemo: true,
    });
    await grantRole(db, actor, SLUG, CAW_SPEAKER, 'partner');
    await addSpokesperson(db, ctx, actor, caw.id, user.id);
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('the map shows the network, its figures and the sortable partners table', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.staff);
    await page.goto(MODULE);
    await page.locator('h1', { hasText: 'Netwerkkaart' }).waitFor();
    await page.locator('.network-graph canvas').first().waitFor();
    const table = page.locator('table', {
      has: page.locator('caption', { hasText: 'Partners en hun netwerkcijfers' }),
    });
    expect(await table.locator('tbody tr').count()).toBe(30);
    await page.locator('.headline dt', { hasText: 'Dichtheid' }).waitFor();
    await choosePartner(page, 'Partner zoeken', HOME_CARE);
    await page.getByText(`Gemarkeerd: ${HOME_CARE}`).waitFor();
    await table.locator('tr.row-highlight th', { hasText: HOME_CARE }).waitFor();
    await expectNoAxeViolations(page, 'network map');
    await shoot(page, 'network-map-desktop');

    // Sorting by the bridging role puts the hub (the zorgraad) on top.
    await table.getByRole('button', { name: /Brugfunctie/ }).click();
    expect(await table.locator('th[aria-sort="descending"]').textContent()).toContain('Brugfunctie');
    expect(await table.locator('tbody tr').first().locator('th').textContent()).toBe('Zorgraad Regio Aalst');
    // An earlier year is a different view.
    await page.getByLabel(/^Jaar/).fill('2023');
    await page.locator('h2', { hasText: 'Kerncijfers 2023' }).waitFor();
    await shoot(page, 'network-table-desktop');
    await context.close();
  });

  test('staff add a tie and open a survey round', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.staff);
    await page.goto(`${MODULE}/beheer`);
    await page.locator('h1', { hasText: 'Partners en banden' }).waitFor();
    await choosePartner(page, 'Partner', HOME_CARE);
    await choosePartner(page, 'Werkt samen met', CAW);
    await page.getByLabel('Soort band').selectOption('shared_project');
    await page.getByRole('button', { name: 'Band toevoegen' }).click();
    await page.getByText(`De band tussen ${HOME_CARE} en ${CAW} is toegevoegd.`).waitFor();
    await page
      .locator('#ties-caption ~ tbody tr, table:has(#ties-caption) tbody tr', { hasText: 'Gedeeld project' })
      .filter({ hasText: HOME_CARE })
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'partners and ties');

    await page.getByRole('link', { name: 'Bevraging' }).click();
    await page.locator('h1', { hasText: 'Netwerkbevraging' }).waitFor();
    await page.getByLabel('Titel').fill(ROUND);
    await page.getByRole('button', { name: 'Ronde openen' }).click();
    await page.getByText(`De ronde ‘${ROUND}’ is geopend.`).waitFor();
    const row = page.locator('tbody tr', { has: page.locator('th', { hasText: ROUND }) });
    await row.getByText('Open', { exact: true }).waitFor();
    const href = await row.getByRole('link', { name: /Resultaten/ }).getAttribute('href');
    roundPath = (href ?? '').replace(/\/resultaten$/, '');
    expect(roundPath).toMatch(/\/bevraging\/[0-9a-f-]{36}$/);
    await row.getByRole('button', { name: `Herinnering sturen voor ${ROUND}` }).click();
    await row.getByText(/herinnering(en)? verstuurd/).waitFor();
    await expectNoAxeViolations(page, 'survey rounds');
    await context.close();
  });

  test('two partners answer the round through the link in their invitation', async () => {
    expect(roundPath).not.toBe('');
    const first = await harness.newPage(DESKTOP);
    await login(first.page, DEMO.partner);
    await first.page.goto(roundPath);
    await first.page.locator('h1', { hasText: ROUND }).waitFor();
    await first.page.getByText(`U antwoordt namens ${HOME_CARE}.`).waitFor();
    await rate(first.page, CAW, 3);
    await first.page.getByLabel('Expertise').check();
    await first.page.getByLabel('Betere afstemming').check();
    await expectNoAxeViolations(first.page, 'survey form');
    await shoot(first.page, 'network-survey-form-desktop');
    await first.page.getByRole('button', { name: 'Antwoord versturen' }).click();
    await first.page.getByText('Bedankt, uw antwoord is bewaard.').waitFor();
    // A later change replaces the partner's own answer.
    await first.page.getByRole('button', { name: 'Wijzigingen bewaren' }).waitFor();
    await first.page.getByLabel('Contacten').check();
    await first.page.getByRole('button', { name: 'Wijzigingen bewaren' }).click();
    await first.page.getByText('Bedankt, uw antwoord is bewaard.').waitFor();
    await first.context.close();

    const second = await harness.newPage(PHONE);
    await login(second.page, CAW_SPEAKER);
    await second.page.goto(roundPath);
    await second.page.getByText(`U antwoordt namens ${CAW}.`).waitFor();
    await rate(second.page, HOME_CARE, 4);
    await second.page.getByLabel('Gedeelde kennis').check();
    await expectNoAxeViolations(second.page, 'survey form (phone)');
    await shoot(second.page, 'network-survey-form-phone');
    await second.page.getByRole('button', { name: 'Antwoord versturen' }).click();
    await second.page.getByText('Bedankt, uw antwoord is bewaard.').waitFor();
    await second.context.close();
  });

  test('results and the report show the new round; a suggestion becomes an introduction', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.staff);
    await page.goto(`${roundPath}/resultaten`);
    await page.locator('h1', { hasText: `Resultaten: ${ROUND}` }).waitFor();
    // Two ratings: 3 of 4 and 4 of 4 on every scale, so trust and value are 87.5 %.
    const scores = page.locator('.headline');
    await scores.getByText('87,5%').first().waitFor();
    expect(await scores.locator('.headline-value').nth(2).textContent()).toBe('2');
    await page.getByText('minstens 3 andere partners').waitFor();
    const cawRow = page.locator('tbody tr', { has: page.locator('th', { hasText: CAW }) });
    expect(await cawRow.textContent()).toContain('verborgen: minder dan 3 beoordelaars');
    await expectNoAxeViolations(page, 'round results');

    await page.getByRole('link', { name: 'Rapport' }).click();
    await page.locator('h1', { hasText: 'Netwerkrapport' }).waitFor();
    await page.locator('h3', { hasText: ROUND }).waitFor();
    await page.locator('.report .headline').getByText('87,5%').first().waitFor();
    await page.locator('caption', { hasText: 'Het netwerk op' }).waitFor();
    await page.locator('caption', { hasText: 'Vertrouwen en meerwaarde per ronde' }).waitFor();
    await page.locator('.chart svg').first().waitFor();
    await page.locator('.report .network-graph canvas').first().waitFor();
    for (const name of ['GEXF', 'GraphML', 'Partners met cijfers', 'Banden (CSV)']) {
      await page.getByRole('link', { name }).waitFor();
    }
    const gexf = await page.request.get(
      (await page.getByRole('link', { name: /GEXF/ }).getAttribute('href')) ?? '',
    );
    expect(gexf.status()).toBe(200);
    await expectNoAxeViolations(page, 'network report');
    await shoot(page, 'network-report-desktop');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.report-tools').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('link', { name: 'Suggesties' }).click();
    await page.locator('h1', { hasText: 'Suggesties' }).waitFor();
    const first = page.locator('.suggestion').first();
    const pair = (await first.locator('h3').textContent()) ?? '';
    await first.getByText(/Ze /).first().waitFor();
    await first.getByRole('button', { name: 'Kennismaking maken' }).click();
    const task = page.locator('table:has(#intros-caption) tbody tr', { hasText: pair });
    await task.waitFor();
    await task.getByRole('combobox').selectOption('done');
    // The select is controlled by the saved status: it shows 'done' once the change is stored and refetched.
    await vi.waitFor(async () => expect(await task.getByRole('combobox').inputValue()).toBe('done'), {
      timeout: 10_000,
    });
    await expectNoAxeViolations(page, 'suggestions');
    await context.close();
  });

  test('on a phone, and without WebGL, the tables carry the figures', async () => {
    const { context, page } = await harness.newPage(PHONE);
    await login(page, DEMO.viewer);
    await page.goto(MODULE);
    await page.locator('.network-graph canvas').first().waitFor();
    await page.locator('caption', { hasText: 'Partners en hun netwerkcijfers' }).waitFor();
    // A viewer reads, but does not see the staff sections.
    expect(await page.getByRole('link', { name: 'Partners en banden' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'network map (phone)');
    await shoot(page, 'network-map-phone');
    await page.goto(`${MODULE}/rapport`);
    await page.locator('h1', { hasText: 'Netwerkrapport' }).waitFor();
    await page.locator('h3', { hasText: ROUND }).waitFor();
    await shoot(page, 'network-report-phone');
    await context.close();

    const bare = await harness.newPage(DESKTOP);
    await bare.page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (
        this: HTMLCanvasElement,
        type: string,
        ...rest: unknown[]
      ) {
        return type.startsWith('webgl') ? null : Reflect.apply(original, this, [type, ...rest]);
      } as typeof original;
    });
    await login(bare.page, DEMO.viewer);
    await bare.page.goto(MODULE);
    await bare.page.locator('.map-fallback', { hasText: 'WebGL' }).waitFor();
    await bare.page.locator('caption', { hasText: 'Partners en hun netwerkcijfers' }).waitFor();
    await expectNoAxeViolations(bare.page, 'network map without WebGL');
    await bare.context.close();
  });
});
