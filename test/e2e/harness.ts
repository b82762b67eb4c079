import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { loadConfig } from '../../src/server/platform/config.ts';
import { type RunningKnooppunt, startKnooppunt } from '../../src/server/server.ts';

/**
 * Browser tests run against the real thing: the built SPA served by an in-process Knooppunt on a fresh
 * SQLite database with the demo seed, driven by the system Chromium through playwright-core.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
export const RESULTS_DIR = path.join(root, 'test-results');
export const DEMO_PASSWORD = 'knooppunt-demo-2026';
export const DEMO = {
  admin: 'beheerder@demo.knooppunt.be',
  staff: 'medewerker@demo.knooppunt.be',
  partner: 'partner@demo.knooppunt.be',
  viewer: 'bestuur@demo.knooppunt.be',
} as const;
export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter((p): p is string => Boolean(p));
  for (const candidate of candidates) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // Not there or not executable: try the next candidate.
    }
  }
  return null;
}

export const chromiumPath = findChromium();
/** `describe.skipIf(noBrowser)`: true when the browser tests cannot run here (and that is allowed). */
export const noBrowser = chromiumPath === null;

if (noBrowser) {
  const wanted = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean).join(', ');
  if (process.env.E2E === 'required') {
    throw new Error(`E2E=required but no Chromium found (looked at ${wanted}); set CHROMIUM_PATH.`);
  }
  console.warn(
    `E2E SKIPPED: no Chromium found (looked at ${wanted}); set CHROMIUM_PATH or E2E=required to fail.`,
  );
}

export interface Harness {
  url: string;
  browser: Browser;
  /**
   * The in-process server's database, for set-up no page offers (e.g. linking a second spokesperson
   * account to a partner). Journeys should still act through the browser wherever a page exists.
   */
  db: RunningKnooppunt['app']['db'];
  /** A fresh browser context (own cookies) with one page at the given viewport. */
  newPage(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

async function ensureWebBuild(): Promise<void> {
  // A plain .mjs script (npm start runs it without TypeScript), so it is loaded by URL and given its type here.
  const script = pathToFileURL(path.join(root, 'scripts', 'ensure-web-build.mjs')).href;
  const module = (await import(script)) as { ensureWebBuild: () => Promise<void> };
  await module.ensureWebBuild();
}

export async function startHarness(): Promise<Harness> {
  if (!chromiumPath)
    throw new Error('startHarness() needs Chromium; guard the suite with describe.skipIf(noBrowser)');
  await ensureWebBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'knooppunt-e2e-'));
  const server = await startKnooppunt(
    loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', DATABASE_URL: '' }),
  );
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // Software WebGL, so MapLibre draws the map in headless Chromium instead of showing its fallback.
        '--enable-unsafe-swiftshader',
      ],
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    url: server.url,
    browser,
    db: server.app.db,
    async newPage(viewport = DESKTOP) {
      // bypassCSP only lets the harness inject axe-core; the app's own scripts are all same-origin files.
      const context = await browser.newContext({
        baseURL: server.url,
        viewport,
        locale: 'nl-BE',
        bypassCSP: true,
      });
      return { context, page: await context.newPage() };
    },
    async close() {
      await browser.close();
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login form, as a person would, and waits until the app has left the login page. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.locator('main h1').first().waitFor();
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core with the WCAG 2.0/2.1/2.2 A and AA rules and fails on every serious or critical violation. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }
    ).axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
      resultTypes: ['violations'],
    })) as { violations: AxeViolation[] };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    const lines = serious.map(
      (v) =>
        `- [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    at ${JSON.stringify(n.target)}`).join('\n')}`,
    );
    throw new Error(`Accessibility violations on ${label}:\n${lines.join('\n')}`);
  }
}

/** A full-page PNG in test-results/screenshots/, for people to look at (not compared automatically). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(RESULTS_DIR, 'screenshots', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
