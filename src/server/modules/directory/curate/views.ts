// Records as an editor sees them (with provenance), and the warning about likely duplicates.
import { AppError, notFound } from '../../../platform/errors.ts';
import type { TenantContext } from '../../../platform/tenancy.ts';
import { type DuplicateCandidate, findDuplicateCandidates } from '../analysis/service.ts';
import { platformDb } from '../db.ts';
import type { OrganizationTable, ServiceTable } from '../tables.ts';
import {
  type Caller,
  loadOrganization,
  loadService,
  organizationsSpokenFor,
  type Platform,
  requireEditor,
} from './access.ts';
import * as repo from './repo.ts';
import type { DuplicateMatchView, OrganizationView, Provenance, ServiceView } from './schema.ts';

// ---------------------------------------------------------------- likely duplicates

/** The entry looks like records already on the map: the form shows them and may save anyway. */
export class PossibleDuplicates extends AppError {
  constructor(readonly matches: DuplicateMatchView[]) {
    super(409, 'directory_possible_duplicate');
  }
}

/** Warns before a write that would likely duplicate a record the network sees, unless the caller confirmed. */
export async function warnOfDuplicates(
  d: repo.Db,
  ctx: TenantContext,
  candidate: DuplicateCandidate,
  confirmed: boolean | undefined,
) {
  if (confirmed) return;
  const matches = await findDuplicateCandidates(platformDb(d), { networkId: ctx.network.id }, candidate);
  if (matches.length > 0) throw new PossibleDuplicates(matches);
}

// ---------------------------------------------------------------- views

export async function provenance(db: repo.Db, type: string, id: string): Promise<Record<string, Provenance>> {
  const out: Record<string, Provenance> = {};
  for (const r of await repo.provenanceOf(db, type, id)) {
    out[r.field] = { source: r.source, by: r.by_name ?? null, at: r.updated_at };
  }
  return out;
}

export async function serviceView(db: repo.Db, s: ServiceTable): Promise<ServiceView> {
  const org = await repo.organizationRef(db, s.organization_id);
  return {
    id: s.id,
    organization: org,
    fields: await repo.readServiceFields(db, s),
    assured_date: s.assured_date,
    assured_by: await repo.userName(db, s.assured_by),
    updated_at: s.updated_at,
    provenance: await provenance(db, 'service', s.id),
  };
}

export async function organizationView(
  db: repo.Db,
  ctx: TenantContext,
  o: OrganizationTable,
): Promise<OrganizationView> {
  return {
    id: o.id,
    fields: await repo.readOrganizationFields(db, o),
    assured_date: o.assured_date,
    assured_by: await repo.userName(db, o.assured_by),
    updated_at: o.updated_at,
    provenance: await provenance(db, 'organization', o.id),
    services: await repo.servicesOfOrganization(db, ctx.network.id, o.id),
  };
}

/** The public values of a published service, the starting point of a change suggestion. */
export async function serviceFields(db: Platform, ctx: TenantContext, id: string) {
  const d = repo.cur(db);
  const s = await loadService(d, ctx, id);
  if (s.published !== 1) throw notFound();
  const org = await loadOrganization(d, ctx, s.organization_id);
  return {
    id: s.id,
    organization: { id: org.id, name: org.name },
    fields: await repo.readServiceFields(d, s),
  };
}

export async function serviceForEdit(db: Platform, ctx: TenantContext, caller: Caller, id: string) {
  const d = repo.cur(db);
  const s = await loadService(d, ctx, id);
  await requireEditor(db, ctx, caller.auth, s.organization_id);
  return serviceView(d, s);
}

export async function organizationForEdit(db: Platform, ctx: TenantContext, caller: Caller, id: string) {
  const d = repo.cur(db);
  const o = await loadOrganization(d, ctx, id);
  await requireEditor(db, ctx, caller.auth, o.id);
  return organizationView(d, ctx, o);
}

/** "Mijn organisatie": the organisations the caller speaks for, with their services. */
export async function mine(db: Platform, ctx: TenantContext, caller: Caller) {
  const d = repo.cur(db);
  const ids = [...(await organizationsSpokenFor(db, ctx, caller.auth))];
  const organizations: OrganizationView[] = [];
  for (const id of ids) {
    const o = await repo.findOrganization(d, ctx.network.id, id);
    if (o) organizations.push(await organizationView(d, ctx, o));
  }
  return { organizations };
}
