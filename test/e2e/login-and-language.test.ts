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

/** Describes the focused element the way a keyboard user meets it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      text: el?.textContent?.trim() ?? '',
      className: el?.getAttribute('class') ?? '',
      inNav: Boolean(el?.closest('nav[aria-label]')),
    };
  });

describe.skipIf(noBrowser)('journey: log in and switch language', () => {
  let harness: Harness;
  let page: Page;

  beforeAll(async () => {
    harness = await startHarness();
    ({ page } = await harness.newPage(DESKTOP));
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('a wrong password shows the API message, in the chosen language', async () => {
    await page.goto('/login');
    await page.locator('h1', { hasText: 'Aanmelden' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await expectNoAxeViolations(page, 'login (nl)');
    await screenshot(page, 'login-desktop');

    await page.locator('input[name="email"]').fill(DEMO.admin);
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.locator('form button[type="submit"]').click();
    await page.getByRole('alert').filter({ hasText: 'E-mailadres of wachtwoord is onjuist.' }).waitFor();
    await expectNoAxeViolations(page, 'login with error (nl)');

    await page.getByLabel('Taal').selectOption('fr');
    await page.locator('h1', { hasText: 'Se connecter' }).waitFor();
    await page.locator('form button[type="submit"]').click();
    await page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expectNoAxeViolations(page, 'login with error (fr)');

    await page.getByLabel('Langue').selectOption('nl');
    await page.locator('h1', { hasText: 'Aanmelden' }).waitFor();
  });

  test('logs in, switches to French and English, and the choice survives a reload', async () => {
    await login(page, DEMO.admin);
    // Two networks: the picker stays.
    await page.locator('h1', { hasText: 'Netwerken' }).waitFor();
    await expectNoAxeViolations(page, 'network picker');
    await page.getByRole('link', { name: 'Eerstelijnszone Regio Aalst' }).click();
    await page.locator('h2', { hasText: 'De regio in cijfers' }).waitFor();

    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/auth/me/language') && r.request().method() === 'PUT',
    );
    await page.getByLabel('Taal').selectOption('fr');
    expect((await saved).status()).toBe(204);
    await page.locator('h2', { hasText: 'La région en chiffres' }).waitFor();
    await page
      .locator('nav[aria-label="Modules du réseau"]')
      .getByRole('link', { name: 'Carte sociale' })
      .waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    const cookie = (await page.context().cookies()).find((c) => c.name === 'kp_lang');
    expect(cookie?.value).toBe('fr');
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.path).toBe('/');
    await expectNoAxeViolations(page, 'network home (fr)');

    await page.reload();
    await page.locator('h2', { hasText: 'La région en chiffres' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');

    await page.getByLabel('Langue').selectOption('en');
    await page.locator('h2', { hasText: 'The region in figures' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.locator('h2', { hasText: 'The region in figures' }).waitFor();
    await expectNoAxeViolations(page, 'network home (en)');

    await page.getByRole('link', { name: 'Maturity' }).first().click();
    await page.locator('h1', { hasText: 'Maturity' }).waitFor();
    await page.getByText('This module is under development').waitFor();
    await expectNoAxeViolations(page, 'module page (en)');

    await page.getByLabel('Language').selectOption('nl');
    await page.locator('h1', { hasText: 'Maturiteit' }).waitFor();
    await page.getByText('Deze module is in ontwikkeling').waitFor();
    await screenshot(page, 'module-desktop');
  });

  test('keyboard only: Tab reaches the skip link, the switchers and the navigation', async () => {
    await page.goto('/n/elz-regio-aalst');
    await page.locator('h1', { hasText: 'Eerstelijnszone Regio Aalst' }).waitFor();
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Naar de hoofdinhoud');
    const seen: Awaited<ReturnType<typeof focused>>[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      seen.push(await focused(page));
    }
    expect(seen.some((f) => f.tag === 'select')).toBe(true);
    expect(seen.some((f) => f.className.includes('network-switcher'))).toBe(true);
    expect(seen.some((f) => f.className.includes('user-button'))).toBe(true);
    expect(seen.some((f) => f.inNav && f.text === 'Sociale kaart')).toBe(true);

    // The skip link takes keyboard users past header and navigation.
    await page.reload();
    await page.locator('h1', { hasText: 'Eerstelijnszone Regio Aalst' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect((await focused(page)).tag).toBe('main');

    // The language switcher works from the keyboard too.
    await page.getByLabel('Taal').focus();
    await page.keyboard.press('ArrowDown');
    await page.locator('h2', { hasText: 'La région en chiffres' }).waitFor();
    await page.getByLabel('Langue').selectOption('nl');
  });

  test('the login page works at phone width', async () => {
    const { context, page: phone } = await harness.newPage(PHONE);
    await phone.goto('/login');
    await phone.locator('h1', { hasText: 'Aanmelden' }).waitFor();
    await expectNoAxeViolations(phone, 'login (phone)');
    await screenshot(phone, 'login-phone');
    await context.close();
  });
});
