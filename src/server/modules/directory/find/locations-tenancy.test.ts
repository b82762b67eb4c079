import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../platform/db/testing.ts';
import { createTestApp, loginAs, type Session, type TestApp } from '../../../testing.ts';
import { createOrganization, createService } from '../service.ts';

const SLUG = 'elz-regio-aalst';
const OTHER = 'zorginnovatiecluster';

/** A shared organisation carries the locations of every network's own services: each network sees only its own. */
describe.each(testEngines())('locations of a shared organisation on %s', (engine) => {
  let k: TestApp;
  let viewer: Session;
  let org = '';

  beforeAll(async () => {
    k = await createTestApp(engine);
    viewer = await loginAs(k.app, 'bestuur@demo.knooppunt.be');
    const networks = await k.t.db.selectFrom('networks').select(['id', 'slug']).execute();
    org = await createOrganization(k.t.db, { name: 'Gedeelde Proefvoorziening' });
    await createService(k.t.db, {
      organization_id: org,
      name: 'Gedeelde proefdienst',
      locations: [{ address_1: 'Gedeeldestraat 1', postal_code: '9300', city: 'Aalst' }],
    });
    await createService(k.t.db, {
      organization_id: org,
      network_id: networks.find((n) => n.slug === OTHER)?.id as string,
      name: 'Proefdienst van de cluster',
      locations: [{ address_1: 'Clusterstraat 9', postal_code: '9000', city: 'Gent' }],
    });
    await createService(k.t.db, {
      organization_id: org,
      name: 'Verborgen proefdienst',
      published: false,
      locations: [{ address_1: 'Verborgenstraat 3', postal_code: '9300', city: 'Aalst' }],
    });
  });
  afterAll(() => k.destroy());

  it("shows the shared locations, not another network's or unpublished ones", async () => {
    const res = await k.app.inject({
      method: 'GET',
      url: `/api/networks/${SLUG}/directory/organizations/${org}`,
      headers: { cookie: viewer.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Gedeeldestraat 1');
    expect(res.body).not.toContain('Clusterstraat 9');
    expect(res.body).not.toContain('Verborgenstraat 3');
  });
});
