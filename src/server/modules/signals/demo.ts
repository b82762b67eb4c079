import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { findNetwork } from '../networks/service.ts';
import * as service from './service.ts';

const step = (to: string, note: string) => ({ to: to as 'collect', note });

/**
 * Demo signals of ELZ Regio Aalst (invented, no real persons): five signals from the demo partner and the
 * demo staff member, bundled into two dossiers in different phases, so the board, the overdue list and the
 * dossier page have something to show. Loaded through the module's own use cases.
 */
export async function seedSignalsDemo(
  db: Kysely<PlatformTables>,
  users: { partner: string; staff: string },
  slug = 'elz-regio-aalst',
): Promise<void> {
  const network = await findNetwork(db, slug);
  if (!network) return;
  const asPartner = { network, role: 'partner' as const };
  const asStaff = { network, role: 'staff' as const };
  const partner = { userId: users.partner, requestId: null };
  const staff = { userId: users.staff, requestId: null };
  const report = (title: string, description: string, extra: Partial<service.SignalInput>, by = partner) =>
    service.reportSignal(db, by === partner ? asPartner : asStaff, by, {
      title,
      description,
      municipalities: ['41002'],
      theme: 'elderly_care',
      ...extra,
    });

  const wait = await report(
    'Wachttijd thuisverpleging na ziekenhuisontslag',
    'Ouderen die uit het ziekenhuis ontslagen worden, wachten twee tot drie weken op thuisverpleging.',
    {
      targetGroup: 'ouderen na ziekenhuisontslag',
      affectedCount: 35,
      since: '2026-02-01',
      sector: 'primary_care',
    },
  );
  const day = await report(
    'Geen plaats in dagverzorging',
    'Dagverzorgingscentra in Denderleeuw en Aalst hebben wachtlijsten; mantelzorgers raken overbelast.',
    {
      municipalities: ['41002', '41011'],
      targetGroup: 'mantelzorgers',
      affectedCount: 20,
      sector: 'elderly_care',
    },
    staff,
  );
  const nurses = await report(
    'Thuisverpleging weigert nieuwe patiënten in Lede',
    'Twee diensten thuisverpleging nemen in Lede tijdelijk geen nieuwe patiënten aan.',
    { municipalities: ['41034'], sector: 'primary_care', anonymous: true },
  );
  const screening = await report(
    'Lage deelname borstkankeronderzoek',
    'Vrouwen in Lede en Denderleeuw gaan minder vaak naar het bevolkingsonderzoek; de uitnodiging is moeilijk leesbaar.',
    { municipalities: ['41034', '41011'], theme: 'prevention', sector: 'primary_care', affectedCount: 300 },
  );
  await report(
    'Geen vervoer naar het dagcentrum',
    'Inwoners van deelgemeenten zonder eigen vervoer geraken niet tot het dagcentrum.',
    { municipalities: ['41024'], theme: 'mobility', sector: 'welfare' },
  );

  for (const id of [wait, day, nurses, screening])
    await service.moveSignal(db, asStaff, staff, id, step('collect', 'Herkend in het signalenoverleg'));

  const homeCare = await service.createDossier(db, asStaff, staff, {
    title: 'Tekort aan thuisverpleging en dagverzorging',
    signalIds: [wait, day, nurses],
    note: 'Drie signalen met hetzelfde patroon gebundeld',
  });
  await service.moveDossier(
    db,
    asStaff,
    staff,
    homeCare,
    step('analyse', 'Analyse gestart met de werkgroep ouderenzorg'),
  );

  const prevention = await service.createDossier(db, asStaff, staff, {
    title: 'Lage deelname aan het bevolkingsonderzoek borstkanker',
    signalIds: [screening],
    note: 'Signaal sluit aan bij de cijfers van de kansenkaart',
  });
  await service.moveDossier(db, asStaff, staff, prevention, step('analyse', 'Cijfers per gemeente bekeken'));
  await service.updateDossier(db, asStaff, staff, prevention, {
    analysis:
      'De deelname in Lede ligt al jaren het laagst van de regio; de uitnodigingsbrief is moeilijk leesbaar.',
    proposal: 'Een campagne met huisartsen en apothekers, en een uitnodiging in eenvoudige taal.',
    addresseeKind: 'flemish_agency',
    addresseeName: 'Departement Zorg',
  });
  await service.moveDossier(
    db,
    asStaff,
    staff,
    prevention,
    step('report', 'Dossier bezorgd aan het Departement Zorg'),
  );
}
