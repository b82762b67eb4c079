import { describe, expect, it } from 'vitest';
import { computeNetworkMetricsSync, type GraphEdge, type NetworkGraph, NetworkInputError } from './index.ts';

/** "a-b b-c:2" → edges; ":w" sets the weight. */
function ties(spec: string): GraphEdge[] {
  return spec
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => {
      const [pair, w] = t.split(':') as [string, string?];
      const [source, target] = pair.split(/->|-/) as [string, string];
      return { source, target, ...(w ? { weight: Number(w) } : {}) };
    });
}

const undirected = (spec: string, nodes: NetworkGraph['nodes'] = []): NetworkGraph => ({
  directed: false,
  nodes,
  edges: ties(spec),
});

/** Every number anywhere in the result is finite. */
function expectAllFinite(value: unknown, path = '$'): void {
  if (typeof value === 'number') {
    expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) expectAllFinite(v, `${path}.${k}`);
  }
}

describe('star: centre c and four leaves', () => {
  const r = computeNetworkMetricsSync(undirected('c-l1 c-l2 c-l3 c-l4'), { hub: 'c' });
  const c = r.nodes.c!;
  const leaf = r.nodes.l1!;

  it('puts every pair of leaves on the centre', () => {
    expect(c.betweenness).toBe(6);
    expect(c.betweennessNormalized).toBe(1);
    expect(leaf.betweenness).toBe(0);
    expect(r.network.hub).toEqual({ id: 'c', dependence: 1 });
  });

  it('has closeness 1 at the centre and 4/7 at a leaf', () => {
    expect(c.closeness).toBe(1);
    expect(leaf.closeness).toBeCloseTo(4 / 7, 12);
  });

  it('has Freeman degree centralization 1 and density 0.4', () => {
    expect(r.network.degreeCentralization).toBe(1);
    expect(r.network.density).toBe(0.4);
    expect(r.network.averagePathLength).toBeCloseTo(1.6, 12);
    expect(r.network.diameter).toBe(2);
  });

  it('gives the centre constraint 1/4 and effective size 4, a leaf 1 and 1', () => {
    expect(c.constraint).toBeCloseTo(0.25, 12);
    expect(c.effectiveSize).toBeCloseTo(4, 12);
    expect(leaf.constraint).toBeCloseTo(1, 12);
    expect(leaf.effectiveSize).toBeCloseTo(1, 12);
  });

  it('has eigenvector centrality 1/√2 at the centre and 1/√8 at a leaf', () => {
    expect(c.eigenvector).toBeCloseTo(Math.SQRT1_2, 5);
    expect(leaf.eigenvector).toBeCloseTo(1 / Math.sqrt(8), 5);
    expect(r.network.eigenvector.converged).toBe(true);
  });

  it('has the centre as its only cut point and the leaves as periphery', () => {
    expect(r.network.articulationPoints).toEqual(['c']);
    expect(
      Object.entries(r.nodes)
        .filter(([, m]) => m.peripheral)
        .map(([id]) => id),
    ).toEqual(['l1', 'l2', 'l3', 'l4']);
    expect(c.coreNumber).toBe(1);
  });
});

describe('path a-b-c-d-e', () => {
  const r = computeNetworkMetricsSync(undirected('a-b b-c c-d d-e'));
  const val = (key: 'betweenness' | 'closeness' | 'constraint') =>
    ['a', 'b', 'c', 'd', 'e'].map((id) => r.nodes[id]![key]);

  it('has betweenness 0, 3, 4, 3, 0', () => {
    expect(val('betweenness')).toEqual([0, 3, 4, 3, 0]);
  });

  it('has closeness 4/10, 4/7, 4/6, 4/7, 4/10', () => {
    const expected = [0.4, 4 / 7, 2 / 3, 4 / 7, 0.4];
    for (const [i, c] of val('closeness').entries()) expect(c).toBeCloseTo(expected[i]!, 12);
  });

  it('has constraint 1 at the ends and 1/2 inside', () => {
    expect(val('constraint')).toEqual([1, 0.5, 0.5, 0.5, 1]);
  });

  it('has the inner nodes as cut points, the ends as periphery, mean distance 2', () => {
    expect(r.network.articulationPoints).toEqual(['b', 'c', 'd']);
    expect(r.network.peripheral).toBe(2);
    expect(r.network.averagePathLength).toBe(2);
    expect(r.network.diameter).toBe(4);
    expect(r.network.degreeCentralization).toBeCloseTo(1 / 6, 12);
  });
});

describe('two cliques of four joined by the bridge a1-b1', () => {
  const clique = (p: string) =>
    [1, 2, 3, 4].flatMap((i) => [1, 2, 3, 4].filter((j) => j > i).map((j) => `${p}${i}-${p}${j}`)).join(' ');
  const nodes = [1, 2, 3, 4].flatMap((i) => [
    { id: `a${i}`, sector: 'care' },
    { id: `b${i}`, sector: 'welfare' },
  ]);
  const r = computeNetworkMetricsSync(undirected(`${clique('a')} ${clique('b')} a1-b1`, nodes), {
    hub: 'a1',
  });

  it('routes the 12 cross pairs through each bridge end', () => {
    expect(r.nodes.a1!.betweenness).toBe(12);
    expect(r.nodes.b1!.betweenness).toBe(12);
    expect(r.nodes.a2!.betweenness).toBe(0);
    expect(r.network.hub!.dependence).toBeCloseTo(12 / 21, 12);
  });

  it('has closeness 7/10 at a bridge end and 7/14 elsewhere', () => {
    expect(r.nodes.a1!.closeness).toBeCloseTo(0.7, 12);
    expect(r.nodes.b3!.closeness).toBeCloseTo(0.5, 12);
  });

  it('has constraint 84/144 at a bridge end and 1122/1296 inside a clique', () => {
    expect(r.nodes.a1!.constraint).toBeCloseTo(84 / 144, 12);
    expect(r.nodes.a2!.constraint).toBeCloseTo(1122 / 1296, 12);
    expect(r.nodes.a1!.effectiveSize).toBeCloseTo(2.5, 12);
    expect(r.nodes.a2!.effectiveSize).toBeCloseTo(1, 12);
  });

  it('has the bridge ends as cut points and finds the two cliques as communities', () => {
    expect(r.network.articulationPoints).toEqual(['a1', 'b1']);
    expect(r.network.communities.count).toBe(2);
    expect(r.network.communities.modularity).toBeCloseTo(24 / 26 - 0.5, 12);
    const a = r.nodes.a1!.community;
    expect([1, 2, 3, 4].map((i) => r.nodes[`a${i}`]!.community)).toEqual([a, a, a, a]);
    expect([1, 2, 3, 4].every((i) => r.nodes[`b${i}`]!.community !== a)).toBe(true);
    expect(r.nodes.a3!.coreNumber).toBe(3);
  });

  it('has E–I −11/13 for the network, −5/7 per sector, −1/2 at a bridge end', () => {
    expect(r.network.internalTies).toBe(12);
    expect(r.network.externalTies).toBe(1);
    expect(r.network.eiIndex).toBeCloseTo(-11 / 13, 12);
    expect(r.sectors.care).toEqual({ partners: 4, internalTies: 6, externalTies: 1, eiIndex: -5 / 7 });
    expect(r.nodes.a1!.eiIndex).toBe(-0.5);
    expect(r.nodes.a2!.eiIndex).toBe(-1);
  });

  it('makes each bridge end representative and gatekeeper 3 times (undirected: both directions)', () => {
    expect(r.nodes.a1!.brokerage).toEqual({
      coordinator: 0,
      gatekeeper: 3,
      representative: 3,
      itinerant: 0,
      liaison: 0,
      total: 6,
    });
    expect(r.nodes.a2!.brokerage.total).toBe(0);
  });

  it('gives the same communities for the same seed every time', () => {
    const again = computeNetworkMetricsSync(undirected(`${clique('a')} ${clique('b')} a1-b1`, nodes));
    expect(Object.values(again.nodes).map((m) => m.community)).toEqual(
      Object.values(r.nodes).map((m) => m.community),
    );
  });
});

describe('directed networks', () => {
  const nodes = [
    { id: 'a', sector: 'X' },
    { id: 'b', sector: 'X' },
    { id: 'c', sector: 'Y' },
    { id: 'd', sector: 'Y' },
  ];
  const r = computeNetworkMetricsSync({ directed: true, nodes, edges: ties('a->b b->a b->c c->d') });

  it('counts ordered pairs for betweenness and incoming distances for closeness', () => {
    expect(r.nodes.b!.betweenness).toBe(2);
    expect(r.nodes.c!.betweenness).toBe(2);
    expect(r.nodes.c!.betweennessNormalized).toBeCloseTo(2 / 6, 12);
    expect(r.nodes.d!.closeness).toBeCloseTo(0.5, 12);
    expect(r.nodes.a!.closeness).toBeCloseTo(1 / 3, 12);
  });

  it('has reciprocity 1/2, in- and out-degrees', () => {
    expect(r.network.reciprocity).toBe(0.5);
    expect(r.network.density).toBeCloseTo(4 / 12, 12);
    expect(r.nodes.b).toMatchObject({ degree: 3, inDegree: 1, outDegree: 2 });
  });

  it('finds a representative and a gatekeeper', () => {
    expect(r.nodes.b!.brokerage).toMatchObject({ representative: 1, total: 1 });
    expect(r.nodes.c!.brokerage).toMatchObject({ gatekeeper: 1, total: 1 });
  });

  it('finds liaison, itinerant and coordinator, but not across a closed triad', () => {
    const three = [
      ['x', 'A'],
      ['y', 'B'],
      ['z', 'C'],
      ['p', 'A'],
      ['q', 'B'],
      ['r', 'A'],
      ['s', 'A'],
      ['t', 'A'],
      ['u', 'A'],
      ['k', 'A'],
      ['l', 'A'],
      ['m', 'A'],
    ].map(([id, sector]) => ({ id: id!, sector: sector! }));
    const b = computeNetworkMetricsSync({
      directed: true,
      nodes: three,
      edges: ties('x->y y->z p->q q->r s->t t->u k->l l->m k->m'),
    });
    expect(b.nodes.y!.brokerage).toMatchObject({ liaison: 1, total: 1 });
    expect(b.nodes.q!.brokerage).toMatchObject({ itinerant: 1, total: 1 });
    expect(b.nodes.t!.brokerage).toMatchObject({ coordinator: 1, total: 1 });
    expect(b.nodes.l!.brokerage.total).toBe(0);
  });
});

describe('edge cases give defined values', () => {
  it('an empty network', () => {
    const r = computeNetworkMetricsSync({ directed: true, nodes: [], edges: [] });
    expect(r.network).toMatchObject({ nodes: 0, edges: 0, density: 0, reciprocity: 0, averagePathLength: 0 });
    expect(r.network.components.count).toBe(0);
    expectAllFinite(r);
  });

  it('one partner without ties', () => {
    const r = computeNetworkMetricsSync({ directed: false, nodes: [{ id: 'solo' }], edges: [] });
    expect(r.nodes.solo).toMatchObject({
      degree: 0,
      betweenness: 0,
      closeness: 0,
      eigenvector: 1,
      constraint: null,
      effectiveSize: 0,
      isolate: true,
      peripheral: false,
      community: 0,
      eiIndex: null,
    });
    expect(r.network.isolates).toEqual(['solo']);
    expectAllFinite(r);
  });

  it('partners without any tie share a uniform eigenvector and sit in their own communities', () => {
    const r = computeNetworkMetricsSync({
      directed: false,
      nodes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      edges: [],
    });
    expect(r.nodes.b!.eigenvector).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(r.network.communities).toMatchObject({ count: 3, modularity: 0 });
    expect(r.network.degreeCentralization).toBe(0);
    expectAllFinite(r);
  });

  it('ignores self-loops for every metric and counts them', () => {
    const r = computeNetworkMetricsSync(undirected('a-a a-b b-b'));
    expect(r.network.selfLoopsIgnored).toBe(2);
    expect(r.network.edges).toBe(1);
    expect(r.nodes.a).toMatchObject({ degree: 1, strength: 1, betweenness: 0, closeness: 1, constraint: 1 });
    const loopOnly = computeNetworkMetricsSync(undirected('z-z'));
    expect(loopOnly.nodes.z).toMatchObject({ isolate: true, degree: 0 });
    expectAllFinite(loopOnly);
  });

  it('a disconnected network: closeness scaled by reach, path length within components', () => {
    const r = computeNetworkMetricsSync(undirected('a-b c-d', [{ id: 'e' }]), { hub: 'e' });
    expect(r.network.components).toEqual({ count: 3, sizes: [2, 2, 1] });
    expect(r.nodes.a!.closeness).toBeCloseTo(0.25, 12);
    expect(r.nodes.e!.closeness).toBe(0);
    expect(r.network.averagePathLength).toBe(1);
    expect(r.network.isolates).toEqual(['e']);
    expect(r.network.hub).toEqual({ id: 'e', dependence: 0 });
    expectAllFinite(r);
  });

  it('adds up repeated ties', () => {
    const r = computeNetworkMetricsSync(undirected('a-b:1 b-a:2 b-c'));
    expect(r.network.duplicateTiesMerged).toBe(1);
    expect(r.network.edges).toBe(2);
    expect(r.nodes.a!.strength).toBe(3);
    expect(r.nodes.b!.strength).toBe(4);
  });

  it('rejects a non-positive weight and an unknown hub', () => {
    expect(() => computeNetworkMetricsSync(undirected('a-b:0'))).toThrow(NetworkInputError);
    expect(() => computeNetworkMetricsSync(undirected('a-b'), { hub: 'x' })).toThrow(/hub "x"/);
  });

  it('keeps only the requested tie types', () => {
    const r = computeNetworkMetricsSync(
      {
        directed: false,
        nodes: [],
        edges: [
          { source: 'a', target: 'b', type: 'referral' },
          { source: 'b', target: 'c', type: 'project' },
        ],
      },
      { tieTypes: ['referral'] },
    );
    expect(r.network.edges).toBe(1);
  });
});
