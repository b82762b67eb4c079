import type { Kysely } from 'kysely';
import { actorOf } from '../../../platform/audit.ts';
import { inTransaction } from '../../../platform/db/index.ts';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import { AppError } from '../../../platform/errors.ts';
import { type Language, translate } from '../../../platform/i18n.ts';
import { resolveTenant, type TenantContext } from '../../../platform/tenancy.ts';
import type { ServicePatch } from '../curate/schema.ts';
import * as curate from '../curate/service.ts';
import { findServices, type ServiceSearchResult } from '../service.ts';
import type { DirectoryTables } from '../tables.ts';
import { localiseTerms, termNamesIn } from '../term-names.ts';
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

/** The rubrics to filter on, named and sorted in the reader's language. */
export async function rubrics(db: Kysely<PlatformTables>, lang: Language) {
  return localiseTerms(dir(db), await repo.rubrics(dir(db)), lang, { sort: true });
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
  const [own, terms, accessNames] = await Promise.all([
    repo.translations(dir(db), 'service', [s.id], lang),
    localiseTerms(dir(db), s.terms, lang, { sort: true }),
    termNamesIn(
      dir(db),
      s.locations.flatMap((l) => l.accessibility.map((a) => a.id)),
      lang,
    ),
  ]);
  const t = own.get(s.id) ?? {};
  return {
    ...s,
    name: t.name ?? s.name,
    description: t.description ?? s.description,
    terms,
    locations: s.locations.map((l) => ({
      ...l,
      accessibility: l.accessibility.map((a) => ({ id: a.id, name: accessNames.get(a.id) ?? a.name })),
    })),
  };
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

// ---------------------------------------------------------------- change suggestions

/**
 * The inboxes a citizen's suggestion goes to: the network the page was opened in, otherwise every published
 * network whose area holds the service (curation keeps suggestions per network). None: nobody would read it,
 * so the page offers no form.
 */
export async function suggestionInboxes(
  db: Kysely<PlatformTables>,
  network: PublicNetwork | null,
  serviceId: string,
  today: string,
): Promise<TenantContext[]> {
  const slugs = network
    ? [network.slug]
    : await repo.networksCovering(
        db.withTables<DirectoryTables>() as unknown as Parameters<typeof repo.networksCovering>[0],
        serviceId,
        today,
      );
  const out: TenantContext[] = [];
  for (const slug of slugs) out.push(await resolveTenant(db, null, slug));
  return out;
}

/** The service's current values as curation sees them, the form's starting point; null when not public. */
export async function suggestionStart(db: Kysely<PlatformTables>, inbox: TenantContext, serviceId: string) {
  try {
    return await curate.serviceFields(db, inbox, serviceId);
  } catch (e) {
    if (e instanceof AppError && e.status === 404) return null;
    throw e;
  }
}

export type SuggestOutcome =
  | { ok: true }
  | { ok: false; reason: 'rate_limited' }
  | { ok: false; reason: 'refused'; message: string };

/**
 * Hands a checked suggestion to curation, once per inbox, all or nothing. The caller is always the public:
 * these pages never read the session, so a signed-in citizen's suggestion is not attributed to the account.
 */
export async function submitSuggestion(
  db: Kysely<PlatformTables>,
  inboxes: TenantContext[],
  who: { ip: string; requestId: string; lang: Language },
  serviceId: string,
  s: { proposed: ServicePatch; comment: string | null; email: string | null; homepage: string },
): Promise<SuggestOutcome> {
  const caller: curate.Caller = { auth: null, actor: actorOf(null, who.requestId), lang: who.lang };
  try {
    await inTransaction(db, async (trx) => {
      for (const ctx of inboxes) {
        await curate.suggestChange(trx, ctx, caller, who.ip, serviceId, {
          proposed: s.proposed,
          comment: s.comment,
          email: s.email,
          homepage: s.homepage,
        });
      }
    });
    return { ok: true };
  } catch (e) {
    // Too many suggestions from this address, or values curation refuses: the form says so and keeps them.
    if (e instanceof AppError && e.status === 429) return { ok: false, reason: 'rate_limited' };
    if (e instanceof AppError && e.status === 400)
      return { ok: false, reason: 'refused', message: translate(who.lang, e.messageKey, e.params) };
    throw e;
  }
}
