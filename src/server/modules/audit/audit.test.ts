import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../platform/db/testing.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '../../testing.ts';
import { createNetwork } from '../networks/service.ts';

const ADMIN = 'beheerder@demo.knooppunt.be';
const VIEWER = 'bestuur@demo.knooppunt.be';

describe.each(testEngines())('audit log on %s', (engine) => {
  let k: TestApp;
  let admin: Session;
  let viewer: Session;

  beforeAll(async () => {
    k = await createTestApp(engine);
    // A third network that nobody of the demo region belongs to and that is not published.
    await createNetwork(
      k.t.db,
      { userId: null, requestId: null },
      {
        slug: 'elz-kempenland',
        name: 'ELZ Kempenland',
        kind: 'elz',
        municipalities: [{ nisCode: '13008', validFrom: '2020-01-01' }],
      },
    );
    admin = await loginAs(k.app, ADMIN);
    viewer = await loginAs(k.app, VIEWER);
  });
  afterAll(() => k.destroy());

  it('audits writes with before and after, and shows the log only to admins of that network', async () => {
    const res = await k.app.inject({
      method: 'PATCH',
      url: '/api/networks/elz-regio-aalst',
      headers: as(admin),
      payload: { description: 'Nieuwe beschrijving' },
    });
    expect(res.statusCode).toBe(200);
    const log = (
      await k.app.inject({ url: '/api/networks/elz-regio-aalst/audit?perPage=5', headers: as(admin) })
    ).json();
    const entry = log.items.find((i: { action: string }) => i.action === 'network.updated');
    expect(entry.actor.name).toBe('An Beheerder (demo)');
    expect(entry.after.description).toBe('Nieuwe beschrijving');
    expect(entry.before.description).not.toBe('Nieuwe beschrijving');
    const cluster = (
      await k.app.inject({ url: '/api/networks/zorginnovatiecluster/audit?perPage=200', headers: as(admin) })
    ).json();
    expect(
      cluster.items.some(
        (i: { action: string; after: { description?: string } | null }) =>
          i.action === 'network.updated' && i.after?.description === 'Nieuwe beschrijving',
      ),
    ).toBe(false);
    expect(
      (await k.app.inject({ url: '/api/networks/elz-regio-aalst/audit', headers: as(viewer) })).statusCode,
    ).toBe(403);
    const secrets = await k.t.db.selectFrom('audit_log').select(['before_json', 'after_json']).execute();
    expect(JSON.stringify(secrets)).not.toMatch(/argon2|password/);
  });
});
