// Reviewing a pair of likely duplicates: the merge view, dismissing a pair, merging two records.
import type { Kysely } from 'kysely';
import { type Actor, auditTenantWrite } from '../../../platform/audit.ts';
import { inTransaction } from '../../../platform/db/index.ts';
import { AppError, badRequest, notFound } from '../../../platform/errors.ts';
import { nowIso } from '../../../platform/ids.ts';
import { hasRole, type TenantContext } from '../../../platform/tenancy.ts';
import { reindex } from '../service.ts';
import { adb, type Db } from './common.ts';
import { compareRecords, MERGED_SCHEME } from './duplicates.ts';
import type { AnalysisTables } from './repo.ts';
import * as repo from './repo.ts';
import {
  MergeInput,
  type MergeView,
  ORGANIZATION_MERGE_FIELDS,
  type RecordKind,
  SERVICE_MERGE_FIELDS,
} from './schema.ts';
import { normaliseIdentifier } from './similarity.ts';

function assertVisible<T extends { network_id: string | null }>(ctx: TenantContext, row: T | undefined): T {
  if (!row || (row.network_id !== null && row.network_id !== ctx.network.id)) throw notFound();
  return row;
}

/**
 * Who may merge: staff merge their network's own additions; a shared record is reference data of every
 * network (one hospital serves several zones), so changing or retiring it is left to a network admin.
 */
function mayEdit(ctx: TenantContext, row: { network_id: string | null }): boolean {
  return row.network_id === ctx.network.id ? hasRole(ctx, 'staff') : hasRole(ctx, 'admin');
}

const mergeFields = (kind: RecordKind): readonly string[] =>
  kind === 'organization' ? ORGANIZATION_MERGE_FIELDS : SERVICE_MERGE_FIELDS;

async function findRecord(db: Kysely<AnalysisTables>, kind: RecordKind, id: string) {
  const row = kind === 'organization' ? await repo.findOrganization(db, id) : await repo.findService(db, id);
  return row as
    | (Record<string, string | number | null> & { id: string; name: string; network_id: string | null })
    | undefined;
}

async function recordCounts(db: Kysely<AnalysisTables>, kind: RecordKind, id: string) {
  const records = await repo.loadMatchRecords(db, kind, [id]);
  const r = records[0];
  const counts: Record<string, number> = {
    phones: r?.phones.length ?? 0,
    addresses: r?.addresses.length ?? 0,
    identifiers: r?.identifiers.length ?? 0,
  };
  if (kind === 'organization') counts.services = (await repo.servicesOfOrganization(db, id)).length;
  return { record: r, counts };
}

export async function mergeView(
  db: Db,
  ctx: TenantContext,
  kind: RecordKind,
  aId: string,
  bId: string,
): Promise<MergeView> {
  const d = adb(db);
  const a = assertVisible(ctx, await findRecord(d, kind, aId));
  const b = assertVisible(ctx, await findRecord(d, kind, bId));
  const fields = mergeFields(kind);
  const [ca, cb] = [await recordCounts(d, kind, aId), await recordCounts(d, kind, bId)];
  const found = ca.record && cb.record ? compareRecords(ca.record, cb.record) : null;
  const view = (row: typeof a, counts: Record<string, number>) => ({
    id: row.id,
    name: row.name,
    local: row.network_id === ctx.network.id,
    fields: Object.fromEntries(fields.map((f) => [f, row[f] ?? null])),
    counts,
  });
  return {
    kind,
    fields: [...fields],
    a: view(a, ca.counts),
    b: view(b, cb.counts),
    mergeable: aId !== bId && mayEdit(ctx, a) && mayEdit(ctx, b),
    score: found?.score ?? 0,
    reasons: found?.reasons ?? [],
  };
}

export async function dismissPair(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  input: { kind: RecordKind; a: string; b: string },
): Promise<void> {
  if (input.a === input.b) throw badRequest('analysis_same_record');
  await inTransaction(db, async (trx) => {
    const d = adb(trx);
    assertVisible(ctx, await findRecord(d, input.kind, input.a));
    assertVisible(ctx, await findRecord(d, input.kind, input.b));
    const [recordA, recordB] = input.a < input.b ? [input.a, input.b] : [input.b, input.a];
    const row = {
      network_id: ctx.network.id,
      entity_type: input.kind,
      record_a: recordA,
      record_b: recordB,
      dismissed_by: actor.userId,
      created_at: nowIso(),
    };
    if (await repo.insertDismissal(d, row))
      await auditTenantWrite(
        trx,
        ctx,
        actor,
        'directory.duplicate_dismissed',
        input.kind,
        recordA,
        null,
        row,
      );
  });
}

/**
 * Merges one record into another in one transaction: the chosen field values on the survivor, everything the
 * merged record owned moved over, its identifiers and its own id kept on the survivor (scheme "merged") so
 * that HSDS consumers and re-imports still find it, provenance per field in directory_field_sources
 * (source "merge", source_ref naming the record the value came from), the index updated, one audit entry.
 */
export async function mergeRecords(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  raw: MergeInput,
): Promise<{ survivorId: string; movedServices: number }> {
  const input = MergeInput.parse(raw);
  const { kind, survivorId, mergedId } = input;
  if (survivorId === mergedId) throw badRequest('analysis_same_record');
  const choices = input.fields as Partial<Record<string, 'survivor' | 'merged'>>;
  return inTransaction(db, async (trx) => {
    const d = adb(trx);
    const survivor = assertVisible(ctx, await findRecord(d, kind, survivorId));
    const merged = assertVisible(ctx, await findRecord(d, kind, mergedId));
    for (const row of [survivor, merged])
      if (!mayEdit(ctx, row)) throw new AppError(403, 'analysis_shared_needs_admin');
    // Other networks see the shared record and hang their own services on it: it must be the one that stays.
    if (merged.network_id === null && survivor.network_id !== null)
      throw badRequest('analysis_shared_survives');

    const fields = mergeFields(kind);
    const [sources, translations, survivorIdentifiers, mergedIdentifiers] = await Promise.all([
      repo.fieldSourcesOf(d, kind, [survivorId, mergedId]),
      repo.translationsOf(d, kind, [survivorId, mergedId]),
      repo.identifiersOf(d, kind, survivorId),
      repo.identifiersOf(d, kind, mergedId),
    ]);
    const before = { survivor, merged, survivorIdentifiers, mergedIdentifiers, fieldSources: sources };

    const now = nowIso();
    const changes: Record<string, string | number | null> = { updated_at: now };
    const differing = fields.filter((f) => (survivor[f] ?? null) !== (merged[f] ?? null));
    for (const f of differing) {
      const takeMerged = choices[f] === 'merged';
      const from = takeMerged ? merged : survivor;
      if (takeMerged) changes[f] = merged[f] ?? null;
      const original = sources.find((s) => s.entity_id === from.id && s.field === f);
      await repo.deleteFieldSources(d, kind, survivorId, f);
      await repo.insertFieldSource(d, {
        entity_type: kind,
        entity_id: survivorId,
        field: f,
        source: 'merge',
        source_ref: original
          ? `${kind}:${from.id} (${original.source}${original.source_ref ? `: ${original.source_ref}` : ''})`
          : `${kind}:${from.id}`,
        assured_date: original?.assured_date ?? (from.assured_date as string | null) ?? null,
        assured_by: original?.assured_by ?? (from.assured_by as string | null) ?? null,
      });
      if (takeMerged) {
        await repo.deleteTranslations(d, kind, survivorId, f);
        for (const t of translations.filter((x) => x.entity_id === mergedId && x.field === f))
          await repo.insertTranslation(d, { ...t, entity_id: survivorId });
      }
    }
    // Translations of fields the survivor lacks in a language are kept from the merged record.
    const survivorHas = new Set(
      translations.filter((t) => t.entity_id === survivorId).map((t) => `${t.field}:${t.lang}`),
    );
    for (const t of translations.filter((x) => x.entity_id === mergedId)) {
      if (choices[t.field] === 'merged' || survivorHas.has(`${t.field}:${t.lang}`)) continue;
      if ((survivor[t.field] ?? null) !== (merged[t.field] ?? null)) continue;
      await repo.insertTranslation(d, { ...t, entity_id: survivorId });
    }
    await repo.updateRecord(d, kind, survivorId, changes);

    const have = new Set(
      survivorIdentifiers.map(
        (i) => `${i.scheme}:${normaliseIdentifier(i.scheme, i.identifier) ?? i.identifier}`,
      ),
    );
    for (const i of mergedIdentifiers) {
      const key = `${i.scheme}:${normaliseIdentifier(i.scheme, i.identifier) ?? i.identifier}`;
      if (have.has(key)) await repo.deleteIdentifier(d, i.id);
      else await repo.moveIdentifier(d, i.id, survivorId);
      have.add(key);
    }
    await repo.insertIdentifier(d, kind, survivorId, MERGED_SCHEME, mergedId);
    await repo.moveAttributes(d, kind, mergedId, survivorId);

    let touched: string[];
    let movedServices = 0;
    if (kind === 'organization') {
      const moved = await repo.servicesOfOrganization(d, mergedId);
      movedServices = moved.length;
      await repo.moveOrganizationChildren(d, mergedId, survivorId);
      touched = await repo.servicesOfOrganization(d, survivorId);
    } else {
      await repo.moveServiceChildren(d, mergedId, survivorId);
      touched = [survivorId, mergedId];
    }
    await repo.deleteFieldSources(d, kind, mergedId);
    await repo.deleteTranslations(d, kind, mergedId);
    await repo.deleteDismissalsOf(d, mergedId);
    await repo.deleteRecord(d, kind, mergedId);
    await reindex(trx, touched);

    const after = { survivor: await findRecord(d, kind, survivorId), mergedId, choices, movedServices };
    await auditTenantWrite(trx, ctx, actor, 'directory.records_merged', kind, survivorId, before, after);
    return { survivorId, movedServices };
  });
}
