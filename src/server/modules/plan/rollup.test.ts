import { describe, expect, it } from 'vitest';
import { achievedPct, indicatorStatus, type RollupInput, rollUp, targetOn } from './rollup.ts';

const node = (id: string, parentId: string | null, more: Partial<RollupInput> = {}): RollupInput => ({
  id,
  parentId,
  weight: null,
  progress: null,
  status: null,
  ...more,
});

describe('roll-up of progress and status', () => {
  it('weights children equally unless every counted child has a weight', () => {
    const equal = rollUp([
      node('goal', null),
      node('a', 'goal', { progress: 100 }),
      node('b', 'goal', { progress: 0 }),
    ]);
    expect(equal.get('goal')?.progress).toBe(50);
    expect(equal.get('a')?.effectiveWeight).toBe(50);

    const weighted = rollUp([
      node('goal', null),
      node('a', 'goal', { progress: 100, weight: 75 }),
      node('b', 'goal', { progress: 0, weight: 25 }),
    ]);
    expect(weighted.get('goal')?.progress).toBe(75);
    expect(weighted.get('b')?.effectiveWeight).toBe(25);
  });

  it('rolls up over any depth, counts done as 100 and leaves stopped children out', () => {
    const r = rollUp([
      node('pillar', null),
      node('goal', 'pillar'),
      node('a', 'goal', { progress: 40 }),
      node('b', 'goal', { status: 'done' }),
      node('c', 'goal', { progress: 0, status: 'stopped' }),
    ]);
    expect(r.get('goal')?.progress).toBe(70);
    expect(r.get('pillar')?.progress).toBe(70);
    expect(r.get('c')?.effectiveWeight).toBe(0);
    expect(r.get('a')?.effectiveWeight).toBe(50);
  });

  it('normalises weights that no longer add up to 100 after a sibling left', () => {
    const r = rollUp([
      node('goal', null),
      node('a', 'goal', { progress: 100, weight: 30 }),
      node('b', 'goal', { progress: 40, weight: 30 }),
    ]);
    expect(r.get('goal')?.progress).toBe(70);
    expect(r.get('a')?.effectiveWeight).toBe(50);
  });

  it('takes the worst status of the node, its indicators and its children', () => {
    const nodes = [
      node('pillar', null),
      node('goal', 'pillar', { status: 'on_track' }),
      node('a', 'goal', { status: 'on_track' }),
      node('b', 'goal', { status: 'done' }),
      node('other', 'pillar'),
    ];
    expect(rollUp(nodes).get('pillar')?.status).toBe('on_track');
    expect(rollUp(nodes).get('other')?.status).toBe('none');
    const withIndicator = rollUp(nodes, new Map([['a', ['at_risk' as const]]]));
    expect(withIndicator.get('a')?.status).toBe('at_risk');
    expect(withIndicator.get('pillar')?.status).toBe('at_risk');
    const off = rollUp([...nodes, node('c', 'other', { status: 'off_track' })]);
    expect(off.get('pillar')?.status).toBe('off_track');
  });

  it('handles a chain of 10,000 levels without recursion', () => {
    const chain = [node('n0', null)];
    for (let i = 1; i < 10_000; i++) chain.push(node(`n${i}`, `n${i - 1}`));
    chain[chain.length - 1]!.progress = 30;
    expect(rollUp(chain).get('n0')?.progress).toBe(30);
  });
});

describe('indicator status by the visible rules', () => {
  const rules = { onTrackAt: 100, atRiskAt: 90 };
  const targets = [
    { periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 50 },
    { periodStart: '2025-07-01', periodEnd: '2025-09-30', value: 30 },
  ];

  it('applies the most specific target of the measurement date', () => {
    expect(targetOn(targets, '2025-08-01')?.value).toBe(30);
    expect(targetOn(targets, '2025-12-01')?.value).toBe(50);
    expect(targetOn(targets, '2026-01-01')).toBeNull();
  });

  it('is on track at the target, at risk from 90 %, off track below', () => {
    expect(indicatorStatus('up', { value: 50, on: '2025-12-01' }, targets, rules).status).toBe('on_track');
    expect(indicatorStatus('up', { value: 45, on: '2025-12-01' }, targets, rules)).toEqual({
      status: 'at_risk',
      target: targets[0],
      achievedPct: 90,
    });
    expect(indicatorStatus('up', { value: 44.9, on: '2025-12-01' }, targets, rules).status).toBe('off_track');
    expect(indicatorStatus('up', null, targets, rules).status).toBe('no_data');
    expect(indicatorStatus('up', { value: 1, on: '2024-01-01' }, targets, rules).status).toBe('no_target');
  });

  it('inverts the ratio when lower is better, and follows edited thresholds', () => {
    expect(achievedPct('down', 55, 50)).toBe(90.9);
    expect(achievedPct('down', 0, 50)).toBe(100);
    expect(achievedPct('up', 0, 0)).toBe(100);
    const strict = { onTrackAt: 100, atRiskAt: 95 };
    expect(indicatorStatus('down', { value: 55, on: '2025-12-01' }, targets, strict).status).toBe(
      'off_track',
    );
  });
});
