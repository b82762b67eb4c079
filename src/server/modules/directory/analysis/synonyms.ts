// The network's synonyms for search.
import type { z } from 'zod';
import { type Actor, auditTenantWrite } from '../../../platform/audit.ts';
import { inTransaction } from '../../../platform/db/index.ts';
import { badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { fold } from '../../../platform/search/normalise.ts';
import type { TenantContext } from '../../../platform/tenancy.ts';
import { adb, bump, type Db } from './common.ts';
import * as repo from './repo.ts';
import { type Synonym, SynonymInput } from './schema.ts';

// ================================================================================================ synonyms

const foldPair = (term: string, synonym: string) => `${fold(term)}\u0000${fold(synonym)}`;

/**
 * The synonyms the network's search uses: the global list, each pair on or switched off for this network,
 * and the network's own additions. The search reads the same rows (search/engine.ts loadSynonyms).
 */
export async function listSynonyms(db: Db, ctx: TenantContext): Promise<Synonym[]> {
  const rows = await repo.synonymsFor(adb(db), ctx.network.id);
  const local = rows.filter((r) => r.network_id !== null);
  const switchedOff = new Set(local.filter((r) => r.enabled === 0).map((r) => foldPair(r.term, r.synonym)));
  const globals = rows
    .filter((r) => r.network_id === null)
    .map((r) => ({
      id: r.id,
      term: r.term,
      synonym: r.synonym,
      scope: 'global' as const,
      enabled: r.enabled === 1 && !switchedOff.has(foldPair(r.term, r.synonym)),
    }));
  const globalPairs = new Set(globals.map((g) => foldPair(g.term, g.synonym)));
  const additions = local
    .filter((r) => !globalPairs.has(foldPair(r.term, r.synonym)))
    .map((r) => ({
      id: r.id,
      term: r.term,
      synonym: r.synonym,
      scope: 'local' as const,
      enabled: r.enabled === 1,
    }));
  return [...additions, ...globals];
}

export async function addSynonym(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  raw: z.input<typeof SynonymInput>,
): Promise<Synonym> {
  const input = SynonymInput.parse(raw);
  const term = input.term.trim().toLowerCase();
  const synonym = input.synonym.trim().toLowerCase();
  if (fold(term) === '' || fold(synonym) === '' || fold(term) === fold(synonym))
    throw badRequest('analysis_synonym_same');
  return inTransaction(db, async (trx) => {
    const d = adb(trx);
    const existing = await repo.synonymsFor(d, ctx.network.id);
    const pairs = new Set(
      existing.flatMap((r) => [foldPair(r.term, r.synonym), foldPair(r.synonym, r.term)]),
    );
    if (pairs.has(foldPair(term, synonym))) throw conflict('analysis_synonym_exists');
    const id = await repo.insertSynonym(d, { network_id: ctx.network.id, term, synonym, enabled: 1 });
    // The search keeps synonym expansions per stamp: renewing it makes every process read the new list.
    await bump(trx);
    const row = { id, term, synonym, scope: 'local' as const, enabled: true };
    await auditTenantWrite(trx, ctx, actor, 'directory.synonym_added', 'search_synonym', id, null, row);
    return row;
  });
}

/** Switches a pair on or off for this network: a global pair through a network row that overrides it. */
export async function switchSynonym(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  id: string,
  enabled: boolean,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const d = adb(trx);
    const row = await repo.findSynonym(d, id);
    if (!row || (row.network_id !== null && row.network_id !== ctx.network.id)) throw notFound();
    const rows = await repo.synonymsFor(d, ctx.network.id);
    if (row.network_id === null) {
      const overrides = rows.filter(
        (r) =>
          r.network_id === ctx.network.id && foldPair(r.term, r.synonym) === foldPair(row.term, row.synonym),
      );
      for (const o of overrides) await repo.deleteSynonym(d, o.id);
      if (!enabled)
        await repo.insertSynonym(d, {
          network_id: ctx.network.id,
          term: row.term,
          synonym: row.synonym,
          enabled: 0,
        });
    } else {
      await repo.setSynonymEnabled(d, id, enabled);
    }
    await bump(trx);
    await auditTenantWrite(
      trx,
      ctx,
      actor,
      enabled ? 'directory.synonym_enabled' : 'directory.synonym_disabled',
      'search_synonym',
      id,
      { term: row.term, synonym: row.synonym },
      { term: row.term, synonym: row.synonym, enabled },
    );
  });
}

export async function deleteSynonym(db: Db, ctx: TenantContext, actor: Actor, id: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const d = adb(trx);
    const row = await repo.findSynonym(d, id);
    if (!row || (row.network_id !== null && row.network_id !== ctx.network.id)) throw notFound();
    if (row.network_id === null) throw badRequest('analysis_synonym_global');
    await repo.deleteSynonym(d, id);
    await bump(trx);
    await auditTenantWrite(trx, ctx, actor, 'directory.synonym_deleted', 'search_synonym', id, row, null);
  });
}
