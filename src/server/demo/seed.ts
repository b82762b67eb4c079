import type { Kysely } from 'kysely';
import { createUser } from '../modules/accounts/service.ts';
import { seedDirectoryDemo } from '../modules/directory/demo.ts';
import { seedEventsDemo } from '../modules/events/demo.ts';
import { seedGovernanceDemo } from '../modules/governance/demo.ts';
import { seedInsightsDemo } from '../modules/insights/demo.ts';
import { seedNetworkDemo } from '../modules/network/demo.ts';
import { createNetwork, grantRole } from '../modules/networks/service.ts';
import { seedPlanDemo } from '../modules/plan/demo.ts';
import { seedSignalsDemo } from '../modules/signals/demo.ts';
import { SYSTEM_ACTOR } from '../platform/audit.ts';
import type { PlatformTables } from '../platform/db/tables.ts';
import { nowIso } from '../platform/ids.ts';

/** The README states these; they exist only in the demo region. */
export const DEMO_PASSWORD = 'knooppunt-demo-2026';
export const DEMO_USERS = [
  {
    email: 'beheerder@demo.knooppunt.be',
    name: 'An Beheerder (demo)',
    platformAdmin: true,
    roles: { 'elz-regio-aalst': 'admin', zorginnovatiecluster: 'admin' },
  },
  {
    email: 'medewerker@demo.knooppunt.be',
    name: 'Mehmet Medewerker (demo)',
    platformAdmin: false,
    roles: { 'elz-regio-aalst': 'staff' },
  },
  {
    email: 'partner@demo.knooppunt.be',
    name: 'Paula Partner (demo)',
    platformAdmin: false,
    roles: { 'elz-regio-aalst': 'partner' },
  },
  {
    email: 'bestuur@demo.knooppunt.be',
    name: 'Bert Bestuur (demo)',
    platformAdmin: false,
    roles: { 'elz-regio-aalst': 'viewer' },
  },
] as const;

const ELZ_REGIO_AALST = ['41002', '41011', '41082', '41024', '41034'];
const SEED_KEY = 'demo_seed';

/**
 * Loads the demo region once per database. The marker row is claimed first, so that several processes
 * starting together on one PostgreSQL do not seed twice.
 */
export async function seedDemoOnce(
  db: Kysely<PlatformTables>,
  log: (msg: string) => void = () => {},
): Promise<boolean> {
  try {
    await db
      .insertInto('platform_state')
      .values({ key: SEED_KEY, value: 'loading', updated_at: nowIso() })
      .execute();
  } catch {
    return false;
  }
  const actor = SYSTEM_ACTOR;
  await createNetwork(
    db,
    actor,
    {
      slug: 'elz-regio-aalst',
      name: 'Eerstelijnszone Regio Aalst',
      kind: 'elz',
      description:
        'Open netwerk van zorg- en welzijnspartners in Aalst, Denderleeuw, Erpe-Mere, Haaltert en Lede, met de zorgraad als spilfiguur. Demogegevens: organisaties en personen zijn fictief.',
      published: true,
      municipalities: ELZ_REGIO_AALST.map((nisCode) => ({ nisCode, validFrom: '2020-01-01', validTo: null })),
    },
    { isDemo: true },
  );
  const clusterMunicipalities = await db
    .selectFrom('municipalities')
    .select('nis_code')
    .where('arrondissement_nl', 'in', ['Aalst', 'Oudenaarde'])
    .execute();
  await createNetwork(
    db,
    actor,
    {
      slug: 'zorginnovatiecluster',
      name: 'Zorginnovatiecluster Aalst–Oudenaarde',
      kind: 'cluster',
      description:
        'Verbindt zorgaanbieders, onderwijs en bedrijven rond zorginnovatie via symposia, workshops en inspiratiesessies. Demogegevens.',
      published: true,
      municipalities: clusterMunicipalities.map((m) => ({
        nisCode: m.nis_code,
        validFrom: '2021-01-01',
        validTo: null,
      })),
    },
    { isDemo: true },
  );
  for (const u of DEMO_USERS) {
    await createUser(db, {
      email: u.email,
      name: u.name,
      password: DEMO_PASSWORD,
      isPlatformAdmin: u.platformAdmin,
      isDemo: true,
    });
    for (const [slug, role] of Object.entries(u.roles)) await grantRole(db, actor, slug, u.email, role);
  }
  await seedNetworkDemo(db, 'elz-regio-aalst', 'partner@demo.knooppunt.be');
  // After the network: its demo partners become the directory organisations of the same name.
  await seedDirectoryDemo(db, 'elz-regio-aalst');
  await seedPlanDemo(db);
  await seedEventsDemo(db);
  await seedGovernanceDemo(db);
  await seedInsightsDemo(db, 'elz-regio-aalst');
  const userIds = new Map(
    (await db.selectFrom('users').select(['id', 'email']).where('is_demo', '=', 1).execute()).map((u) => [
      u.email,
      u.id,
    ]),
  );
  await seedSignalsDemo(db, {
    partner: userIds.get('partner@demo.knooppunt.be')!,
    staff: userIds.get('medewerker@demo.knooppunt.be')!,
  });
  await db
    .updateTable('platform_state')
    .set({ value: 'done', updated_at: nowIso() })
    .where('key', '=', SEED_KEY)
    .execute();
  log('Demo region ELZ Regio Aalst loaded (fictional organisations and people).');
  return true;
}
