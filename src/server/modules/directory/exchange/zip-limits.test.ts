import JSZip from 'jszip';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../platform/db/testing.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '../../../testing.ts';
import { settleJobs } from './service.ts';
import { ZIP_LIMITS } from './spreadsheet.ts';

const BASE = '/api/networks/elz-regio-aalst/directory';

/** A zip far smaller than the upload limit that unpacks past ZIP_LIMITS: a "zip bomb". */
async function bomb(name: string) {
  const zip = new JSZip();
  zip.file(name, Buffer.alloc(ZIP_LIMITS.bytes + 1024 * 1024, ' '));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

describe.each(testEngines())('import zip limits on %s', (engine) => {
  let k: TestApp;
  let staff: Session;
  const organizations = async () =>
    Number(
      (
        await (k.t.db as unknown as Kysely<Record<string, { id: string }>>)
          .selectFrom('directory_organizations')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const upload = (name: string, body: Buffer) =>
    k.app.inject({
      method: 'POST',
      url: `${BASE}/import/jobs?name=${encodeURIComponent(name)}`,
      headers: { ...as(staff), 'content-type': 'application/octet-stream' },
      payload: body,
    });
  const preview = async (id: string) => {
    await settleJobs();
    return (
      await k.app.inject({ method: 'GET', url: `${BASE}/import/jobs/${id}/preview`, headers: as(staff) })
    ).json();
  };

  beforeAll(async () => {
    k = await createTestApp(engine);
    staff = await loginAs(k.app, 'medewerker@demo.knooppunt.be');
  });
  afterAll(() => k.destroy());

  it('refuses an HSDS package that unpacks past the limit, writing nothing', async () => {
    const before = await organizations();
    const body = await bomb('organizations.csv');
    expect(body.length).toBeLessThan(1024 * 1024);
    const job = await upload('pakket.zip', body);
    expect(job.statusCode).toBe(201);
    const p = await preview(job.json().id);
    expect(p.errors).toEqual([
      expect.objectContaining({
        code: 'exchange_malformed',
        params: { details: expect.stringContaining('unpacks to more than') },
      }),
    ]);
    expect(await organizations()).toBe(before);
  });

  it('refuses a package of too many files', async () => {
    const zip = new JSZip();
    for (let i = 0; i <= ZIP_LIMITS.entries; i++) zip.file(`f${i}.csv`, 'id\n');
    const job = await upload('pakket.zip', await zip.generateAsync({ type: 'nodebuffer' }));
    const p = await preview(job.json().id);
    expect(p.errors).toEqual([
      expect.objectContaining({
        code: 'exchange_malformed',
        params: { details: expect.stringContaining(`more than ${ZIP_LIMITS.entries} files`) },
      }),
    ]);
  });

  it('refuses at upload a workbook that unpacks past the limit', async () => {
    const res = await upload('lijst.xlsx', await bomb('xl/worksheets/sheet1.xml'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'exchange_malformed',
      message: expect.stringContaining('unpacks to more than'),
    });
  });
});
