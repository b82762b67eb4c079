// What the public searched in vain, and how well the offer covers the network's area.
import type { Kysely } from 'kysely';
import type { TenantContext } from '../../../platform/tenancy.ts';
import { populationFigures } from '../../geography/service.ts';
import { municipalityCodesOn } from '../../networks/service.ts';
import { adb, type Db } from './common.ts';
import type { AnalysisTables } from './repo.ts';
import * as repo from './repo.ts';
import type { CoverageView } from './schema.ts';

// ================================================================================================ misses

/** What people looked for in this network's map and did not find, most asked first, within a window. */
export async function listMisses(db: Db, ctx: TenantContext, days: number) {
  const since = new Date(Date.now() - days * 86_400_000).toISOString();
  const rows = await repo.groupedMisses(adb(db), ctx.network.id, since, 200);
  return {
    since,
    misses: rows.map((r) => ({
      query: r.query,
      filters: JSON.parse(r.filters_json) as Record<string, unknown>,
      count: Number(r.count),
      lastSeen: String(r.last_seen),
    })),
  };
}

// ================================================================================================ coverage

/** Below this share of the network's average a municipality is flagged as a gap. */
export const GAP_BELOW = 0.5;

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Services per 10,000 inhabitants by rubric and municipality, against the network's average (all its
 * services over all its inhabitants). A service counts for the municipalities of its service area (NIS
 * codes); a service without one counts where its locations are (the location's NIS code, else its postcode's
 * municipality). A service serving several municipalities counts once in each.
 */
export async function coverage(db: Db, ctx: TenantContext): Promise<CoverageView> {
  const d = adb(db);
  const nis = await municipalityCodesOn(db, ctx.network.id);
  const figures = await populationFigures(db, nis);
  const inNetwork = new Set(figures.municipalities.map((m) => m.nisCode));
  const rubricTaxonomies = (await repo.taxonomies(d)).filter((t) => t.kind === 'rubric').map((t) => t.id);
  const terms = await repo.termsOf(d, rubricTaxonomies);
  const links = await repo.servicesWithRubrics(
    d,
    ctx.network.id,
    terms.map((t) => t.id),
  );
  const serviceIds = [...new Set(links.map((l) => l.id))];
  const [areas, locations] = await Promise.all([
    repo.serviceAreasOf(d, serviceIds),
    repo.serviceLocationsOf(d, serviceIds),
  ]);
  const unplaced = [
    ...new Set(locations.flatMap((l) => (l.nis_code === null && l.postal_code ? [l.postal_code] : []))),
  ];
  const byPostcode = new Map(
    (await repo.postcodeMunicipalities(d, unplaced)).map((p) => [p.postcode, p.nis_code]),
  );
  const served = new Map<string, Set<string>>();
  const add = (serviceId: string, code: string | null | undefined) => {
    if (!code || !inNetwork.has(code)) return;
    const set = served.get(serviceId) ?? new Set<string>();
    set.add(code);
    served.set(serviceId, set);
  };
  const withArea = new Set(areas.map((a) => a.service_id));
  for (const a of areas) if (a.service_id) add(a.service_id, a.nis_code);
  for (const l of locations) {
    if (withArea.has(l.service_id)) continue;
    add(l.service_id, l.nis_code ?? (l.postal_code ? byPostcode.get(l.postal_code) : undefined));
  }

  const population = new Map(figures.municipalities.map((m) => [m.nisCode, m.population]));
  const totalPopulation = figures.totals.population;
  const names = await termNames(d, terms);
  const rubrics = terms.map((term) => {
    const counts = new Map<string, number>();
    let services = 0;
    for (const l of links) {
      if (l.taxonomy_term_id !== term.id) continue;
      const places = served.get(l.id);
      if (!places || places.size === 0) continue;
      services++;
      for (const code of places) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    const sum = [...counts.values()].reduce((s, n) => s + n, 0);
    const average = totalPopulation > 0 ? (sum / totalPopulation) * 10_000 : 0;
    const cells = figures.municipalities.map((m) => {
      const n = counts.get(m.nisCode) ?? 0;
      const pop = population.get(m.nisCode) ?? 0;
      const per10k = pop > 0 ? (n / pop) * 10_000 : 0;
      const ratio = average > 0 ? per10k / average : null;
      const flag =
        n === 0
          ? 'none'
          : ratio !== null && ratio < GAP_BELOW
            ? 'low'
            : ratio !== null && ratio < 1
              ? 'below'
              : 'above';
      return {
        nisCode: m.nisCode,
        services: n,
        per10k: round2(per10k),
        ratio: ratio === null ? null : round2(ratio),
        flag,
      } as const;
    });
    return {
      termId: term.id,
      names: names.get(term.id) ?? { nl: term.name, fr: null, en: null },
      services,
      average: round2(average),
      cells,
    };
  });
  return {
    source: figures.source,
    referenceDate: figures.referenceDate,
    gapBelow: GAP_BELOW,
    municipalities: figures.municipalities.map((m) => ({
      nisCode: m.nisCode,
      nameNl: m.nameNl,
      nameFr: m.nameFr,
      population: m.population,
    })),
    rubrics,
  };
}

export async function termNames(d: Kysely<AnalysisTables>, terms: { id: string; name: string }[]) {
  const translations = await repo.termTranslations(
    d,
    terms.map((t) => t.id),
  );
  const out = new Map<string, { nl: string; fr: string | null; en: string | null }>();
  for (const t of terms) out.set(t.id, { nl: t.name, fr: null, en: null });
  for (const tr of translations) {
    const names = out.get(tr.entity_id);
    if (names && (tr.lang === 'fr' || tr.lang === 'en')) names[tr.lang] = tr.value;
  }
  return out;
}
