import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUIRED_TARGETS, TARGET_FIELDS } from '../../../../server/modules/directory/exchange/values.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { CheckboxField, Field, TextField } from '../../../components/Field.tsx';
import { ErrorNotice } from '../../../components/States.tsx';
import { NoAccessPage } from '../../../components/StatusPages.tsx';
import { TableRegion } from '../../../components/TableRegion.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useNetwork } from '../../../lib/network.ts';
import { useDocumentTitle } from '../../../lib/title.ts';
import { useDirectoryPath, useIsStaff } from '../common.tsx';
import { type ImportJob, type ImportReport, type Mapping, useExchangeApi } from './api.ts';

type Step = 'upload' | 'mapping' | 'preview' | 'import';
const STEPS: Step[] = ['upload', 'mapping', 'preview', 'import'];
const MAX_MB = 10;

/**
 * Import for a network's staff: upload a file, map its columns (spreadsheets), see what will be created,
 * updated and rejected, then import everything at once while the progress is shown. And the export.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const staff = useIsStaff();
  const path = useDirectoryPath();
  const api = useExchangeApi();
  const [step, setStep] = useState<Step>('upload');
  const [job, setJob] = useState<ImportJob | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t('directory.exchange.title'), detail.network.name);

  // Each step moves the focus to its own heading, so that screen-reader and keyboard users follow along.
  useEffect(() => {
    if (step !== 'upload') heading.current?.focus();
  }, [step]);

  if (!staff) return <NoAccessPage message={t('directory.exchange.staffOnly')} backTo={path()} />;

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const restart = () => {
    setJob(null);
    setReport(null);
    setError(null);
    setStep('upload');
  };

  return (
    <>
      <h1>{t('directory.exchange.title')}</h1>
      <p className="lead">{t('directory.exchange.intro')}</p>
      <ol className="exchange-steps" aria-label={t('directory.exchange.steps')}>
        {STEPS.filter((s) => s !== 'mapping' || !job || job.kind === 'spreadsheet').map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined}>
            <span className="exchange-step-number">{i + 1}</span> {t(`directory.exchange.step.${s}`)}
          </li>
        ))}
      </ol>
      {error ? <ErrorNotice error={error} /> : null}
      {step === 'upload' ? (
        <UploadStep
          busy={busy}
          onUpload={(file) =>
            run(async () => {
              const uploaded = await api.upload(file);
              setJob(uploaded);
              if (uploaded.kind === 'spreadsheet') setStep('mapping');
              else {
                setReport(await api.preview(uploaded.id));
                setStep('preview');
              }
            })
          }
        />
      ) : null}
      {step === 'mapping' && job ? (
        <MappingStep
          job={job}
          busy={busy}
          headingRef={heading}
          onBack={restart}
          onSubmit={(mapping) =>
            run(async () => {
              setJob(await api.setMapping(job.id, mapping));
              setReport(await api.preview(job.id));
              setStep('preview');
            })
          }
        />
      ) : null}
      {step === 'preview' && job && report ? (
        <PreviewStep
          job={job}
          report={report}
          busy={busy}
          headingRef={heading}
          onBack={restart}
          onImport={(skipRejected) =>
            run(async () => {
              setJob(await api.commit(job.id, skipRejected));
              setStep('import');
            })
          }
        />
      ) : null}
      {step === 'import' && job ? <ImportStep jobId={job.id} headingRef={heading} onAgain={restart} /> : null}
      <section className="exchange-export" aria-labelledby="exchange-export-title">
        <h2 id="exchange-export-title">{t('directory.exchange.export.title')}</h2>
        <p>{t('directory.exchange.export.intro')}</p>
        <p className="exchange-actions">
          <a className="button button-secondary" href={api.exportZip} download>
            {t('directory.exchange.export.zip')}
          </a>
          <a className="button button-secondary" href={api.exportJson} download>
            {t('directory.exchange.export.json')}
          </a>
        </p>
      </section>
    </>
  );
}

function UploadStep({ busy, onUpload }: { busy: boolean; onUpload: (file: File) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [tooBig, setTooBig] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = (new FormData(event.currentTarget).get('file') as File | null) ?? null;
    if (!file || file.size === 0) return;
    if (file.size > MAX_MB * 1024 * 1024) {
      setTooBig(true);
      return;
    }
    setTooBig(false);
    onUpload(file);
  };
  return (
    <form className="form exchange-upload" onSubmit={submit}>
      <h2>{t('directory.exchange.upload.title')}</h2>
      <TextField
        id={`${id}-file`}
        label={t('directory.exchange.upload.file')}
        hint={t('directory.exchange.upload.hint', { max: MAX_MB })}
        error={
          // Said at once: the error appears on submit, away from where the eye is.
          tooBig ? <span role="alert">{t('directory.exchange.upload.tooBig', { max: MAX_MB })}</span> : null
        }
        required
        name="file"
        type="file"
        accept=".csv,.txt,.xlsx,.json,.zip"
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('directory.exchange.upload.busy') : t('directory.exchange.upload.submit')}
      </button>
    </form>
  );
}

function MappingStep({
  job,
  busy,
  headingRef,
  onBack,
  onSubmit,
}: {
  job: ImportJob;
  busy: boolean;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onBack: () => void;
  onSubmit: (mapping: Mapping) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const sheet = job.sheet;
  const [mapping, setMapping] = useState<Mapping>(job.mapping ?? job.suggested ?? {});
  if (!sheet) return null;
  const missing = REQUIRED_TARGETS.filter((f) => !mapping[f]);
  return (
    <form
      className="exchange-mapping"
      onSubmit={(event) => {
        event.preventDefault();
        if (missing.length === 0) onSubmit(mapping);
      }}
    >
      <h2 ref={headingRef} tabIndex={-1}>
        {t('directory.exchange.mapping.title')}
      </h2>
      <p>
        {t('directory.exchange.mapping.read', {
          file: job.fileName,
          rows: format.integer(sheet.rows),
          encoding: sheet.encoding === 'xlsx' ? 'Excel' : sheet.encoding.toUpperCase(),
        })}
        {sheet.delimiter
          ? ` ${t('directory.exchange.mapping.delimiter', { delimiter: sheet.delimiter })}`
          : ''}
      </p>
      <p className="muted">{t('directory.exchange.mapping.intro')}</p>
      <div className="exchange-mapping-grid">
        {TARGET_FIELDS.map((field) => {
          const required = REQUIRED_TARGETS.includes(field);
          return (
            <Field
              key={field}
              id={`${id}-${field}`}
              label={`${t(`directory.exchange.field.${field}`)}${required ? ` (${t('directory.exchange.mapping.required')})` : ''}`}
              error={required && !mapping[field] ? true : undefined}
            >
              {/* The label already says "(required)" in words, so no marker beside it. */}
              {(control) => (
                <select
                  {...control}
                  required={required}
                  value={mapping[field] ?? ''}
                  onChange={(event) => setMapping({ ...mapping, [field]: event.target.value || undefined })}
                >
                  <option value="">{t('directory.exchange.mapping.none')}</option>
                  {sheet.columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          );
        })}
      </div>
      <TableRegion captionId={`${id}-sample`}>
        <table className="data-table">
          <caption id={`${id}-sample`}>{t('directory.exchange.mapping.sample')}</caption>
          <thead>
            <tr>
              {sheet.columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sheet.sample.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: sample rows have no identity but their place.
              <tr key={i}>
                {sheet.columns.map((c, j) => (
                  <td key={c}>{row[j] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <p className="exchange-actions">
        <button type="submit" className="button" disabled={busy || missing.length > 0}>
          {t('directory.exchange.mapping.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('directory.exchange.otherFile')}
        </button>
      </p>
    </form>
  );
}

function Counts({ counts, caption }: { counts: ImportReport['counts']; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  return (
    <table className="data-table exchange-counts">
      <caption id={id}>{caption}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col" className="num">
            {t('directory.exchange.action.create')}
          </th>
          <th scope="col" className="num">
            {t('directory.exchange.action.update')}
          </th>
        </tr>
      </thead>
      <tbody>
        {(['organizations', 'services', 'locations'] as const).map((k) => (
          <tr key={k}>
            <th scope="row">{t(`directory.exchange.entities.${k}`)}</th>
            <td className="num">{format.integer(counts[k].create)}</td>
            <td className="num">{format.integer(counts[k].update + counts[k].link)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RowErrors({ errors, caption }: { errors: ImportReport['errors']; caption: string }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={caption}
      className="exchange-errors"
      rows={errors}
      rowKey={(e) => `${e.file}|${e.line}|${e.code}|${e.message}`}
      columns={[
        { id: 'file', header: t('directory.exchange.preview.file'), cell: (e) => e.file },
        { id: 'line', header: t('directory.exchange.preview.line'), numeric: true, cell: (e) => e.line },
        { id: 'reason', header: t('directory.exchange.preview.reason'), cell: (e) => e.message },
      ]}
    />
  );
}

const PLANNED_SHOWN = 100;

/** What each row becomes: new or an update of a record the map has (by its outside id or name). */
function PlannedRows({ planned, total }: { planned: ImportReport['planned']; total: number }) {
  const { t } = useTranslation();
  const services = planned.filter((p) => p.entity === 'service');
  if (services.length === 0) return null;
  return (
    <DataTable
      caption={t('directory.exchange.preview.planned', {
        shown: Math.min(services.length, PLANNED_SHOWN),
        count: total,
      })}
      className="exchange-planned"
      rows={services.slice(0, PLANNED_SHOWN)}
      rowKey={(p) => `${p.file}|${p.line}|${p.name}`}
      columns={[
        { id: 'line', header: t('directory.exchange.preview.line'), numeric: true, cell: (p) => p.line },
        { id: 'name', header: t('directory.exchange.preview.name'), cell: (p) => p.name },
        {
          id: 'action',
          header: t('directory.exchange.preview.action'),
          cell: (p) => t(`directory.exchange.action.${p.action}`),
        },
      ]}
    />
  );
}

function PreviewStep({
  job,
  report,
  busy,
  headingRef,
  onBack,
  onImport,
}: {
  job: ImportJob;
  report: ImportReport;
  busy: boolean;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onBack: () => void;
  onImport: (skipRejected: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [skip, setSkip] = useState(false);
  const rejectedLines = new Set(report.errors.map((e) => e.line)).size;
  const canSkip = job.kind === 'spreadsheet' && report.errors.length > 0;
  const blocked = report.errors.length > 0 && !skip;
  return (
    <section className="exchange-preview" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('directory.exchange.preview.title')}
      </h2>
      <Counts counts={report.counts} caption={t('directory.exchange.preview.counts')} />
      {report.errors.length > 0 ? (
        <>
          <div className="notice notice-warning">
            <p>{t('directory.exchange.preview.rejected', { count: rejectedLines })}</p>
          </div>
          <RowErrors errors={report.errors} caption={t('directory.exchange.preview.rejectedCaption')} />
        </>
      ) : (
        <div className="notice">
          <p>{t('directory.exchange.preview.allGood')}</p>
        </div>
      )}
      {report.duplicates.length > 0 ? (
        <DataTable
          caption={t('directory.exchange.preview.duplicates')}
          rows={report.duplicates}
          rowKey={(d) => `${d.file}|${d.line}|${d.name}`}
          columns={[
            { id: 'line', header: t('directory.exchange.preview.line'), numeric: true, cell: (d) => d.line },
            { id: 'name', header: t('directory.exchange.preview.name'), cell: (d) => d.name },
            {
              id: 'looksLike',
              header: t('directory.exchange.preview.looksLike'),
              cell: (d) => d.matches.map((m) => m.name).join(', '),
            },
          ]}
        />
      ) : null}
      <PlannedRows
        planned={report.planned}
        total={report.counts.services.create + report.counts.services.update + report.counts.services.link}
      />
      {canSkip ? (
        <CheckboxField
          id={`${id}-skip`}
          className="exchange-skip"
          label={t('directory.exchange.preview.skip', { count: rejectedLines })}
          checked={skip}
          onChange={(e) => setSkip(e.target.checked)}
        />
      ) : null}
      {blocked ? (
        <p className="muted">
          {t(canSkip ? 'directory.exchange.preview.blocked' : 'directory.exchange.preview.blockedPackage')}
        </p>
      ) : null}
      <p className="exchange-actions">
        <button type="button" className="button" disabled={busy || blocked} onClick={() => onImport(skip)}>
          {t('directory.exchange.preview.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('directory.exchange.otherFile')}
        </button>
      </p>
    </section>
  );
}

function ImportStep({
  jobId,
  headingRef,
  onAgain,
}: {
  jobId: string;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useExchangeApi();
  const id = useId();
  // Polled while the job runs; the write itself is one transaction, so "writing" shows no partial count.
  const job = useQuery({
    queryKey: ['exchange', 'job', jobId],
    queryFn: () => api.job(jobId),
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 500),
  });
  const data = job.data;
  const running = !data || data.status === 'running';
  const result = data?.result;
  return (
    <section className="exchange-import" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {running ? t('directory.exchange.import.running') : t('directory.exchange.import.title')}
      </h2>
      {job.isError ? <ErrorNotice error={job.error} onRetry={() => job.refetch()} /> : null}
      {running ? (
        <div className="exchange-progress">
          <label htmlFor={`${id}-progress`}>
            {data?.phase === 'writing'
              ? t('directory.exchange.import.writing')
              : t('directory.exchange.import.validating', {
                  done: format.integer(data?.processed ?? 0),
                  total: format.integer(data?.total ?? 0),
                })}
          </label>
          {data?.phase === 'writing' || !data?.total ? (
            <progress id={`${id}-progress`} />
          ) : (
            <progress id={`${id}-progress`} max={data.total} value={data.processed} />
          )}
        </div>
      ) : null}
      <div role="status">
        {data && !running && result ? (
          result.ok ? (
            <div className="notice exchange-done">
              <p>
                <strong>{t('directory.exchange.import.done')}</strong>
              </p>
            </div>
          ) : (
            <div className="notice notice-error">
              <p>
                <strong>{t('directory.exchange.import.failed')}</strong>
              </p>
            </div>
          )
        ) : null}
      </div>
      {data && !running && result ? (
        <>
          {result.ok ? (
            <Counts counts={result.counts} caption={t('directory.exchange.import.counts')} />
          ) : null}
          {result.errors.length > 0 ? (
            <RowErrors errors={result.errors} caption={t('directory.exchange.preview.rejectedCaption')} />
          ) : null}
          {result.skipped.length > 0 ? (
            <RowErrors errors={result.skipped} caption={t('directory.exchange.import.skippedCaption')} />
          ) : null}
          <p className="exchange-actions">
            <button type="button" className="button button-secondary" onClick={onAgain}>
              {t('directory.exchange.import.again')}
            </button>
          </p>
        </>
      ) : null}
    </section>
  );
}
