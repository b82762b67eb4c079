import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../platform/db/testing.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '../../../testing.ts';
import { createOrganization, createService } from '../service.ts';

const SLUG = 'elz-regio-aalst';
const INBOX = `/api/networks/${SLUG}/directory/curate/suggestions`;
const FORM = 'application/x-www-form-urlencoded';

describe.each(testEngines())('suggesting a change on the public map on %s', (engine) => {
  let k: TestApp;
  let staff: Session;
  let aalst: string;
  let brussel: string;
  let ipCounter = 0;
  /** Each test posts from its own address, so the per-address limit of one test does not touch another. */
  const nextIp = () => `203.0.113.${++ipCounter}`;

  const post = (url: string, fields: Record<string, string>, o: { ip?: string; cookie?: string } = {}) =>
    k.app.inject({
      method: 'POST',
      url,
      remoteAddress: o.ip ?? nextIp(),
      headers: { 'content-type': FORM, ...(o.cookie ? { cookie: o.cookie } : {}) },
      payload: new URLSearchParams(fields).toString(),
    });
  const suggestionsOf = (serviceId: string) =>
    k.t.db
      .selectFrom('directory_change_suggestions' as never)
      .selectAll()
      .where('service_id' as never, '=', serviceId as never)
      .execute() as Promise<
      { network_id: string; proposed_json: string; comment: string | null; proposer_user_id: string | null }[]
    >;
  const formOf = (current: { phones: string; email?: string }) => ({
    phones: current.phones,
    email: current.email ?? '',
    url: '',
    address_1: 'Kerkstraat 1',
    postal_code: '9300',
    city: 'Aalst',
    hours: '',
    message: '',
    proposer_email: '',
    homepage: '',
  });

  beforeAll(async () => {
    k = await createTestApp(engine);
    staff = await loginAs(k.app, 'medewerker@demo.knooppunt.be');
    const org = await createOrganization(k.t.db, { name: 'Buurtzorg Voorstel' });
    aalst = await createService(k.t.db, {
      organization_id: org,
      name: 'Thuishulp Voorstel',
      phone: '053 00 00 00',
      locations: [{ address_1: 'Kerkstraat 1', postal_code: '9300', city: 'Aalst' }],
    });
    brussel = await createService(k.t.db, {
      organization_id: org,
      name: 'Dienst Buiten Elk Netwerk',
      locations: [{ address_1: 'Wetstraat 1', postal_code: '1000', city: 'Brussel', nis_code: '21004' }],
    });
  });
  afterAll(() => k.destroy());

  it('links the service page to a plain form prefilled with the current details', async () => {
    const page = await k.app.inject({ method: 'GET', url: `/kaart/dienst/${aalst}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/kaart/dienst/${aalst}/voorstel"`);
    expect(page.body).toContain('Klopt er iets niet? Stel een wijziging voor');
    const form = await k.app.inject({ method: 'GET', url: `/kaart/dienst/${aalst}/voorstel` });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(
      `<form class="search suggest" method="post" action="/kaart/dienst/${aalst}/voorstel"`,
    );
    expect(form.body).toContain('value="053 00 00 00"');
    expect(form.body).toContain('value="Kerkstraat 1"');
    expect(form.body).toContain('name="homepage"');
    // Both networks whose area holds Aalst will read it.
    expect(form.body).toContain('Eerstelijnszone Regio Aalst');
    expect(form.body).toContain('Zorginnovatiecluster');
  });

  it("files a citizen's new phone number in every covering network's inbox, never as the signed-in user", async () => {
    const res = await post(
      `/kaart/dienst/${aalst}/voorstel`,
      {
        ...formOf({ phones: '053 99 88 77' }),
        hours: 'ma-vr 9-12 u',
        message: 'Nieuw nummer sinds oktober.',
      },
      // A staff member's session cookie rides along: the public form must not attribute the suggestion to it.
      { cookie: staff.cookie },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body).toContain('Bedankt voor uw voorstel');
    const rows = await suggestionsOf(aalst);
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(JSON.parse(r.proposed_json)).toEqual({ phones: ['053 99 88 77'] });
      expect(r.proposer_user_id).toBeNull();
      expect(r.comment).toContain('Nieuw nummer sinds oktober.');
      expect(r.comment).toContain('Openingsuren volgens de melder: ma-vr 9-12 u');
    }
    const inbox = await k.app.inject({ method: 'GET', url: INBOX, headers: as(staff) });
    expect(inbox.statusCode, inbox.body).toBe(200);
    const mine = inbox.json().suggestions.find((s: { service: { id: string } }) => s.service.id === aalst);
    expect(mine.diff).toEqual([{ field: 'phones', current: ['053 00 00 00'], proposed: ['053 99 88 77'] }]);
    expect(mine.proposer).toBeNull();
  });

  it('sends it only to the network the page was opened in', async () => {
    const before = (await suggestionsOf(aalst)).length;
    const res = await post(`/kaart/dienst/${aalst}/voorstel?network=${SLUG}`, {
      ...formOf({ phones: '053 00 00 00' }),
      email: 'info@voorstel.example',
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await suggestionsOf(aalst);
    expect(rows).toHaveLength(before + 1);
    const network = await k.t.db
      .selectFrom('networks')
      .select('id')
      .where('slug', '=', SLUG)
      .executeTakeFirst();
    expect(rows.at(-1)?.network_id).toBe(network?.id);
  });

  it('shows the form again with an error summary, values kept, and writes nothing for bad input', async () => {
    const before = (await suggestionsOf(aalst)).length;
    const res = await post(`/kaart/dienst/${aalst}/voorstel?lang=fr`, {
      ...formOf({ phones: '053 00 00 00', email: 'geen-adres' }),
      postal_code: '93',
      message: 'x'.repeat(600),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<html lang="fr">');
    expect(res.body).toContain('class="error-summary" role="alert"');
    expect(res.body).toContain('Ce n&#39;est pas une adresse e-mail.');
    for (const f of ['email', 'postal_code', 'message']) {
      expect(res.body).toContain(`href="#f-${f}"`);
      expect(res.body).toMatch(
        new RegExp(`id="f-${f}" name="${f}" aria-describedby="[^"]*f-${f}-error" aria-invalid="true"`),
      );
    }
    expect(res.body).toContain('value="geen-adres"');
    expect(res.body).toContain('value="93"');
    expect(res.body).toContain('<title>Erreur');
    expect(await suggestionsOf(aalst)).toHaveLength(before);

    const unchanged = await post(`/kaart/dienst/${aalst}/voorstel`, formOf({ phones: '053 00 00 00' }));
    expect(unchanged.statusCode).toBe(400);
    expect(unchanged.body).toContain('U hebt niets veranderd.');
    expect(await suggestionsOf(aalst)).toHaveLength(before);
  });

  it('answers a filled-in honeypot like a success and keeps nothing', async () => {
    const before = (await suggestionsOf(aalst)).length;
    const res = await post(`/kaart/dienst/${aalst}/voorstel`, {
      ...formOf({ phones: 'bot' }),
      homepage: 'https://spam.example',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Bedankt voor uw voorstel');
    expect(await suggestionsOf(aalst)).toHaveLength(before);
  });

  it('limits suggestions per address and says so on the form', async () => {
    const ip = nextIp();
    let last = 0;
    for (let i = 0; i < 11; i++) {
      const res = await post(
        `/kaart/dienst/${aalst}/voorstel?network=${SLUG}`,
        { ...formOf({ phones: '053 00 00 00' }), message: `Poging ${i}` },
        { ip },
      );
      last = res.statusCode;
      if (i < 10) expect(res.statusCode).toBe(200);
      else expect(res.body).toContain('het voorbije uur al veel voorstellen');
    }
    expect(last).toBe(429);
  });

  it('offers no form where no network would read it', async () => {
    const page = await k.app.inject({ method: 'GET', url: `/kaart/dienst/${brussel}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('/voorstel');
    const form = await k.app.inject({ method: 'GET', url: `/kaart/dienst/${brussel}/voorstel` });
    expect(form.statusCode).toBe(404);
    const sent = await post(`/kaart/dienst/${brussel}/voorstel`, formOf({ phones: '02 000 00 00' }));
    expect(sent.statusCode).toBe(404);
    expect(await suggestionsOf(brussel)).toHaveLength(0);
  });
});
