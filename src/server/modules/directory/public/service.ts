import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import type { Language } from '../../../platform/i18n.ts';
import { resolveTenant } from '../../../platform/tenancy.ts';
import { findServices, type ServiceSearchResult } from '../service.ts';
import type { DirectoryTables } from '../tables.ts';
import * as repo from './repo.ts';
import type { MapQuery } from './schema.ts';

export const PER_PAGE = 10;

function dir(db: Kysely<PlatformTables>): Kysely<DirectoryTables> {
  return db.withTables<DirectoryTables>() as unknown as Kysely<DirectoryTables>;
}

export interface PublicNetwork {
  id: string;
  slug: string;
  name: string;
}

/** The published network named in the link; unknown or unpublished ones are not found (resolveTenant). */
export async function networkScope(
  db: Kysely<PlatformTables>,
  slug: string | null,
): Promise<PublicNetwork | null> {
  if (!slug) return null;
  const { network } = await resolveTenant(db, null, slug);
  return { id: network.id, slug: network.slug, name: network.name };
}

export function rubrics(db: Kysely<PlatformTables>) {
  return repo.rubrics(dir(db));
}

export interface MapSearch {
  result: ServiceSearchResult;
  /** French or English names and descriptions of the shown services, where they exist. */
  translated: Map<string, Record<string, string>>;
}

/** The public search: the directory's engine, which only ever indexes published services. */
export async function searchMap(
  db: Kysely<PlatformTables>,
  network: PublicNetwork | null,
  q: MapQuery,
  lang: Language,
  rubricId: string | null,
): Promise<MapSearch> {
  const result = await findServices(db, {
    networkId: network?.id ?? null,
    text: q.q || undefined,
    lang,
    // A distance widens the search around the postcode; without one the postcode itself is the filter.
    postcode: q.postcode && !q.km ? q.postcode : undefined,
    near: q.postcode && q.km ? { postcode: q.postcode } : undefined,
    radiusKm: q.postcode && q.km ? q.km : undefined,
    taxonomyTermIds: rubricId ? [rubricId] : undefined,
    openAt: q.openNow ? 'now' : undefined,
    free: q.free || undefined,
    page: q.page,
    perPage: PER_PAGE,
  });
  const translated = await repo.translations(
    dir(db),
    'service',
    result.items.map((i) => i.id),
    lang,
  );
  return { result, translated };
}

export async function serviceDetail(
  db: Kysely<PlatformTables>,
  network: PublicNetwork | null,
  id: string,
  lang: Language,
  today: string,
) {
  const s = await repo.serviceDetail(dir(db), { networkId: network?.id ?? null }, id, today);
  if (!s) return null;
  const t = (await repo.translations(dir(db), 'service', [s.id], lang)).get(s.id) ?? {};
  return { ...s, name: t.name ?? s.name, description: t.description ?? s.description };
}

export async function organizationDetail(
  db: Kysely<PlatformTables>,
  network: PublicNetwork | null,
  id: string,
  lang: Language,
) {
  const o = await repo.organizationDetail(dir(db), { networkId: network?.id ?? null }, id);
  if (!o) return null;
  const [own, services] = await Promise.all([
    repo.translations(dir(db), 'organization', [o.id], lang),
    repo.translations(
      dir(db),
      'service',
      o.services.map((s) => s.id),
      lang,
    ),
  ]);
  const t = own.get(o.id) ?? {};
  return {
    ...o,
    name: t.name ?? o.name,
    description: t.description ?? o.description,
    services: o.services.map((s) => {
      const st = services.get(s.id) ?? {};
      return { ...s, name: st.name ?? s.name, description: st.description ?? s.description };
    }),
  };
}
