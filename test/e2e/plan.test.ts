import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
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
const PILLAR = 'P9 Digitale zorg in de regio';
const GOAL = 'SD9 Iedereen vindt digitale zorg';
const OD = 'OD9.1 Digitale vaardigheden versterken';
const ACTION_1 = 'Digicafés in de bibliotheken';
const ACTION_2 = 'Folder digitale zorg';
const INDICATOR = 'Deelnemers aan digicafés';

/** A day relative to today, as yyyy-mm-dd (the browser's date inputs take this form). */
function day(offsetDays: number): string {
  const date = new Date(Date.now() + offsetDays * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** The row of one node in the tree (its own row, not its descendants'). */
function row(page: Page, title: string): Locator {
  return page.locator('.tree-row', {
    has: page.locator('.tree-title', { hasText: new RegExp(`^${title}$`) }),
  });
}

/** Opens a node's editing buttons (behind "Wijzigen" so the tree stays readable). */
async function tools(page: Page, title: string): Promise<Locator> {
  const scope = row(page, title);
  const toggle = scope.getByRole('button', { name: `Wijzigen ${title}`, exact: true });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  return scope;
}

async function addChild(page: Page, parent: string | null, button: string, code: string, title: string) {
  const scope = parent ? await tools(page, parent) : page.locator('.tree-root-actions');
  await scope.getByRole('button', { name: button, exact: true }).first().click();
  const editor = scope.locator('.tree-editor');
  if (code) await editor.getByLabel('Code (bv. SD1)').fill(code);
  await editor.getByLabel('Titel (Nederlands)').fill(title);
  await editor.locator('button[type="submit"]').click();
  await row(page, code ? `${code} ${title}` : title).waitFor();
}

async function chartDrawn(page: Page) {
  await page.locator('.chart svg').first().waitFor();
}

describe.skipIf(noBrowser)('journey: policy plan', () => {
  let harness: Harness;
  let planPath = '';
  let indicatorPath = '';

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('staff build a pillar with goals, actions and an indicator with a target', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.staff);
    await page.goto(`${ELZ}/beleidsplan`);
    await page.locator('h1', { hasText: 'Beleidsplan' }).waitFor();
    await expectNoAxeViolations(page, 'plans list');
    await page.getByRole('link', { name: /Beleidsplan Zorgraad Regio Aalst/ }).click();
    await page.locator('h2', { hasText: 'Doelen en acties' }).waitFor();
    planPath = new URL(page.url()).pathname;
    await expectNoAxeViolations(page, 'plan tree');

    await addChild(page, null, 'Pijler toevoegen', 'P9', 'Digitale zorg in de regio');
    await addChild(
      page,
      PILLAR,
      'Strategische doelstelling toevoegen',
      'SD9',
      'Iedereen vindt digitale zorg',
    );
    await addChild(
      page,
      GOAL,
      'Operationele doelstelling toevoegen',
      'OD9.1',
      'Digitale vaardigheden versterken',
    );
    await addChild(page, OD, 'Actie toevoegen', '', ACTION_1);
    await addChild(page, OD, 'Actie toevoegen', '', ACTION_2);

    // Weights of the two actions: 70/30, shown next to each progress bar.
    await (await tools(page, OD)).getByRole('button', { name: 'Gewichten', exact: true }).click();
    const weights = row(page, OD).locator('.tree-editor');
    await weights.getByLabel('Alle onderdelen wegen even zwaar').uncheck();
    await weights.getByLabel(ACTION_1).fill('70');
    await weights.getByLabel(ACTION_2).fill('30');
    await weights.getByRole('button', { name: 'Gewichten opslaan' }).click();
    await row(page, ACTION_1).getByText('gewicht 70%').waitFor();

    // Status with a note; the chip says it in words.
    await (await tools(page, ACTION_1)).getByRole('button', { name: 'Status', exact: true }).click();
    const status = row(page, ACTION_1).locator('.tree-editor');
    await status.getByLabel('Op schema', { exact: true }).check();
    await status.getByLabel('Toelichting (komt in de geschiedenis)').fill('Eerste digicafé loopt.');
    await status.getByRole('button', { name: 'Status opslaan' }).click();
    await row(page, ACTION_1).locator('.status-chip', { hasText: 'Op schema' }).waitFor();

    // Delete asks first and can be undone.
    await (await tools(page, ACTION_2)).getByRole('button', { name: 'Verwijderen', exact: true }).click();
    await row(page, ACTION_2).getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${ACTION_2} is verwijderd` })
      .waitFor();
    // The notice comes with the delete's answer; the tree drops the row when its refetch lands.
    await vi.waitFor(async () => expect(await row(page, ACTION_2).count()).toBe(0), { timeout: 10_000 });
    await page.getByRole('button', { name: 'Ongedaan maken' }).click();
    await row(page, ACTION_2).waitFor();

    // Collapsing a branch hides its children, with the state on the button.
    const toggle = row(page, OD).getByRole('button', { name: `${OD} dichtklappen` });
    await toggle.click();
    await row(page, ACTION_1).waitFor({ state: 'hidden' });
    await row(page, OD)
      .getByRole('button', { name: `${OD} openklappen` })
      .click();
    await row(page, ACTION_1).waitFor();

    await (await tools(page, ACTION_1)).getByRole('button', { name: 'Indicator toevoegen' }).click();
    const form = row(page, ACTION_1).locator('.tree-editor');
    await form.getByLabel('Titel (Nederlands)').fill(INDICATOR);
    await form.getByLabel('Soort').selectOption('how_much');
    await form.getByLabel('Eenheid').fill('deelnemers');
    await form.getByLabel('Beginwaarde', { exact: true }).fill('10');
    await form.getByLabel('Datum van de beginwaarde').fill('2025-12-31');
    await form.getByRole('button', { name: 'Indicator toevoegen' }).click();
    await row(page, ACTION_1).getByRole('link', { name: INDICATOR }).waitFor();
    await expectNoAxeViolations(page, 'plan tree with new pillar');
    await screenshot(page, 'plan-tree-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'plan-tree-phone');
    await page.setViewportSize(DESKTOP);

    await row(page, ACTION_1).getByRole('link', { name: INDICATOR }).click();
    await page.locator('h1', { hasText: INDICATOR }).waitFor();
    indicatorPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Doel toevoegen' }).click();
    await page.getByLabel('Van', { exact: true }).fill('2026-01-01');
    await page.getByLabel('Tot en met').fill('2026-12-31');
    await page.getByLabel('Doelwaarde (deelnemers)').fill('20');
    await page.getByRole('button', { name: 'Doelen opslaan' }).click();
    await page.getByText('De doelen zijn opgeslagen.').waitFor();

    // A first measurement above the target: on track (≥ 100 % of the target).
    const measurement = page.locator('section', { has: page.locator('h2', { hasText: 'Meting toevoegen' }) });
    await measurement.getByLabel('Waarde (deelnemers)').fill('21');
    await measurement.getByLabel('Datum van de meting').fill('2026-03-31');
    await measurement.getByRole('button', { name: 'Meting opslaan' }).click();
    await page.locator('.facts .status-chip', { hasText: 'Op schema' }).waitFor();
    await page.getByText('Werkelijke waarde ≥ 100 % van het doel').waitFor();

    // Ask the partner for the next figure.
    const ask = page.locator('section', {
      has: page.locator('h2', { hasText: 'Een partner om een meting vragen' }),
    });
    await ask.getByLabel('Aan wie').selectOption({ label: 'Paula Partner (demo)' });
    await ask.getByLabel('Tegen wanneer').fill(day(14));
    await ask.getByLabel('Bericht (niet verplicht)').fill('Hoeveel deelnemers telde het najaar?');
    await ask.getByRole('button', { name: 'Vraag versturen' }).click();
    await page.getByText('De vraag is verstuurd.').waitFor();
    await page
      .locator('table', { has: page.locator('caption', { hasText: 'Gevraagde metingen' }) })
      .getByRole('rowheader', { name: 'Paula Partner (demo)' })
      .waitFor();
    await chartDrawn(page);
    await expectNoAxeViolations(page, 'indicator page');
    await screenshot(page, 'plan-indicator-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'plan-indicator-phone');
    await context.close();
  });

  test('the partner sees the request and reports a value below the target', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.partner);
    await page.goto(planPath);
    await page.getByRole('link', { name: 'Mijn acties en meetvragen' }).click();
    await page.locator('h1', { hasText: 'Mijn acties en meetvragen' }).waitFor();
    const card = page.locator('.request-list > li', { has: page.getByRole('link', { name: INDICATOR }) });
    await card.getByText('Hoeveel deelnemers telde het najaar?').waitFor();
    await expectNoAxeViolations(page, 'my actions (partner)');
    await screenshot(page, 'plan-mine-desktop');
    // 18.5 of 20 is 92.5 %: below the target but above the 90 % of "at risk".
    await card.getByLabel('Waarde (deelnemers)').fill('18.5');
    await card.getByLabel('Datum van de meting').fill('2026-09-30');
    await card.getByRole('button', { name: 'Meting doorgeven' }).click();
    // Answered: the request leaves the list (the demo's own overdue request stays).
    await card.waitFor({ state: 'detached' });

    await page.goto(indicatorPath);
    await page.locator('.facts .status-chip', { hasText: 'Risico' }).waitFor();
    await expectNoAxeViolations(page, 'indicator page (partner)');
    await context.close();
  });

  test('the board member reads the progress report with the indicator at risk', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.viewer);
    await page.goto(planPath);
    await page.locator('h2', { hasText: 'Doelen en acties' }).waitFor();
    // Viewers read: no edit buttons.
    expect(await page.getByRole('button', { name: 'Pijler toevoegen' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Alles openklappen' }).click();
    await row(page, ACTION_1).locator('.tree-indicators .status-chip', { hasText: 'Risico' }).waitFor();
    await page.getByRole('link', { name: 'Voortgangsrapport' }).click();
    await page.locator('h1', { hasText: 'Voortgangsrapport' }).waitFor();
    const concerns = page.locator('table', {
      has: page.locator('caption', { hasText: 'Indicatoren die aandacht vragen' }),
    });
    const line = concerns.locator('tr', { has: page.getByRole('link', { name: INDICATOR }) });
    await line.locator('.status-chip', { hasText: 'Risico' }).waitFor();
    expect(await line.textContent()).toContain('92,5%');
    await page.locator('h2', { hasText: PILLAR }).waitFor();
    await chartDrawn(page);
    await expectNoAxeViolations(page, 'progress report');
    await screenshot(page, 'plan-report-desktop');
    expect(await page.getByRole('link', { name: 'Metingen (CSV)' }).getAttribute('href')).toContain(
      'export.csv?table=measurements',
    );

    // Printing shows the report alone: no header, module navigation or forms.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.module-nav').isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    expect(await page.locator('h2', { hasText: PILLAR }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('link', { name: /Acties 20\d\d/ }).click();
    await page.locator('h1', { hasText: /Acties 20\d\d/ }).waitFor();
    await page
      .locator('caption', { hasText: /Acties in 20\d\d/ })
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'yearly action plan');
    await screenshot(page, 'plan-actions-desktop');

    await page.goto(`${planPath}/rapport`);
    await page.setViewportSize(PHONE);
    await chartDrawn(page);
    await expectNoAxeViolations(page, 'progress report (phone)');
    await screenshot(page, 'plan-report-phone');
    await context.close();
  });
});
