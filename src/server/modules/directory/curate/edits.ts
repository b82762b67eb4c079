// Use cases of editing services and organisations, and confirming a record is still correct.
import { inTransaction } from '../../../platform/db/index.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import type { TenantContext } from '../../../platform/tenancy.ts';
import { platformDb } from '../db.ts';
import type { ServiceTable } from '../tables.ts';
import {
  audit,
  type Caller,
  loadOrganization,
  loadService,
  type Platform,
  reindexAll,
  requireEditor,
  same,
  today,
  validateService,
} from './access.ts';
import * as repo from './repo.ts';
import type { OrganizationFields, OrganizationPatch, ServiceFields, ServicePatch } from './schema.ts';
import { organizationView, serviceView, warnOfDuplicates } from './views.ts';

// ---------------------------------------------------------------- edits

interface Applied<F> {
  before: Partial<F>;
  after: Partial<F>;
}

function changedFields<F extends object>(current: F, patch: Partial<F>): Applied<F> {
  const before: Partial<F> = {};
  const after: Partial<F> = {};
  for (const [k, v] of Object.entries(patch) as [keyof F, F[keyof F]][]) {
    if (v === undefined || same(current[k], v)) continue;
    before[k] = current[k];
    after[k] = v;
  }
  return { before, after };
}

/**
 * Applies the changed fields of a service in the caller's transaction: values, provenance per field, the
 * assurance (whoever edits a record vouches for it), the audit entry and the search index.
 */
export async function applyServicePatch(
  d: repo.Db,
  ctx: TenantContext,
  caller: Caller,
  s: ServiceTable,
  patch: ServicePatch,
  source: { source: 'edit' | 'suggestion'; ref: string | null; action: string },
) {
  const current = await repo.readServiceFields(d, s);
  validateService({ ...current, ...patch }, caller.lang);
  const { before, after } = changedFields(current, patch);
  const at = nowIso();
  const meta = { source: source.source, at, assuredDate: today(), assuredBy: caller.actor.userId };
  await repo.writeServiceFields(d, s, after, meta);
  await repo.setProvenance(d, 'service', s.id, Object.keys(after), {
    source: source.source,
    sourceRef: source.ref ?? caller.actor.userId,
    assuredDate: meta.assuredDate,
    assuredBy: meta.assuredBy,
    at,
  });
  await audit(d, ctx, caller.actor, source.action, 'directory_service', s.id, before, after);
  await reindexAll(d, [s.id]);
}

export async function updateService(
  db: Platform,
  ctx: TenantContext,
  caller: Caller,
  id: string,
  patch: ServicePatch,
) {
  return inTransaction(repo.cur(db), async (d) => {
    const s = await loadService(d, ctx, id);
    await requireEditor(platformDb(d), ctx, caller.auth, s.organization_id);
    await applyServicePatch(d, ctx, caller, s, patch, {
      source: 'edit',
      ref: null,
      action: 'directory.service.updated',
    });
    return serviceView(d, await loadService(d, ctx, id));
  });
}

export async function createServiceFor(
  db: Platform,
  ctx: TenantContext,
  caller: Caller,
  organizationId: string,
  body: Partial<ServiceFields> & { name: string },
  opts: { confirmDuplicate?: boolean | undefined } = {},
) {
  return inTransaction(repo.cur(db), async (d) => {
    const o = await loadOrganization(d, ctx, organizationId);
    await requireEditor(platformDb(d), ctx, caller.auth, o.id);
    await warnOfDuplicates(
      d,
      ctx,
      {
        kind: 'service',
        name: body.name,
        organization_id: o.id,
        phone: body.phones?.[0] ?? null,
        address_1: body.address?.address_1 ?? null,
        postal_code: body.address?.postal_code ?? null,
        city: body.address?.city ?? null,
      },
      opts.confirmDuplicate,
    );
    const id = newId();
    const s = await repo.insertServiceRow(d, { id, organization: o, name: body.name });
    await audit(d, ctx, caller.actor, 'directory.service.created', 'directory_service', id, null, {
      organization_id: o.id,
      name: body.name,
    });
    await applyServicePatch(d, ctx, caller, s, body, {
      source: 'edit',
      ref: null,
      action: 'directory.service.updated',
    });
    return serviceView(d, await loadService(d, ctx, id));
  });
}

export async function updateOrganization(
  db: Platform,
  ctx: TenantContext,
  caller: Caller,
  id: string,
  patch: OrganizationPatch,
  opts: { confirmDuplicate?: boolean | undefined } = {},
) {
  return inTransaction(repo.cur(db), async (d) => {
    const o = await loadOrganization(d, ctx, id);
    await requireEditor(platformDb(d), ctx, caller.auth, o.id);
    const current: OrganizationFields = await repo.readOrganizationFields(d, o);
    const { before, after } = changedFields(current, patch);
    // Only a new name or phone can make the organisation look like another one; other edits save quietly.
    if (after.name !== undefined || after.phones !== undefined) {
      await warnOfDuplicates(
        d,
        ctx,
        {
          kind: 'organization',
          name: after.name ?? current.name,
          phone: (after.phones ?? current.phones)[0] ?? null,
          excludeId: o.id,
        },
        opts.confirmDuplicate,
      );
    }
    const at = nowIso();
    const meta = { source: 'edit', at, assuredDate: today(), assuredBy: caller.actor.userId };
    await repo.writeOrganizationFields(d, o, after, meta);
    await repo.setProvenance(d, 'organization', o.id, Object.keys(after), {
      source: 'edit',
      sourceRef: caller.actor.userId,
      assuredDate: meta.assuredDate,
      assuredBy: meta.assuredBy,
      at,
    });
    await audit(
      d,
      ctx,
      caller.actor,
      'directory.organization.updated',
      'directory_organization',
      o.id,
      before,
      after,
    );
    // Search documents carry the organisation's name.
    const services = await repo.servicesOfOrganization(d, ctx.network.id, o.id);
    await reindexAll(
      d,
      services.map((x) => x.id),
    );
    return organizationView(d, ctx, await loadOrganization(d, ctx, id));
  });
}

/** "Still correct": one click confirms a record as it is. */
export async function confirmRecord(
  db: Platform,
  ctx: TenantContext,
  caller: Caller,
  kind: 'service' | 'organization',
  id: string,
) {
  return inTransaction(repo.cur(db), async (d) => {
    const rec = kind === 'service' ? await loadService(d, ctx, id) : await loadOrganization(d, ctx, id);
    const orgId = kind === 'service' ? (rec as ServiceTable).organization_id : rec.id;
    await requireEditor(platformDb(d), ctx, caller.auth, orgId);
    const after = { assured_date: today(), assured_by: caller.actor.userId };
    await repo.assure(
      d,
      kind === 'service' ? 'directory_services' : 'directory_organizations',
      id,
      after.assured_date,
      after.assured_by,
    );
    await audit(
      d,
      ctx,
      caller.actor,
      `directory.${kind}.assured`,
      `directory_${kind}`,
      id,
      {
        assured_date: rec.assured_date,
        assured_by: rec.assured_by,
      },
      after,
    );
    if (kind === 'service') await reindexAll(d, [id]);
    return { assured_date: after.assured_date };
  });
}
