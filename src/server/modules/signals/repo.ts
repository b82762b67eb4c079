import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import type {
  SignalCosignatureTable,
  SignalDossierTable,
  SignalHistoryTable,
  SignalSettingsTable,
  SignalTable,
  SignalTables,
} from './tables.ts';

type Db = Kysely<PlatformTables>;
const t = (db: Db) => db.withTables<SignalTables>();

// Settings.

export const findSettings = (db: Db, networkId: string) =>
  t(db).selectFrom('signal_settings').selectAll().where('network_id', '=', networkId).executeTakeFirst();

export async function saveSettings(db: Db, row: SignalSettingsTable): Promise<void> {
  await t(db).deleteFrom('signal_settings').where('network_id', '=', row.network_id).execute();
  await t(db).insertInto('signal_settings').values(row).execute();
}

// Signals.

export async function insertSignal(db: Db, row: SignalTable): Promise<void> {
  await t(db).insertInto('signals').values(row).execute();
}

export const findSignal = (db: Db, networkId: string, id: string) =>
  t(db)
    .selectFrom('signals')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();

export const listSignals = (db: Db, networkId: string) =>
  t(db)
    .selectFrom('signals')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('created_at', 'desc')
    .execute();

export const signalsOfDossier = (db: Db, networkId: string, dossierId: string) =>
  t(db)
    .selectFrom('signals')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('dossier_id', '=', dossierId)
    .orderBy('created_at')
    .execute();

export const signalsByIds = (db: Db, networkId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : t(db)
        .selectFrom('signals')
        .selectAll()
        .where('network_id', '=', networkId)
        .where('id', 'in', ids)
        .execute();

export async function setSignalPhase(
  db: Db,
  networkId: string,
  ids: string[],
  patch: Pick<SignalTable, 'phase' | 'phase_since' | 'phase_due' | 'updated_at'> & { dossier_id?: string },
): Promise<void> {
  if (ids.length === 0) return;
  await t(db)
    .updateTable('signals')
    .set(patch)
    .where('network_id', '=', networkId)
    .where('id', 'in', ids)
    .execute();
}

// Dossiers.

export async function insertDossier(db: Db, row: SignalDossierTable): Promise<void> {
  await t(db).insertInto('signal_dossiers').values(row).execute();
}

export const findDossier = (db: Db, networkId: string, id: string) =>
  t(db)
    .selectFrom('signal_dossiers')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();

export const listDossiers = (db: Db, networkId: string) =>
  t(db)
    .selectFrom('signal_dossiers')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('created_at', 'desc')
    .execute();

export async function updateDossier(
  db: Db,
  networkId: string,
  id: string,
  patch: Partial<Omit<SignalDossierTable, 'id' | 'network_id'>>,
): Promise<void> {
  await t(db)
    .updateTable('signal_dossiers')
    .set(patch)
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .execute();
}

// History and co-signatures.

export async function insertHistory(db: Db, rows: SignalHistoryTable[]): Promise<void> {
  if (rows.length) await t(db).insertInto('signal_history').values(rows).execute();
}

export const historyOf = (db: Db, networkId: string, subject: { signalId: string } | { dossierId: string }) =>
  t(db)
    .selectFrom('signal_history')
    .selectAll()
    .where('network_id', '=', networkId)
    .where(
      'signalId' in subject ? 'signal_id' : 'dossier_id',
      '=',
      'signalId' in subject ? subject.signalId : subject.dossierId,
    )
    .orderBy('at')
    .execute();

export async function insertCosignature(db: Db, row: SignalCosignatureTable): Promise<void> {
  await t(db).insertInto('signal_cosignatures').values(row).execute();
}

export const cosignaturesOf = (db: Db, networkId: string, dossierId: string) =>
  t(db)
    .selectFrom('signal_cosignatures')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('dossier_id', '=', dossierId)
    .orderBy('at')
    .execute();

/** Open signals per municipality (signals not yet fed back), for the gap map. */
export async function openSignalsByMunicipality(db: Db, networkId: string): Promise<Map<string, number>> {
  const rows = await t(db)
    .selectFrom('signals')
    .select('municipalities')
    .where('network_id', '=', networkId)
    .where('phase', '!=', 'feed_back')
    .execute();
  const out = new Map<string, number>();
  for (const r of rows)
    for (const nis of JSON.parse(r.municipalities) as string[]) out.set(nis, (out.get(nis) ?? 0) + 1);
  return out;
}
