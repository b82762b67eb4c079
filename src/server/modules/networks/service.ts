import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { type Actor, writeAudit } from '../../platform/audit.ts';
import type { Auth } from '../../platform/auth.ts';
import { inTransaction } from '../../platform/db/index.ts';
import type { NetworkTable, PlatformTables } from '../../platform/db/tables.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import type { Role, TenantContext } from '../../platform/tenancy.ts';
import { findUserIdByEmail } from '../accounts/service.ts';
import * as geography from '../geography/service.ts';
import './messages.ts';
import * as repo from './repo.ts';
import {
  CreateNetworkBody,
  type CreateNetworkInput,
  type MunicipalityPeriod,
  type NetworkDetail,
  type UpdateNetworkBody,
} from './schema.ts';

type Db = Kysely<PlatformTables>;
type Period = z.output<typeof MunicipalityPeriod>;

const networkView = (n: NetworkTable) => ({
  slug: n.slug,
  name: n.name,
  kind: n.kind,
  description: n.description,
  published: n.published === 1,
});

export async function listNetworks(db: Db, auth: Auth | null) {
  const rows = await repo.listVisible(db, auth?.user.id ?? null);
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    kind: r.kind,
    published: r.published === 1,
    role: (r.role as Role | null) ?? null,
  }));
}

const today = () => new Date().toISOString().slice(0, 10);

/** The municipalities a network covers on a date (borders change; 1 January 2025 redrew several zones). */
export async function municipalityCodesOn(db: Db, networkId: string, date = today()): Promise<string[]> {
  const periods = await repo.municipalityPeriods(db, networkId);
  return [
    ...new Set(
      periods
        .filter((p) => p.valid_from <= date && (p.valid_to === null || p.valid_to > date))
        .map((p) => p.nis_code),
    ),
  ];
}

export async function networkDetail(db: Db, ctx: TenantContext): Promise<NetworkDetail> {
  const periods = await repo.municipalityPeriods(db, ctx.network.id);
  const names = new Map(
    (await geography.municipalityNames(db, [...new Set(periods.map((p) => p.nis_code))])).map((m) => [
      m.nis_code,
      m,
    ]),
  );
  return {
    network: networkView(ctx.network),
    role: ctx.role,
    municipalities: periods.map((p) => ({
      nisCode: p.nis_code,
      nameNl: names.get(p.nis_code)?.name_nl ?? p.nis_code,
      nameFr: names.get(p.nis_code)?.name_fr ?? null,
      validFrom: p.valid_from,
      validTo: p.valid_to,
    })),
  };
}

async function checkPeriods(db: Db, periods: Period[]): Promise<void> {
  const codes = [...new Set(periods.map((p) => p.nisCode))];
  const known = new Set(await geography.knownMunicipalities(db, codes));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) throw badRequest('unknown_municipality', { codes: unknown.join(', ') });
  const byCode = new Map<string, Period[]>();
  for (const p of periods) byCode.set(p.nisCode, [...(byCode.get(p.nisCode) ?? []), p]);
  for (const [nisCode, list] of byCode) {
    const sorted = [...list].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      if (prev.validTo === null || prev.validTo > sorted[i]!.validFrom)
        throw badRequest('overlapping_periods', { nisCode });
    }
  }
}

const periodRows = (networkId: string, periods: Period[]) =>
  periods.map((p) => ({
    network_id: networkId,
    nis_code: p.nisCode,
    valid_from: p.validFrom,
    valid_to: p.validTo,
  }));

export async function createNetwork(
  db: Db,
  actor: Actor,
  raw: CreateNetworkInput,
  opts: { isDemo?: boolean } = {},
) {
  const input = CreateNetworkBody.parse(raw);
  if (await repo.findBySlug(db, input.slug)) throw conflict('network_exists', { slug: input.slug });
  await checkPeriods(db, input.municipalities);
  const now = nowIso();
  const network: NetworkTable = {
    id: newId(),
    slug: input.slug,
    name: input.name,
    kind: input.kind,
    description: input.description,
    published: input.published ? 1 : 0,
    is_demo: opts.isDemo ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await repo.insertNetwork(trx, network);
    await repo.replaceMunicipalityPeriods(trx, network.id, periodRows(network.id, input.municipalities));
    await writeAudit(trx, {
      networkId: network.id,
      actorUserId: actor.userId,
      action: 'network.created',
      entityType: 'network',
      entityId: network.id,
      after: { ...networkView(network), municipalities: input.municipalities },
      requestId: actor.requestId,
    });
  });
  return network;
}

export async function updateNetwork(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  patch: z.output<typeof UpdateNetworkBody>,
) {
  const before = networkView(ctx.network);
  const changes: Partial<NetworkTable> = { updated_at: nowIso() };
  if (patch.name !== undefined) changes.name = patch.name;
  if (patch.description !== undefined) changes.description = patch.description;
  if (patch.published !== undefined) changes.published = patch.published ? 1 : 0;
  const after = networkView({ ...ctx.network, ...changes });
  await inTransaction(db, async (trx) => {
    await repo.updateNetwork(trx, ctx.network.id, changes);
    await writeAudit(trx, {
      networkId: ctx.network.id,
      actorUserId: actor.userId,
      action: 'network.updated',
      entityType: 'network',
      entityId: ctx.network.id,
      before,
      after,
      requestId: actor.requestId,
    });
  });
  return after;
}

export async function setMunicipalities(db: Db, ctx: TenantContext, actor: Actor, periods: Period[]) {
  await checkPeriods(db, periods);
  await inTransaction(db, async (trx) => {
    const before = await repo.municipalityPeriods(trx, ctx.network.id);
    await repo.replaceMunicipalityPeriods(trx, ctx.network.id, periodRows(ctx.network.id, periods));
    await writeAudit(trx, {
      networkId: ctx.network.id,
      actorUserId: actor.userId,
      action: 'network.municipalities_changed',
      entityType: 'network',
      entityId: ctx.network.id,
      before,
      after: periods,
      requestId: actor.requestId,
    });
  });
}

export async function listMembers(db: Db, ctx: TenantContext) {
  return (await repo.listMembers(db, ctx.network.id)).map((m) => ({ ...m, role: m.role as Role }));
}

export async function addMember(db: Db, ctx: TenantContext, actor: Actor, email: string, role: Role) {
  const userId = await findUserIdByEmail(db, email);
  if (!userId) throw new AppError(404, 'user_not_found');
  await inTransaction(db, async (trx) => {
    if (await repo.findMembership(trx, ctx.network.id, userId)) throw conflict('already_member');
    await repo.insertMembership(trx, ctx.network.id, userId, role, nowIso());
    await writeAudit(trx, {
      networkId: ctx.network.id,
      actorUserId: actor.userId,
      action: 'membership.added',
      entityType: 'membership',
      entityId: userId,
      after: { role },
      requestId: actor.requestId,
    });
  });
  return userId;
}

export async function changeMember(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  userId: string,
  role: Role | null,
) {
  await inTransaction(db, async (trx) => {
    const existing = await repo.findMembership(trx, ctx.network.id, userId);
    if (!existing) throw notFound();
    if (existing.role === 'admin' && role !== 'admin' && (await repo.countAdmins(trx, ctx.network.id)) <= 1) {
      throw conflict('last_admin');
    }
    if (role) await repo.updateMembershipRole(trx, ctx.network.id, userId, role);
    else await repo.deleteMembership(trx, ctx.network.id, userId);
    await writeAudit(trx, {
      networkId: ctx.network.id,
      actorUserId: actor.userId,
      action: role ? 'membership.role_changed' : 'membership.removed',
      entityType: 'membership',
      entityId: userId,
      before: { role: existing.role },
      after: role ? { role } : null,
      requestId: actor.requestId,
    });
  });
}

/** Grants a role without an HTTP caller (command line, demo seed). */
export async function grantRole(db: Db, actor: Actor, slug: string, email: string, role: Role) {
  const network = await repo.findBySlug(db, slug);
  if (!network) throw notFound();
  return addMember(db, { network, role: 'admin' }, actor, email, role);
}

export async function findNetwork(db: Db, slug: string) {
  return repo.findBySlug(db, slug);
}
