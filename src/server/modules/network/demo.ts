import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../platform/audit.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { resolveTenant } from '../../platform/tenancy.ts';
import * as repo from './repo.ts';
import type { SECTORS, TIE_TYPES } from './schema.ts';
import { addSpokesperson, createPartner } from './service.ts';
import * as surveyRepo from './survey/repo.ts';

type Sector = (typeof SECTORS)[number];

/** Fictional partners of ELZ Regio Aalst: plausible kinds of organisation, invented names. */
const PARTNERS: { name: string; sector: Sector; themes: string[]; groups: string[]; hub?: boolean }[] = [
  {
    name: 'Zorgraad Regio Aalst',
    sector: 'care',
    themes: ['geïntegreerde zorg', 'netwerk'],
    groups: ['iedereen'],
    hub: true,
  },
  {
    name: 'Huisartsenkring Denderland',
    sector: 'care',
    themes: ['eerstelijnszorg', 'chronische zorg'],
    groups: ['ouderen', 'chronisch zieken'],
  },
  {
    name: 'Apothekersvereniging Midden-Dender',
    sector: 'care',
    themes: ['medicatie', 'chronische zorg'],
    groups: ['ouderen'],
  },
  {
    name: 'Thuisverpleging De Bron',
    sector: 'care',
    themes: ['thuiszorg', 'chronische zorg'],
    groups: ['ouderen', 'chronisch zieken'],
  },
  {
    name: 'Thuiszorgdienst Zorgzaam',
    sector: 'care',
    themes: ['thuiszorg', 'mantelzorg'],
    groups: ['ouderen', 'mantelzorgers'],
  },
  {
    name: 'Woonzorgcentrum Ter Linde',
    sector: 'care',
    themes: ['ouderenzorg', 'dementie'],
    groups: ['ouderen'],
  },
  {
    name: 'Algemeen Ziekenhuis Dendervallei',
    sector: 'care',
    themes: ['ontslagmanagement', 'chronische zorg'],
    groups: ['patiënten'],
  },
  {
    name: 'Centrum Geestelijke Gezondheid Horizon',
    sector: 'care',
    themes: ['geestelijke gezondheid', 'preventie'],
    groups: ['jongeren', 'volwassenen'],
  },
  {
    name: 'Praktijk Kinesitherapie Beweeg',
    sector: 'care',
    themes: ['revalidatie', 'valpreventie'],
    groups: ['ouderen'],
  },
  {
    name: 'Welzijnshuis Denderleeuw',
    sector: 'welfare',
    themes: ['armoede', 'toegankelijkheid'],
    groups: ['kwetsbare gezinnen'],
  },
  {
    name: 'Centrum Algemeen Welzijn Regio Aalst',
    sector: 'welfare',
    themes: ['armoede', 'wonen', 'geestelijke gezondheid'],
    groups: ['jongeren', 'kwetsbare gezinnen'],
  },
  {
    name: 'Dienstencentrum De Ontmoeting',
    sector: 'welfare',
    themes: ['eenzaamheid', 'ouderenzorg'],
    groups: ['ouderen'],
  },
  {
    name: 'Vrijwilligerswerking Samen Sterk',
    sector: 'welfare',
    themes: ['eenzaamheid', 'mantelzorg'],
    groups: ['ouderen', 'mantelzorgers'],
  },
  {
    name: 'Jeugdhulp Kompas',
    sector: 'welfare',
    themes: ['jeugdhulp', 'geestelijke gezondheid'],
    groups: ['jongeren'],
  },
  {
    name: 'Dagcentrum Het Anker (VAPH)',
    sector: 'welfare',
    themes: ['handicap', 'dagbesteding'],
    groups: ['personen met een handicap'],
  },
  {
    name: 'OCMW Aalst – sociale dienst',
    sector: 'local_government',
    themes: ['armoede', 'wonen', 'toegankelijkheid'],
    groups: ['kwetsbare gezinnen'],
  },
  {
    name: 'Lokaal bestuur Erpe-Mere',
    sector: 'local_government',
    themes: ['preventie', 'eenzaamheid'],
    groups: ['ouderen', 'iedereen'],
  },
  {
    name: 'Lokaal bestuur Haaltert',
    sector: 'local_government',
    themes: ['preventie', 'toegankelijkheid'],
    groups: ['iedereen'],
  },
  {
    name: 'Lokaal bestuur Lede',
    sector: 'local_government',
    themes: ['wonen', 'eenzaamheid'],
    groups: ['ouderen'],
  },
  {
    name: 'Huis van het Kind Denderleeuw',
    sector: 'local_government',
    themes: ['opvoeding', 'preventie'],
    groups: ['gezinnen met jonge kinderen'],
  },
  {
    name: 'Mantelzorgplatform Dender',
    sector: 'pzon_carers',
    themes: ['mantelzorg', 'participatie'],
    groups: ['mantelzorgers'],
  },
  {
    name: 'Klankbordgroep PZON Regio Aalst',
    sector: 'pzon_carers',
    themes: ['participatie', 'toegankelijkheid'],
    groups: ['personen met zorgnood'],
  },
  {
    name: 'Patiëntenvereniging Samen Chronisch',
    sector: 'pzon_carers',
    themes: ['chronische zorg', 'participatie'],
    groups: ['chronisch zieken'],
  },
  {
    name: 'Hogeschool Dender – opleiding verpleegkunde',
    sector: 'education',
    themes: ['zorgpersoneel', 'innovatie'],
    groups: ['studenten'],
  },
  {
    name: 'Scholengroep Kleurrijk',
    sector: 'education',
    themes: ['geestelijke gezondheid', 'opvoeding'],
    groups: ['jongeren'],
  },
  {
    name: 'Centrum voor Volwassenenonderwijs Dender',
    sector: 'education',
    themes: ['zorgpersoneel', 'taal'],
    groups: ['volwassenen'],
  },
  { name: 'Zorgtech Dender bv', sector: 'business', themes: ['innovatie', 'thuiszorg'], groups: ['ouderen'] },
  {
    name: 'Sociaal Werkbedrijf Werkkracht',
    sector: 'business',
    themes: ['werk', 'toegankelijkheid'],
    groups: ['personen met een handicap'],
  },
  {
    name: 'Ziekenfonds Regio Aalst',
    sector: 'other',
    themes: ['preventie', 'chronische zorg'],
    groups: ['iedereen'],
  },
  {
    name: 'Logo Dender (gezondheidspromotie)',
    sector: 'other',
    themes: ['preventie', 'kankerscreening'],
    groups: ['iedereen'],
  },
];

/** Mulberry32: a small seeded generator, so the demo network is the same on every installation. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Partners, a tie history over 2023–2026 (the hub connects everyone; ties grow within themes and across
 * sectors over the years, some end) and two closed survey rounds, the second with higher trust.
 */
export async function seedNetworkDemo(
  db: Kysely<PlatformTables>,
  slug: string,
  partnerUserEmail: string,
): Promise<void> {
  const ctx = await resolveTenant(db, null, slug);
  const adminCtx = { ...ctx, role: 'admin' as const };
  const actor = SYSTEM_ACTOR;
  const ids: string[] = [];
  for (const p of PARTNERS) {
    const created = await createPartner(
      db,
      adminCtx,
      actor,
      { name: p.name, sector: p.sector, themes: p.themes, targetGroups: p.groups, isHub: p.hub ?? false },
      { isDemo: true },
    );
    ids.push(created.id);
  }

  const random = rng(2026);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const types: (typeof TIE_TYPES)[number][] = [
    'collaboration',
    'referral',
    'shared_project',
    'formal_agreement',
  ];
  const years = ['2023', '2024', '2025', '2026'];
  const now = nowIso();
  const ties: Parameters<typeof repo.insertTies>[1] = [];
  const tie = (a: number, b: number, type: string, start: string, end: string | null, weight: number) =>
    ties.push({
      id: newId(),
      network_id: ctx.network.id,
      source_partner_id: ids[a]!,
      target_partner_id: ids[b]!,
      type,
      directed: type === 'referral' ? 1 : 0,
      weight,
      start_date: start,
      end_date: end,
      origin: 'declared',
      origin_ref: null,
      note: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    });
  // The zorgraad sits in every cluster: its cluster memberships make it the spilfiguur.
  for (let i = 1; i < PARTNERS.length; i++)
    tie(
      0,
      i,
      'cluster_membership',
      `${pick(years.slice(0, 2))}-0${1 + Math.floor(random() * 9)}-01`,
      null,
      1,
    );
  for (let i = 1; i < PARTNERS.length; i++) {
    for (let j = i + 1; j < PARTNERS.length; j++) {
      const a = PARTNERS[i]!;
      const b = PARTNERS[j]!;
      const shared =
        a.themes.filter((t) => b.themes.includes(t)).length +
        a.groups.filter((g) => b.groups.includes(g)).length;
      if (random() < 0.08 + shared * 0.22) {
        const startYear = pick(years);
        const ends = startYear < '2025' && random() < 0.2 ? `${Number(startYear) + 1}-12-31` : null;
        tie(
          i,
          j,
          pick(types),
          `${startYear}-0${1 + Math.floor(random() * 9)}-15`,
          ends,
          1 + Math.floor(random() * 4),
        );
      }
    }
  }
  await repo.insertTies(db, ties);

  const partnerUser = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', partnerUserEmail)
    .executeTakeFirst();
  // The demo partner account speaks for the home-care service, so it can answer the next survey round.
  if (partnerUser) await addSpokesperson(db, adminCtx, actor, ids[4]!, partnerUser.id);

  for (const [title, opens, closes, base] of [
    ['Netwerkbevraging 2024', '2024-10-01', '2024-10-31', 2.6],
    ['Netwerkbevraging 2025', '2025-10-01', '2025-10-31', 3.0],
  ] as const) {
    const roundId = newId();
    await surveyRepo.insertRound(db, {
      id: roundId,
      network_id: ctx.network.id,
      title,
      opens_on: opens,
      closes_on: closes,
      created_by: null,
      created_at: now,
    });
    for (let rater = 1; rater < PARTNERS.length; rater++) {
      if (random() < 0.3) continue;
      const rated = ties
        .filter(
          (t) =>
            t.start_date <= closes &&
            (t.source_partner_id === ids[rater] || t.target_partner_id === ids[rater]),
        )
        .map((t) => (t.source_partner_id === ids[rater] ? t.target_partner_id : t.source_partner_id));
      const score = () => Math.max(1, Math.min(4, Math.round(base + random() * 1.4 - 0.5)));
      await surveyRepo.replaceResponse(
        db,
        {
          network_id: ctx.network.id,
          round_id: roundId,
          partner_id: ids[rater]!,
          contributes_json: JSON.stringify([
            pick(['expertise', 'contacts', 'staff_time']),
            pick(['data', 'space', 'client_access']),
          ]),
          outcomes_json: JSON.stringify([
            pick(['better_access', 'better_coordination', 'shared_knowledge', 'stronger_trust']),
          ]),
          submitted_by: partnerUser?.id ?? 'demo',
          submitted_at: `${closes}T12:00:00.000Z`,
        },
        [...new Set(rated)].map((partnerId) => ({
          network_id: ctx.network.id,
          round_id: roundId,
          rater_partner_id: ids[rater]!,
          rated_partner_id: partnerId,
          reliability: score(),
          mission: score(),
          openness: score(),
          power: score(),
          involvement: score(),
          resources: score(),
          updated_at: `${closes}T12:00:00.000Z`,
        })),
      );
    }
  }
}
