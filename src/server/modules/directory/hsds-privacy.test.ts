import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../platform/db/testing.ts';
import { createTestApp, type TestApp } from '../../testing.ts';
import { directoryDb } from './db.ts';
import { exportServices } from './exchange/export.ts';
import { createOrganization, createService } from './service.ts';

/** The public API publishes a record, not the people behind it: who vouched for it stays internal. */
describe.each(testEngines())('HSDS API privacy on %s', (engine) => {
  let h: TestApp;
  let serviceId = '';
  beforeAll(async () => {
    h = await createTestApp(engine, { seed: false });
    const org = await createOrganization(h.t.db, { name: 'Wit-Gele Kruis' });
    serviceId = await createService(h.t.db, { organization_id: org, name: 'Thuisverpleging Aalst' });
    await directoryDb(h.t.db)
      .updateTable('directory_services')
      .set({ assurer_email: 'an.peeters@example.be' })
      .where('id', '=', serviceId)
      .execute();
  });
  afterAll(() => h.destroy());

  it('names no unpublished organisation in a published service', async () => {
    const hidden = await createOrganization(h.t.db, { name: 'Verborgen Proefvzw' });
    const d = directoryDb(h.t.db);
    await d.updateTable('directory_organizations').set({ published: 0 }).where('id', '=', hidden).execute();
    const id = await createService(h.t.db, { organization_id: hidden, name: 'Zichtbare proefdienst' });
    const res = await h.app.inject({ method: 'GET', url: `/api/hsds/services/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Zichtbare proefdienst');
    expect(res.body).not.toContain('Verborgen Proefvzw');
  });

  it('never answers the assurer’s e-mail address', async () => {
    for (const url of [
      `/api/hsds/services/${serviceId}`,
      '/api/hsds/services',
      '/api/hsds/services?q=thuisverpleging',
    ]) {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('Thuisverpleging Aalst');
      expect(res.body, url).not.toContain('an.peeters@example.be');
    }
    // The staff's export to another install keeps it.
    const exported = await exportServices(h.t.db, null);
    expect(exported.find((s) => s.id === serviceId)?.assurer_email).toBe('an.peeters@example.be');
  });
});
