// The freshness overview: how long ago each record was confirmed.
import { sql } from 'kysely';
import type { Language } from '../../../platform/i18n.ts';
import type { TenantContext } from '../../../platform/tenancy.ts';
import { directoryDb } from '../db.ts';
import { localiseTerms } from '../term-names.ts';
import { monthsBefore, type Platform, requireStaff } from './access.ts';
import * as repo from './repo.ts';
import type { FreshnessBucket, FreshnessQuery, FreshnessView } from './schema.ts';

// ---------------------------------------------------------------- freshness

/** The services the network sees, the longest unconfirmed first, with counts per age bucket. */
export async function freshness(
  db: Platform,
  ctx: TenantContext,
  q: FreshnessQuery,
  lang: Language,
): Promise<FreshnessView> {
  requireStaff(ctx);
  const d = repo.cur(db);
  const [c6, c12] = [monthsBefore(6), monthsBefore(12)];
  const bucket = sql<FreshnessBucket>`CASE WHEN s.assured_date IS NULL THEN 'never' WHEN s.assured_date < ${c12} THEN 'over_12' WHEN s.assured_date < ${c6} THEN '6_12' ELSE 'under_6' END`;
  let base = d
    .selectFrom('directory_services as s')
    .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
    .where(repo.seenBy(ctx.network.id, 's.network_id'));
  if (q.organization) base = base.where('s.organization_id', '=', q.organization);
  if (q.rubric) {
    const rubric = q.rubric;
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('directory_attributes as a')
          .select('a.id')
          .whereRef('a.link_id', '=', 's.id')
          .where('a.link_entity', '=', 'service')
          .where('a.taxonomy_term_id', '=', rubric),
      ),
    );
  }
  const grouped = await d
    .selectFrom(base.select(bucket.as('bucket')).as('t'))
    .select(['t.bucket', ({ fn }) => fn.countAll<number>().as('n')])
    .groupBy('t.bucket')
    .execute();
  const counts = { never: 0, over_12: 0, '6_12': 0, under_6: 0 } as Record<FreshnessBucket, number>;
  for (const g of grouped) counts[g.bucket] = Number(g.n);
  const filtered = q.bucket ? base.where(bucket, '=', q.bucket) : base;
  const items = await filtered
    .leftJoin('users as u', 'u.id', 's.assured_by')
    .select([
      's.id',
      's.name',
      's.organization_id',
      'o.name as organization_name',
      's.assured_date',
      's.updated_at',
      'u.name as assured_by_name',
      bucket.as('bucket'),
    ])
    .orderBy(sql`CASE WHEN s.assured_date IS NULL THEN 0 ELSE 1 END`)
    .orderBy('s.assured_date')
    .orderBy('s.name')
    .orderBy('s.id')
    .limit(q.perPage)
    .offset((q.page - 1) * q.perPage)
    .execute();
  const rubrics = await localiseTerms(
    directoryDb(d),
    await d
      .selectFrom('directory_taxonomy_terms as t')
      .innerJoin('directory_taxonomies as x', 'x.id', 't.taxonomy_id')
      .select(['t.id', 't.name'])
      .where('x.kind', '=', 'rubric')
      .orderBy('t.name')
      .execute(),
    lang,
    { sort: true },
  );
  const organizations = await d
    .selectFrom('directory_organizations')
    .select(['id', 'name'])
    .where(repo.seenBy(ctx.network.id))
    .orderBy('name')
    .limit(2000)
    .execute();
  return {
    total: q.bucket ? counts[q.bucket] : Object.values(counts).reduce((a, b) => a + b, 0),
    counts,
    items: items.map((r) => ({
      id: r.id,
      name: r.name,
      organization: { id: r.organization_id, name: r.organization_name },
      assured_date: r.assured_date,
      assured_by: r.assured_by_name ?? null,
      updated_at: r.updated_at,
      bucket: r.bucket,
    })),
    rubrics,
    organizations,
  };
}
