import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './platform/db/testing.ts';
import { createTestApp, operations, rowCounts, type TestApp } from './testing.ts';

/**
 * Every route the app serves, found through its OpenAPI description (so a new route is covered the day it is
 * added), is called without a session. Only the routes listed here may answer the public; everything else
 * must refuse, and no refused request may change a single row. The public writes are the routes marked
 * `config: { publicWrite: true }` (platform/http.ts refuses every other anonymous write).
 */
const PUBLIC_READS = [
  /^\/api\/health$/,
  /^\/api\/auth\/me$/, // answers "not signed in" rather than refusing
  /^\/api\/networks$/, // the published networks
  /^\/api\/networks\/\{slug\}$/, // a published network's page
  /^\/api\/networks\/\{slug\}\/(figures|boundaries)$/, // Statbel figures of a published network
  // Regional figures of a published network (public statistics, or the network's own marked fictional)
  /^\/api\/networks\/\{slug\}\/(insights\/(indicators|profiles\/\{nis\})|figures\/\{indicator\}(\/comparison)?)$/,
  /^\/api\/networks\/\{slug\}\/plans(\/\{planId\}(\/tree|\/report|\/export\.(json|csv))?)?$/, // published plans
  /^\/api\/networks\/\{slug\}\/directory\/curate\/services\/\{id\}\/fields$/, // what a suggestion may change
  /^\/api\/networks\/\{slug\}\/directory\/curate\/assurance\/\{token\}$/, // the link in a "still correct?" mail
  /^\/api\/networks\/\{slug\}\/events(\.ics|\/\{eventId\})?$/, // the public agenda, its calendar, an event
  /^\/api\/networks\/\{slug\}\/events\/registration\/\{token\}$/, // a participant's own registration link
  /^\/api\/hsds\//, // the open HSDS API
  /^\/kaart/, // the public social map
  /^\/agenda\//, // the public agenda
];
const PUBLIC_WRITES = [
  /^\/api\/auth\/(login|logout)$/,
  /^\/api\/networks\/\{slug\}\/directory\/curate\/services\/\{id\}\/suggestions$/, // anyone may suggest
  /^\/api\/networks\/\{slug\}\/directory\/curate\/assurance\/\{token\}$/, // the token is the credential
  /^\/api\/networks\/\{slug\}\/events\/\{eventId\}\/registrations$/, // registering for a public event
  /^\/api\/networks\/\{slug\}\/events\/registration\/\{token\}\/(cancel|confirm|feedback)$/, // the token is the credential
  /^\/agenda\/\{slug\}\/(\{eventId\}|inschrijving\/\{token\}\/\w+)$/, // the agenda's forms, as the two above
];

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** A concrete URL for an OpenAPI path: the demo network, and ids that exist nowhere. */
function urlOf(path: string): string {
  return path
    .replace('{slug}', 'elz-regio-aalst')
    .replace('{format}', 'gexf')
    .replace(/\{\*\}/g, 'x')
    .replace(/\{[^}]+\}/g, NO_SUCH_ID);
}

describe.each(testEngines())('authorisation of every route on %s', (engine) => {
  let k: TestApp;
  beforeAll(async () => {
    k = await createTestApp(engine);
  });
  afterAll(() => k.destroy());

  it('refuses the public everywhere but the public routes, and changes nothing', async () => {
    const routes = operations(k.app);
    // The inventory itself must be real: the app has well over a hundred operations.
    expect(routes.length).toBeGreaterThan(100);
    const before = await rowCounts(k);
    const wrong: string[] = [];
    for (const { path, method } of routes) {
      const write = method !== 'GET' && method !== 'HEAD';
      const allowed = (write ? PUBLIC_WRITES : PUBLIC_READS).some((p) => p.test(path));
      if (allowed) continue;
      const res = await k.app.inject({
        method: method as 'GET',
        url: urlOf(path),
        ...(write ? { payload: {} } : {}),
      });
      // 404 is a refusal too: an unknown or unpublished thing is not revealed to exist. A read may also fail
      // its query's validation first (400: nothing read); a write is refused before its body is looked at.
      const refusals = write ? [401, 403, 404] : [400, 401, 403, 404];
      if (!refusals.includes(res.statusCode)) wrong.push(`${method} ${path} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
    expect(await rowCounts(k)).toEqual(before);
  });
});
