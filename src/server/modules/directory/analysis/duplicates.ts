// Finding likely duplicates: blocking, comparing, and the lists staff review.
import type { TenantContext } from '../../../platform/tenancy.ts';
import { municipalityCodesOn } from '../../networks/service.ts';
import { adb, type Db } from './common.ts';
import type { MatchRecord } from './repo.ts';
import * as repo from './repo.ts';
import type { DuplicateCheck, DuplicatePair, DuplicateReason, RecordKind, RecordSummary } from './schema.ts';
import {
  addressKey,
  nameSimilarity,
  nameTokens,
  normaliseIdentifier,
  normaliseKbo,
  normalisePhone,
} from './similarity.ts';

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
