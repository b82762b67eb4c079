import JSZip from 'jszip';
import type { Kysely } from 'kysely';
import { type Actor, SYSTEM_ACTOR, writeAudit } from '../../../platform/audit.ts';
import { inTransaction } from '../../../platform/db/index.ts';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import { badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { type Language, translate } from '../../../platform/i18n.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { type JobLog, startJob } from '../../../platform/jobs.ts';
import type { TenantContext } from '../../../platform/tenancy.ts';
import { findDuplicateCandidates } from '../analysis/service.ts';
import { applyImport, type ImportReport, previewImport } from './apply.ts';
import { exportJson, exportTabular } from './export.ts';
import './messages.ts';
import type { ImportBatch } from './model.ts';
import { parseInWorker, summariseSheet } from './parse-pool.ts';
import { kindOf, type SourceKind } from './sources.ts';
import { type ColumnMapping, suggestMapping, TARGET_FIELDS } from './spreadsheet.ts';
import type { ExchangeTables, ImportJobTable } from './tables.ts';
import { MAX_ROWS } from './text.ts';

type Db = Kysely<PlatformTables>;
const jobs = (db: Db) =>
  db.withTables<ExchangeTables>() as unknown as Kysely<ExchangeTables & PlatformTables>;

export const MAX_UPLOAD_MB = 10;
export const MAX_UPLOAD = MAX_UPLOAD_MB * 1024 * 1024;
/** An upload nobody committed is dropped after a day; a finished job keeps only its report. */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;
/**
 * A running job whose row has not moved for this long is run by no process (a restart or crash ended it):
 * longer than any silence of a live job (progress is written every 200 services; the write itself is one
 * transaction of at most a 10 MB file).
 */
export const STUCK_AFTER_MS = 10 * 60 * 1000;
const SAMPLE_ROWS = 5;
const DUPLICATE_CHECKS = 200;

type Translated = ImportReport['errors'][number] & { message: string };
export interface TranslatedReport extends Omit<ImportReport, 'errors'> {
  errors: Translated[];
  /** Spreadsheet rows the user chose to leave out, with the reasons they were rejected. */
  skipped: Translated[];
  duplicates: {
    file: string;
    line: number;
    entity: string;
    name: string;
    matches: { id: string; name: string; score: number }[];
  }[];
}

export interface JobView {
  id: string;
  fileName: string;
  kind: SourceKind;
  status: 'uploaded' | 'running' | 'done' | 'failed';
  phase: string | null;
  processed: number;
  total: number;
  createdAt: string;
  /** Spreadsheets: the columns found, the first rows, how the file was read and the mapping chosen. */
  sheet: {
    columns: string[];
    sample: string[][];
    encoding: string;
    delimiter: string | null;
    rows: number;
  } | null;
  mapping: ColumnMapping | null;
  suggested: ColumnMapping | null;
  result: TranslatedReport | null;
}

type StoredReport = ImportReport & {
  duplicates?: TranslatedReport['duplicates'];
  skipped?: ImportReport['errors'];
};

function translated(lang: Language, r: StoredReport): TranslatedReport {
  const tr = (e: ImportReport['errors'][number]) => ({
    ...e,
    message: translate(lang, e.code, e.params ?? {}),
  });
  return {
    ...r,
    errors: r.errors.map(tr),
    skipped: (r.skipped ?? []).map(tr),
    duplicates: r.duplicates ?? [],
  };
}

async function loadJob(db: Db, ctx: TenantContext, id: string): Promise<ImportJobTable> {
  const job = await jobs(db)
    .selectFrom('directory_import_jobs')
    .selectAll()
    .where('id', '=', id)
    .where('network_id', '=', ctx.network.id)
    .executeTakeFirst();
  if (!job) throw notFound();
  return job;
}

const fileOf = (job: ImportJobTable) => {
  if (job.file_data === null) throw conflict('exchange_job_state', { status: job.status });
  return Buffer.from(job.file_data, 'base64');
};

async function view(job: ImportJobTable, lang: Language): Promise<JobView> {
  let sheet: JobView['sheet'] = null;
  let suggested: ColumnMapping | null = null;
  if (job.kind === 'spreadsheet' && job.file_data !== null) {
    const { tooManyRows: _, ...summary } = await summariseSheet(job.file_name, fileOf(job), SAMPLE_ROWS);
    sheet = summary;
    suggested = suggestMapping(summary.columns);
  }
  const result = job.result_json
    ? (JSON.parse(job.result_json) as ImportReport & { duplicates?: TranslatedReport['duplicates'] })
    : null;
  return {
    id: job.id,
    fileName: job.file_name,
    kind: job.kind as SourceKind,
    status: job.status as JobView['status'],
    phase: job.phase,
    processed: Number(job.processed),
    total: Number(job.total),
    createdAt: job.created_at,
    sheet,
    mapping: job.mapping_json ? (JSON.parse(job.mapping_json) as ColumnMapping) : null,
    suggested,
    result: result ? translated(lang, result) : null,
  };
}

/** Keeps an upload for the steps that follow (mapping, preview, commit). */
export async function createJob(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  fileName: string,
  bytes: Buffer,
  lang: Language,
): Promise<JobView> {
  if (bytes.length > MAX_UPLOAD) throw badRequest('exchange_file_too_large', { max: MAX_UPLOAD_MB });
  if (!/\.(csv|txt|xlsx|json|zip)$/i.test(fileName)) throw badRequest('exchange_file_type');
  const name = fileName.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200);
  const at = nowIso();
  const kind = kindOf(name, bytes);
  if (kind === 'spreadsheet') {
    // Read it once now, so that a file that is no spreadsheet at all is refused at upload.
    let summary: Awaited<ReturnType<typeof summariseSheet>>;
    try {
      summary = await summariseSheet(name, bytes, SAMPLE_ROWS);
    } catch (e) {
      throw badRequest('exchange_malformed', {
        details: String(e instanceof Error ? e.message : e).slice(0, 200),
      });
    }
    if (summary.tooManyRows) throw badRequest('exchange_too_many_rows', { max: MAX_ROWS });
  }
  const job: ImportJobTable = {
    id: newId(),
    network_id: ctx.network.id,
    created_by: actor.userId,
    file_name: name,
    kind,
    file_size: bytes.length,
    file_data: bytes.toString('base64'),
    mapping_json: null,
    skip_rejected: 0,
    status: 'uploaded',
    phase: null,
    processed: 0,
    total: 0,
    result_json: null,
    created_at: at,
    updated_at: at,
  };
  await inTransaction(db, async (trx) => {
    // Uploads left behind are not kept: the file goes, the job row stays as a trace.
    await jobs(trx)
      .updateTable('directory_import_jobs')
      .set({ file_data: null, status: 'failed', updated_at: at })
      .where('status', '=', 'uploaded')
      .where('created_at', '<', new Date(Date.now() - ABANDONED_AFTER_MS).toISOString())
      .execute();
    await jobs(trx).insertInto('directory_import_jobs').values(job).execute();
    await writeAudit(trx, {
      networkId: ctx.network.id,
      actorUserId: actor.userId,
      requestId: actor.requestId,
      action: 'directory.import.upload',
      entityType: 'directory_import_job',
      entityId: job.id,
      after: { file_name: name, kind, file_size: bytes.length },
    });
  });
  return view(job, lang);
}

export async function getJob(db: Db, ctx: TenantContext, id: string, lang: Language): Promise<JobView> {
  return view(await loadJob(db, ctx, id), lang);
}

export async function setMapping(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  id: string,
  mapping: ColumnMapping,
  lang: Language,
): Promise<JobView> {
  const job = await loadJob(db, ctx, id);
  if (job.status !== 'uploaded') throw conflict('exchange_job_state', { status: job.status });
  const clean = Object.fromEntries(
    Object.entries(mapping).filter(([k, v]) => (TARGET_FIELDS as readonly string[]).includes(k) && v),
  );
  await inTransaction(db, async (trx) => {
    await jobs(trx)
      .updateTable('directory_import_jobs')
      .set({ mapping_json: JSON.stringify(clean), updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, {
      networkId: ctx.network.id,
      actorUserId: actor.userId,
      requestId: actor.requestId,
      action: 'directory.import.mapping',
      entityType: 'directory_import_job',
      entityId: id,
      after: clean,
    });
  });
  return getJob(db, ctx, id, lang);
}

async function batchOf(job: ImportJobTable, skipLines: number[] = []): Promise<ImportBatch> {
  return parseInWorker(
    job.file_name,
    fileOf(job),
    job.mapping_json ? (JSON.parse(job.mapping_json) as ColumnMapping) : {},
    skipLines,
  );
}

/** Records the import would create that look like ones the map already has (the analysis' duplicate finder). */
async function likelyDuplicates(
  db: Db,
  ctx: TenantContext,
  batch: ImportBatch,
  report: ImportReport,
): Promise<TranslatedReport['duplicates']> {
  const creates = new Set(
    report.planned
      .filter((p) => p.action === 'create')
      .map((p) => `${p.entity}|${p.file}|${p.line}|${p.name}`),
  );
  const out: TranslatedReport['duplicates'] = [];
  const scope = { networkId: ctx.network.id };
  let checked = 0;
  for (const o of batch.organizations) {
    if (checked >= DUPLICATE_CHECKS) break;
    if (!creates.has(`organization|${o.ref.file}|${o.ref.line}|${o.name}`)) continue;
    checked++;
    // Each check scores the map's organisations in this thread: other requests get a turn in between.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const loc = batch.locations.find((l) => l.organization_key === o.key)?.addresses[0];
    const kbo = o.ids.find((i) => i.scheme === 'kbo')?.identifier;
    const matches = await findDuplicateCandidates(db, scope, {
      kind: 'organization',
      name: o.name,
      kbo,
      address_1: loc?.address_1,
      postal_code: loc?.postal_code,
      city: loc?.city,
    });
    if (matches.length)
      out.push({
        file: o.ref.file,
        line: o.ref.line,
        entity: 'organization',
        name: o.name,
        matches: matches.slice(0, 3).map((m) => ({ id: m.id, name: m.name, score: m.score })),
      });
  }
  return out;
}

/** The dry run: what would be created, updated and rejected (with line and reason). Nothing is written. */
export async function previewJob(
  db: Db,
  ctx: TenantContext,
  id: string,
  lang: Language,
): Promise<TranslatedReport> {
  const job = await loadJob(db, ctx, id);
  const batch = await batchOf(job);
  const report = await previewImport(db, batch, { networkId: ctx.network.id });
  return translated(lang, {
    ...report,
    duplicates: report.ok ? await likelyDuplicates(db, ctx, batch, report) : [],
  });
}

async function runJob(db: Db, ctx: TenantContext, actor: Actor, job: ImportJobTable): Promise<void> {
  const update = (set: Partial<ImportJobTable>) =>
    jobs(db)
      .updateTable('directory_import_jobs')
      .set({ ...set, updated_at: nowIso() })
      .where('id', '=', job.id)
      .execute();
  try {
    let batch = await batchOf(job);
    let skipped: ImportReport['errors'] = [];
    if (job.skip_rejected === 1 && job.kind === 'spreadsheet') {
      // The rows the preview rejects are left out as the user asked; what remains goes in whole or not at all.
      const first = await previewImport(db, batch, { networkId: ctx.network.id });
      skipped = first.errors;
      batch = await batchOf(job, [...new Set(skipped.map((e) => e.line))]);
    }
    await update({ total: batch.services.length, phase: 'validating' });
    const report = await applyImport(
      db,
      batch,
      { networkId: ctx.network.id },
      {
        actor,
        onProgress: async (phase, done, total) => {
          await update({ phase, processed: done, total });
        },
      },
    );
    await update({
      status: report.ok ? 'done' : 'failed',
      phase: null,
      processed: report.ok ? batch.services.length : 0,
      result_json: JSON.stringify({ ...report, skipped }),
      file_data: null,
    });
  } catch (e) {
    const report = failure(job.file_name, 'exchange_malformed', {
      details: String(e instanceof Error ? e.message : e).slice(0, 200),
    });
    await update({ status: 'failed', phase: null, result_json: JSON.stringify(report), file_data: null });
  }
}

/** The report of a job that ended before it could check its rows: one reason, shown like a row's. */
function failure(file: string, code: string, params?: Record<string, string | number>): ImportReport {
  return {
    ok: false,
    rows: 0,
    errors: [{ file, line: 1, code, ...(params ? { params } : {}) }],
    planned: [],
    counts: {
      organizations: { create: 0, update: 0, link: 0 },
      services: { create: 0, update: 0, link: 0 },
      locations: { create: 0, update: 0, link: 0 },
    },
  };
}

const running = new Set<Promise<void>>();
/** The jobs this process runs, which the sweep for stuck jobs leaves alone whatever their age. */
const runningIds = new Set<string>();

/**
 * Starts the import off the request: the job row says how far it is, the UI polls it. The claim is a
 * conditional update, so that a double click cannot start the same import twice.
 */
export async function commitJob(
  db: Db,
  ctx: TenantContext,
  actor: Actor,
  id: string,
  opts: { skipRejected: boolean },
  lang: Language,
): Promise<JobView> {
  const job = await loadJob(db, ctx, id);
  if (opts.skipRejected && job.kind !== 'spreadsheet') throw badRequest('exchange_skip_spreadsheet_only');
  const skip_rejected = opts.skipRejected ? 1 : 0;
  await inTransaction(db, async (trx) => {
    const claimed = await jobs(trx)
      .updateTable('directory_import_jobs')
      .set({ status: 'running', phase: 'validating', processed: 0, skip_rejected, updated_at: nowIso() })
      .where('id', '=', id)
      .where('status', '=', 'uploaded')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw conflict('exchange_job_state', { status: job.status });
    await writeAudit(trx, {
      networkId: ctx.network.id,
      actorUserId: actor.userId,
      requestId: actor.requestId,
      action: 'directory.import.commit',
      entityType: 'directory_import_job',
      entityId: id,
      after: { skip_rejected: opts.skipRejected },
    });
  });
  runningIds.add(id);
  const p = runJob(db, ctx, actor, { ...job, skip_rejected }).finally(() => {
    running.delete(p);
    runningIds.delete(id);
  });
  running.add(p);
  return getJob(db, ctx, id, lang);
}

/** For tests and shutdown: waits until the imports under way have ended. */
export async function settleJobs(): Promise<void> {
  await Promise.all([...running]);
}

/**
 * Jobs a stopped process left 'running' would show a progress bar for ever. A job not run here whose row
 * has not moved for STUCK_AFTER_MS is marked failed, with a reason the import page shows; its transaction
 * was rolled back, and uploading the file again is safe either way (a re-run updates, decision 024).
 */
export async function failStuckJobs(db: Db, now = new Date()): Promise<number> {
  const quietSince = new Date(now.getTime() - STUCK_AFTER_MS).toISOString();
  return inTransaction(db, async (trx) => {
    const stuck = await jobs(trx)
      .selectFrom('directory_import_jobs')
      .select(['id', 'network_id', 'file_name', 'phase', 'processed', 'total', 'updated_at'])
      .where('status', '=', 'running')
      .where('updated_at', '<', quietSince)
      .execute();
    let failed = 0;
    for (const job of stuck) {
      if (runningIds.has(job.id)) continue;
      const report = failure(job.file_name, 'exchange_interrupted');
      const r = await jobs(trx)
        .updateTable('directory_import_jobs')
        .set({
          status: 'failed',
          phase: null,
          result_json: JSON.stringify(report),
          file_data: null,
          updated_at: nowIso(),
        })
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) continue;
      await writeAudit(trx, {
        networkId: job.network_id,
        actorUserId: SYSTEM_ACTOR.userId,
        requestId: SYSTEM_ACTOR.requestId,
        action: 'directory.import.interrupted',
        entityType: 'directory_import_job',
        entityId: job.id,
        before: { status: 'running', phase: job.phase, processed: job.processed, updated_at: job.updated_at },
        after: { status: 'failed', reason: 'exchange_interrupted' },
      });
      failed++;
    }
    return failed;
  });
}

/**
 * From server start: fails stuck jobs at once and then every minute, so that a job that was still moving
 * just before a restart is caught once it has been quiet for STUCK_AFTER_MS. Returns the stop function.
 */
export function startStuckJobSweep(db: Db, log: JobLog, intervalMs = 60_000): () => Promise<void> {
  return startJob(
    {
      run: () => failStuckJobs(db),
      failure: 'failing stuck import jobs failed',
      everyMs: intervalMs,
      firstAfterMs: 0,
    },
    log,
  );
}

/** The network's view of the map as an HSDS tabular package in one zip (CSV files + datapackage.json). */
export async function exportZip(db: Db, ctx: TenantContext): Promise<Buffer> {
  const zip = new JSZip();
  // A fixed date keeps the zip the same for the same data.
  const date = new Date('2000-01-01T00:00:00Z');
  for (const [name, content] of await exportTabular(db, ctx.network.id)) zip.file(name, content, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export function exportHsdsJson(db: Db, ctx: TenantContext): Promise<string> {
  return exportJson(db, ctx.network.id);
}
