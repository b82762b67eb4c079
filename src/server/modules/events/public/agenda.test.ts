import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../platform/db/testing.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '../../../testing.ts';

const SLUG = 'elz-regio-aalst';
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

describe.each(testEngines())('the public agenda on %s', (engine) => {
  let k: TestApp;
  let staff: Session;
  let eventId: string;

  beforeAll(async () => {
    k = await createTestApp(engine);
    staff = await loginAs(k.app, 'medewerker@demo.knooppunt.be');
    const res = await k.app.inject({
      method: 'POST',
      url: `/api/networks/${SLUG}/events`,
      headers: as(staff),
      payload: {
        kind: 'info_lunch',
        title: 'Infolunch <script>alert(1)</script> mantelzorg',
        format: 'on_site',
        startsAt: inDays(7),
        endsAt: inDays(7.05),
        venue: 'Zaal De Werf',
        address: 'Molenstraat 51, 9300 Aalst',
        lat: 50.94,
        lng: 4.04,
        programme: [{ time: '12:00', title: 'Broodjes en voorstelling' }],
        questions: [{ id: 'lunch', label: 'Blijft u lunchen?', kind: 'yes_no', options: [], required: true }],
        capacity: 1,
        waitlistLimit: 5,
        visibility: 'public',
        status: 'published',
      },
    });
    eventId = res.json().id;
  }, 120_000);
  afterAll(() => k.destroy());

  it('lists the upcoming public events and shows one with its form, escaped, in the chosen language', async () => {
    const list = await k.app.inject({ method: 'GET', url: `/agenda/${SLUG}` });
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toContain('text/html');
    expect(list.body).toContain(`href="/agenda/${SLUG}/${eventId}"`);
    expect(list.body).not.toContain('<script>alert(1)');
    expect(list.body).toContain('Nog 1 plaatsen vrij');
    const page = await k.app.inject({ method: 'GET', url: `/agenda/${SLUG}/${eventId}?lang=fr` });
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toContain('&lt;script&gt;');
    expect(page.body).toContain('name="answer_lunch"');
    expect(page.body).toContain('openstreetmap.org');
    expect((await k.app.inject({ method: 'GET', url: `/agenda/${SLUG}/nope` })).statusCode).toBe(404);
    expect((await k.app.inject({ method: 'GET', url: '/agenda/no-such-network' })).statusCode).toBe(404);
  });

  it('registers through the plain form, refuses bad input with the form again, and cancels through the link', async () => {
    const bad = await k.app.inject({
      method: 'POST',
      url: `/agenda/${SLUG}/${eventId}`,
      ...form({ name: 'An', email: 'an@voorbeeld.be' }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Beantwoord de vraag');
    expect(bad.body).toContain('value="an@voorbeeld.be"');
    const ok = await k.app.inject({
      method: 'POST',
      url: `/agenda/${SLUG}/${eventId}`,
      ...form({ name: 'An', email: 'an@voorbeeld.be', answer_lunch: 'yes' }),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.body).toContain('U bent ingeschreven');
    const waiting = await k.app.inject({
      method: 'POST',
      url: `/agenda/${SLUG}/${eventId}?lang=en`,
      ...form({ name: 'Bo', email: 'bo@voorbeeld.be', answer_lunch: 'no' }),
    });
    expect(waiting.body).toContain('waiting list in position 1');

    const db = k.t.db as unknown as Kysely<Record<string, Record<string, string>>>;
    const mail = await db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'an@voorbeeld.be')
      .where('kind', '=', 'events.confirmed')
      .executeTakeFirstOrThrow();
    const token = /inschrijving\/([A-Za-z0-9_-]+)/.exec(mail.text_body ?? '')?.[1] as string;
    const own = await k.app.inject({ method: 'GET', url: `/agenda/${SLUG}/inschrijving/${token}` });
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('<svg role="img"');
    const cancelled = await k.app.inject({
      method: 'POST',
      url: `/agenda/${SLUG}/inschrijving/${token}/annuleren`,
      ...form({}),
    });
    expect(cancelled.body).toContain('Uw inschrijving is geannuleerd');
    const offer = await db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'bo@voorbeeld.be')
      .where('kind', '=', 'events.offered')
      .executeTakeFirstOrThrow();
    expect(offer.subject).toContain('A place is free');
    const boToken = /inschrijving\/([A-Za-z0-9_-]+)/.exec(offer.text_body ?? '')?.[1] as string;
    const confirmed = await k.app.inject({
      method: 'POST',
      url: `/agenda/${SLUG}/inschrijving/${boToken}/bevestigen?lang=en`,
      ...form({}),
    });
    expect(confirmed.body).toContain('Your place is confirmed');
    const gone = await k.app.inject({ method: 'GET', url: `/agenda/${SLUG}/inschrijving/${'x'.repeat(43)}` });
    expect(gone.statusCode).toBe(404);
  });
});
