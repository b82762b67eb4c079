import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../platform/audit.ts';
import { testEngines } from '../../../platform/db/testing.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '../../../testing.ts';
import { createOrganization, createService } from '../service.ts';
import { runAssuranceRound, sendAssuranceRequests } from './service.ts';
import type { CurateTables } from './tables.ts';

const SLUG = 'elz-regio-aalst';
const API = `/api/networks/${SLUG}/directory/curate`;

describe.each(testEngines())('keeping the social map current on %s', (engine) => {
  let k: TestApp;
  let staff: Session;
  let partner: Session;
  let viewer: Session;
  let ownOrg: string;
  let ownService: string;
  let otherOrg: string;
  let otherService: string;

  const req = (s: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    k.app.inject({ method, url, headers: s ? as(s) : {}, ...(payload ? { payload } : {}) });
  const count = async (table: string) =>
    Number(
      (
        await k.t.db
          // biome-ignore lint/suspicious/noExplicitAny: counting rows of tables outside the platform's type
          .selectFrom(table as any)
          .select(({ fn }) => fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    k = await createTestApp(engine);
    staff = await loginAs(k.app, 'medewerker@demo.knooppunt.be');
    partner = await loginAs(k.app, 'partner@demo.knooppunt.be');
    viewer = await loginAs(k.app, 'bestuur@demo.knooppunt.be');
    ownOrg = await createOrganization(k.t.db, { name: 'Thuiszorg Test (demo)' });
    otherOrg = await createOrganization(k.t.db, { name: 'Andere Organisatie (demo)' });
    ownService = await createService(k.t.db, {
      organization_id: ownOrg,
      name: 'Thuisverpleging Test',
      schedules: [{ byday: 'MO,TU', opens_at: '09:00', closes_at: '12:00' }],
      locations: [{ address_1: 'Kerkstraat 1', postal_code: '9300', city: 'Aalst' }],
      assured_date: '2024-01-10',
    });
    otherService = await createService(k.t.db, {
      organization_id: otherOrg,
      name: 'Andere Dienst',
      assured_date: '2026-11-01',
    });
    await k.t.db
      .updateTable('directory_organizations' as never)
      .set({ email: 'info@thuiszorg-test.example' } as never)
      .where('id' as never, '=', ownOrg as never)
      .execute();
    // The demo partner account speaks for a network partner; that partner is this organisation on the map.
    const partners = await req(partner, 'GET', `/api/networks/${SLUG}/network/partners`);
    const [mine] = partners.json().mine as string[];
    const link = await req(staff, 'PATCH', `/api/networks/${SLUG}/network/partners/${mine}`, {
      organizationId: ownOrg,
    });
    expect(link.statusCode, link.body).toBe(200);
  });
  afterAll(() => k.destroy());

  it('shows the partner its own organisation and services', async () => {
    const res = await req(partner, 'GET', `${API}/mine`);
    expect(res.statusCode, res.body).toBe(200);
    const orgs = res.json().organizations;
    expect(orgs.map((o: { id: string }) => o.id)).toEqual([ownOrg]);
    expect(orgs[0].services.map((s: { id: string }) => s.id)).toEqual([ownService]);
  });

  it('lets a partner correct its opening hours, with provenance, assurance, audit and search index', async () => {
    const before = await req(partner, 'GET', `${API}/services/${ownService}`);
    expect(before.statusCode, before.body).toBe(200);
    const hours = before.json().fields.hours;
    expect(hours.weekly).toHaveLength(2);
    const res = await req(partner, 'PATCH', `${API}/services/${ownService}`, {
      hours: { ...hours, weekly: [...hours.weekly, { day: 'MO', opens_at: '13:00', closes_at: '16:30' }] },
      phones: ['053 11 22 33'],
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.fields.hours.weekly).toContainEqual({ day: 'MO', opens_at: '13:00', closes_at: '16:30' });
    expect(view.fields.phones).toEqual(['053 11 22 33']);
    expect(view.assured_date).toBe(new Date().toISOString().slice(0, 10));
    expect(view.assured_by).toBe('Paula Partner (demo)');
    expect(view.provenance.hours).toMatchObject({ source: 'edit', by: 'Paula Partner (demo)' });
    expect(view.provenance.name).toBeUndefined();
    const entry = await k.t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', ownService)
      .where('action', '=', 'directory.service.updated')
      .executeTakeFirstOrThrow();
    expect(Object.keys(JSON.parse(entry.after_json ?? '{}')).sort()).toEqual(['hours', 'phones']);
    const card = await sql<{ hours_json: string }>`SELECT c.hours_json FROM directory_search_docs d
      JOIN directory_search_cards c ON c.docno = d.docno WHERE d.service_id = ${ownService}`.execute(k.t.db);
    // 13:00 is minute 780 of the day: the search's "open now" knows the new slot.
    expect(card.rows[0]?.hours_json).toContain('780');
  });

  it('refuses absurd opening hours with a clear message and changes nothing', async () => {
    const audits = await count('audit_log');
    const current = (await req(partner, 'GET', `${API}/services/${ownService}`)).json().fields.hours;
    for (const [weekly, code] of [
      [[{ day: 'TU', opens_at: '25:00', closes_at: '26:00' }], 'curate_time_invalid'],
      [[{ day: 'TU', opens_at: '17:00', closes_at: '09:00' }], 'curate_slot_order'],
      [
        [
          { day: 'WE', opens_at: '09:00', closes_at: '12:00' },
          { day: 'WE', opens_at: '11:00', closes_at: '14:00' },
        ],
        'curate_slot_overlap',
      ],
    ] as const) {
      const res = await req(partner, 'PATCH', `${API}/services/${ownService}`, {
        hours: { weekly, exceptions: [] },
        name: 'Mag niet blijven staan',
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
    const overlap = await k.app.inject({
      method: 'PATCH',
      url: `${API}/services/${ownService}`,
      headers: { ...as(partner), 'accept-language': 'nl' },
      payload: {
        hours: {
          weekly: [
            { day: 'WE', opens_at: '09:00', closes_at: '12:00' },
            { day: 'WE', opens_at: '11:00', closes_at: '14:00' },
          ],
          exceptions: [],
        },
      },
    });
    expect(overlap.json().error.message).toBe('Op woensdag overlappen de uren 09:00–12:00 en 11:00–14:00.');
    const after = (await req(partner, 'GET', `${API}/services/${ownService}`)).json();
    expect(after.fields.hours).toEqual(current);
    expect(after.fields.name).toBe('Thuisverpleging Test');
    expect(await count('audit_log')).toBe(audits);
  });

  it('forbids a partner to edit another organisation (403, unchanged)', async () => {
    const res = await req(partner, 'PATCH', `${API}/services/${otherService}`, { name: 'Overgenomen' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('curate_not_yours');
    expect((await req(partner, 'PATCH', `${API}/organizations/${otherOrg}`, { name: 'X' })).statusCode).toBe(
      403,
    );
    expect((await req(viewer, 'PATCH', `${API}/services/${ownService}`, { name: 'X' })).statusCode).toBe(403);
    expect((await req(null, 'GET', `${API}/services/${ownService}`)).statusCode).toBe(401);
    const other = await req(staff, 'GET', `${API}/services/${otherService}`);
    expect(other.json().fields.name).toBe('Andere Dienst');
  });

  it('lets staff edit any record and a partner create a service for its own organisation', async () => {
    const res = await req(staff, 'PATCH', `${API}/organizations/${otherOrg}`, {
      description: 'Een beschrijving',
      name_fr: 'Une autre organisation',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().fields).toMatchObject({
      description: 'Een beschrijving',
      name_fr: 'Une autre organisation',
    });
    const created = await req(partner, 'POST', `${API}/organizations/${ownOrg}/services`, {
      name: 'Mantelzorgcafé',
      languages: ['nl', 'fr'],
      capacity: { available: 3, waiting_list: 0 },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().fields).toMatchObject({ name: 'Mantelzorgcafé', languages: ['fr', 'nl'] });
    const refused = await req(partner, 'POST', `${API}/organizations/${otherOrg}/services`, {
      name: 'Niet van mij',
    });
    expect(refused.statusCode).toBe(403);
  });

  it('confirms a record as still correct in one click', async () => {
    const res = await req(staff, 'POST', `${API}/services/${otherService}/assure`);
    expect(res.statusCode, res.body).toBe(200);
    const view = (await req(staff, 'GET', `${API}/services/${otherService}`)).json();
    expect(view.assured_by).toBe('Mehmet Medewerker (demo)');
  });

  it('takes suggestions from anyone, shows staff a field-by-field diff, applies exactly the proposed fields', async () => {
    const anon = await req(null, 'POST', `${API}/services/${otherService}/suggestions`, {
      proposed: { email: 'nieuw@andere.example', minimum_age: 18 },
      comment: 'Nieuw adres sinds oktober',
      email: 'burger@example.org',
    });
    expect(anon.statusCode, anon.body).toBe(202);
    const list = await req(staff, 'GET', `${API}/suggestions`);
    expect(list.statusCode, list.body).toBe(200);
    const [s] = list.json().suggestions;
    expect(s.diff).toEqual([
      { field: 'email', current: null, proposed: 'nieuw@andere.example' },
      { field: 'minimum_age', current: null, proposed: 18 },
    ]);
    expect(s.proposer_email).toBe('burger@example.org');
    expect((await req(partner, 'GET', `${API}/suggestions`)).statusCode).toBe(403);
    const ok = await req(staff, 'POST', `${API}/suggestions/${s.id}/approve`);
    expect(ok.statusCode, ok.body).toBe(200);
    const view = (await req(staff, 'GET', `${API}/services/${otherService}`)).json();
    expect(view.fields).toMatchObject({
      email: 'nieuw@andere.example',
      minimum_age: 18,
      name: 'Andere Dienst',
    });
    expect(view.provenance.email.source).toBe('suggestion');
    expect(view.provenance.name).toBeUndefined();
    expect((await req(staff, 'POST', `${API}/suggestions/${s.id}/approve`)).statusCode).toBe(409);

    await req(viewer, 'POST', `${API}/services/${otherService}/suggestions`, { proposed: { name: 'Fout' } });
    const [r] = (await req(staff, 'GET', `${API}/suggestions`)).json().suggestions;
    expect(r.proposer).toBe('Bert Bestuur (demo)');
    expect(
      (await req(staff, 'POST', `${API}/suggestions/${r.id}/reject`, { reason: 'Klopt niet' })).statusCode,
    ).toBe(200);
    expect((await req(staff, 'GET', `${API}/services/${otherService}`)).json().fields.name).toBe(
      'Andere Dienst',
    );
  });

  it('refuses a suggestion with unknown fields, and drops one that fills in the honeypot', async () => {
    const before = await count('directory_change_suggestions');
    const unknown = await req(null, 'POST', `${API}/services/${otherService}/suggestions`, {
      proposed: { name: 'X', secret_flag: true },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('validation_failed');
    const empty = await req(null, 'POST', `${API}/services/${otherService}/suggestions`, { proposed: {} });
    expect(empty.statusCode).toBe(400);
    const bot = await req(null, 'POST', `${API}/services/${otherService}/suggestions`, {
      proposed: { name: 'Spam' },
      homepage: 'http://spam.example',
    });
    expect(bot.statusCode).toBe(202);
    expect(await count('directory_change_suggestions')).toBe(before);
  });

  it('limits anonymous suggestions per address', async () => {
    let last = 0;
    for (let i = 0; i < 12; i++) {
      const res = await k.app.inject({
        method: 'POST',
        url: `${API}/services/${otherService}/suggestions`,
        remoteAddress: '203.0.113.9',
        payload: { proposed: { alternate_name: `Naam ${i}` } },
      });
      last = res.statusCode;
    }
    expect(last).toBe(429);
  });

  it('lists the stalest records first with counts per age bucket', async () => {
    const res = await req(staff, 'GET', `${API}/freshness?perPage=200`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const dates = body.items.map((i: { assured_date: string | null }) => i.assured_date);
    const nulls = dates.filter((d: string | null) => d === null).length;
    expect(dates.slice(0, nulls).every((d: string | null) => d === null)).toBe(true);
    const known = dates.slice(nulls) as string[];
    expect(known).toEqual([...known].sort());
    expect(Object.values(body.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(body.total);
    const filtered = (await req(staff, 'GET', `${API}/freshness?organization=${otherOrg}`)).json();
    expect(filtered.items.map((i: { id: string }) => i.id)).toEqual([otherService]);
    expect(filtered.counts.under_6).toBe(1);
    expect((await req(partner, 'GET', `${API}/freshness`)).statusCode).toBe(403);
  });

  it('mails "is this still correct?" once per interval, with a single-use confirmation link', async () => {
    // Make the partner's records stale again.
    for (const table of ['directory_services', 'directory_organizations'] as const) {
      await k.t.db
        .updateTable(table as never)
        .set({ assured_date: '2024-01-01' } as never)
        .where((table === 'directory_services' ? 'organization_id' : 'id') as never, '=', ownOrg as never)
        .execute();
    }
    const run = await req(staff, 'POST', `${API}/assurance-requests`, { months: 12 });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().sent).toBeGreaterThanOrEqual(1);
    // The daily round right after asks nobody twice.
    await runAssuranceRound(k.t.db);
    const mails = await k.t.db
      .selectFrom('outbox')
      .selectAll()
      .where('kind', '=', 'directory.assurance_request')
      .where('to_address', '=', 'info@thuiszorg-test.example')
      .execute();
    expect(mails).toHaveLength(1);
    const mail = mails[0] as (typeof mails)[number];
    const token = /bevestigen\/([A-Za-z0-9_-]+)/.exec(mail.text_body)?.[1] as string;
    expect(token).toBeTruthy();
    const stored = await k.t.db
      .selectFrom('directory_assurance_requests' as never)
      .select('token_hash' as never)
      .execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    const info = await req(null, 'GET', `${API}/assurance/${token}`);
    expect(info.json()).toMatchObject({ organization: 'Thuiszorg Test (demo)', state: 'open' });
    // Reading the link changed nothing.
    expect((await req(partner, 'GET', `${API}/services/${ownService}`)).json().assured_date).toBe(
      '2024-01-01',
    );
    const confirm = await req(null, 'POST', `${API}/assurance/${token}`);
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect((await req(partner, 'GET', `${API}/services/${ownService}`)).json().assured_date).toBe(
      new Date().toISOString().slice(0, 10),
    );
    const again = await req(null, 'POST', `${API}/assurance/${token}`);
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('curate_token_invalid');
    expect((await req(null, 'GET', `${API}/assurance/${token}`)).json().state).toBe('used');
    expect((await req(null, 'POST', `${API}/assurance/${'x'.repeat(43)}`)).statusCode).toBe(410);

    // An expired link confirms nothing either.
    const old = 'e'.repeat(43);
    const network = await k.t.db
      .selectFrom('networks')
      .select('id')
      .where('slug', '=', SLUG)
      .executeTakeFirstOrThrow();
    await k.t.db
      .insertInto('directory_assurance_requests' as never)
      .values({
        id: 'expired-request',
        network_id: network.id,
        organization_id: otherOrg,
        token_hash: createHash('sha256').update(old).digest('hex'),
        to_address: 'x@example.org',
        sent_at: '2026-01-01T00:00:00.000Z',
        expires_at: '2026-01-31T00:00:00.000Z',
        used_at: null,
        created_by: null,
      } as never)
      .execute();
    expect((await req(null, 'GET', `${API}/assurance/${old}`)).json().state).toBe('expired');
    expect((await req(null, 'POST', `${API}/assurance/${old}`)).statusCode).toBe(410);
  });

  it('warns of likely duplicates before saving, and saves when asked to anyway', async () => {
    const [services, audits] = [await count('directory_services'), await count('audit_log')];
    const body = {
      name: 'Thuisverpleging Test',
      address: { address_1: 'Kerkstraat 1', postal_code: '9300', city: 'Aalst' },
    };
    const warned = await req(partner, 'POST', `${API}/organizations/${ownOrg}/services`, body);
    expect(warned.statusCode, warned.body).toBe(409);
    expect(warned.json().error.code).toBe('directory_possible_duplicate');
    expect(warned.json().error.message).toContain('lijkt op wat al op de sociale kaart staat');
    const match = warned.json().matches.find((m: { id: string }) => m.id === ownService);
    expect(match).toMatchObject({ kind: 'service', name: 'Thuisverpleging Test' });
    expect(match.reasons.map((r: { code: string }) => r.code)).toContain('similar_name');
    // A warning writes nothing.
    expect(await count('directory_services')).toBe(services);
    expect(await count('audit_log')).toBe(audits);
    const saved = await req(partner, 'POST', `${API}/organizations/${ownOrg}/services`, {
      ...body,
      confirmDuplicate: true,
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(await count('directory_services')).toBe(services + 1);

    // Renaming an organisation after another one warns too; other edits of it do not.
    const rename = await req(staff, 'PATCH', `${API}/organizations/${otherOrg}`, {
      name: 'Thuiszorg Test (demo)',
    });
    expect(rename.statusCode, rename.body).toBe(409);
    expect(rename.json().matches.map((m: { id: string }) => m.id)).toContain(ownOrg);
    expect((await req(staff, 'GET', `${API}/organizations/${otherOrg}`)).json().fields.name).toBe(
      'Andere Organisatie (demo)',
    );
    const renamed = await req(staff, 'PATCH', `${API}/organizations/${otherOrg}`, {
      name: 'Thuiszorg Test (demo)',
      confirmDuplicate: true,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const quiet = await req(staff, 'PATCH', `${API}/organizations/${otherOrg}`, { description: 'Anders.' });
    expect(quiet.statusCode, quiet.body).toBe(200);
    expect(
      (await req(staff, 'PATCH', `${API}/organizations/${otherOrg}`, { confirmDuplicate: true })).statusCode,
    ).toBe(400);
  });

  it('writes "is this still correct?" in the language of whoever reads it', async () => {
    const network = await k.t.db
      .selectFrom('networks')
      .selectAll()
      .where('slug', '=', SLUG)
      .executeTakeFirstOrThrow();
    const setLanguage = (email: string, lang: string) =>
      k.t.db.updateTable('users').set({ preferred_language: lang }).where('email', '=', email).execute();
    // The partner's spokesperson reads French; an organisation mailed at a staff member's own address, English.
    await setLanguage('partner@demo.knooppunt.be', 'fr');
    await setLanguage('bestuur@demo.knooppunt.be', 'en');
    const orgs: Record<string, string> = {};
    for (const [name, email] of [
      ['Taaltest Engels (demo)', 'BESTUUR@demo.knooppunt.be'],
      ['Taaltest Onbekend (demo)', 'info@taaltest-onbekend.example'],
    ] as const) {
      orgs[email] = await createOrganization(k.t.db, { name, network_id: network.id });
      await k.t.db
        .updateTable('directory_organizations' as never)
        .set({ email } as never)
        .where('id' as never, '=', orgs[email] as never)
        .execute();
    }
    // Forty days on, every earlier link has expired and a month-old confirmation is stale.
    const now = new Date(Date.now() + 40 * 86_400_000);
    const run = await sendAssuranceRequests(k.t.db, { network, role: null }, SYSTEM_ACTOR, {
      months: 1,
      now,
    });
    expect(run.sent).toBeGreaterThanOrEqual(3);
    const last = async (to: string) =>
      (
        await k.t.db
          .selectFrom('outbox')
          .selectAll()
          .where('kind', '=', 'directory.assurance_request')
          .where('to_address', '=', to)
          .orderBy('created_at', 'desc')
          .execute()
      )[0];
    const fr = await last('info@thuiszorg-test.example');
    expect(fr?.subject).toBe(`Est-ce toujours correct ? Vos données sur la carte sociale de ${network.name}`);
    expect(fr?.text_body).toContain('Confirmez en un clic');
    const en = await last('BESTUUR@demo.knooppunt.be');
    expect(en?.subject).toBe(`Is this still correct? Your details on the social map of ${network.name}`);
    const nl = await last('info@taaltest-onbekend.example');
    expect(nl?.subject).toBe(`Is dit nog correct? Uw gegevens op de sociale kaart van ${network.name}`);
    await setLanguage('partner@demo.knooppunt.be', 'nl');
    await setLanguage('bestuur@demo.knooppunt.be', 'nl');
  });

  it('asks nobody twice when two processes run the daily round at the same moment', async () => {
    const network = await k.t.db
      .selectFrom('networks')
      .selectAll()
      .where('slug', '=', SLUG)
      .executeTakeFirstOrThrow();
    // Eighty days on, every earlier request is past its interval; both rounds start together, each on its
    // own connection (PostgreSQL) as two app processes would.
    const now = new Date(Date.now() + 80 * 86_400_000);
    const round = () =>
      sendAssuranceRequests(k.t.db, { network, role: null }, SYSTEM_ACTOR, { months: 1, now });
    const [a, b] = await Promise.all([round(), round()]);
    expect(a.sent + b.sent).toBeGreaterThanOrEqual(1);
    const sentSince = await k.t.db
      .withTables<CurateTables>()
      .selectFrom('directory_assurance_requests')
      .select(['organization_id'])
      .where('network_id', '=', network.id)
      .where('sent_at', '>=', new Date(now.getTime() - 1000).toISOString())
      .execute();
    expect(sentSince.length).toBe(a.sent + b.sent);
    expect(new Set(sentSince.map((r) => r.organization_id)).size).toBe(sentSince.length);
  });
});
