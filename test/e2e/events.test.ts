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
const ELZ = `/n/${SLUG}`;
const TITLE = 'Lunchwebinar digitale zorgplanning';

/** A moment some days ahead as a datetime-local value (the browser's own time zone). */
function localMoment(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setHours(hour, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hour)}:00`;
}

/** The link in the last mail of a kind to someone, as the participant would click it. */
async function linkInMail(harness: Harness, to: string, kind: string): Promise<string> {
  const mail = await harness.db
    .selectFrom('outbox')
    .select('text_body')
    .where('to_address', '=', to)
    .where('kind', '=', kind)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  const link = /\/agenda\/[^\s]+/.exec(mail.text_body)?.[0];
  if (!link) throw new Error(`no link in the ${kind} mail to ${to}`);
  return link;
}

async function registerOnPublicPage(page: Page, eventPath: string, i: number) {
  await page.goto(eventPath);
  await page.getByLabel('Naam', { exact: true }).fill(`Deelnemer ${i}`);
  await page.getByLabel('E-mailadres').fill(`deelnemer${i}@voorbeeld.be`);
  await page.getByLabel(/Organisatie/).fill(i % 2 ? 'CAW Regio Aalst' : 'OCMW Aalst');
  await page.getByRole('button', { name: /Inschrijven|Op de wachtlijst/ }).click();
  await page.locator('[role="status"]').waitFor();
  return ((await page.locator('[role="status"]').textContent()) ?? '').trim();
}

describe.skipIf(noBrowser)('journey: activities with registration, waiting list and check-in', () => {
  let harness: Harness;
  let eventId = '';

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('staff create a lunch webinar with 20 places', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.staff);
    await page.goto(`${ELZ}/activiteiten`);
    await page.locator('h1', { hasText: 'Activiteiten' }).waitFor();
    await page.getByRole('link', { name: 'Trefpunt welzijn – najaarseditie' }).waitFor();
    await expectNoAxeViolations(page, 'activities list');
    await screenshot(page, 'events-list-desktop');
    await page.getByRole('link', { name: 'Nieuwe activiteit' }).click();
    await page.locator('h1', { hasText: 'Nieuwe activiteit' }).waitFor();
    await expectNoAxeViolations(page, 'new activity form');
    await page.getByLabel('Soort activiteit').selectOption('lunch_webinar');
    await page.getByLabel('Titel', { exact: false }).first().fill(TITLE);
    await page.getByLabel('Vorm').selectOption('online');
    await page.getByLabel(/^Begin/).fill(localMoment(12, 12));
    await page.getByLabel(/^Einde/).fill(localMoment(12, 13));
    await page.getByLabel('Link voor online deelname').fill('https://webinar.voorbeeld.be/zorgplanning');
    await page.getByLabel('Aantal plaatsen').fill('20');
    await page.getByLabel('Wachtlijst tot').fill('10');
    await page
      .getByLabel('Programma', { exact: true })
      .fill('12:00 Welkom\n12:10 Digitale zorgplanning in de praktijk');
    await page.getByLabel('Sprekers').fill('Hanne Claes; huisarts; Huisartsenkring Denderland');
    await screenshot(page, 'events-form-desktop');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('h1', { hasText: TITLE }).waitFor();
    eventId = new URL(page.url()).pathname.split('/').at(-1) as string;
    await page.getByText('0 van 20').waitFor();
    await expectNoAxeViolations(page, 'activity overview');
    await screenshot(page, 'events-detail-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'events-detail-phone');
    await context.close();
  });

  test('22 people register on the public page; two land on the waiting list', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await page.goto(`/agenda/${SLUG}`);
    await page.getByRole('link', { name: TITLE }).waitFor();
    await expectNoAxeViolations(page, 'public agenda');
    await screenshot(page, 'agenda-list-desktop');
    const eventPath = `/agenda/${SLUG}/${eventId}`;
    await page.goto(eventPath);
    await expectNoAxeViolations(page, 'public event page');
    await screenshot(page, 'agenda-event-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'agenda-event-phone');
    await page.setViewportSize(DESKTOP);
    const answers: string[] = [];
    for (let i = 1; i <= 22; i++) answers.push(await registerOnPublicPage(page, eventPath, i));
    expect(answers.slice(0, 20).every((a) => a.startsWith('U bent ingeschreven'))).toBe(true);
    expect(answers[20]).toContain('wachtlijst op plaats 1');
    expect(answers[21]).toContain('wachtlijst op plaats 2');
    await expectNoAxeViolations(page, 'registration answer');
    await context.close();
  });

  test('one cancels through the link in the mail; the first waiting is promoted and mailed', async () => {
    const { context, page } = await harness.newPage(PHONE);
    await page.goto(await linkInMail(harness, 'deelnemer3@voorbeeld.be', 'events.confirmed'));
    await page.locator('h1', { hasText: 'Uw inschrijving' }).waitFor();
    await page.locator('svg[role="img"]').waitFor();
    await expectNoAxeViolations(page, 'participant page');
    await screenshot(page, 'agenda-own-phone');
    await page.getByRole('button', { name: 'Inschrijving annuleren' }).click();
    await page.getByText('Uw inschrijving is geannuleerd').waitFor();
    const offer = await linkInMail(harness, 'deelnemer21@voorbeeld.be', 'events.offered');
    await page.goto(offer);
    await page.getByText(/Er wordt een plaats voor u vrijgehouden/).waitFor();
    await page.getByRole('button', { name: 'Plaats bevestigen' }).click();
    await page.getByText('Uw plaats is bevestigd').waitFor();
    const promoted = await harness.db
      .selectFrom('outbox')
      .select('kind')
      .where('to_address', '=', 'deelnemer21@voorbeeld.be')
      .execute();
    expect(promoted.map((m) => m.kind)).toEqual(
      expect.arrayContaining(['events.waitlisted', 'events.offered', 'events.confirmed']),
    );
    await context.close();
  });

  test('the door list checks people in on a phone, and the results count them', async () => {
    const { context, page } = await harness.newPage(PHONE);
    await login(page, DEMO.staff);
    await page.goto(`${ELZ}/activiteiten/${eventId}/deur`);
    await page.locator('h1', { hasText: 'Aan de deur' }).waitFor();
    await page.getByText('0 van 20 aanwezig').waitFor();
    await expectNoAxeViolations(page, 'door list');
    await page.getByLabel('Zoeken').fill('deelnemer 5');
    await page.getByRole('button', { name: 'Deelnemer 5 aanmelden' }).click();
    await page.getByText('1 van 20 aanwezig').waitFor();
    await page.getByLabel('Zoeken').fill('ocmw');
    await page.getByRole('button', { name: 'Deelnemer 2 aanmelden' }).click();
    await page.getByText('2 van 20 aanwezig').waitFor();
    await screenshot(page, 'events-door-phone');
    await page.getByRole('link', { name: 'Aanwezigheid en feedback' }).click();
    await page.getByText('2 van 20 bevestigde deelnemers waren aanwezig.').waitFor();
    await expectNoAxeViolations(page, 'attendance and feedback');
    await screenshot(page, 'events-results-phone');
    await context.close();
  });
});
