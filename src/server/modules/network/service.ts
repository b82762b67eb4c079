import type { Kysely } from 'kysely';
import { type Actor, auditTenantWrite } from '../../platform/audit.ts';
import type { Auth } from '../../platform/auth.ts';
import { inTransaction } from '../../platform/db/index.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { hasRole, type TenantContext } from '../../platform/tenancy.ts';
import './messages.ts';
import type { z } from 'zod';
import { computeNetworkMetrics, type NetworkMetrics } from './metrics/index.ts';
import * as repo from './repo.ts';
import {
  type GraphFilter,
  type Partner,
  PartnerInput,
  type PartnerUpdate,
  type SECTORS,
  TIE_TYPES,
  type Tie,
  TieInput,
  type TieUpdate,
} from './schema.ts';
import type { NetworkPartnerTable, NetworkTieTable } from './tables.ts';

type Db = Kysely<PlatformTables>;
const today = () => new Date().toISOString().slice(0, 10);

const partnerView = (p: NetworkPartnerTable): Partner => ({
  id: p.id,
  name: p.name,
  sector: p.sector as (typeof SECTORS)[number],
  role: p.role,
  organizationId: p.organization_id,
  themes: JSON.parse(p.themes_json) as string[],
  targetGroups: JSON.parse(p.target_groups_json) as string[],
  isHub: p.is_hub === 1,
  archived: p.archived_at !== null,
  isDemo: p.is_demo === 1,
});

const tieView = (t: NetworkTieTable): Tie => ({
  id: t.id,
  sourceId: t.source_partner_id,
  targetId: t.target_partner_id,
  type: t.type as Tie['type'],
  directed: t.directed === 1,
  weight: t.weight,
  startDate: t.start_date,
  endDate: t.end_date,
  origin: t.origin as Tie['origin'],
  originRef: t.origin_ref,
  note: t.note,
});

const audit = auditTenantWrite;

// ---------------------------------------------------------------- partners

export async function listPartners(db: Db, ctx: TenantContext): Promise<Partner[]> {
  return (await repo.listPartners(db, ctx.network.id)).map(partnerView);
}

export async function createPartner(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  raw: PartnerInput,
  opts: { isDemo?: boolean } = {},
) {
  const input = PartnerInput.parse(raw);
  const now = nowIso();
  const row: NetworkPartnerTable = {
    id: newId(),
    network_id: ctx.network.id,
    organization_id: input.organizationId,
    name: input.name,
    sector: input.sector,
    role: input.role,
    themes_json: JSON.stringify(input.themes),
    target_groups_json: JSON.stringify(input.targetGroups),
    is_hub: input.isHub ? 1 : 0,
    is_demo: opts.isDemo ? 1 : 0,
    archived_at: null,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await repo.insertPartner(trx, row);
    await audit(trx, ctx, actor, 'partner.created', 'partner', row.id, null, partnerView(row));
  });
  return partnerView(row);
}

export async function updatePartner(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  id: string,
  patch: z.output<typeof PartnerUpdate>,
) {
  return inTransaction(db, async (trx) => {
    const existing = await repo.findPartner(trx, ctx.network.id, id);
    if (!existing) throw notFound();
    const changes: Partial<NetworkPartnerTable> = { updated_at: nowIso() };
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.sector !== undefined) changes.sector = patch.sector;
    if (patch.role !== undefined) changes.role = patch.role;
    if (patch.organizationId !== undefined) changes.organization_id = patch.organizationId;
    if (patch.themes !== undefined) changes.themes_json = JSON.stringify(patch.themes);
    if (patch.targetGroups !== undefined) changes.target_groups_json = JSON.stringify(patch.targetGroups);
    if (patch.isHub !== undefined) changes.is_hub = patch.isHub ? 1 : 0;
    if (patch.archived !== undefined)
      changes.archived_at = patch.archived ? (existing.archived_at ?? nowIso()) : null;
    await repo.updatePartner(trx, ctx.network.id, id, changes);
    const after = partnerView({ ...existing, ...changes });
    await audit(trx, ctx, actor, 'partner.updated', 'partner', id, partnerView(existing), after);
    return after;
  });
}

/** Makes a user the voice of a partner (answers its surveys); used by admins and the demo seed. */
export async function addSpokesperson(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  partnerId: string,
  userId: string,
) {
  await inTransaction(db, async (trx) => {
    if (!(await repo.findPartner(trx, ctx.network.id, partnerId))) throw notFound();
    await repo.linkPartnerUser(trx, ctx.network.id, partnerId, userId);
    await audit(trx, ctx, actor, 'partner.spokesperson_added', 'partner', partnerId, null, { userId });
  });
}

export async function partnersSpokenForBy(db: Db, ctx: TenantContext, auth: Auth | null): Promise<string[]> {
  if (!auth) return [];
  return (await repo.partnersOfUser(db, ctx.network.id, auth.user.id)).map((r) => r.partner_id);
}

/** The accounts that speak for these partners, with their language: for mails about those partners. */
export async function spokespersonsOf(db: Db, ctx: TenantContext, partnerIds: string[]) {
  const wanted = new Set(partnerIds);
  return (await repo.spokespersons(db, ctx.network.id))
    .filter((s) => wanted.has(s.partner_id))
    .map((s) => ({ partnerId: s.partner_id, email: s.email, language: s.preferred_language }));
}

export async function requirePartners(db: Db, networkId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = await repo.partnerIdsIn(db, networkId, unique);
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length) throw badRequest('unknown_partner', { ids: missing.join(', ') });
}

// ---------------------------------------------------------------- ties

export async function createTie(db: Db, ctx: TenantContext, actor: Actor, raw: TieInput) {
  const input = TieInput.parse(raw);
  const now = nowIso();
  const row: NetworkTieTable = {
    id: newId(),
    network_id: ctx.network.id,
    source_partner_id: input.sourceId,
    target_partner_id: input.targetId,
    type: input.type,
    directed: input.directed ? 1 : 0,
    weight: input.weight,
    start_date: input.startDate,
    end_date: input.endDate,
    origin: 'declared',
    origin_ref: null,
    note: input.note,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    // Both ends must be partners of this very network: a tie can never reach into another tenant.
    await requirePartners(trx, ctx.network.id, [input.sourceId, input.targetId]);
    await repo.insertTies(trx, [row]);
    await audit(trx, ctx, actor, 'tie.created', 'tie', row.id, null, tieView(row));
  });
  return tieView(row);
}

export async function updateTie(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  id: string,
  patch: z.output<typeof TieUpdate>,
) {
  return inTransaction(db, async (trx) => {
    const existing = await repo.findTie(trx, ctx.network.id, id);
    if (!existing) throw notFound();
    if (existing.origin === 'derived') throw conflict('derived_tie_readonly');
    if (patch.endDate && patch.endDate <= existing.start_date) {
      throw badRequest('validation_failed', { details: 'endDate' });
    }
    const changes: Partial<NetworkTieTable> = { updated_at: nowIso() };
    if (patch.weight !== undefined) changes.weight = patch.weight;
    if (patch.endDate !== undefined) changes.end_date = patch.endDate;
    if (patch.note !== undefined) changes.note = patch.note;
    await repo.updateTie(trx, ctx.network.id, id, changes);
    const after = tieView({ ...existing, ...changes });
    await audit(trx, ctx, actor, 'tie.updated', 'tie', id, tieView(existing), after);
    return after;
  });
}

export async function deleteTie(db: Db, ctx: TenantContext, actor: Actor, id: string) {
  await inTransaction(db, async (trx) => {
    const existing = await repo.findTie(trx, ctx.network.id, id);
    if (!existing) throw notFound();
    if (existing.origin === 'derived') throw conflict('derived_tie_readonly');
    await repo.deleteTie(trx, ctx.network.id, id);
    await audit(trx, ctx, actor, 'tie.deleted', 'tie', id, tieView(existing), null);
  });
}

export interface DerivedTie {
  a: string;
  b: string;
  weight: number;
  startDate: string;
  endDate: string | null;
  /** What the tie comes from, e.g. "plan-node:<id>"; must start with the source's prefix. */
  ref: string;
}

/**
 * Replaces the ties another module derives from its records (shared plan actions, events attended
 * together, referrals, co-signed signals). The source module calls this whenever its records change; when
 * the network switched derivation off for the type, the old ties are removed and none are added.
 */
export async function replaceDerivedTies(
  db: Db,
  networkId: string,
  type: (typeof TIE_TYPES)[number],
  refPrefix: string,
  ties: DerivedTie[],
): Promise<number> {
  return inTransaction(db, async (trx) => {
    await repo.deleteTiesOfOrigin(trx, networkId, 'derived', type, refPrefix);
    const settings = await repo.tieTypeSettings(trx, networkId);
    if (settings.find((s) => s.type === type)?.derive === 0) return 0;
    const valid = await repo.partnerIdsIn(trx, networkId, [...new Set(ties.flatMap((t) => [t.a, t.b]))]);
    const now = nowIso();
    const rows: NetworkTieTable[] = ties
      .filter((t) => t.a !== t.b && valid.has(t.a) && valid.has(t.b) && t.ref.startsWith(refPrefix))
      .map((t) => ({
        id: newId(),
        network_id: networkId,
        source_partner_id: t.a,
        target_partner_id: t.b,
        type,
        directed: 0,
        weight: t.weight,
        start_date: t.startDate,
        end_date: t.endDate,
        origin: 'derived',
        origin_ref: t.ref,
        note: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      }));
    for (let i = 0; i < rows.length; i += 200) await repo.insertTies(trx, rows.slice(i, i + 200));
    return rows.length;
  });
}

export async function tieTypeSettings(db: Db, ctx: TenantContext) {
  const rows = await repo.tieTypeSettings(db, ctx.network.id);
  return Object.fromEntries(
    TIE_TYPES.map((type) => [type, rows.find((r) => r.type === type)?.derive !== 0]),
  ) as Record<(typeof TIE_TYPES)[number], boolean>;
}

export async function setTieTypeSettings(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  derive: Partial<Record<(typeof TIE_TYPES)[number], boolean>>,
) {
  await inTransaction(db, async (trx) => {
    const before = await tieTypeSettings(trx, ctx);
    for (const [type, on] of Object.entries(derive)) {
      await repo.setTieTypeSetting(trx, ctx.network.id, type, on);
      // Switching a type off removes its derived ties at once; switching on takes effect at the next derivation.
      if (!on) await repo.deleteTiesOfOrigin(trx, ctx.network.id, 'derived', type, '');
    }
    await audit(trx, ctx, actor, 'network.tie_settings_changed', 'network', ctx.network.id, before, {
      ...before,
      ...derive,
    });
  });
  return tieTypeSettings(db, ctx);
}

// ---------------------------------------------------------------- views and metrics

export interface GraphView {
  partners: Partner[];
  ties: Tie[];
}

/** The ties active in the window (a tie without end is active from its start on) between the chosen partners. */
export async function graphView(db: Db, ctx: TenantContext, filter: GraphFilter): Promise<GraphView> {
  const [partnerRows, tieRows] = await Promise.all([
    repo.listPartners(db, ctx.network.id),
    repo.listTies(db, ctx.network.id),
  ]);
  const from = filter.from ?? filter.to ?? today();
  const to = filter.to ?? filter.from ?? today();
  const partners = partnerRows
    .filter((p) => p.archived_at === null)
    .filter((p) => !filter.sectors?.length || filter.sectors.includes(p.sector as (typeof SECTORS)[number]))
    .map(partnerView);
  const included = new Set(partners.map((p) => p.id));
  const ties = tieRows
    .filter((t) => included.has(t.source_partner_id) && included.has(t.target_partner_id))
    .filter((t) => t.start_date <= to && (t.end_date === null || t.end_date > from))
    .filter((t) => !filter.types?.length || filter.types.includes(t.type as Tie['type']))
    .filter((t) => !filter.origins?.length || filter.origins.includes(t.origin as Tie['origin']))
    .filter((t) => filter.minWeight === undefined || t.weight >= filter.minWeight)
    .map(tieView);
  return { partners, ties };
}

export interface MetricsResult extends NetworkMetrics {
  partners: Record<string, { name: string; sector: string }>;
  filter: GraphFilter;
}

/**
 * The metric suite on a filtered view. Ties are read as undirected (a referral from A to B still connects
 * them); the suite itself runs off the request thread for large networks.
 */
export async function metrics(db: Db, ctx: TenantContext, filter: GraphFilter): Promise<MetricsResult> {
  const view = await graphView(db, ctx, filter);
  const hub = view.partners.find((p) => p.isHub)?.id;
  const result = await computeNetworkMetrics(
    {
      directed: false,
      nodes: view.partners.map((p) => ({ id: p.id, sector: p.sector })),
      edges: view.ties.map((t) => ({
        source: t.sourceId,
        target: t.targetId,
        weight: t.weight,
        type: t.type,
      })),
    },
    { ...(hub ? { hub } : {}), seed: 1 },
  );
  return {
    ...result,
    partners: Object.fromEntries(view.partners.map((p) => [p.id, { name: p.name, sector: p.sector }])),
    filter,
  };
}

// ---------------------------------------------------------------- suggestions and introductions

export interface Suggestion {
  partnerAId: string;
  partnerBId: string;
  score: number;
  reasons: (
    | { code: 'shared_themes'; values: string[] }
    | { code: 'shared_target_groups'; values: string[] }
    | { code: 'complementary_sectors'; sectors: [string, string] }
    | { code: 'structural_hole'; via: string[] }
  )[];
}

/**
 * Who should meet whom: untied pairs that share themes or target groups, come from different sectors, or
 * are both tied to the same partner but not to each other (a tie would close a structural hole and lessen
 * the dependence on that broker). Each reason is given so staff can judge it.
 */
export async function suggestions(db: Db, ctx: TenantContext, limit = 25): Promise<Suggestion[]> {
  const view = await graphView(db, ctx, {});
  const neighbours = new Map<string, Set<string>>(view.partners.map((p) => [p.id, new Set()]));
  for (const t of view.ties) {
    neighbours.get(t.sourceId)?.add(t.targetId);
    neighbours.get(t.targetId)?.add(t.sourceId);
  }
  const name = new Map(view.partners.map((p) => [p.id, p.name]));
  const out: Suggestion[] = [];
  const ps = view.partners.filter((p) => !p.isHub);
  for (let i = 0; i < ps.length; i++) {
    for (let j = i + 1; j < ps.length; j++) {
      const a = ps[i]!;
      const b = ps[j]!;
      if (neighbours.get(a.id)?.has(b.id)) continue;
      const reasons: Suggestion['reasons'] = [];
      const themes = a.themes.filter((x) => b.themes.includes(x));
      const groups = a.targetGroups.filter((x) => b.targetGroups.includes(x));
      const via = [...(neighbours.get(a.id) ?? [])].filter((n) => neighbours.get(b.id)?.has(n));
      if (themes.length) reasons.push({ code: 'shared_themes', values: themes });
      if (groups.length) reasons.push({ code: 'shared_target_groups', values: groups });
      if (!themes.length && !groups.length) continue;
      if (a.sector !== b.sector)
        reasons.push({ code: 'complementary_sectors', sectors: [a.sector, b.sector] });
      if (via.length) reasons.push({ code: 'structural_hole', via: via.map((v) => name.get(v) ?? v) });
      const score =
        themes.length * 2 + groups.length * 2 + (a.sector !== b.sector ? 1.5 : 0) + Math.min(via.length, 3);
      out.push({ partnerAId: a.id, partnerBId: b.id, score, reasons });
    }
  }
  return out.sort((x, y) => y.score - x.score || x.partnerAId.localeCompare(y.partnerAId)).slice(0, limit);
}

export async function listIntroductions(db: Db, ctx: TenantContext) {
  return (await repo.listIntroductions(db, ctx.network.id)).map((r) => ({
    id: r.id,
    partnerAId: r.partner_a_id,
    partnerBId: r.partner_b_id,
    reason: r.reason,
    status: r.status,
    createdAt: r.created_at,
  }));
}

export async function createIntroduction(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  input: { partnerAId: string; partnerBId: string; reason: string },
) {
  const now = nowIso();
  const row = {
    id: newId(),
    network_id: ctx.network.id,
    partner_a_id: input.partnerAId,
    partner_b_id: input.partnerBId,
    reason: input.reason,
    status: 'open',
    assigned_to: actor.userId,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await requirePartners(trx, ctx.network.id, [input.partnerAId, input.partnerBId]);
    await repo.insertIntroduction(trx, row);
    await audit(trx, ctx, actor, 'introduction.created', 'introduction', row.id, null, input);
  });
  return row.id;
}

export async function setIntroductionStatus(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  id: string,
  status: string,
) {
  await inTransaction(db, async (trx) => {
    const existing = await repo.findIntroduction(trx, ctx.network.id, id);
    if (!existing) throw notFound();
    await repo.updateIntroduction(trx, ctx.network.id, id, { status, updated_at: nowIso() });
    await audit(
      trx,
      ctx,
      actor,
      'introduction.updated',
      'introduction',
      id,
      { status: existing.status },
      { status },
    );
  });
}

export const canEdit = (ctx: TenantContext) => hasRole(ctx, 'staff');

// The web reads the survey's API shapes from here (type-only, so no import cycle at run time).
export type { compareRounds, roundResults, surveyForm } from './survey/service.ts';
