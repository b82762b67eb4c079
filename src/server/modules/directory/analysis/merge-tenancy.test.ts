import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../platform/db/testing.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '../../../testing.ts';
import { directoryDb } from '../db.ts';
import { createOrganization, createService } from '../service.ts';

const SLUG = 'elz-regio-aalst';
const OTHER = 'zorginnovatiecluster';

/**
 * A shared record belongs to every network: merged into one network's own addition it would vanish from the
 * others' map, and their own services under it would hang on an organisation they cannot see.
 */
describe.each(testEngines())('merging shared records on %s', (engine) => {
  let k: TestApp;
  let admin: Session;
  const ids: Record<string, string> = {};
  const dir = () => directoryDb(k.t.db);

  beforeAll(async () => {
    k = await createTestApp(engine);
    admin = await loginAs(k.app, 'beheerder@demo.knooppunt.be');
    const networks = await k.t.db.selectFrom('networks').select(['id', 'slug']).execute();
    const mine = networks.find((n) => n.slug === SLUG)?.id as string;
    const other = networks.find((n) => n.slug === OTHER)?.id as string;
    ids.shared = await createOrganization(k.t.db, { name: 'Proefhuis Gedeeld' });
    ids.local = await createOrganization(k.t.db, { name: 'Proefhuis Gedeeld vzw', network_id: mine });
    ids.otherService = await createService(k.t.db, {
      organization_id: ids.shared,
      network_id: other,
      name: 'Proefcafé van het andere netwerk',
    });
    ids.sharedService = await createService(k.t.db, { organization_id: ids.shared, name: 'Proefdienst' });
    ids.localService = await createService(k.t.db, {
      organization_id: ids.local,
      network_id: mine,
      name: 'Proefdienst lokaal',
    });
  });
  afterAll(() => k.destroy());

  it.each([
    ['organization', 'local', 'shared'],
    ['service', 'localService', 'sharedService'],
  ] as const)('keeps a shared %s: never merged into a local one', async (kind, survivor, merged) => {
    const before = await k.t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const res = await k.app.inject({
      method: 'POST',
      url: `/api/networks/${SLUG}/directory/merges`,
      headers: { ...as(admin), 'accept-language': 'nl' },
      payload: { kind, survivorId: ids[survivor], mergedId: ids[merged] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('analysis_shared_survives');
    expect(res.json().error.message).toBeTruthy();
    const table = kind === 'organization' ? 'directory_organizations' : 'directory_services';
    const still = await dir()
      .selectFrom(table)
      .select('id')
      .where('id', '=', ids[merged] as string)
      .execute();
    expect(still).toHaveLength(1);
    const otherService = await dir()
      .selectFrom('directory_services')
      .select('organization_id')
      .where('id', '=', ids.otherService as string)
      .executeTakeFirstOrThrow();
    expect(otherService.organization_id).toBe(ids.shared);
    const after = await k.t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
