import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../platform/audit.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import * as networks from '../networks/service.ts';
import { importPlans } from './exchange.ts';
import * as repo from './repo.ts';
import { syncFigures } from './service.ts';

/**
 * Demo plans: export documents in data/demo/, loaded through the importer, so that the demo passes the same
 * checks as any import (and an administrator can load the same files by hand).
 *
 * - ELZ Regio Aalst (`plan-elz-regio-aalst.json`): the real structure of its policy plan 2024–2026
 *   (seed 001): five pillars, each with its strategic goal and operational goals, and the actions of 2025.
 *   The seed lists the 2025 actions per pillar only; which operational goal an action serves is our reading.
 *   Owners are the fictional demo users; indicator values and statuses are invented for the demo.
 * - Zorginnovatiecluster (`plan-zorginnovatiecluster.json`): Streekplatform Kempen's action programme
 *   "Welzijn en zorg" (seed 003) in the SMART template, flagged as an example plan (Kempen is not a demo
 *   network of its own).
 */

// Same relative path from src/server and the compiled dist/server.
const DATA = new URL('../../../../data/demo/', import.meta.url);

const readDocument = (name: string): unknown => JSON.parse(fs.readFileSync(new URL(name, DATA), 'utf8'));

/**
 * Loads the demo plans; a network that already has a plan is left alone, so calling it twice is harmless.
 * Needs the demo users (owners are matched by e-mail).
 */
export async function seedPlanDemo(
  db: Kysely<PlatformTables>,
  networkSlug = 'elz-regio-aalst',
  exampleNetworkSlug = 'zorginnovatiecluster',
): Promise<{ plans: number }> {
  const actor = SYSTEM_ACTOR;
  let plans = 0;
  for (const [slug, file] of [
    [networkSlug, 'plan-elz-regio-aalst.json'],
    [exampleNetworkSlug, 'plan-zorginnovatiecluster.json'],
  ] as const) {
    const network = await networks.findNetwork(db, slug);
    if (!network || (await repo.listPlans(db, network.id)).length > 0) continue;
    const tenant = { network, role: 'admin' as const };
    const { planIds } = await importPlans(db, tenant, actor, readDocument(file));
    for (const planId of planIds) {
      for (const i of await repo.listIndicators(db, network.id, planId)) {
        if (i.figure) await syncFigures(db, tenant, actor, planId, i.id);
      }
    }
    plans += planIds.length;
  }
  return { plans };
}
