import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/audit.ts';
import { testEngines } from '../../platform/db/testing.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '../../testing.ts';
import { createUser } from '../accounts/service.ts';
import { grantRole } from '../networks/service.ts';
import { personalDataFindings } from './privacy.ts';

const SIGNALS = '/api/networks/elz-regio-aalst/signals';
const DOSSIERS = '/api/networks/elz-regio-aalst/signal-dossiers';
const TABLES = ['signals', 'signal_dossiers', 'signal_history', 'signal_cosignatures', 'outbox', 'audit_log'];

const signal = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  description: 'Oudere inwoners wachten maanden op thuisverpleging na een ziekenhuisopname.',
  municipalities: ['41002'],
  targetGroup: 'ouderen na ontslag uit het ziekenhuis',
  affectedCount: 40,
  since: '2026-03-01',
  theme: 'elderly_care',
  sector: 'primary_care',
  evidence: 'Wachtlijsten van drie diensten',
  ...extra,
});

describe('personal data in free text', () => {
  it('finds national numbers (with their check), e-mail, phone numbers and dates of birth', () => {
    expect(personalDataFindings({ d: 'rijksregisternummer 85.07.30-033.28' })).toEqual([
      { field: 'd', kind: 'national_number' },
    ]);
    expect(personalDataFindings({ d: 'nummer 85.07.30-033.29' }).map((f) => f.kind)).not.toContain(
      'national_number',
    );
    expect(personalDataFindings({ d: 'mail an.peeters@example.be' }).map((f) => f.kind)).toEqual(['email']);
    expect(personalDataFindings({ d: 'bel 0470 12 34 56' }).map((f) => f.kind)).toEqual(['phone']);
    expect(personalDataFindings({ d: 'mevrouw, geboren op 12/03/1948' }).map((f) => f.kind)).toEqual([
      'birth_date',
    ]);
    expect(personalDataFindings({ d: 'sinds 01/03/2025 langere wachttijden' })).toEqual([]);
  });
});

describe.each(testEngines())('signals on %s', (engine) => {
  let k: TestApp;
  let staff: Session;
  let partner: Session;
  let partner2: Session;
  let viewer: Session;
  let admin: Session;
  const db = () => k.t.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const snapshot = async () => {
    const out: Record<string, number> = {};
    for (const table of TABLES) out[table] = (await db().selectFrom(table).selectAll().execute()).length;
    return out;
  };
  const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, s: Session, payload: unknown) =>
    k.app.inject({ method, url, headers: as(s), payload: payload as object });
  const get = (url: string, s: Session) => k.app.inject({ url, headers: as(s) });
  const ids: string[] = [];
  let dossierId = '';
  let baseline: { totals: Record<string, number>; byMunicipality: { nis: string; signals: number }[] };
  let partnerMails = 0;
  const mailsTo = async (address: string) =>
    (
      await db()
        .selectFrom('outbox')
        .selectAll()
        .where('kind', '=', 'signals.dossier_moved')
        .where('to_address', '=', address)
        .execute()
    ).length;

  beforeAll(async () => {
    k = await createTestApp(engine);
    await createUser(k.t.db, {
      email: 'tweede@partner.test',
      name: 'Tweede Partner',
      password: 'een-lang-wachtwoord-1',
    });
    await grantRole(k.t.db, SYSTEM_ACTOR, 'elz-regio-aalst', 'tweede@partner.test', 'partner');
    [staff, partner, partner2, viewer, admin] = await Promise.all([
      loginAs(k.app, 'medewerker@demo.knooppunt.be'),
      loginAs(k.app, 'partner@demo.knooppunt.be'),
      loginAs(k.app, 'tweede@partner.test', 'een-lang-wachtwoord-1'),
      loginAs(k.app, 'bestuur@demo.knooppunt.be'),
      loginAs(k.app, 'beheerder@demo.knooppunt.be'),
    ]);
    // The demo region has signals of its own: the report is compared with what was there before.
    baseline = (await get(`${SIGNALS}/report?year=${new Date().getUTCFullYear()}`, staff)).json();
  }, 120_000);

  afterAll(async () => {
    await k?.destroy();
  });

  it('warns about personal data before saving, and saves after the reporter confirms', async () => {
    const before = await snapshot();
    const body = signal('Wachttijd thuisverpleging', {
      description: 'Mevrouw, geboren op 12/03/1948, wacht al maanden.',
    });
    const warned = await send('POST', `${SIGNALS}?lang=en`, partner, body);
    expect(warned.statusCode).toBe(422);
    expect(warned.json().error.code).toBe('signals_personal_data');
    expect(warned.json().error.message).toContain('description: birth_date');
    expect(await snapshot()).toEqual(before);
    const saved = await send('POST', SIGNALS, partner, {
      ...body,
      confirmPersonalData: true,
      anonymous: true,
    });
    expect(saved.statusCode).toBe(201);
    ids.push(saved.json().id);
  });

  it('refuses reports outside the network, from viewers, and from the public', async () => {
    const before = await snapshot();
    const outside = await send('POST', SIGNALS, partner, signal('Elders', { municipalities: ['11002'] }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.code).toBe('signals_unknown_municipality');
    expect((await send('POST', SIGNALS, viewer, signal('Bestuur'))).statusCode).toBe(403);
    expect(
      (await k.app.inject({ method: 'POST', url: SIGNALS, payload: signal('Anoniem') })).statusCode,
    ).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it('moves a signal one phase at a time with a note, and refuses to skip one', async () => {
    for (const title of ['Lange wachttijd thuisverpleging Aalst', 'Geen plaats in dagverzorging']) {
      const res = await send(
        'POST',
        SIGNALS,
        partner2,
        signal(title, { municipalities: ['41002', '41011'] }),
      );
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    const before = await snapshot();
    const skip = await send('POST', `${SIGNALS}/${ids[0]}/phase?lang=nl`, staff, {
      to: 'bundle',
      note: 'sneller',
    });
    expect(skip.statusCode).toBe(400);
    expect(skip.json().error.message).toContain('een fase overslaan kan niet');
    const noNote = await send('POST', `${SIGNALS}/${ids[0]}/phase`, staff, { to: 'collect', note: '' });
    expect(noNote.statusCode).toBe(400);
    expect(
      (await send('POST', `${SIGNALS}/${ids[0]}/phase`, partner, { to: 'collect', note: 'x' })).statusCode,
    ).toBe(403);
    expect(await snapshot()).toEqual(before);
    for (const id of ids) {
      const res = await send('POST', `${SIGNALS}/${id}/phase`, staff, {
        to: 'collect',
        note: 'Herkend als structureel',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().phase).toBe('collect');
      expect(res.json().history.map((h: { to: string }) => h.to)).toEqual(['notice', 'collect']);
    }
    const view = (await get(`${SIGNALS}/${ids[1]}`, staff)).json();
    expect(view.similar.map((s: { id: string }) => s.id)).toContain(ids[0]);
  });

  it('keeps an anonymous reporter hidden from other partners but not from staff', async () => {
    const other = (await get(`${SIGNALS}/${ids[0]}`, partner2)).json();
    expect(other.reporter).toBeNull();
    const own = (await get(`${SIGNALS}/${ids[0]}`, partner)).json();
    expect(own.reporter.name).toBe('Paula Partner (demo)');
    const byStaff = (await get(`${SIGNALS}/${ids[0]}`, staff)).json();
    expect(byStaff.reporter.email).toBe('partner@demo.knooppunt.be');
    expect((await k.app.inject({ url: SIGNALS })).statusCode).toBe(401);
  });

  it('bundles collected signals into a dossier and tells every reporter', async () => {
    const mails = (
      await db().selectFrom('outbox').selectAll().where('kind', '=', 'signals.dossier_moved').execute()
    ).length;
    partnerMails = await mailsTo('partner@demo.knooppunt.be');
    const res = await send('POST', DOSSIERS, staff, {
      title: 'Wachttijden thuiszorg',
      signalIds: ids,
      note: 'Drie signalen, één patroon',
    });
    expect(res.statusCode).toBe(201);
    dossierId = res.json().id;
    const sent = await db()
      .selectFrom('outbox')
      .selectAll()
      .where('kind', '=', 'signals.dossier_moved')
      .execute();
    expect(sent.length - mails).toBe(3);
    expect(sent.map((m) => m.to_address)).toContain('tweede@partner.test');
    const d = (await get(`${DOSSIERS}/${dossierId}`, staff)).json();
    expect(d.phase).toBe('bundle');
    expect(d.signals).toHaveLength(3);
    expect(
      (await send('POST', DOSSIERS, staff, { title: 'Nog eens', signalIds: [ids[0]], note: 'x' })).statusCode,
    ).toBe(400);
  });

  it('lets another partner co-sign once, but not a reporter of the dossier', async () => {
    const own = await send('POST', `${DOSSIERS}/${dossierId}/cosign`, partner, { note: null });
    expect(own.statusCode).toBe(400);
    await createUser(k.t.db, {
      email: 'derde@partner.test',
      name: 'Derde Partner',
      password: 'een-lang-wachtwoord-1',
    });
    await grantRole(k.t.db, SYSTEM_ACTOR, 'elz-regio-aalst', 'derde@partner.test', 'partner');
    const third = await loginAs(k.app, 'derde@partner.test', 'een-lang-wachtwoord-1');
    const ok = await send('POST', `${DOSSIERS}/${dossierId}/cosign`, third, { note: 'Zien we ook' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().cosignatures).toEqual([
      expect.objectContaining({ name: 'Derde Partner', note: 'Zien we ook' }),
    ]);
    expect((await send('POST', `${DOSSIERS}/${dossierId}/cosign`, third, { note: null })).statusCode).toBe(
      409,
    );
  });

  it('moves the dossier through the phases with their conditions, refusing skips and other networks', async () => {
    const move = (to: string, s: Session = staff) =>
      send('POST', `${DOSSIERS}/${dossierId}/phase`, s, { to, note: `Naar ${to}` });
    expect((await move('report')).statusCode).toBe(400);
    expect((await move('analyse')).statusCode).toBe(200);
    const early = await move('report');
    expect(early.json().error.code).toBe('signals_needs_analysis');
    const patched = await send('PATCH', `${DOSSIERS}/${dossierId}`, staff, {
      analysis: 'Tekort aan verpleegkundigen in de regio',
      proposal: 'Gezamenlijke wervingscampagne',
      addresseeKind: 'municipality',
      addresseeName: 'Stad Aalst',
    });
    expect(patched.statusCode).toBe(200);
    expect((await move('report')).statusCode).toBe(200);
    expect((await move('decide')).statusCode).toBe(200);
    expect((await move('act')).statusCode).toBe(200);
    expect((await move('feed_back')).json().error.code).toBe('signals_needs_answer');
    await send('PATCH', `${DOSSIERS}/${dossierId}`, staff, { answer: 'De stad steunt de campagne.' });
    const done = await move('feed_back');
    expect(done.statusCode).toBe(200);
    expect(done.json().answerOn).not.toBeNull();
    expect(done.json().history.map((h: { to: string }) => h.to)).toEqual([
      'bundle',
      'analyse',
      'report',
      'decide',
      'act',
      'feed_back',
    ]);
    const signal0 = (await get(`${SIGNALS}/${ids[0]}`, staff)).json();
    expect(signal0.phase).toBe('feed_back');
    expect((await mailsTo('partner@demo.knooppunt.be')) - partnerMails).toBe(6);
    expect((await move('feed_back')).json().error.code).toBe('signals_phase_final');

    const before = await snapshot();
    const foreign = await send(
      'POST',
      `/api/networks/zorginnovatiecluster/signal-dossiers/${dossierId}/phase`,
      admin,
      {
        to: 'feed_back',
        note: 'x',
      },
    );
    expect(foreign.statusCode).toBe(404);
    expect(
      (await get(`/api/networks/zorginnovatiecluster/signal-dossiers/${dossierId}`, admin)).statusCode,
    ).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('turns the dossier into a plan action that names its origin', async () => {
    const plans = (await get('/api/networks/elz-regio-aalst/plans', staff)).json().plans;
    const planId = plans[0].id;
    expect((await send('POST', `${DOSSIERS}/${dossierId}/plan-action`, partner, { planId })).statusCode).toBe(
      403,
    );
    const res = await send('POST', `${DOSSIERS}/${dossierId}/plan-action`, staff, { planId });
    expect(res.statusCode).toBe(201);
    const { nodeId } = res.json();
    const node = (await get(`/api/networks/elz-regio-aalst/plans/${planId}/nodes/${nodeId}`, staff)).json();
    expect(JSON.stringify(node)).toContain('Oorsprong: signalendossier');
    expect((await get(`${DOSSIERS}/${dossierId}`, staff)).json().planAction).toEqual({ planId, nodeId });
    expect((await send('POST', `${DOSSIERS}/${dossierId}/plan-action`, staff, { planId })).statusCode).toBe(
      409,
    );
  });

  it('lists what is overdue and makes the yearly report', async () => {
    const fresh = await send(
      'POST',
      SIGNALS,
      partner,
      signal('Geen vervoer naar dagcentrum', { theme: 'mobility' }),
    );
    const id = fresh.json().id;
    expect((await get(`${SIGNALS}/overdue`, staff)).json().signals).toEqual([]);
    await db().updateTable('signals').set({ phase_due: '2020-01-01' }).where('id', '=', id).execute();
    const overdue = (await get(`${SIGNALS}/overdue`, staff)).json();
    expect(overdue.signals.map((s: { id: string }) => s.id)).toEqual([id]);
    const year = new Date().getUTCFullYear();
    const report = (await get(`${SIGNALS}/report?year=${year}`, viewer)).json();
    expect(report.totals).toEqual({
      signals: baseline.totals.signals! + 4,
      dossiers: baseline.totals.dossiers! + 1,
      answered: baseline.totals.answered! + 1,
    });
    const aalst = (r: typeof baseline) => r.byMunicipality.find((m) => m.nis === '41002')?.signals ?? 0;
    expect(aalst(report) - aalst(baseline)).toBe(4);
    expect(report.byTheme.find((t: { theme: string }) => t.theme === 'mobility').signals).toBeGreaterThan(0);
  });
});
