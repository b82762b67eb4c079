import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { type Actor, auditTenantWrite } from '../../../platform/audit.ts';
import { inTransaction } from '../../../platform/db/index.ts';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import { AppError, badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { nowIso } from '../../../platform/ids.ts';
import { fold } from '../../../platform/search/normalise.ts';
import { hasRole, type TenantContext } from '../../../platform/tenancy.ts';
import { populationFigures } from '../../geography/service.ts';
import { municipalityCodesOn } from '../../networks/service.ts';
import { bumpSearchVersion } from '../search/state.ts';
import { reindex } from '../service.ts';
import type { DirectoryTables } from '../tables.ts';
import './messages.ts';
import type { AnalysisTables, MatchRecord } from './repo.ts';
import * as repo from './repo.ts';
import {
  type CoverageView,
  type DuplicateCheck,
  type DuplicatePair,
  type DuplicateReason,
  EDITABLE_TAXONOMY_KINDS,
  MergeInput,
  type MergeView,
  ORGANIZATION_MERGE_FIELDS,
  type RecordKind,
  type RecordSummary,
  SERVICE_MERGE_FIELDS,
  type Synonym,
  SynonymInput,
  type TaxonomyView,
  TermInput,
  TermNames,
} from './schema.ts';
import {
  addressKey,
  nameSimilarity,
  nameTokens,
  normaliseIdentifier,
  normaliseKbo,
  normalisePhone,
} from './similarity.ts';

type Db = Kysely<PlatformTables>;

function adb(db: Db): Kysely<AnalysisTables> {
  return db.withTables<AnalysisTables>() as unknown as Kysely<AnalysisTables>;
}

/** Renews the search stamp: cached synonym expansions and term labels are stale after these writes. */
const bump = (db: Db) =>
  bumpSearchVersion(db.withTables<DirectoryTables>() as unknown as Kysely<DirectoryTables>);

// ================================================================================================ duplicates

/** Names at least this alike count as a reason; below it two names are just names of the same kind of help. */
const NAME_MIN = 0.88;
/** Pairs are listed from this score up. */
const LIST_MIN = 0.5;
/** A blocking key shared by more records than this says nothing (a common word); its block is skipped. */
const BLOCK_CAP = 150;
/** The identifier scheme under which a survivor keeps the ids of the records merged into it. */
export const MERGED_SCHEME = 'merged';

const WEIGHT = { identifier: 0.9, phone: 0.5, address: 0.4 };

const formatAddress = (a: { address_1: string; postal_code: string; city: string }) =>
  `${a.address_1}, ${a.postal_code} ${a.city}`.trim();

/**
 * Whether two records look like one, with the reasons. The score combines the reasons as independent
 * evidence (1 − Π(1 − w)): a shared enterprise number is nearly decisive, a shared phone or address adds
 * to a similar name. Services of one organisation share its phone and address, so for services a reason
 * from the name (or a shared identifier) is required, and the two must be in the same place or organisation.
 */
export function compareRecords(
  a: MatchRecord,
  b: MatchRecord,
): { score: number; reasons: DuplicateReason[] } | null {
  if (a.id !== '' && a.id === b.id) return null;
  const reasons: DuplicateReason[] = [];
  const weights: number[] = [];

  const bIds = new Set(
    b.identifiers.flatMap((i) => {
      const n = normaliseIdentifier(i.scheme, i.identifier);
      return n && i.scheme !== MERGED_SCHEME ? [`${i.scheme}:${n}`] : [];
    }),
  );
  for (const i of a.identifiers) {
    const n = normaliseIdentifier(i.scheme, i.identifier);
    if (n && i.scheme !== MERGED_SCHEME && bIds.has(`${i.scheme}:${n}`)) {
      reasons.push({ code: 'same_identifier', scheme: i.scheme, value: i.identifier });
      weights.push(WEIGHT.identifier);
      bIds.delete(`${i.scheme}:${n}`);
    }
  }
  const bPhones = new Set(b.phones.flatMap((p) => normalisePhone(p) ?? []));
  const phone = a.phones.find((p) => {
    const n = normalisePhone(p);
    return n !== null && bPhones.has(n);
  });
  if (phone) {
    reasons.push({ code: 'same_phone', value: phone });
    weights.push(WEIGHT.phone);
  }
  const bAddresses = new Set(b.addresses.flatMap((x) => addressKey(x.address_1, x.postal_code) ?? []));
  const address = a.addresses.find((x) => {
    const k = addressKey(x.address_1, x.postal_code);
    return k !== null && bAddresses.has(k);
  });
  if (address) {
    reasons.push({ code: 'same_address', value: formatAddress(address) });
    weights.push(WEIGHT.address);
  }
  const similarity = nameSimilarity(a.name, b.name);
  const similarName = similarity >= NAME_MIN;
  if (similarName) {
    reasons.push({ code: 'similar_name', similarity: Math.round(similarity * 100) / 100 });
    weights.push(0.8 * similarity - 0.1);
  }

  const sharedIdentifier = reasons.some((r) => r.code === 'same_identifier');
  if (a.kind === 'service' && !sharedIdentifier) {
    if (!similarName) return null;
    const samePlace =
      phone !== undefined ||
      address !== undefined ||
      (a.organizationId !== null && a.organizationId === b.organizationId) ||
      nameSimilarity(a.organizationName ?? '', b.organizationName ?? '') >= NAME_MIN ||
      a.addresses.some((x) => b.addresses.some((y) => x.postal_code === y.postal_code));
    if (!samePlace) return null;
  }
  const score = 1 - weights.reduce((p, w) => p * (1 - w), 1);
  if (score < LIST_MIN) return null;
  return { score: Math.round(score * 100) / 100, reasons };
}

/** The keys a record is grouped under before pairs are compared: only records sharing one are compared. */
function blockingKeys(r: MatchRecord): string[] {
  const keys = new Set<string>();
  for (const i of r.identifiers) {
    const n = normaliseIdentifier(i.scheme, i.identifier);
    if (n && i.scheme !== MERGED_SCHEME) keys.add(`i:${i.scheme}:${n}`);
  }
  for (const p of r.phones) {
    const n = normalisePhone(p);
    if (n) keys.add(`p:${n}`);
  }
  const postcodes = new Set<string>();
  for (const a of r.addresses) {
    const k = addressKey(a.address_1, a.postal_code);
    if (k) keys.add(`a:${k}`);
    postcodes.add(a.postal_code);
  }
  for (const w of nameTokens(r.name)) {
    if (w.length < 3) continue;
    const prefix = w.slice(0, 4);
    keys.add(`n:${prefix}`);
    for (const pc of postcodes) keys.add(`n:${pc}:${prefix}`);
  }
  return [...keys];
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

function summary(r: MatchRecord, networkId: string | null): RecordSummary {
  const address = r.addresses[0];
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    organizationName: r.organizationName,
    local: r.networkId !== null && r.networkId === networkId,
    address: address ? formatAddress(address) : null,
    phone: r.phones[0] ?? null,
  };
}

/** The written forms an enterprise number may have been stored in, so that an exact lookup finds it. */
function kboForms(kbo: string): string[] {
  const d = normaliseKbo(kbo);
  if (!d) return [kbo];
  const dotted = `${d.slice(0, 4)}.${d.slice(4, 7)}.${d.slice(7)}`;
  return [
    ...new Set([
      kbo,
      d,
      d.slice(1),
      dotted,
      `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`,
      `BE${d}`,
      `BE ${dotted}`,
      `BE${dotted}`,
    ]),
  ];
}

export interface DuplicateCandidate {
  kind?: RecordKind;
  name: string;
  kbo?: string | null | undefined;
  address_1?: string | null | undefined;
  postal_code?: string | null | undefined;
  city?: string | null | undefined;
  phone?: string | null | undefined;
  /** For a service: its organisation, when known (two services of one organisation need no shared place). */
  organization_id?: string | null | undefined;
  /** The record itself, when an existing record is edited. */
  excludeId?: string | undefined;
}

export interface DuplicateMatch {
  id: string;
  kind: RecordKind;
  name: string;
  score: number;
  reasons: DuplicateReason[];
}

/**
 * Records of the map (shared, or the network's own) that a record being entered or imported may duplicate,
 * best first. For entry forms and importers: one call per record, a few narrow lookups each.
 */
export async function findDuplicateCandidates(
  db: Db,
  scope: { networkId: string | null },
  candidate: DuplicateCandidate,
): Promise<DuplicateMatch[]> {
  const kind = candidate.kind ?? 'organization';
  const d = adb(db);
  const phone = candidate.phone ? normalisePhone(candidate.phone) : null;
  const tokens = nameTokens(candidate.name).filter((w) => w.length >= 4);
  const nameWord = tokens.sort((x, y) => y.length - x.length)[0] ?? null;
  const ids = await repo.possibleMatches(d, kind, scope.networkId, {
    identifiers: candidate.kbo ? kboForms(candidate.kbo) : [],
    phoneTail: phone ? phone.slice(-8) : null,
    postcode: candidate.postal_code?.trim() || null,
    nameWord,
  });
  const others = await repo.loadMatchRecords(
    d,
    kind,
    ids.filter((id) => id !== candidate.excludeId),
  );
  const self: MatchRecord = {
    kind,
    id: '',
    networkId: scope.networkId,
    name: candidate.name,
    organizationId: candidate.organization_id ?? null,
    organizationName: null,
    identifiers: candidate.kbo ? [{ scheme: 'kbo', identifier: candidate.kbo }] : [],
    phones: candidate.phone ? [candidate.phone] : [],
    addresses: candidate.postal_code
      ? [
          {
            address_1: candidate.address_1 ?? '',
            postal_code: candidate.postal_code,
            city: candidate.city ?? '',
          },
        ]
      : [],
  };
  const matches: DuplicateMatch[] = [];
  for (const other of others) {
    const found = compareRecords(self, other);
    if (found) matches.push({ id: other.id, kind, name: other.name, ...found });
  }
  return matches.sort((x, y) => y.score - x.score).slice(0, 20);
}

export function checkDuplicates(db: Db, ctx: TenantContext, input: DuplicateCheck) {
  return findDuplicateCandidates(db, { networkId: ctx.network.id }, input);
}

/**
 * The network's likely duplicates: records of its area grouped by blocking keys (enterprise number, phone,
 * address, name prefix per postcode), pairs compared within blocks only, pairs judged "not a duplicate"
 * left out. Best first.
 */
export async function listDuplicates(
  db: Db,
  ctx: TenantContext,
  kind: RecordKind,
): Promise<{ pairs: DuplicatePair[]; scanned: number }> {
  const d = adb(db);
  const nis = await municipalityCodesOn(db, ctx.network.id);
  const postcodes = await repo.postcodesOf(d, nis);
  const ids = await repo.recordsInArea(d, kind, ctx.network.id, nis, postcodes);
  const records = await repo.loadMatchRecords(d, kind, ids);
  const dismissed = await repo.dismissedPairs(d, ctx.network.id, kind);
  const blocks = new Map<string, number[]>();
  records.forEach((r, i) => {
    for (const key of blockingKeys(r)) {
      const list = blocks.get(key) ?? [];
      list.push(i);
      blocks.set(key, list);
    }
  });
  const seen = new Set<string>();
  const pairs: DuplicatePair[] = [];
  for (const members of blocks.values()) {
    if (members.length < 2 || members.length > BLOCK_CAP) continue;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const a = records[members[x] as number] as MatchRecord;
        const b = records[members[y] as number] as MatchRecord;
        const key = pairKey(a.id, b.id);
        if (seen.has(key)) continue;
        seen.add(key);
        if (dismissed.has(key)) continue;
        const found = compareRecords(a, b);
        if (!found) continue;
        // The network's own record first: it is the one usually merged into the shared one.
        const [first, second] = a.id < b.id ? [a, b] : [b, a];
        pairs.push({
          kind,
          a: summary(first, ctx.network.id),
          b: summary(second, ctx.network.id),
          ...found,
        });
      }
    }
  }
  pairs.sort((p, q) => q.score - p.score || p.a.name.localeCompare(q.a.name));
  return { pairs: pairs.slice(0, 500), scanned: records.length };
}

/** A record a network may see: shared, or its own; another network's additions do not exist for it. */
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

async function termNames(d: Kysely<AnalysisTables>, terms: { id: string; name: string }[]) {
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
  await d
    .deleteFrom('directory_translations')
    .where('entity_type', '=', 'taxonomy_term')
    .where('entity_id', '=', termId)
    .where('field', '=', 'name')
    .execute();
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
