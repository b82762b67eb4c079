// The freshness overview: how long ago each record was confirmed.
import type { Language } from '../../../platform/i18n.ts';
import type { TenantContext } from '../../../platform/tenancy.ts';
import { directoryDb } from '../db.ts';
import { localiseTerms } from '../term-names.ts';
import { monthsBefore, type Platform, requireStaff } from './access.ts';
import * as freshnessRepo from './freshness-repo.ts';
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
  const { grouped, items } = await freshnessRepo.freshnessRows(d, ctx.network.id, q, c6, c12);
  const counts = { never: 0, over_12: 0, '6_12': 0, under_6: 0 } as Record<FreshnessBucket, number>;
  for (const g of grouped) counts[g.bucket] = Number(g.n);
  const rubrics = await localiseTerms(directoryDb(d), await freshnessRepo.rubricTerms(d), lang, {
    sort: true,
  });
  const organizations = await freshnessRepo.organizationsSeenBy(d, ctx.network.id);
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
