import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../platform/db/testing.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '../../testing.ts';
import { sweepExpiredHolds } from './registration.ts';

const SLUG = 'elz-regio-aalst';
const API = `/api/networks/${SLUG}/events`;
const inDays = (d: number, hour = 12) => {
  const t = new Date(Date.now() + d * 86_400_000);
  t.setUTCHours(hour, 0, 0, 0);
  return t.toISOString();
};

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;
const anyDb = (k: TestApp) => k.t.db as unknown as AnyDb;

/** Rows of the event tables, outbox and audit: a refused request must leave them exactly as they were. */
async function snapshot(k: TestApp) {
  const out: Record<string, unknown> = {};
  for (const table of ['event_events', 'event_registrations', 'event_feedback', 'outbox', 'audit_log']) {
    out[table] = await anyDb(k).selectFrom(table).selectAll().orderBy('id').execute();
  }
  return out;
}

const webinar = (overrides: Record<string, unknown> = {}) => ({
  kind: 'lunch_webinar',
  title: 'Lunchwebinar: zorgzame buurten',
  description: 'Een uur over zorgzame buurten, met vragen.',
  format: 'online',
  startsAt: inDays(10, 11),
  endsAt: inDays(10, 12),
  onlineUrl: 'https://webinar.example.org/zorgzame-buurten',
  audience: 'Partners en geïnteresseerden',
  programme: [{ time: '12:00', title: 'Welkom' }],
  speakers: [{ name: 'Sofie Verlinden', role: 'coördinator' }],
  questions: [{ id: 'diet', label: 'Dieetwensen', kind: 'text', options: [], required: false }],
  capacity: 3,
  waitlistLimit: 10,
  holdHours: 48,
  visibility: 'public',
  status: 'published',
  ...overrides,
});

describe.each(testEngines())('events and registration on %s', (engine) => {
  let k: TestApp;
  let staff: Session;
  let viewer: Session;

  beforeAll(async () => {
    k = await createTestApp(engine);
    [staff, viewer] = await Promise.all([
      loginAs(k.app, 'medewerker@demo.knooppunt.be'),
      loginAs(k.app, 'bestuur@demo.knooppunt.be'),
    ]);
  }, 120_000);
  afterAll(() => k.destroy());

  const create = async (body: Record<string, unknown>) => {
    const res = await k.app.inject({ method: 'POST', url: API, headers: as(staff), payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const registerAnon = (eventId: string, payload: Record<string, unknown>, lang = 'nl') =>
    k.app.inject({
      method: 'POST',
      url: `${API}/${eventId}/registrations`,
      headers: { 'accept-language': lang },
      payload,
    });
  /** The last mail to someone that carries their link (reminders, queued in the same instant, do not). */
  const lastMailTo = async (to: string) =>
    anyDb(k)
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', to)
      .where('kind', '!=', 'events.reminder')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
  const mailKinds = async (to: string) =>
    (await anyDb(k).selectFrom('outbox').select('kind').where('to_address', '=', to).execute()).map(
      (m) => m.kind,
    );
  const tokenIn = (body: unknown) => /inschrijving\/([A-Za-z0-9_-]{20,})/.exec(String(body))?.[1] as string;

  it('registers, keeps a waiting list in arrival order, and promotes the first waiting on a cancel', async () => {
    const id = await create(webinar());
    const people = ['an', 'bo', 'cas', 'dirk', 'els'];
    const answers: { status: string; position?: number }[] = [];
    for (const p of people) {
      const res = await registerAnon(id, { name: p, email: `${p}@voorbeeld.be`, organisation: 'CAW' });
      expect(res.statusCode, res.body).toBe(201);
      answers.push(res.json());
    }
    expect(answers.map((a) => a.status)).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
      'waitlisted',
      'waitlisted',
    ]);
    expect(answers[3]?.position).toBe(1);
    expect(answers[4]?.position).toBe(2);

    const confirmation = await lastMailTo('an@voorbeeld.be');
    expect(confirmation.subject).toContain('Ingeschreven');
    const attachments = JSON.parse(String(confirmation.attachments));
    expect(attachments[0].content).toContain('BEGIN:VEVENT');
    const token = tokenIn(confirmation.text_body);
    expect(token).toBeTruthy();
    const stored = await anyDb(k).selectFrom('event_registrations').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    // The public list shows the places and the waiting list.
    const list = await k.app.inject({ method: 'GET', url: `${API}?upcoming=true` });
    const listed = list.json().events.find((e: { id: string }) => e.id === id);
    expect(listed).toMatchObject({ capacity: 3, places_left: 0, waitlist: true });

    const cancel = await k.app.inject({ method: 'POST', url: `${API}/registration/${token}/cancel` });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const again = await k.app.inject({ method: 'POST', url: `${API}/registration/${token}/cancel` });
    expect(again.statusCode).toBe(409);

    const regs = (
      await k.app.inject({ method: 'GET', url: `${API}/${id}/registrations`, headers: as(staff) })
    ).json();
    const byName = Object.fromEntries(regs.registrations.map((r: { name: string }) => [r.name, r]));
    expect(byName.an.status).toBe('cancelled');
    expect(byName.dirk.status).toBe('offered');
    expect(byName.els).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(regs.counts).toMatchObject({ confirmed: 2, offered: 1, waitlisted: 1 });

    // Dirk is mailed a new link; with it he takes the held place.
    const offer = await lastMailTo('dirk@voorbeeld.be');
    expect(offer.kind).toBe('events.offered');
    const dirkToken = tokenIn(offer.text_body);
    const own = await k.app.inject({ method: 'GET', url: `${API}/registration/${dirkToken}` });
    expect(own.json()).toMatchObject({ status: 'offered', name: 'dirk' });
    const confirm = await k.app.inject({ method: 'POST', url: `${API}/registration/${dirkToken}/confirm` });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(await mailKinds('dirk@voorbeeld.be')).toEqual(
      expect.arrayContaining(['events.waitlisted', 'events.offered', 'events.confirmed', 'events.reminder']),
    );
    const after = (await k.app.inject({ method: 'GET', url: `${API}/${id}`, headers: as(staff) })).json();
    expect(after.counts).toMatchObject({ confirmed: 3, offered: 0, waitlisted: 1 });
    expect(after.placesLeft).toBe(0);

    // The reminder of a cancelled registration is withdrawn, never sent.
    const withdrawn = await anyDb(k)
      .selectFrom('outbox')
      .select('status')
      .where('to_address', '=', 'an@voorbeeld.be')
      .where('kind', '=', 'events.reminder')
      .executeTakeFirstOrThrow();
    expect(withdrawn.status).toBe('withdrawn');
  });

  it('refuses the same e-mail twice, a closed window, a full event without waiting list, and a honeypot — writing nothing', async () => {
    const id = await create(webinar({ capacity: 1, waitlistLimit: null }));
    expect((await registerAnon(id, { name: 'Mia', email: 'mia@voorbeeld.be' })).statusCode).toBe(201);
    const before = await snapshot(k);
    const twice = await registerAnon(id, { name: 'Mia', email: 'MIA@voorbeeld.be' }, 'fr');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('déjà inscrite');
    const full = await registerAnon(id, { name: 'Noor', email: 'noor@voorbeeld.be' }, 'en');
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('events_full');
    const bot = await registerAnon(id, { name: 'Bot', email: 'bot@voorbeeld.be', website: 'http://spam' });
    expect(bot.statusCode).toBe(400);
    expect(await snapshot(k)).toEqual(before);
    const closedId = await create(webinar({ registrationClosesAt: inDays(-1) }));
    const before2 = await snapshot(k);
    const late = await registerAnon(closedId, { name: 'Lot', email: 'lot@voorbeeld.be' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('events_registration_closed');
    expect(await snapshot(k)).toEqual(before2);
    const draft = await create(webinar({ status: 'draft' }));
    expect((await registerAnon(draft, { name: 'X', email: 'x@voorbeeld.be' })).statusCode).toBe(404);
    const required = await create(
      webinar({
        questions: [
          { id: 'org', label: 'Organisatie?', kind: 'choice', options: ['CAW', 'OCMW'], required: true },
        ],
      }),
    );
    const wrong = await registerAnon(required, {
      name: 'Y',
      email: 'y@voorbeeld.be',
      answers: { org: 'Anders' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('events_answer_choice');
  });

  it('refuses a bad event with a message in the language of the user, and non-staff', async () => {
    const bad = await k.app.inject({
      method: 'POST',
      url: `${API}?lang=en`,
      headers: as(staff),
      payload: webinar({ endsAt: inDays(9) }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('An activity must end after it starts.');
    const noLink = await k.app.inject({
      method: 'POST',
      url: API,
      headers: as(staff),
      payload: webinar({ onlineUrl: null }),
    });
    expect(noLink.json().error.code).toBe('events_link_needed');
    const byViewer = await k.app.inject({
      method: 'POST',
      url: API,
      headers: as(viewer),
      payload: webinar(),
    });
    expect(byViewer.statusCode).toBe(403);
    const id = await create(webinar({ capacity: 2 }));
    for (const p of ['a1', 'a2']) await registerAnon(id, { name: p, email: `${p}@voorbeeld.be` });
    const lower = await k.app.inject({
      method: 'PUT',
      url: `${API}/${id}`,
      headers: as(staff),
      payload: webinar({ capacity: 1 }),
    });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().error.code).toBe('events_capacity_below_taken');
  });

  it('holds capacity under concurrent registrations: 60 at once for 20 places', async () => {
    const id = await create(webinar({ capacity: 20, waitlistLimit: 100 }));
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => registerAnon(id, { name: `P${i}`, email: `p${i}@kantoor.be` })),
    );
    expect(results.map((r) => r.statusCode).every((s) => s === 201)).toBe(true);
    const statuses = results.map((r) => r.json().status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(20);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(40);
    const positions = results
      .map((r) => r.json().position)
      .filter(Boolean)
      .sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const ev = (await k.app.inject({ method: 'GET', url: `${API}/${id}`, headers: as(staff) })).json();
    expect(ev.counts.confirmed).toBe(20);
    expect(ev.placesLeft).toBe(0);
  }, 120_000);

  it('lets a held place expire and passes it to the next person waiting', async () => {
    const id = await create(webinar({ capacity: 1, holdHours: 1 }));
    for (const p of ['h1', 'h2', 'h3']) await registerAnon(id, { name: p, email: `${p}@voorbeeld.be` });
    const t1 = tokenIn((await lastMailTo('h1@voorbeeld.be')).text_body);
    await k.app.inject({ method: 'POST', url: `${API}/registration/${t1}/cancel` });
    const offer = tokenIn((await lastMailTo('h2@voorbeeld.be')).text_body);
    expect(
      await sweepExpiredHolds(
        k.t.db,
        { userId: null, requestId: null },
        new Date(Date.now() + 2 * 3_600_000),
      ),
    ).toBe(1);
    const late = await k.app.inject({ method: 'POST', url: `${API}/registration/${offer}/confirm?lang=en` });
    expect(late.statusCode).toBe(409);
    const regs = (
      await k.app.inject({ method: 'GET', url: `${API}/${id}/registrations`, headers: as(staff) })
    ).json();
    expect(regs.registrations.map((r: { status: string }) => r.status)).toEqual([
      'cancelled',
      'expired',
      'offered',
    ]);
    expect((await lastMailTo('h3@voorbeeld.be')).kind).toBe('events.offered');
  });

  it('checks people in, refuses a cancelled place, counts attendance and takes feedback afterwards', async () => {
    const id = await create(webinar({ capacity: 5 }));
    for (const p of ['c1', 'c2', 'c3'])
      await registerAnon(id, {
        name: p,
        email: `${p}@voorbeeld.be`,
        organisation: p === 'c3' ? 'OCMW Aalst' : 'CAW',
      });
    const token3 = tokenIn((await lastMailTo('c3@voorbeeld.be')).text_body);
    await k.app.inject({ method: 'POST', url: `${API}/registration/${token3}/cancel` });
    const regs = (
      await k.app.inject({ method: 'GET', url: `${API}/${id}/registrations`, headers: as(staff) })
    ).json();
    const [c1, , c3] = regs.registrations;
    const checkIn = (rid: string, present = true) =>
      k.app.inject({
        method: 'POST',
        url: `${API}/${id}/registrations/${rid}/check-in`,
        headers: as(staff),
        payload: { present },
      });
    expect((await checkIn(c1.id)).statusCode).toBe(200);
    const refused = await checkIn(c3.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('events_checkin_not_active');
    expect((await checkIn(c1.id, true)).statusCode).toBe(200);
    const att = (
      await k.app.inject({ method: 'GET', url: `${API}/${id}/attendance`, headers: as(staff) })
    ).json();
    expect(att).toMatchObject({ registered: 2, attended: 1 });
    expect(att.organisations).toEqual([{ organisation: 'CAW', registered: 2, attended: 1 }]);

    const token1 = tokenIn(
      (
        await anyDb(k)
          .selectFrom('outbox')
          .select('text_body')
          .where('to_address', '=', 'c1@voorbeeld.be')
          .where('kind', '=', 'events.confirmed')
          .executeTakeFirstOrThrow()
      ).text_body,
    );
    const early = await k.app.inject({
      method: 'POST',
      url: `${API}/registration/${token1}/feedback`,
      payload: { rating: 5 },
    });
    expect(early.statusCode).toBe(409);
    // Move the event into the past, as if it took place.
    await anyDb(k)
      .updateTable('event_events')
      .set({ starts_at: inDays(-2, 10), ends_at: inDays(-2, 11) })
      .where('id', '=', id)
      .execute();
    const given = await k.app.inject({
      method: 'POST',
      url: `${API}/registration/${token1}/feedback`,
      payload: { rating: 4, useful: 5, comment: 'Heel nuttig' },
    });
    expect(given.statusCode, given.body).toBe(201);
    expect(
      (
        await k.app.inject({
          method: 'POST',
          url: `${API}/registration/${token1}/feedback`,
          payload: { rating: 1 },
        })
      ).statusCode,
    ).toBe(409);
    const fb = (
      await k.app.inject({ method: 'GET', url: `${API}/${id}/feedback`, headers: as(staff) })
    ).json();
    expect(fb).toMatchObject({
      responses: 1,
      attended: 1,
      averageRating: 4,
      averageUseful: 5,
      ratings: [0, 0, 0, 1, 0],
      comments: ['Heel nuttig'],
    });

    const csv = await k.app.inject({
      method: 'GET',
      url: `${API}/${id}/registrations.csv`,
      headers: as(staff),
    });
    expect(csv.body).toContain('c1@voorbeeld.be');
    expect(csv.body.split('\r\n')[0]).toContain('Dieetwensen');
  });

  it('serves an RFC 5545 calendar of the public events, and hides other events from the public', async () => {
    await create(
      webinar({
        title:
          "Netwerklunch; met, komma's en een heel lange titel die zeker over de vijfenzeventig octetten gaat",
        kind: 'network_lunch',
        format: 'on_site',
        onlineUrl: null,
        venue: 'Zaal De Werf',
        address: 'Molenstraat 51, 9300 Aalst',
        lat: 50.94,
        lng: 4.04,
      }),
    );
    const hidden = await create(webinar({ title: 'Enkel voor het netwerk', visibility: 'network' }));
    const res = await k.app.inject({ method: 'GET', url: `/api/networks/${SLUG}/events.ics` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const body = res.body;
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(body).toContain('SUMMARY:Netwerklunch\\; met\\, komma');
    expect(body).not.toContain('Enkel voor het netwerk');
    for (const line of body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(body).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    expect(body).toContain('GEO:50.940000;4.040000');
    expect((await k.app.inject({ method: 'GET', url: `${API}/${hidden}` })).statusCode).toBe(404);
    expect(
      (await k.app.inject({ method: 'GET', url: `${API}/${hidden}`, headers: as(viewer) })).statusCode,
    ).toBe(200);
    const pub = (await k.app.inject({ method: 'GET', url: `${API}?upcoming=true` })).json();
    expect(pub.events.some((e: { id: string }) => e.id === hidden)).toBe(false);
  });

  it('turns attendance into co-attendance ties in the partner network, weighted 1/(participants − 1)', async () => {
    const id = await create(webinar({ capacity: 10 }));
    const orgs = [
      'Centrum Algemeen Welzijn Regio Aalst',
      'OCMW Aalst – sociale dienst',
      'Huisartsenkring Denderland',
    ];
    for (const [i, org] of orgs.entries()) {
      await registerAnon(id, { name: `T${i}`, email: `t${i}@voorbeeld.be`, organisation: org.toUpperCase() });
    }
    await registerAnon(id, { name: 'Los', email: 'los@voorbeeld.be', organisation: 'Geen partner vzw' });
    const regs = (
      await k.app.inject({ method: 'GET', url: `${API}/${id}/registrations`, headers: as(staff) })
    ).json();
    const checkIn = (rid: string, present: boolean) =>
      k.app.inject({
        method: 'POST',
        url: `${API}/${id}/registrations/${rid}/check-in`,
        headers: as(staff),
        payload: { present },
      });
    for (const r of regs.registrations) expect((await checkIn(r.id, true)).statusCode).toBe(200);
    const ties = () =>
      anyDb(k)
        .selectFrom('network_ties')
        .select(['weight', 'origin', 'type'])
        .where('origin_ref', '=', `event:${id}`)
        .execute();
    const three = await ties();
    expect(three).toHaveLength(3);
    expect(three.every((t) => t.weight === 0.5 && t.origin === 'derived' && t.type === 'co_attendance')).toBe(
      true,
    );
    expect((await checkIn(regs.registrations[2].id, false)).statusCode).toBe(200);
    expect((await ties()).map((t) => t.weight)).toEqual([1]);
  });
});
