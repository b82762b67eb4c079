import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { networkMetricsCommand } from './cli.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'knooppunt-network-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await networkMetricsCommand(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
  });
  return { code, stdout, stderr };
}

describe('network metrics --edges <file.csv> --json', () => {
  it('prints network and node metrics with NetworkX-style unnormalised betweenness', async () => {
    const file = csv('path.csv', 'source,target,weight\na,b,1\nb,c,2.5\nc,d,1\n');
    const { code, stdout, stderr } = await run(['network', 'metrics', '--edges', file, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['network', 'nodes']);
    expect(out.network).toMatchObject({ nodes: 4, edges: 3, directed: false });
    expect(out.nodes.b).toMatchObject({ degree: 2, strength: 3.5, betweenness: 2 });
    // Weighted: (1/3.5)² + (2.5/3.5)².
    expect(out.nodes.b.constraint).toBeCloseTo(29 / 49, 12);
    expect(out.nodes.a.closeness).toBeCloseTo(0.5, 12);
    expect(typeof out.nodes.a.eigenvector).toBe('number');
    expect(typeof out.nodes.a.community).toBe('number');
  });

  it('reads a directed file without weights, CRLF and a byte-order mark', async () => {
    const file = csv('directed.csv', '\ufeffSource,Target\r\na,b\r\nb,c\r\n');
    const { code, stdout } = await run(['metrics', '--edges', file, '--directed', '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.network.directed).toBe(true);
    expect(out.nodes.b.betweenness).toBe(1);
    expect(out.nodes.b).toMatchObject({ inDegree: 1, outDegree: 1 });
  });

  it('prints a short summary without --json', async () => {
    const file = csv('star.csv', 'source,target\nc,x\nc,y\nc,z\n');
    const { code, stdout } = await run(['--edges', file]);
    expect(code).toBe(0);
    expect(stdout).toContain('partners 4, ties 3');
    expect(stdout).toContain('  c  3.0');
  });

  it.each([
    ['a missing file', null, /cannot read .*missing\.csv: no such file/],
    [
      'a wrong header',
      'from,to\na,b\n',
      /line 1: the header must be "source,target" or "source,target,weight", got "from,to"/,
    ],
    [
      'a non-numeric weight',
      'source,target,weight\na,b,1\nb,c,strong\n',
      /line 3: weight "strong" is not a positive number/,
    ],
    ['a zero weight', 'source,target,weight\na,b,0\n', /line 2: weight "0" is not a positive number/],
    ['a negative weight', 'source,target,weight\na,b,-2\n', /line 2: weight "-2" is not a positive number/],
    ['an empty line', 'source,target\na,b\n\nb,c\n', /line 3: empty line/],
    ['a missing field', 'source,target,weight\na,b\n', /line 2: expected 3 fields, got 2/],
    ['an empty source', 'source,target\n,b\n', /line 2: source is empty/],
    ['an unclosed quote', 'source,target\n"a,b\n', /line 2: Quote Not Closed/],
  ])('rejects %s with exit code 2 and nothing on stdout', async (_, text, message) => {
    const file = text === null ? path.join(dir, 'missing.csv') : csv(`bad-${Math.random()}.csv`, text);
    const { code, stdout, stderr } = await run(['network', 'metrics', '--edges', file, '--json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('rejects missing --edges, unknown options and an unknown hub', async () => {
    expect((await run(['network', 'metrics', '--json'])).stderr).toMatch(/--edges <file.csv> is required/);
    const unknown = await run(['--edges', 'x.csv', '--fast']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--fast/);
    const file = csv('hub.csv', 'source,target\na,b\n');
    const hub = await run(['--edges', file, '--hub', 'zz', '--json']);
    expect(hub).toMatchObject({ code: 2, stdout: '' });
    expect(hub.stderr).toMatch(/hub "zz" is not a partner/);
  });
});
