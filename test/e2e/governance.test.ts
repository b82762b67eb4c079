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
const TITLE = 'Engagementsverklaring signalenbeleid';

/** Who votes what: a majority in every cluster, though not everyone is for. */
const VOTES: [name: string, choice: 'for' | 'against' | 'abstain'][] = [
  ['Annelies Verhaegen', 'for'],
  ['Koen De Wolf', 'against'],
  ['Nathalie Bogaert', 'for'],
  ['Youssef El Amrani', 'for'],
  ['Griet Van Hecke', 'abstain'],
  ['Sarah Van de Velde', 'for'],
  ['Philippe Moens', 'for'],
  ['Marleen Baeyens', 'for'],
  ['Ahmed Bouzid', 'against'],
  ['Lieve Temmerman', 'for'],
];
const ABSENT = ['Tom Schockaert', 'Inge Cornelis'];

describe.skipIf(noBrowser)('journey: a board meeting records a decision with per-cluster votes', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('staff record attendance, a decision and its votes, and see the outcome per cluster', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.staff);
    await page.goto(`${ELZ}/bestuur`);
    await page.locator('h1', { hasText: 'Bestuur' }).waitFor();
    await page.getByRole('link', { name: 'Bestuursorgaan' }).waitFor();
    await expectNoAxeViolations(page, 'bodies');
    await screenshot(page, 'governance-bodies-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'governance-bodies-phone');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('link', { name: 'Bestuursorgaan' }).click();
    await page.locator('h1', { hasText: 'Bestuursorgaan' }).waitFor();
    await expectNoAxeViolations(page, 'board');
    await page.getByLabel('Datum').fill('2026-11-26');
    await page.getByLabel('Agenda').fill('Signalenbeleid\nVaria');
    await page.getByRole('button', { name: 'Vergadering aanmaken' }).click();
    await page.locator('h1', { hasText: 'Vergadering van' }).waitFor();
    await page.getByText(/Geen quorum: 0 van de 12/).waitFor();

    for (const [name] of VOTES) await page.getByLabel(new RegExp(`^${name} ·`)).check();
    await page.getByRole('button', { name: 'Aanwezigheid opslaan' }).click();
    await page.getByText('Quorum bereikt: 10 van de 12 leden aanwezig (6 nodig).').waitFor();
    await expectNoAxeViolations(page, 'meeting with attendance');

    await page.getByLabel('Titel').fill(TITLE);
    await page.getByLabel('Regel').selectOption('majority_every_cluster');
    await page.getByRole('button', { name: 'Besluit toevoegen' }).click();
    const decision = page.getByRole('region', { name: TITLE });
    await decision.getByText('Nog geen stemmen').waitFor();
    for (const absent of ABSENT) expect(await decision.getByLabel(new RegExp(`^${absent} `)).count()).toBe(0);
    for (const [name, choice] of VOTES) {
      await decision.getByLabel(new RegExp(`^${name} \\(`)).selectOption(choice);
    }
    await decision.getByRole('button', { name: 'Stemmen opslaan' }).click();
    await decision.getByText('Aangenomen · 7 voor, 2 tegen, 1 onthouding(en)').waitFor();
    const rows = await decision.getByRole('table').locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      'Zorg 2 1 0 ja',
      'Welzijn 1 0 1 ja',
      'Lokaal bestuur 2 0 0 ja',
      'Personen met een zorgnood 2 1 0 ja',
    ]);
    await expectNoAxeViolations(page, 'meeting with a decision');
    await screenshot(page, 'governance-meeting-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'governance-meeting-phone');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('link', { name: 'Besluiten' }).first().click();
    await page.locator('h1', { hasText: 'Besluitenlijst' }).waitFor();
    await page.getByLabel('Zoek in titel en tekst').fill('engagementsverklaring');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('1 besluit', { exact: true }).waitFor();
    await page.getByRole('link', { name: TITLE }).waitFor();
    await expectNoAxeViolations(page, 'decision list');
    await screenshot(page, 'governance-decisions-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'governance-decisions-phone');
    await context.close();
  });

  test('a board member reads the decisions but gets no forms', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.viewer);
    await page.goto(`${ELZ}/bestuur/besluiten`);
    await page.getByRole('link', { name: 'Goedkeuring jaaractieplan 2027' }).click();
    await page.getByText(/Quorum bereikt: 10 van de 12/).waitFor();
    expect(await page.getByRole('button', { name: 'Aanwezigheid opslaan' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Besluit toevoegen' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'meeting for a board member');
    await context.close();
  });
});
