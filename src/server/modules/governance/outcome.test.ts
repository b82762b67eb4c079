import { describe, expect, it } from 'vitest';
import { outcomeOf, quorumOf } from './outcome.ts';

type V = Parameters<typeof outcomeOf>[1][number];
const votes = (spec: Record<string, string>): V[] =>
  Object.entries(spec).flatMap(([cluster, s]) =>
    [...s].map((c) => ({
      cluster: cluster as V['cluster'],
      choice: ({ f: 'for', a: 'against', x: 'abstain' } as const)[c as 'f' | 'a' | 'x'],
    })),
  );
const ALL = ['care', 'welfare', 'local_government', 'care_need'] as V['cluster'][];

describe('quorum', () => {
  it('needs the share of the members in office, rounded up', () => {
    expect(quorumOf(9, 5, 0.5)).toMatchObject({ required: 5, met: true });
    expect(quorumOf(9, 4, 0.5)).toMatchObject({ required: 5, met: false });
    expect(quorumOf(10, 5, 0.5)).toMatchObject({ required: 5, met: true });
    expect(quorumOf(12, 7, 2 / 3)).toMatchObject({ required: 8, met: false });
    expect(quorumOf(0, 0, 0.5).met).toBe(false);
  });
});

describe('outcome of a decision', () => {
  it('is pending without votes', () => {
    expect(outcomeOf('simple_majority', [], ALL).outcome).toBe('pending');
  });

  it('counts a simple majority without the abstentions', () => {
    const v = votes({ care: 'ffax', welfare: 'ax' });
    expect(outcomeOf('simple_majority', v, ALL)).toMatchObject({
      totals: { for: 2, against: 2, abstain: 2 },
      outcome: 'rejected',
    });
    expect(outcomeOf('simple_majority', votes({ care: 'ffa', welfare: 'x' }), ALL).outcome).toBe('carried');
  });

  it('needs two thirds of the votes for or against', () => {
    expect(outcomeOf('two_thirds', votes({ care: 'ffa' }), ALL).outcome).toBe('carried');
    expect(outcomeOf('two_thirds', votes({ care: 'fffaa' }), ALL).outcome).toBe('rejected');
  });

  it('needs a majority inside every cluster in office, even when the total is large', () => {
    const split = votes({ care: 'ffff', welfare: 'fff', local_government: 'ff', care_need: 'fa' });
    const r = outcomeOf('majority_every_cluster', split, ALL);
    expect(r.outcome).toBe('rejected');
    expect(r.clusters.find((c) => c.cluster === 'care_need')).toMatchObject({
      for: 1,
      against: 1,
      carried: false,
    });
    expect(outcomeOf('simple_majority', split, ALL).outcome).toBe('carried');
    const silent = votes({ care: 'f', welfare: 'f', local_government: 'f' });
    expect(outcomeOf('majority_every_cluster', silent, ALL).outcome).toBe('rejected');
    const all = votes({ care: 'ffa', welfare: 'f', local_government: 'fx', care_need: 'f' });
    expect(outcomeOf('majority_every_cluster', all, ALL).outcome).toBe('carried');
  });
});
