import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { sendAssuranceRequests } from '../../src/server/modules/directory/curate/service.ts';
import { createOrganization, createService } from '../../src/server/modules/directory/service.ts';
import {
  listPartners,
  partnersSpokenForBy,
  updatePartner,
} from '../../src/server/modules/network/service.ts';
import type { Auth } from '../../src/server/platform/auth.ts';
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
const MAP = `/n/${SLUG}/sociale-kaart`;
const SYSTEM = { userId: null, requestId: null };
const NEVER = 'Curatietest: nooit bevestigde dienst';

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

describe.skipIf(noBrowser)('journey: keeping the social map current', () => {
  let harness: Harness;
  let serviceId = '';
  let serviceName = '';
  let organizationId = '';
  let organizationName = '';

  beforeAll(async () => {
    harness = await startHarness();
    const db = harness.db;
    const network = await db
      .selectFrom('networks')
      .selectAll()
      .where('slug', '=', SLUG)
      .executeTakeFirstOrThrow();
    const ctx = { network, role: 'admin' as const };
    const user = await db
      .selectFrom('users')
      .select(['id', 'email', 'name'])
      .where('email', '=', DEMO.partner)
      .executeTakeFirstOrThrow();
    const [partnerId] = await partnersSpokenForBy(db, ctx, { user } as unknown as Auth);
    const partner = (await listPartners(db, ctx)).find((p) => p.id === partnerId);
    if (!partner) throw new Error('the demo partner account speaks for no partner');
    // The directory demo links the home-care partner to its organisation; without it, set that up here.
    organizationId = partner.organizationId ?? '';
    if (!organizationId) {
      organizationId = await createOrganization(db, { name: partner.name });
      await updatePartner(db, ctx, SYSTEM, partner.id, { organizationId });
    }
    serviceName = 'Curatietest: thuiszorg van de partner';
    serviceId = await createService(db, {
      organization_id: organizationId,
      name: serviceName,
      schedules: [{ byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '12:00' }],
      locations: [{ address_1: 'Kerkstraat 1', postal_code: '9300', city: 'Aalst' }],
      assured_date: '2025-01-15',
    });
    await createService(db, { organization_id: organizationId, name: NEVER, assured_date: null });
    organizationName = (
      await db
        .selectFrom('directory_organizations' as never)
        .select('name' as never)
        .where('id' as never, '=', organizationId as never)
        .executeTakeFirstOrThrow()
    ).name as string;
    await db
      .updateTable('directory_organizations' as never)
      .set({ email: 'info@thuiszorg.example' } as never)
      .where('id' as never, '=', organizationId as never)
      .execute();
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('a partner corrects the opening hours of its service', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.partner);
    await page.goto(`${MAP}/mijn-organisatie`);
    await page.locator('h1', { hasText: 'Mijn organisatie' }).waitFor();
    await page.locator('th', { hasText: serviceName }).waitFor();
    await expectNoAxeViolations(page, 'mijn organisatie');
    await shoot(page, 'directory-curate-mine-desktop');

    await page.getByRole('link', { name: `Bewerken ${serviceName}` }).click();
    await page.locator('h1', { hasText: `Dienst bewerken: ${serviceName}` }).waitFor();
    await expectNoAxeViolations(page, 'edit service');

    // An afternoon slot on Monday, first with an absurd closing time.
    await page.getByRole('button', { name: 'Tijdvak toevoegen op maandag' }).click();
    await page.getByLabel('Van maandag 2').fill('13:00');
    await page.getByLabel('Tot maandag 2').fill('25:00');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByText('Tijdvak 2 op maandag: geef uren als 09:00, van 00:00 tot 24:00.').waitFor();
    await expectNoAxeViolations(page, 'edit service with errors');
    await shoot(page, 'directory-curate-edit-errors-desktop');
    await summary.getByRole('link').first().click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('id'))).toContain('MO-1-closes');
    await page.getByLabel('Tot maandag 2').fill('17:00');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De wijzigingen zijn opgeslagen.' }).waitFor();

    await page.reload();
    await page.getByLabel('Van maandag 2').waitFor();
    expect(await page.getByLabel('Van maandag 2').inputValue()).toBe('13:00');
    expect(await page.getByLabel('Tot maandag 2').inputValue()).toBe('17:00');
    await page
      .getByText(/Bron: bewerkt, Paula Partner/)
      .first()
      .waitFor();
    await shoot(page, 'directory-curate-edit-desktop');

    await page.goto(`${MAP}/organisatie/${organizationId}/bewerken`);
    await page.locator('h1', { hasText: 'Organisatie bewerken' }).waitFor();
    await expectNoAxeViolations(page, 'edit organisation');
    await page.goto(`${MAP}/nieuw?organisatie=${organizationId}`);
    await page.locator('h1', { hasText: 'Nieuwe dienst' }).waitFor();
    await expectNoAxeViolations(page, 'new service');
    await context.close();

    const phone = await harness.newPage(PHONE);
    await login(phone.page, DEMO.partner);
    await phone.page.goto(`${MAP}/dienst/${serviceId}/bewerken`);
    await phone.page.getByLabel('Van maandag 2').waitFor();
    await shoot(phone.page, 'directory-curate-edit-phone');
    await phone.context.close();
  });

  test('entering a service that is already on the map warns first, and saves on "Toch bewaren"', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.partner);
    await page.goto(`${MAP}/nieuw?organisatie=${organizationId}`);
    await page.locator('h1', { hasText: 'Nieuwe dienst' }).waitFor();
    // Worded a little differently, at the same address: the kind of duplicate people enter by accident.
    const again = 'Curatietest: thuiszorg van partner';
    await page.getByLabel('Naam', { exact: true }).fill(again);
    await page.getByLabel('Straat en nummer').fill('Kerkstraat 1');
    await page.getByLabel('Postcode').fill('9300');
    await page.getByLabel('Gemeente').fill('Aalst');
    await page.getByRole('button', { name: 'Dienst toevoegen' }).click();
    const warning = page.locator('.duplicate-warning');
    await warning.locator('h2', { hasText: 'Bestaat dit al?' }).waitFor();
    const match = warning.getByRole('link', { name: new RegExp(serviceName) });
    expect(await match.getAttribute('href')).toBe(`${MAP}/dienst/${serviceId}`);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('duplicate-warning'))).toBe(
      true,
    );
    // Nothing was saved yet: the form still holds what was typed.
    expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe(again);
    await expectNoAxeViolations(page, 'new service with likely duplicates');
    await shoot(page, 'directory-curate-duplicate-warning');
    await warning.getByRole('button', { name: 'Toch bewaren' }).click();
    await page.waitForURL(/\/dienst\/[^/]+\/bewerken$/);
    expect(page.url()).not.toContain(serviceId);
    await page.locator('h1', { hasText: `Dienst bewerken: ${again}` }).waitFor();
    await context.close();
  });

  test('a viewer suggests a change and staff approve it from the diff', async () => {
    const viewer = await harness.newPage(DESKTOP);
    await login(viewer.page, DEMO.viewer);
    // From the record page, where everyone signed in finds the way to suggest a change.
    await viewer.page.goto(`${MAP}/dienst/${serviceId}`);
    await viewer.page.getByRole('link', { name: 'Wijziging voorstellen' }).click();
    await viewer.page.locator('h1', { hasText: 'Wijziging voorstellen' }).waitFor();
    await expectNoAxeViolations(viewer.page, 'suggest a change');
    await viewer.page.getByLabel('E-mailadres', { exact: true }).fill('onthaal@thuiszorg.example');
    await viewer.page.getByLabel('Toelichting (niet verplicht)').fill('Nieuw adres voor aanvragen.');
    await viewer.page.getByRole('button', { name: 'Voorstel versturen' }).click();
    await viewer.page.locator('h1', { hasText: 'Bedankt voor uw voorstel' }).waitFor();
    await expectNoAxeViolations(viewer.page, 'suggestion sent');
    await viewer.context.close();

    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.staff);
    await page.goto(`${MAP}/voorstellen`);
    await page.locator('h1', { hasText: 'Voorstellen tot wijziging' }).waitFor();
    const card = page.locator('section.curate-card', { hasText: serviceName });
    const row = card.locator('tbody tr');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.locator('th').textContent()).toBe('E-mailadres');
    expect(await row.locator('td').nth(0).textContent()).toBe('—');
    expect(await row.locator('td').nth(1).textContent()).toBe('onthaal@thuiszorg.example');
    await card.getByText('Bert Bestuur (demo)').waitFor();
    await expectNoAxeViolations(page, 'suggestion inbox');
    await shoot(page, 'directory-curate-inbox-desktop');
    await page.setViewportSize(PHONE);
    await shoot(page, 'directory-curate-inbox-phone');
    await page.setViewportSize(DESKTOP);

    await card.getByRole('button', { name: 'Goedkeuren' }).click();
    await page.locator('section.curate-card', { hasText: serviceName }).waitFor({ state: 'detached' });
    await page.goto(`${MAP}/dienst/${serviceId}`);
    await page.getByRole('link', { name: 'Bewerken', exact: true }).click();
    await page.getByText(/Bron: voorstel goedgekeurd/).waitFor();
    expect(await page.getByLabel('E-mailadres', { exact: true }).inputValue()).toBe(
      'onthaal@thuiszorg.example',
    );
    await context.close();
  });

  test('the freshness dashboard lists the stalest records first', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.staff);
    await page.goto(`${MAP}/actualiteit`);
    await page.locator('h1', { hasText: 'Actualiteit van de sociale kaart' }).waitFor();
    const table = page.locator('table', {
      has: page.locator('caption', { hasText: 'oudste bevestiging eerst' }),
    });
    await table.locator('tbody tr').first().waitFor();
    expect(await table.locator('tbody tr').first().locator('td').last().textContent()).toBe(
      'Nooit bevestigd',
    );
    await expectNoAxeViolations(page, 'freshness');
    await shoot(page, 'directory-curate-freshness-desktop');

    await page.getByLabel('Organisatie', { exact: true }).selectOption(organizationId);
    // The previous page stays in view while the filtered one loads: wait until only the partner's rows show.
    await vi.waitFor(async () => {
      const orgs = new Set(await table.locator('tbody td:nth-child(2)').allTextContents());
      expect([...orgs]).toEqual([organizationName]);
    });
    // Confirmed today by the partner's edit, the corrected service comes after the never-confirmed one.
    const names = await table.locator('tbody th').allTextContents();
    expect(names.indexOf(NEVER)).toBeGreaterThanOrEqual(0);
    expect(names.indexOf(serviceName)).toBeGreaterThan(names.indexOf(NEVER));
    await page.setViewportSize(PHONE);
    await shoot(page, 'directory-curate-freshness-phone');
    await context.close();
  });

  test('a partner confirms its details through the mailed link, once', async () => {
    const db = harness.db;
    const network = await db
      .selectFrom('networks')
      .selectAll()
      .where('slug', '=', SLUG)
      .executeTakeFirstOrThrow();
    await sendAssuranceRequests(db, { network, role: 'staff' }, SYSTEM, { months: 12 });
    const mail = await db
      .selectFrom('outbox')
      .select('text_body')
      .where('to_address', '=', 'info@thuiszorg.example')
      .executeTakeFirstOrThrow();
    const token = /\/bevestigen\/([A-Za-z0-9_-]+)/.exec(mail.text_body)?.[1] ?? '';
    const { context, page } = await harness.newPage(DESKTOP);
    await page.goto(`${MAP}/bevestigen/${token}`);
    await page.locator('h1', { hasText: 'Kloppen deze gegevens nog?' }).waitFor();
    await page.getByText(serviceName).waitFor();
    await expectNoAxeViolations(page, 'confirm link');
    await page.getByRole('button', { name: 'Ja, dit klopt nog' }).click();
    await page.getByRole('status').filter({ hasText: 'De gegevens zijn bevestigd.' }).waitFor();
    await shoot(page, 'directory-curate-confirm-desktop');
    await page.reload();
    await page.getByText('Deze link werd al gebruikt.').waitFor();
    // The mail's edit link, opened signed out, leads to the login page and back.
    await page.goto(`${MAP}/organisatie/${organizationId}/bewerken`);
    const signIn = page.locator('main').getByRole('link', { name: 'Aanmelden' });
    await signIn.waitFor();
    expect(await signIn.getAttribute('href')).toContain('next=');
    await expectNoAxeViolations(page, 'edit signed out');
    await context.close();
  });
});
