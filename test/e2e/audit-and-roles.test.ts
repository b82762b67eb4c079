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

describe.skipIf(noBrowser)('journey: audit log and roles', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('an admin sees sign-ins and language changes in the audit log', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.admin);
    await page.getByLabel('Taal').selectOption('en');
    await page.locator('h1', { hasText: 'Networks' }).waitFor();
    await page.getByLabel('Language').selectOption('nl');
    await page.locator('h1', { hasText: 'Netwerken' }).waitFor();

    await page.getByRole('button', { name: 'An Beheerder (demo)' }).click();
    await page.getByRole('menuitem', { name: 'Platformauditlog' }).click();
    await page.locator('h1', { hasText: 'Platformauditlog' }).waitFor();
    const rows = page.locator('table.audit-table > tbody > tr');
    await rows.filter({ hasText: 'Aangemeld' }).first().waitFor();
    expect(await rows.filter({ hasText: 'Taal gewijzigd' }).count()).toBe(2);

    const change = rows.filter({ hasText: 'Taal gewijzigd' }).first();
    await change.getByText('Toon wijzigingen').click();
    await change.locator('.diff-table', { hasText: 'preferredLanguage' }).waitFor();
    expect(await change.locator('.diff-after').textContent()).toContain('"nl"');
    await expectNoAxeViolations(page, 'platform audit');
    await screenshot(page, 'audit-desktop');

    await page.goto('/n/elz-regio-aalst/audit');
    await page.locator('h1', { hasText: 'Auditlog' }).waitFor();
    // Other modules' seeds write here too: check the table and its paging, not which entries come first.
    await rows.first().waitFor();
    const next = page.getByRole('link', { name: 'Volgende pagina' });
    if ((await next.count()) > 0) {
      await next.click();
      await page.locator('caption', { hasText: 'Auditlog, pagina 2' }).waitFor();
      await rows.first().waitFor();
    }
    await page
      .locator('nav[aria-label="Modules van het netwerk"]')
      .getByRole('link', { name: 'Auditlog' })
      .waitFor();
    await expectNoAxeViolations(page, 'network audit');
    await context.close();
  });

  test('the audit log is readable at phone width', async () => {
    const { context, page } = await harness.newPage(PHONE);
    await login(page, DEMO.admin);
    await page.goto('/n/elz-regio-aalst/audit');
    await page.locator('table.audit-table').waitFor();
    await expectNoAxeViolations(page, 'network audit (phone)');
    await screenshot(page, 'audit-phone');
    await context.close();
  });

  test('a viewer gets a clear "no access" page, then logs out', async () => {
    const { context, page } = await harness.newPage(DESKTOP);
    await login(page, DEMO.viewer);
    const nav = page.locator('nav[aria-label="Modules van het netwerk"]');
    await nav.getByRole('link', { name: 'Sociale kaart' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Auditlog' }).count()).toBe(0);

    await page.goto('/n/elz-regio-aalst/audit');
    await page.locator('h1', { hasText: 'Geen toegang' }).waitFor();
    await page.getByText('Alleen beheerders van dit netwerk').waitFor();
    await expectNoAxeViolations(page, 'no access');
    await screenshot(page, 'no-access-desktop');

    await page.goto('/beheer/audit');
    await page.locator('h1', { hasText: 'Geen toegang' }).waitFor();

    await page.getByRole('button', { name: 'Bert Bestuur (demo)' }).click();
    await page.getByRole('menuitem', { name: 'Afmelden' }).click();
    await page.locator('h1', { hasText: 'Aanmelden' }).waitFor();
    await page.locator('header').getByRole('link', { name: 'Aanmelden' }).waitFor();
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(401);
    await expectNoAxeViolations(page, 'after logout');
    await context.close();
  });
});
