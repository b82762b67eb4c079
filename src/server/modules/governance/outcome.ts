import { CLUSTERS, type ClusterTally, type Quorum, type Tally } from './schema.ts';

type Cluster = (typeof CLUSTERS)[number];
type Choice = 'for' | 'against' | 'abstain';

/**
 * A body may decide when at least its quorum share of the members in office is present: with 9 members and a
 * share of one half, 5 must be there.
 */
export function quorumOf(members: number, present: number, share: number): Quorum {
  // The small margin keeps 0.5 × 10 at 5, not 6, whatever the floating point says.
  const required = Math.max(1, Math.ceil(share * members - 1e-9));
  return { members, present, required, share, met: members > 0 && present >= required };
}

const tally = (choices: Choice[]): Tally => ({
  for: choices.filter((c) => c === 'for').length,
  against: choices.filter((c) => c === 'against').length,
  abstain: choices.filter((c) => c === 'abstain').length,
});

/** More votes for than against; abstentions count for neither side. */
const majority = (t: Tally) => t.for > t.against;

/**
 * The outcome of a decision under its rule. Simple majority: more for than against. Two-thirds: at least two
 * thirds of the votes for or against are for. Majority in every cluster: each cluster with members in office
 * on the day carries the decision by its own simple majority, so a cluster that cast no vote blocks it.
 * Without any vote the decision is pending.
 */
export function outcomeOf(
  rule: string,
  votes: { choice: Choice; cluster: Cluster }[],
  clustersInOffice: Cluster[],
): { totals: Tally; clusters: ClusterTally[]; outcome: 'pending' | 'carried' | 'rejected' } {
  const totals = tally(votes.map((v) => v.choice));
  const present = new Set<Cluster>([...clustersInOffice, ...votes.map((v) => v.cluster)]);
  const clusters = CLUSTERS.filter((c) => present.has(c)).map((cluster) => {
    const t = tally(votes.filter((v) => v.cluster === cluster).map((v) => v.choice));
    return { cluster, ...t, carried: majority(t) };
  });
  if (votes.length === 0) return { totals, clusters, outcome: 'pending' };
  let carried: boolean;
  if (rule === 'two_thirds') carried = totals.for > 0 && 3 * totals.for >= 2 * (totals.for + totals.against);
  else if (rule === 'majority_every_cluster')
    carried = clusters.length > 0 && clusters.every((c) => c.carried);
  else carried = majority(totals);
  return { totals, clusters, outcome: carried ? 'carried' : 'rejected' };
}
