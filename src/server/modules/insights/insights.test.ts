import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../platform/db/testing.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '../../testing.ts';
import { figuresCommand } from './cli.ts';
import { detectNumberStyle, parseNumber } from './parse.ts';
import { project } from './read.ts';

const COVERAGE = '/api/networks/elz-regio-aalst/directory/coverage';
const HEADER = 'indicator;name;unit;municipality;period;value;source;licence;fictional';
const SCREENING = (place: string, period: string, value: string, unit = '%') =>
  `borstscreening;Deelname borstkankeronderzoek (fictief, één reeks);${unit};${place};${period};${value};Demo;CC BY 4.0;ja`;

const GOOD = [
  SCREENING('41002', '2022', '52,5'),
  SCREENING('41002', '2023', '54,5'),
  SCREENING('41002', '2024', '56,5'),
  SCREENING('Denderleeuw', '2024', '48'),
  SCREENING('erpe mere', '2024', '61,25'),
  SCREENING('41024', '2024', '58'),
  SCREENING('41034', '2024', '44'),
  // Outside the network: counts for the Flemish mean, not in the network's answers.
  SCREENING('11002', '2024', '40'),
  'inwoners_per_huisarts;Inwoners per huisarts;inwoners;41002;2024;1.234,5;Demo;CC BY 4.0;',
];

describe('reading numbers and periods', () => {
  it('reads Dutch and English number styles', () => {
    expect(parseNumber('1.234,5', 'nl')).toBe(1234.5);
    expect(parseNumber('12,75', 'nl')).toBe(12.75);
    expect(parseNumber('1 234,5', 'nl')).toBe(1234.5);
    expect(parseNumber('1,234.5', 'en')).toBe(1234.5);
    expect(parseNumber('twaalf', 'nl')).toBeNull();
    expect(parseNumber('', 'nl')).toBeNull();
    expect(detectNumberStyle(';', ['1.5'])).toBe('nl');
    expect(detectNumberStyle(',', ['12,5'])).toBe('nl');
    expect(detectNumberStyle(',', ['1,234', '3.5'])).toBe('en');
  });

  it('projects a straight line through the last yearly periods', () => {
    const points = project([
      { period: '2020', value: 50 },
      { period: '2021', value: 52 },
      { period: '2022', value: 54 },
    ]);
    expect(points).toEqual([
      { period: '2023', value: 56 },
      { period: '2024', value: 58 },
      { period: '2025', value: 60 },
    ]);
    expect(project([{ period: '2020', value: 1 }])).toEqual([]);
  });
});

describe.each(testEngines())('regional figures on %s', (engine) => {
  let k: TestApp;
  let staff: Session;
  let partner: Session;
  let dir: string;
  const db = () => k.t.db as unknown as Kysely<Record<string, Record<string, unknown>>>;

  const writeFile = (name: string, lines: string[], encoding: BufferEncoding = 'latin1') => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, Buffer.from([HEADER, ...lines].join('\r\n'), encoding));
    return file;
  };
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await figuresCommand(['import', 'figures', ...args], {
      db: k.t.db,
      out: (s) => out.push(s),
      err: (s) => err.push(s),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const counts = async () => ({
    indicators: (await db().selectFrom('insight_indicators').selectAll().execute()).length,
    values: (await db().selectFrom('insight_values').selectAll().execute()).length,
    audit: (await db().selectFrom('audit_log').selectAll().execute()).length,
  });

  beforeAll(async () => {
    k = await createTestApp(engine);
    [staff, partner] = await Promise.all([
      loginAs(k.app, 'medewerker@demo.knooppunt.be'),
      loginAs(k.app, 'partner@demo.knooppunt.be'),
    ]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'figures-'));
  }, 120_000);

  afterAll(async () => {
    await k?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a file with bad lines, names each with its number and reason, and writes nothing', async () => {
    const before = await counts();
    const file = writeFile('slecht.csv', [
      ...GOOD,
      SCREENING('Atlantis', '2024', '50'),
      SCREENING('41011', '2023', 'veel'),
      SCREENING('41011', '2022', '51', 'promille'),
      SCREENING('41002', '2024', '57'),
      SCREENING('41011', '24', '50'),
    ]);
    const res = await run([file, '--network', 'elz-regio-aalst', '--json']);
    expect(res.code).toBe(1);
    const json = JSON.parse(res.out) as {
      imported: number;
      rejected: { line: number; code: string; message: string }[];
    };
    expect(json.imported).toBe(0);
    expect(json.rejected.map((r) => [r.line, r.code])).toEqual([
      [11, 'insights_line_municipality'],
      [12, 'insights_line_value'],
      [13, 'insights_line_unit_differs'],
      [14, 'insights_line_duplicate'],
      [15, 'insights_line_period'],
    ]);
    expect(json.rejected[0]!.message).toContain('Line 11');
    expect(json.rejected[3]!.message).toContain('line 4');
    expect(await counts()).toEqual(before);

    const text = await run([file, '--network', 'elz-regio-aalst']);
    expect(text.code).toBe(1);
    expect(text.err).toContain('Line 12: value "veel" is not a number');
    expect(await counts()).toEqual(before);
  });

  it('imports a Latin-1, semicolon-separated Dutch Excel file with decimal commas and thousands separators', async () => {
    const before = await counts();
    const res = await run([writeFile('goed.csv', GOOD), '--network', 'elz-regio-aalst', '--json']);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.out)).toEqual({ imported: GOOD.length, rejected: [] });
    const after = await counts();
    expect(after.indicators - before.indicators).toBe(2);
    expect(after.values - before.values).toBe(GOOD.length);
    expect(after.audit - before.audit).toBe(1);

    const series = await k.app.inject({ url: '/api/networks/elz-regio-aalst/figures/borstscreening' });
    expect(series.statusCode).toBe(200);
    const body = series.json();
    expect(Object.keys(body).sort()).toEqual(['indicator', 'source', 'unit', 'values']);
    expect(body.indicator).toBe('borstscreening');
    expect(body.unit).toBe('%');
    expect(body.values).toContainEqual({
      municipality: { nis: '41082', name: 'Erpe-Mere' },
      period: '2024',
      value: 61.25,
    });
    // Antwerp is outside the network: it counts for Flanders, not in the network's answer.
    expect(body.values.some((v: { municipality: { nis: string } }) => v.municipality.nis === '11002')).toBe(
      false,
    );
    expect(body.values).toHaveLength(7);

    const list = (await k.app.inject({ url: '/api/networks/elz-regio-aalst/insights/indicators' })).json();
    const screening = list.indicators.find((i: { key: string }) => i.key === 'borstscreening');
    expect(screening.name.nl).toBe('Deelname borstkankeronderzoek (fictief, één reeks)');
    expect(screening.fictional).toBe(true);
    const perGp = await k.app.inject({ url: '/api/networks/elz-regio-aalst/figures/inwoners_per_huisarts' });
    expect(perGp.json().values[0].value).toBe(1234.5);
  });

  it('compares with the network and with Flanders (= 100) and projects the trend with its method', async () => {
    const res = await k.app.inject({
      url: '/api/networks/elz-regio-aalst/figures/borstscreening/comparison?lang=en',
    });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.period).toBe('2024');
    const pop = async (nis: string) =>
      Number(
        (await db()
          .selectFrom('municipalities')
          .select('population_2020')
          .where('nis_code', '=', nis)
          .executeTakeFirst())!.population_2020,
      );
    const places: [string, number][] = [
      ['41002', 56.5],
      ['41011', 48],
      ['41082', 61.25],
      ['41024', 58],
      ['41034', 44],
      ['11002', 40],
    ];
    let sum = 0;
    let weight = 0;
    for (const [nis, v] of places) {
      const p = await pop(nis);
      sum += v * p;
      weight += p;
    }
    const flanders = sum / weight;
    expect(c.flanders).toBeCloseTo(flanders, 1);
    expect(c.flandersCount).toBe(6);
    const aalst = c.municipalities.find((m: { nis: string }) => m.nis === '41002');
    expect(aalst.index).toBeCloseTo((56.5 / flanders) * 100, 0);
    expect(c.network).toBeGreaterThan(flanders);
    expect(c.projection.method).toContain('least squares');
    expect(c.indexMethod).toContain('Flanders = 100');
  });

  it('gives a municipality profile with the Statbel age series and the imported figures', async () => {
    const res = await k.app.inject({ url: '/api/networks/elz-regio-aalst/insights/profiles/41002' });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.municipality.name).toBe('Aalst');
    const share = p.figures.find((f: { indicator: { key: string } }) => f.indicator.key === 'share_65_plus');
    expect(share.indicator.source).toContain('Statbel');
    expect(share.series.map((s: { period: string }) => s.period)).toContain('2026');
    const screening = p.figures.find(
      (f: { indicator: { key: string } }) => f.indicator.key === 'borstscreening',
    );
    expect(screening.series.map((s: { value: number }) => s.value)).toEqual([52.5, 54.5, 56.5]);
    expect(screening.latest).toEqual({ period: '2024', value: 56.5 });
    expect(screening.index).toBeGreaterThan(100);
    expect(
      (await k.app.inject({ url: '/api/networks/elz-regio-aalst/insights/profiles/11002' })).statusCode,
    ).toBe(404);
  });

  it('serves the Statbel population as a figure of every network', async () => {
    const res = await k.app.inject({ url: '/api/networks/elz-regio-aalst/figures/age_65_plus' });
    expect(res.statusCode).toBe(200);
    expect(res.json().source).toContain('Statbel');
    expect(res.json().values.filter((v: { period: string }) => v.period === '2026')).toHaveLength(5);
  });

  it('ranks the gap map by shortfall where need, supply and signals meet', async () => {
    const url = '/api/networks/elz-regio-aalst/insights/gap-map?indicator=borstscreening';
    expect((await k.app.inject({ url })).statusCode).toBe(401);
    const plain = (await k.app.inject({ url, headers: as(staff) })).json();
    expect(plain.municipalities[0].name).toBe('Lede');
    expect(plain.municipalities[0].need.value).toBe(44);
    expect(plain.municipalities[0].need.gap).toBeGreaterThan(0);
    expect(plain.method).toContain('Tekortscore');
    const aalst = plain.municipalities.find((m: { nis: string }) => m.nis === '41002');
    expect(aalst.need.gap).toBe(0);
    // A rubric without services: every municipality falls short on supply alike.
    const admin = await loginAs(k.app, 'beheerder@demo.knooppunt.be');
    const term = await k.app.inject({
      method: 'POST',
      url: '/api/networks/elz-regio-aalst/directory/taxonomy/terms',
      headers: as(admin),
      payload: { taxonomyId: 'rubric', names: { nl: 'Borstkankerscreening' } },
    });
    expect(term.statusCode, term.body).toBe(201);
    const coverage = (await k.app.inject({ url: COVERAGE, headers: as(staff) })).json();
    const rubric = coverage.rubrics.find((r: { termId: string }) => r.termId === term.json().id);
    expect(rubric, `${term.body} ${JSON.stringify(coverage).slice(0, 400)}`).toBeDefined();
    const withSupply = (
      await k.app.inject({ url: `${url}&rubric=${rubric.termId}`, headers: as(staff) })
    ).json();
    expect(withSupply.rubric.termId).toBe(rubric.termId);
    for (const m of withSupply.municipalities) {
      const cell = rubric.cells.find((c: { nisCode: string }) => c.nisCode === m.nis);
      expect(m.supply.per10k).toBe(cell.per10k);
    }
    const builtIn = await k.app.inject({
      url: url.replace('borstscreening', 'population'),
      headers: as(staff),
    });
    expect(builtIn.statusCode).toBe(400);
  });

  it('keeps figures within their network', async () => {
    const res = await k.app.inject({
      url: '/api/networks/zorginnovatiecluster/figures/borstscreening?lang=fr',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe("Cet indicateur n'existe pas dans ce réseau.");
  });

  it('recognises pre-merger codes for the years before the merger and refuses them after', async () => {
    const bad = await run([
      writeFile('fusie.csv', [SCREENING('45017', '2017', '50'), SCREENING('45017', '2020', '50')]),
      '--network',
      'zorginnovatiecluster',
      '--json',
    ]);
    expect(bad.code).toBe(1);
    const rejected = JSON.parse(bad.out).rejected;
    expect(rejected).toHaveLength(1);
    expect(rejected[0].line).toBe(3);
    expect(rejected[0].message).toContain('Kruisem (45068)');
    const good = await run([
      writeFile('fusie2.csv', [SCREENING('45017', '2017', '50'), SCREENING('Zingem', '2018', '47')]),
      '--network',
      'zorginnovatiecluster',
    ]);
    expect(good.code).toBe(0);
    const series = (
      await k.app.inject({ url: '/api/networks/zorginnovatiecluster/figures/borstscreening' })
    ).json();
    expect(series.values).toEqual([
      { municipality: { nis: '45017', name: 'Kruishoutem' }, period: '2017', value: 50 },
      { municipality: { nis: '45057', name: 'Zingem' }, period: '2018', value: 47 },
    ]);
  });

  it('lets staff import through the API, refuses partners, and answers bad lines in the user language', async () => {
    const body = Buffer.from([HEADER, SCREENING('41011', '2023', '49,5')].join('\n'), 'utf8');
    const url = '/api/networks/elz-regio-aalst/figures/import?file=screening.csv';
    const headers = (s: Session) => ({ ...as(s), 'content-type': 'application/octet-stream' });
    expect(
      (await k.app.inject({ method: 'POST', url, headers: headers(partner), payload: body })).statusCode,
    ).toBe(403);
    expect(
      (
        await k.app.inject({
          method: 'POST',
          url,
          payload: body,
          headers: { 'content-type': 'application/octet-stream' },
        })
      ).statusCode,
    ).toBe(401);
    const ok = await k.app.inject({ method: 'POST', url, headers: headers(staff), payload: body });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ imported: 1, rejected: [] });
    const before = await counts();
    const bad = await k.app.inject({
      method: 'POST',
      url: `${url}&lang=fr`,
      headers: headers(staff),
      payload: Buffer.from([HEADER, SCREENING('41011', '2023', 'x')].join('\n')),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().rejected[0].message).toBe("Ligne 2 : la valeur « x » n'est pas un nombre");
    expect(await counts()).toEqual(before);
  });
});
