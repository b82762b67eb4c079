import type { CompactGraph } from './graph.ts';

export interface TieCounts {
  internal: number;
  external: number;
}

export interface SectorMixing {
  network: TieCounts;
  bySector: TieCounts[];
  byNode: { internal: Int32Array; external: Int32Array };
  partnersBySector: number[];
}

/**
 * Counts for Krackhardt & Stern's E–I index, (E − I) / (E + I): −1 when every tie stays inside a
 * sector, +1 when every tie crosses sectors. Each tie counts once (each arc for directed graphs); ties
 * with a partner of unknown sector are left out, since they are neither internal nor external. A sector's
 * E counts its ties to other sectors and its I its ties inside, each tie once. A partner's own counts use
 * all its ties, in and out.
 */
export function sectorMixing(g: CompactGraph): SectorMixing {
  const k = g.sectorNames.length;
  const bySector = Array.from({ length: k }, () => ({ internal: 0, external: 0 }));
  const internal = new Int32Array(g.n);
  const external = new Int32Array(g.n);
  const network = { internal: 0, external: 0 };
  const partnersBySector = new Array<number>(k).fill(0);
  const { offsets, targets } = g.out;
  for (let u = 0; u < g.n; u++) {
    const su = g.sector[u]!;
    if (su < 0) continue;
    partnersBySector[su]!++;
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const v = targets[e]!;
      const sv = g.sector[v]!;
      if (sv < 0 || (!g.directed && v < u)) continue;
      if (su === sv) {
        network.internal++;
        bySector[su]!.internal++;
        internal[u]!++;
        internal[v]!++;
      } else {
        network.external++;
        bySector[su]!.external++;
        bySector[sv]!.external++;
        external[u]!++;
        external[v]!++;
      }
    }
  }
  return { network, bySector, byNode: { internal, external }, partnersBySector };
}

/** (E − I) / (E + I), or null when there is no tie to judge by. */
export function eiIndex(counts: TieCounts): number | null {
  const all = counts.internal + counts.external;
  return all > 0 ? (counts.external - counts.internal) / all : null;
}

export interface BrokerageRoles {
  coordinator: Float64Array;
  gatekeeper: Float64Array;
  representative: Float64Array;
  itinerant: Float64Array;
  liaison: Float64Array;
}

/**
 * Gould & Fernandez (1989) brokerage: for every two-path a → b → c with a ≠ c and no arc a → c, broker b
 * gets one count in the role given by the sectors of a, b and c: coordinator (all one sector),
 * itinerant/consultant (a and c share a sector, b does not), representative (a with b, c elsewhere),
 * gatekeeper (b with c, a elsewhere), liaison (all three differ). Two-paths through a partner of unknown
 * sector are skipped. Undirected graphs are read as every tie going both ways, as statnet's `brokerage`
 * does on a symmetric network: each open triad a – b – c is then seen as a → b → c and c → b → a, so
 * coordinator, itinerant and liaison counts are twice the number of open triads, and a triad where b shares
 * a sector with exactly one end counts once as gatekeeper and once as representative (on an undirected tie
 * the two roles cannot be told apart).
 */
export function brokerageRoles(g: CompactGraph): BrokerageRoles {
  const n = g.n;
  const roles: BrokerageRoles = {
    coordinator: new Float64Array(n),
    gatekeeper: new Float64Array(n),
    representative: new Float64Array(n),
    itinerant: new Float64Array(n),
    liaison: new Float64Array(n),
  };
  if (g.sectorNames.length === 0) return roles;
  const out = g.out;
  const inn = g.in;
  const sector = g.sector;
  const markedBy = new Int32Array(n).fill(-1);
  let stamp = 0;
  for (let b = 0; b < n; b++) {
    const sb = sector[b]!;
    if (sb < 0) continue;
    const outStart = out.offsets[b]!;
    const outEnd = out.offsets[b + 1]!;
    if (outStart === outEnd) continue;
    for (let i = inn.offsets[b]!; i < inn.offsets[b + 1]!; i++) {
      const a = inn.targets[i]!;
      const sa = sector[a]!;
      if (sa < 0) continue;
      stamp++;
      for (let e = out.offsets[a]!; e < out.offsets[a + 1]!; e++) markedBy[out.targets[e]!] = stamp;
      for (let e = outStart; e < outEnd; e++) {
        const c = out.targets[e]!;
        if (c === a || markedBy[c] === stamp) continue;
        const sc = sector[c]!;
        if (sc < 0) continue;
        if (sa === sb) {
          if (sb === sc) roles.coordinator[b]!++;
          else roles.representative[b]!++;
        } else if (sb === sc) {
          roles.gatekeeper[b]!++;
        } else if (sa === sc) {
          roles.itinerant[b]!++;
        } else {
          roles.liaison[b]!++;
        }
      }
    }
  }
  return roles;
}
