// The queries of the freshness overview.
import { sql } from 'kysely';
import type { Db } from './repo.ts';
import { seenBy } from './repo.ts';
import type { FreshnessBucket, FreshnessQuery } from './schema.ts';

/**
 * The services a network sees (filtered by organisation and rubric), counted per age bucket of their last
 * confirmation, and one page of them (of one bucket if asked), the longest unconfirmed first. `c6` and `c12`
 * are the days six and twelve months ago.
 */
export async function freshnessRows(db: Db, networkId: string, q: FreshnessQuery, c6: string, c12: string) {
  const bucket = sql<FreshnessBucket>`CASE WHEN s.assured_date IS NULL THEN 'never' WHEN s.assured_date < ${c12} THEN 'over_12' WHEN s.assured_date < ${c6} THEN '6_12' ELSE 'under_6' END`;
  let base = db
    .selectFrom('directory_services as s')
    .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
    .where(seenBy(networkId, 's.network_id'));
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
  const grouped = await db
    .selectFrom(base.select(bucket.as('bucket')).as('t'))
    .select(['t.bucket', ({ fn }) => fn.countAll<number>().as('n')])
    .groupBy('t.bucket')
    .execute();
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
  return { grouped, items };
}

/** The rubric terms, by name. */
export const rubricTerms = (db: Db) =>
  db
    .selectFrom('directory_taxonomy_terms as t')
    .innerJoin('directory_taxonomies as x', 'x.id', 't.taxonomy_id')
    .select(['t.id', 't.name'])
    .where('x.kind', '=', 'rubric')
    .orderBy('t.name')
    .execute();

/** The organisations a network sees, by name (the overview's filter). */
export const organizationsSeenBy = (db: Db, networkId: string) =>
  db
    .selectFrom('directory_organizations')
    .select(['id', 'name'])
    .where(seenBy(networkId))
    .orderBy('name')
    .limit(2000)
    .execute();
