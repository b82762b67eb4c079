import type { Insertable, Kysely, Updateable } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import type {
  PlanAttachmentTable,
  PlanIndicatorTable,
  PlanLinkTable,
  PlanMeasurementRequestTable,
  PlanMeasurementTable,
  PlanNodeTable,
  PlanStatusHistoryTable,
  PlanTable,
  PlanTables,
  PlanTargetTable,
} from './tables.ts';

type Db = Kysely<PlatformTables>;
const t = (db: Db) => db.withTables<PlanTables>();

/** Stays under SQLite's 32,766 bound parameters per statement (PostgreSQL allows 65,535). */
const MAX_PARAMS = 30_000;

async function insertChunked<K extends keyof PlanTables>(
  db: Db,
  table: K,
  rows: readonly Insertable<PlanTables[K]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const perRow = Object.keys(rows[0]!).length;
  const size = Math.max(1, Math.floor(MAX_PARAMS / perRow));
  for (let i = 0; i < rows.length; i += size) {
    // Kysely cannot relate a table chosen by a generic key to its row type; the signature above does.
    await t(db)
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}

// Plans.

export const insertPlan = (db: Db, row: PlanTable) => t(db).insertInto('plan_plans').values(row).execute();

export const listPlans = (db: Db, networkId: string) =>
  t(db)
    .selectFrom('plan_plans')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('period_start', 'desc')
    .execute();

export const findPlan = (db: Db, networkId: string, planId: string) =>
  t(db)
    .selectFrom('plan_plans')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('id', '=', planId)
    .executeTakeFirst();

export const updatePlan = (db: Db, networkId: string, planId: string, patch: Updateable<PlanTable>) =>
  t(db)
    .updateTable('plan_plans')
    .set(patch)
    .where('network_id', '=', networkId)
    .where('id', '=', planId)
    .execute();

// Nodes.

export const insertNodes = (db: Db, rows: PlanNodeTable[]) => insertChunked(db, 'plan_nodes', rows);

export function listNodes(db: Db, networkId: string, planId: string, opts: { withDeleted?: boolean } = {}) {
  let q = t(db)
    .selectFrom('plan_nodes')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('plan_id', '=', planId);
  if (!opts.withDeleted) q = q.where('deleted_at', 'is', null);
  return q.orderBy('position').orderBy('id').execute();
}

/** What the plan tree shows of a node; the long texts stay in the database until a node is opened. */
export const TREE_COLUMNS = [
  'id',
  'parent_id',
  'position',
  'code',
  'title',
  'owner_user_id',
  'lead_partner',
  'start_date',
  'end_date',
  'weight',
  'progress',
  'status',
  'status_on',
  'status_note',
  'budget_planned',
  'budget_spent',
  'staff_hours_planned',
  'staff_hours_spent',
  'aims',
  'tags',
] as const;
export type TreeNodeRow = Pick<PlanNodeTable, (typeof TREE_COLUMNS)[number]>;

export const listTreeNodes = (db: Db, networkId: string, planId: string): Promise<TreeNodeRow[]> =>
  t(db)
    .selectFrom('plan_nodes')
    .select(TREE_COLUMNS)
    .where('network_id', '=', networkId)
    .where('plan_id', '=', planId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();

export const findNode = (db: Db, networkId: string, planId: string, nodeId: string) =>
  t(db)
    .selectFrom('plan_nodes')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('plan_id', '=', planId)
    .where('id', '=', nodeId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();

export const nodesOwnedBy = (db: Db, networkId: string, planId: string, userId: string) =>
  t(db)
    .selectFrom('plan_nodes')
    .select('id')
    .where('network_id', '=', networkId)
    .where('plan_id', '=', planId)
    .where('owner_user_id', '=', userId)
    .where('deleted_at', 'is', null)
    .execute();

export const updateNode = (db: Db, networkId: string, nodeId: string, patch: Updateable<PlanNodeTable>) =>
  t(db)
    .updateTable('plan_nodes')
    .set(patch)
    .where('network_id', '=', networkId)
    .where('id', '=', nodeId)
    .execute();

export async function setWeights(db: Db, networkId: string, weights: ReadonlyMap<string, number | null>) {
  for (const [id, weight] of weights) {
    await t(db)
      .updateTable('plan_nodes')
      .set({ weight })
      .where('network_id', '=', networkId)
      .where('id', '=', id)
      .execute();
  }
}

// Soft delete: rows of one deletion share its id; undo clears exactly those.

export interface Deletion {
  id: string;
  at: string;
  by: string | null;
}

const SOFT_TABLES = ['plan_nodes', 'plan_indicators', 'plan_measurements'] as const;

export async function softDelete(
  db: Db,
  networkId: string,
  table: (typeof SOFT_TABLES)[number],
  ids: readonly string[],
  d: Deletion,
) {
  for (let i = 0; i < ids.length; i += 5000) {
    await t(db)
      .updateTable(table)
      .set({ deleted_at: d.at, deleted_by: d.by, deletion_id: d.id })
      .where('network_id', '=', networkId)
      .where('id', 'in', ids.slice(i, i + 5000))
      .where('deleted_at', 'is', null)
      .execute();
  }
}

export async function restoreDeletion(db: Db, networkId: string, planId: string, deletionId: string) {
  let restored = 0;
  for (const table of SOFT_TABLES) {
    const r = await t(db)
      .updateTable(table)
      .set({ deleted_at: null, deleted_by: null, deletion_id: null })
      .where('network_id', '=', networkId)
      .where('plan_id', '=', planId)
      .where('deletion_id', '=', deletionId)
      .executeTakeFirst();
    restored += Number(r.numUpdatedRows);
  }
  return restored;
}

export async function indicatorsOfDeletion(db: Db, networkId: string, planId: string, deletionId: string) {
  const rows = await t(db)
    .selectFrom('plan_measurements')
    .select('indicator_id')
    .distinct()
    .where('network_id', '=', networkId)
    .where('plan_id', '=', planId)
    .where('deletion_id', '=', deletionId)
    .execute();
  return rows.map((r) => r.indicator_id);
}

export async function deletedRows(db: Db, networkId: string, planId: string) {
  const pick = (table: (typeof SOFT_TABLES)[number]) =>
    t(db)
      .selectFrom(table)
      .select(['id', 'deletion_id', 'deleted_at', 'deleted_by'])
      .where('network_id', '=', networkId)
      .where('plan_id', '=', planId)
      .where('deletion_id', 'is not', null)
      .execute();
  const [nodes, indicators, measurements] = await Promise.all(SOFT_TABLES.map(pick));
  return { nodes: nodes!, indicators: indicators!, measurements: measurements! };
}

// Status history.

export const insertStatuses = (db: Db, rows: PlanStatusHistoryTable[]) =>
  insertChunked(db, 'plan_status_history', rows);

export function statusHistory(db: Db, networkId: string, planId: string, nodeId?: string) {
  let q = t(db)
    .selectFrom('plan_status_history')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('plan_id', '=', planId);
  if (nodeId) q = q.where('node_id', '=', nodeId);
  return q.orderBy('status_on').orderBy('set_at').orderBy('id').execute();
}

// Links and attachments.

export const insertLinks = (db: Db, rows: PlanLinkTable[]) => insertChunked(db, 'plan_links', rows);

export const listLinks = (db: Db, networkId: string, planId: string) =>
  t(db)
    .selectFrom('plan_links')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const deleteLink = (db: Db, networkId: string, planId: string, linkId: string) =>
  t(db)
    .deleteFrom('plan_links')
    .where('network_id', '=', networkId)
    .where('plan_id', '=', planId)
    .where('id', '=', linkId)
    .executeTakeFirst();

export const insertAttachments = (db: Db, rows: PlanAttachmentTable[]) =>
  insertChunked(db, 'plan_attachments', rows);

export function listAttachments(db: Db, networkId: string, planId: string, nodeId?: string) {
  let q = t(db)
    .selectFrom('plan_attachments')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('plan_id', '=', planId);
  if (nodeId) q = q.where('node_id', '=', nodeId);
  return q.orderBy('created_at').orderBy('id').execute();
}

export const deleteAttachment = (db: Db, networkId: string, nodeId: string, attachmentId: string) =>
  t(db)
    .deleteFrom('plan_attachments')
    .where('network_id', '=', networkId)
    .where('node_id', '=', nodeId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();

// Indicators and targets.

export const insertIndicators = (db: Db, rows: PlanIndicatorTable[]) =>
  insertChunked(db, 'plan_indicators', rows);

export function listIndicators(
  db: Db,
  networkId: string,
  planId: string,
  opts: { withDeleted?: boolean; nodeId?: string } = {},
) {
  let q = t(db)
    .selectFrom('plan_indicators')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('plan_id', '=', planId);
  if (!opts.withDeleted) q = q.where('deleted_at', 'is', null);
  if (opts.nodeId) q = q.where('node_id', '=', opts.nodeId);
  return q.orderBy('position').orderBy('id').execute();
}

export const findIndicator = (db: Db, networkId: string, planId: string, indicatorId: string) =>
  t(db)
    .selectFrom('plan_indicators')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('plan_id', '=', planId)
    .where('id', '=', indicatorId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();

export const updateIndicator = (
  db: Db,
  networkId: string,
  id: string,
  patch: Updateable<PlanIndicatorTable>,
) =>
  t(db)
    .updateTable('plan_indicators')
    .set(patch)
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .execute();

export const insertTargets = (db: Db, rows: PlanTargetTable[]) => insertChunked(db, 'plan_targets', rows);

/** The four columns the roll-up needs, for every indicator of a plan: the tree page reads thousands. */
export const listTreeTargets = (db: Db, networkId: string, planId: string) =>
  t(db)
    .selectFrom('plan_targets')
    .select(['indicator_id', 'period_start', 'period_end', 'value'])
    .where('network_id', '=', networkId)
    .where('plan_id', '=', planId)
    .orderBy('period_start')
    .orderBy('period_end')
    .orderBy('id')
    .execute();

export function listTargets(db: Db, networkId: string, planId: string, indicatorId?: string) {
  let q = t(db)
    .selectFrom('plan_targets')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('plan_id', '=', planId);
  if (indicatorId) q = q.where('indicator_id', '=', indicatorId);
  return q.orderBy('period_start').orderBy('period_end').orderBy('id').execute();
}

export const deleteTargets = (db: Db, networkId: string, indicatorId: string) =>
  t(db)
    .deleteFrom('plan_targets')
    .where('network_id', '=', networkId)
    .where('indicator_id', '=', indicatorId)
    .execute();

// Measurements.

export const insertMeasurements = (db: Db, rows: PlanMeasurementTable[]) =>
  insertChunked(db, 'plan_measurements', rows);

export function listMeasurements(
  db: Db,
  networkId: string,
  planId: string,
  opts: { indicatorId?: string; upTo?: string; withDeleted?: boolean } = {},
) {
  let q = t(db)
    .selectFrom('plan_measurements')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('plan_id', '=', planId);
  if (opts.indicatorId) q = q.where('indicator_id', '=', opts.indicatorId);
  if (opts.upTo) q = q.where('measured_on', '<=', opts.upTo);
  if (!opts.withDeleted) q = q.where('deleted_at', 'is', null);
  return q.orderBy('measured_on').orderBy('entered_at').orderBy('id').execute();
}

/** Only what the progress report needs from each measurement, so that 100,000 rows stay cheap to read. */
export const measurementValuesUpTo = (db: Db, networkId: string, planId: string, upTo: string) =>
  t(db)
    .selectFrom('plan_measurements')
    .select(['indicator_id', 'measured_on', 'value'])
    .where('network_id', '=', networkId)
    .where('plan_id', '=', planId)
    .where('measured_on', '<=', upTo)
    .where('deleted_at', 'is', null)
    .orderBy('measured_on')
    .execute();

export const findMeasurement = (db: Db, networkId: string, indicatorId: string, id: string) =>
  t(db)
    .selectFrom('plan_measurements')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('indicator_id', '=', indicatorId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();

export async function countMeasurements(db: Db, networkId: string, indicatorIds: readonly string[]) {
  let n = 0;
  for (let i = 0; i < indicatorIds.length; i += 5000) {
    const r = await t(db)
      .selectFrom('plan_measurements')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('network_id', '=', networkId)
      .where('indicator_id', 'in', indicatorIds.slice(i, i + 5000))
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    n += Number(r?.n ?? 0);
  }
  return n;
}

export const measurementIdsOf = async (db: Db, networkId: string, indicatorIds: readonly string[]) => {
  const out: string[] = [];
  for (let i = 0; i < indicatorIds.length; i += 5000) {
    const rows = await t(db)
      .selectFrom('plan_measurements')
      .select('id')
      .where('network_id', '=', networkId)
      .where('indicator_id', 'in', indicatorIds.slice(i, i + 5000))
      .where('deleted_at', 'is', null)
      .execute();
    for (const r of rows) out.push(r.id);
  }
  return out;
};

export const latestMeasurement = (db: Db, networkId: string, indicatorId: string) =>
  t(db)
    .selectFrom('plan_measurements')
    .select(['measured_on', 'value'])
    .where('network_id', '=', networkId)
    .where('indicator_id', '=', indicatorId)
    .where('deleted_at', 'is', null)
    .orderBy('measured_on', 'desc')
    .orderBy('entered_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();

// Measurement requests.

export const insertRequests = (db: Db, rows: PlanMeasurementRequestTable[]) =>
  insertChunked(db, 'plan_measurement_requests', rows);

export function listRequests(db: Db, networkId: string, planId: string, opts: { indicatorId?: string } = {}) {
  let q = t(db)
    .selectFrom('plan_measurement_requests')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('plan_id', '=', planId);
  if (opts.indicatorId) q = q.where('indicator_id', '=', opts.indicatorId);
  return q.orderBy('due_on').orderBy('requested_at').orderBy('id').execute();
}

export const findRequest = (db: Db, networkId: string, planId: string, requestId: string) =>
  t(db)
    .selectFrom('plan_measurement_requests')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('plan_id', '=', planId)
    .where('id', '=', requestId)
    .executeTakeFirst();

export const updateRequest = (
  db: Db,
  networkId: string,
  requestId: string,
  patch: Updateable<PlanMeasurementRequestTable>,
) =>
  t(db)
    .updateTable('plan_measurement_requests')
    .set(patch)
    .where('network_id', '=', networkId)
    .where('id', '=', requestId)
    .execute();
