import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import JSZip from 'jszip';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../platform/db/testing.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '../../../testing.ts';
import type { DirectoryTables } from '../tables.ts';
import { failStuckJobs, STUCK_AFTER_MS, settleJobs, startStuckJobSweep } from './service.ts';
import type { ExchangeTables } from './tables.ts';

const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule }).default;
const SLUG = 'elz-regio-aalst';
const BASE = `/api/networks/${SLUG}/directory`;
const fixture = (p: string) => fileURLToPath(new URL(`./fixtures/${p}`, import.meta.url));

/** The copies of the HSDS 3.1 compiled schemas beside the HSDS API (directory/hsds-schema). */
function hsdsValidator(name: string): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(
    JSON.parse(fs.readFileSync(new URL(`../hsds-schema/${name}.json`, import.meta.url), 'utf8')),
  );
}
function expectValid(validate: ValidateFunction, value: unknown) {
  const ok = validate(value);
  expect(ok ? [] : validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
}

const HEADER = 'Naam organisatie;KBO;Dienst;Straat;Postcode;Gemeente;Telefoon;Rubriek;Openingsuren';
const GOOD = [
  'Vzw Hélène;0202.239.951;Café Ontmoeting Zonnebloem;Kerkstraat 5;9300;Aalst;053 21 21 21;Lokale dienstencentra;ma-vr 9:00-17:00',
  'Vzw Hélène;0202.239.951;Thuiszorg Sint-Jozef;Kerkstraat 5;9300;Aalst;053 21 21 22;thuisverpleging;za 10u-12u',
];
const BAD = 'Buurtwerk Één;;Soep op zondag;Molenstraat 2;9300;Aalst;;onbekende-rubriek;zo 9:00-12:00';
const latin1 = (lines: string[]) => Buffer.from([HEADER, ...lines].join('\r\n'), 'latin1');

describe.each(testEngines())('exchange API on %s', (engine) => {
  let k: TestApp;
  let staff: Session;
  let viewer: Session;
  const count = async (table: string) =>
    Number(
      (
        await (k.t.db as unknown as Kysely<Record<string, { id: string }>>)
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const upload = (s: Session, name: string, body: Buffer) =>
    k.app.inject({
      method: 'POST',
      url: `${BASE}/import/jobs?name=${encodeURIComponent(name)}`,
      headers: { ...as(s), 'content-type': 'application/octet-stream' },
      payload: body,
    });
  const finish = async (id: string) => {
    await settleJobs();
    return (
      await k.app.inject({ method: 'GET', url: `${BASE}/import/jobs/${id}`, headers: as(staff) })
    ).json();
  };

  beforeAll(async () => {
    k = await createTestApp(engine);
    staff = await loginAs(k.app, 'medewerker@demo.knooppunt.be');
    viewer = await loginAs(k.app, 'bestuur@demo.knooppunt.be');
  });
  afterAll(async () => {
    await k.destroy();
  });

  it('keeps imports to staff and bounds the upload', async () => {
    expect((await upload(viewer, 'lijst.csv', latin1(GOOD))).statusCode).toBe(403);
    const anonymous = await k.app.inject({ method: 'GET', url: `${BASE}/export.zip` });
    expect(anonymous.statusCode).toBe(401);
    const exe = await upload(staff, 'virus.exe', Buffer.from('MZ'));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.code).toBe('exchange_file_type');
    const big = await upload(staff, 'groot.csv', Buffer.alloc(10 * 1024 * 1024 + 1, 'a'));
    expect(big.statusCode).toBe(413);
  });

  it('maps, previews and refuses a Latin-1 list with a bad row, writing nothing', async () => {
    const services = await count('directory_services');
    const res = await upload(staff, 'lijst.csv', latin1([...GOOD, BAD]));
    expect(res.statusCode).toBe(201);
    const job = res.json();
    expect(job.sheet).toMatchObject({ encoding: 'windows-1252', delimiter: ';', rows: 3 });
    expect(job.sheet.columns[0]).toBe('Naam organisatie');
    expect(job.suggested).toMatchObject({
      organization_name: 'Naam organisatie',
      kbo: 'KBO',
      postal_code: 'Postcode',
    });
    const mapped = await k.app.inject({
      method: 'PUT',
      url: `${BASE}/import/jobs/${job.id}/mapping`,
      headers: as(staff),
      payload: { mapping: job.suggested },
    });
    expect(mapped.statusCode).toBe(200);
    const preview = await k.app.inject({
      method: 'GET',
      url: `${BASE}/import/jobs/${job.id}/preview`,
      headers: { ...as(staff), 'accept-language': 'nl' },
    });
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p.ok).toBe(false);
    expect(p.errors).toEqual([
      expect.objectContaining({
        line: 4,
        code: 'exchange_unknown_term',
        message: expect.stringContaining('woordenlijst'),
      }),
    ]);
    const commit = await k.app.inject({
      method: 'POST',
      url: `${BASE}/import/jobs/${job.id}/commit`,
      headers: as(staff),
      payload: {},
    });
    expect(commit.statusCode).toBe(202);
    const done = await finish(job.id);
    expect(done).toMatchObject({ status: 'failed', result: { ok: false } });
    expect(await count('directory_services')).toBe(services);
    const again = await k.app.inject({
      method: 'POST',
      url: `${BASE}/import/jobs/${job.id}/commit`,
      headers: as(staff),
      payload: {},
    });
    expect(again.statusCode).toBe(409);
  });

  it('imports a list without the rows the user left out, findable through the HSDS API', async () => {
    const services = await count('directory_services');
    const job = (await upload(staff, 'lijst.csv', latin1([...GOOD, BAD]))).json();
    await k.app.inject({
      method: 'PUT',
      url: `${BASE}/import/jobs/${job.id}/mapping`,
      headers: as(staff),
      payload: { mapping: job.suggested },
    });
    const p = (
      await k.app.inject({ method: 'GET', url: `${BASE}/import/jobs/${job.id}/preview`, headers: as(staff) })
    ).json();
    expect(p.counts.services).toEqual({ create: 3, update: 0, link: 0 });
    const commit = await k.app.inject({
      method: 'POST',
      url: `${BASE}/import/jobs/${job.id}/commit`,
      headers: as(staff),
      payload: { skipRejected: true },
    });
    expect(commit.statusCode).toBe(202);
    const done = await finish(job.id);
    expect(done).toMatchObject({ status: 'done', processed: 2, total: 2, result: { ok: true } });
    expect(done.result.skipped).toEqual([
      expect.objectContaining({ line: 4, code: 'exchange_unknown_term' }),
    ]);
    expect(await count('directory_services')).toBe(services + 2);
    const stored = await k.t.db
      .selectFrom('directory_import_jobs' as never)
      .select(['file_data' as never])
      .where('id' as never, '=', job.id as never)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ file_data: null });
    const search = await k.app.inject({
      method: 'GET',
      url: `/api/hsds/services?network=${SLUG}&search=Zonnebloem`,
    });
    expect(search.statusCode).toBe(200);
    const list = search.json();
    const validate = hsdsValidator('service_list');
    for (const s of list.contents) expectValid(validate, s);
    expect(list.contents.map((s: { name: string }) => s.name)).toContain('Café Ontmoeting Zonnebloem');
  });

  it('imports the example package as a zip, validates the API answer, and exports it back', async () => {
    const zip = new JSZip();
    const dir = fixture('hsds-example-be');
    for (const f of fs.readdirSync(dir)) zip.file(`hsds-example-be/${f}`, fs.readFileSync(`${dir}/${f}`));
    const job = (await upload(staff, 'pakket.zip', await zip.generateAsync({ type: 'nodebuffer' }))).json();
    expect(job.kind).toBe('hsds-tabular');
    const skip = await k.app.inject({
      method: 'POST',
      url: `${BASE}/import/jobs/${job.id}/commit`,
      headers: as(staff),
      payload: { skipRejected: true },
    });
    expect(skip.statusCode).toBe(400);
    await k.app.inject({
      method: 'POST',
      url: `${BASE}/import/jobs/${job.id}/commit`,
      headers: as(staff),
      payload: {},
    });
    expect(await finish(job.id)).toMatchObject({ status: 'done' });
    const one = await k.app.inject({
      method: 'GET',
      url: `/api/hsds/services/ac148810-d857-441c-9679-408f346de14b?network=${SLUG}`,
    });
    expect(one.statusCode).toBe(200);
    expectValid(hsdsValidator('service'), one.json());
    const org = await k.app.inject({
      method: 'GET',
      url: `/api/hsds/organizations/d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610?network=${SLUG}`,
    });
    expectValid(hsdsValidator('organization'), org.json());

    const exported = await k.app.inject({ method: 'GET', url: `${BASE}/export.zip`, headers: as(staff) });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('application/zip');
    const files = await JSZip.loadAsync(exported.rawPayload);
    expect(Object.keys(files.files)).toContain('datapackage.json');
    expect(await files.file('services.csv')!.async('string')).toContain('Community Counselling');
    const json = await k.app.inject({ method: 'GET', url: `${BASE}/export.json`, headers: as(staff) });
    expect(json.json().some((s: { id: string }) => s.id === 'ac148810-d857-441c-9679-408f346de14b')).toBe(
      true,
    );
  });

  it('shows in the preview the new organisations that look like ones the map has', async () => {
    const known = await k.t.db
      .withTables<DirectoryTables>()
      .selectFrom('directory_organizations as o')
      .innerJoin('directory_locations as l', 'l.organization_id', 'o.id')
      .innerJoin('directory_addresses as a', 'a.location_id', 'l.id')
      .select(['o.name', 'a.address_1', 'a.postal_code', 'a.city'])
      .where('o.network_id', 'is', null)
      .orderBy('o.name')
      .executeTakeFirstOrThrow();
    const csv = `Naam;Straat;Postcode;Gemeente\r\n${known.name} afdeling;${known.address_1};${known.postal_code};${known.city}\r\n`;
    const job = (await upload(staff, 'dubbel.csv', Buffer.from(csv))).json();
    await k.app.inject({
      method: 'PUT',
      url: `${BASE}/import/jobs/${job.id}/mapping`,
      headers: as(staff),
      payload: { mapping: job.suggested },
    });
    const p = (
      await k.app.inject({ method: 'GET', url: `${BASE}/import/jobs/${job.id}/preview`, headers: as(staff) })
    ).json();
    expect(p.errors).toEqual([]);
    expect(p.duplicates).toEqual([
      expect.objectContaining({
        line: 2,
        entity: 'organization',
        matches: expect.arrayContaining([expect.objectContaining({ name: known.name })]),
      }),
    ]);
  });

  it('reports a malformed HSDS JSON file with its line', async () => {
    const job = (await upload(staff, 'kapot.json', Buffer.from('[\n  {"id": "x",\n  "name": }\n]'))).json();
    const p = (
      await k.app.inject({ method: 'GET', url: `${BASE}/import/jobs/${job.id}/preview`, headers: as(staff) })
    ).json();
    expect(p.errors).toEqual([
      expect.objectContaining({ file: 'kapot.json', line: 3, code: 'exchange_malformed' }),
    ]);
  });

  it('fails jobs a restart left running, with a translated reason, and leaves live and other jobs alone', async () => {
    const db = k.t.db.withTables<ExchangeTables>() as unknown as Kysely<ExchangeTables>;
    const network = await (k.t.db as unknown as Kysely<{ networks: { id: string; slug: string } }>)
      .selectFrom('networks')
      .select('id')
      .where('slug', '=', SLUG)
      .executeTakeFirstOrThrow();
    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
    const ID = {
      stuck: '0b1e7a3c-5d2f-4c6a-9e8b-1a2b3c4d5e01',
      moving: '0b1e7a3c-5d2f-4c6a-9e8b-1a2b3c4d5e02',
      uploaded: '0b1e7a3c-5d2f-4c6a-9e8b-1a2b3c4d5e03',
    };
    const job = (id: string, status: string, updatedAt: string) => ({
      id,
      network_id: network.id,
      created_by: null,
      file_name: `${id}.csv`,
      kind: 'spreadsheet',
      file_size: 3,
      file_data: Buffer.from('a;b').toString('base64'),
      mapping_json: null,
      skip_rejected: 0,
      status,
      phase: status === 'running' ? 'writing' : null,
      processed: 0,
      total: 10,
      result_json: null,
      created_at: ago(2 * STUCK_AFTER_MS),
      updated_at: updatedAt,
    });
    await db
      .insertInto('directory_import_jobs')
      .values([
        job(ID.stuck, 'running', ago(STUCK_AFTER_MS + 60_000)),
        job(ID.moving, 'running', ago(30_000)),
        job(ID.uploaded, 'uploaded', ago(STUCK_AFTER_MS + 60_000)),
      ])
      .execute();
    const audit = () => count('audit_log');
    const before = await audit();
    // On start the sweep runs at once; stopping it waits for that first sweep.
    await startStuckJobSweep(k.t.db, { error: () => undefined })();
    const rows = await db.selectFrom('directory_import_jobs').select(['id', 'status', 'file_data']).execute();
    const state = (id: string) => rows.find((r) => r.id === id);
    expect(state(ID.stuck)).toEqual({
      id: ID.stuck,
      status: 'failed',
      file_data: null,
    });
    expect(state(ID.moving)?.status).toBe('running');
    expect(state(ID.uploaded)?.status).toBe('uploaded');
    expect(await audit()).toBe(before + 1);

    const view = async (lang: string) =>
      (
        await k.app.inject({
          method: 'GET',
          url: `${BASE}/import/jobs/${ID.stuck}`,
          headers: { ...as(staff), 'accept-language': lang },
        })
      ).json();
    const fr = await view('fr');
    expect(fr.status).toBe('failed');
    expect(fr.result.ok).toBe(false);
    expect(fr.result.errors).toEqual([
      expect.objectContaining({
        code: 'exchange_interrupted',
        message: expect.stringContaining('redémarrage du serveur'),
      }),
    ]);
    expect((await view('nl')).result.errors[0].message).toContain('herstart van de server');

    // Once the other job has been quiet long enough, a later sweep fails it too; a second sweep finds nothing.
    expect(await failStuckJobs(k.t.db, new Date(Date.now() + STUCK_AFTER_MS))).toBe(1);
    expect(await failStuckJobs(k.t.db, new Date(Date.now() + STUCK_AFTER_MS))).toBe(0);
  });
});
