// The shared vocabulary: terms, their names in three languages, renaming and retiring.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { type Actor, auditTenantWrite } from '../../../platform/audit.ts';
import { inTransaction } from '../../../platform/db/index.ts';
import { badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { fold } from '../../../platform/search/normalise.ts';
import type { TenantContext } from '../../../platform/tenancy.ts';
import { reindex } from '../service.ts';
import { adb, bump, type Db } from './common.ts';
import { termNames } from './coverage.ts';
import type { AnalysisTables } from './repo.ts';
import * as repo from './repo.ts';
import { EDITABLE_TAXONOMY_KINDS, type TaxonomyView, TermInput, TermNames } from './schema.ts';

// ================================================================================================ taxonomy

const isEditableKind = (kind: string) => (EDITABLE_TAXONOMY_KINDS as readonly string[]).includes(kind);

export async function taxonomyView(db: Db): Promise<TaxonomyView> {
  const d = adb(db);
  const taxonomies = await repo.taxonomies(d);
  const terms = await repo.termsOf(
    d,
    taxonomies.map((t) => t.id),
  );
  const [usage, names] = await Promise.all([
    repo.termUsage(
      d,
      terms.map((t) => t.id),
    ),
    termNames(d, terms),
  ]);
  return {
    taxonomies: taxonomies.map((x) => ({
      id: x.id,
      kind: x.kind,
      name: x.name,
      editable: isEditableKind(x.kind),
      terms: terms
        .filter((t) => t.taxonomy_id === x.id)
        .map((t) => ({
          id: t.id,
          code: t.code,
          names: names.get(t.id) ?? { nl: t.name, fr: null, en: null },
          usage: usage.get(t.id) ?? 0,
        })),
    })),
  };
}

async function writeTermNames(d: Kysely<AnalysisTables>, termId: string, names: z.input<typeof TermNames>) {
  await repo.deleteTermNames(d, termId);
  for (const lang of ['fr', 'en'] as const) {
    const value = names[lang];
    if (value)
      await repo.insertTranslation(d, {
        entity_type: 'taxonomy_term',
        entity_id: termId,
        field: 'name',
        lang,
        value,
        source: 'manual',
      });
  }
}

async function editableTaxonomy(d: Kysely<AnalysisTables>, taxonomyId: string) {
  const taxonomy = await repo.findTaxonomy(d, taxonomyId);
  if (!taxonomy) throw notFound();
  if (!isEditableKind(taxonomy.kind)) throw badRequest('analysis_taxonomy_not_editable');
  return taxonomy;
}

const slug = (text: string) => fold(text).replace(/ /g, '-').slice(0, 60).replace(/-+$/, '');

export async function addTerm(db: Db, ctx: TenantContext, actor: Actor, raw: z.input<typeof TermInput>) {
  const input = TermInput.parse(raw);
  return inTransaction(db, async (trx) => {
    const d = adb(trx);
    const taxonomy = await editableTaxonomy(d, input.taxonomyId);
    const code = input.code ?? slug(input.names.nl);
    if (code.length < 2) throw badRequest('analysis_term_code_taken', { code });
    const id = `${taxonomy.id}-${code}`;
    const clash = (await repo.termsOf(d, [taxonomy.id])).some((t) => t.code === code || t.id === id);
    if (clash || (await repo.findTerm(d, id))) throw conflict('analysis_term_code_taken', { code });
    await repo.insertTerm(d, { id, taxonomy_id: taxonomy.id, code, name: input.names.nl, description: null });
    await writeTermNames(d, id, input.names);
    await bump(trx);
    const after = { id, taxonomyId: taxonomy.id, code, names: input.names };
    await auditTenantWrite(trx, ctx, actor, 'directory.term_added', 'taxonomy_term', id, null, after);
    return { id, code };
  });
}

export async function renameTerm(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  termId: string,
  names: z.input<typeof TermNames>,
) {
  const parsed = TermNames.parse(names);
  await inTransaction(db, async (trx) => {
    const d = adb(trx);
    const term = await repo.findTerm(d, termId);
    if (!term) throw notFound();
    await editableTaxonomy(d, term.taxonomy_id);
    const before = { name: term.name, names: (await termNames(d, [term])).get(term.id) };
    await repo.renameTerm(d, termId, parsed.nl);
    await writeTermNames(d, termId, parsed);
    // Term names are in the search documents (and facet labels are cached per stamp).
    await reindex(trx, await repo.servicesUsingTerm(d, termId));
    await bump(trx);
    await auditTenantWrite(trx, ctx, actor, 'directory.term_renamed', 'taxonomy_term', termId, before, {
      names: parsed,
    });
  });
}

/** Retires a term: only when nothing uses it, or after moving its uses to a replacement of the same list. */
export async function retireTerm(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  termId: string,
  replacementId: string | undefined,
) {
  await inTransaction(db, async (trx) => {
    const d = adb(trx);
    const term = await repo.findTerm(d, termId);
    if (!term) throw notFound();
    await editableTaxonomy(d, term.taxonomy_id);
    const usage = (await repo.termUsage(d, [termId])).get(termId) ?? 0;
    if (replacementId !== undefined) {
      const replacement = await repo.findTerm(d, replacementId);
      if (!replacement || replacement.id === termId || replacement.taxonomy_id !== term.taxonomy_id)
        throw badRequest('analysis_term_replacement');
    } else if (usage > 0) {
      throw badRequest('analysis_term_in_use', { count: usage });
    }
    const touched = await repo.servicesUsingTerm(d, termId);
    if (replacementId !== undefined) await repo.reassignTerm(d, termId, replacementId);
    await repo.deleteTerm(d, termId);
    await reindex(trx, touched);
    await bump(trx);
    await auditTenantWrite(trx, ctx, actor, 'directory.term_retired', 'taxonomy_term', termId, term, {
      replacementId: replacementId ?? null,
      moved: usage,
    });
  });
}
