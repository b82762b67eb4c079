import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { RECORD_KINDS } from '../../../../server/modules/directory/analysis/values.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { ErrorNotice, Loading } from '../../../components/States.tsx';
import { NoAccessPage } from '../../../components/StatusPages.tsx';
import { TableRegion } from '../../../components/TableRegion.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useNetwork } from '../../../lib/network.ts';
import { useDocumentTitle } from '../../../lib/title.ts';
import { useDirectoryPath, useIsStaff } from '../common.tsx';
import {
  type DuplicatePair,
  type DuplicateReason,
  type MergeView,
  type RecordKind,
  useAnalysisApi,
} from './api.ts';

const KINDS: readonly RecordKind[] = RECORD_KINDS;

/** The reasons a pair looks like one record, in words staff can check against the two records. */
export function useReasonText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (r: DuplicateReason) => {
    switch (r.code) {
      case 'same_identifier':
        return t('directory.analysis.reason.same_identifier', {
          scheme: r.scheme === 'kbo' ? t('directory.analysis.reason.kbo') : r.scheme,
          value: r.value,
        });
      case 'same_phone':
        return t('directory.analysis.reason.same_phone', { value: r.value });
      case 'same_address':
        return t('directory.analysis.reason.same_address', { value: r.value });
      case 'similar_name':
        return t('directory.analysis.reason.similar_name', { similarity: format.fraction(r.similarity, 0) });
    }
  };
}

/** Likely duplicates in the network's part of the map, best first, each to compare and merge or dismiss. */
/** One record of a pair: its name, whether it is the network's own, and what tells it apart. */
function DuplicateRecord({ record, kind }: { record: DuplicatePair['a']; kind: RecordKind }) {
  const { t } = useTranslation();
  return (
    <>
      <strong>{record.name}</strong>
      {record.local ? <span className="analysis-tag">{t('directory.analysis.local')}</span> : null}
      {record.organizationName && kind === 'service' ? <div>{record.organizationName}</div> : null}
      {record.address ? <div className="muted">{record.address}</div> : null}
      {record.phone ? <div className="muted">{record.phone}</div> : null}
    </>
  );
}

export function DuplicatesPage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const staff = useIsStaff();
  const path = useDirectoryPath();
  const api = useAnalysisApi();
  const queryClient = useQueryClient();
  const reasonText = useReasonText();
  const format = useFormat();
  const location = useLocation();
  const merged = (location.state as { merged?: string } | null)?.merged;
  const [params, setParams] = useSearchParams();
  const kind: RecordKind = params.get('soort') === 'dienst' ? 'service' : 'organization';
  useDocumentTitle(t('directory.analysis.duplicates.title'), detail.network.name);
  const pairs = useQuery({
    queryKey: ['analysis', 'duplicates', detail.network.slug, kind],
    queryFn: () => api.duplicates(kind),
    enabled: staff,
  });
  const dismiss = useMutation({
    mutationFn: ({ a, b }: { a: string; b: string }) => api.dismiss(kind, a, b),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['analysis', 'duplicates'] }),
  });
  if (!staff) return <NoAccessPage message={t('directory.analysis.staffOnly')} backTo={path()} />;
  return (
    <>
      <h1>{t('directory.analysis.duplicates.title')}</h1>
      <p className="lead">{t('directory.analysis.duplicates.intro')}</p>
      {merged ? (
        <p className="notice notice-success" role="status">
          {t('directory.analysis.duplicates.merged', { name: merged })}
        </p>
      ) : null}
      <fieldset className="analysis-toggle">
        <legend>{t('directory.analysis.duplicates.kind')}</legend>
        {KINDS.map((k) => (
          <label key={k}>
            <input
              type="radio"
              name="kind"
              value={k}
              checked={kind === k}
              onChange={() => setParams(k === 'service' ? { soort: 'dienst' } : {})}
            />
            {t(`directory.analysis.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      {pairs.isPending ? <Loading /> : null}
      {pairs.isError ? <ErrorNotice error={pairs.error} onRetry={() => pairs.refetch()} /> : null}
      {dismiss.isError ? <ErrorNotice error={dismiss.error} /> : null}
      {pairs.data && pairs.data.pairs.length === 0 ? (
        <p>{t('directory.analysis.duplicates.none', { count: pairs.data.scanned })}</p>
      ) : null}
      {pairs.data && pairs.data.pairs.length > 0 ? (
        <DataTable
          caption={t('directory.analysis.duplicates.caption', {
            count: pairs.data.pairs.length,
            scanned: pairs.data.scanned,
          })}
          rows={pairs.data.pairs}
          rowKey={(p) => `${p.a.id}|${p.b.id}`}
          columns={[
            {
              id: 'a',
              header: t('directory.analysis.duplicates.recordA'),
              cell: (p) => <DuplicateRecord record={p.a} kind={kind} />,
              sortValue: (p) => p.a.name,
            },
            {
              id: 'b',
              header: t('directory.analysis.duplicates.recordB'),
              cell: (p) => <DuplicateRecord record={p.b} kind={kind} />,
              sortValue: (p) => p.b.name,
            },
            {
              id: 'why',
              header: t('directory.analysis.duplicates.why'),
              cell: (p) => (
                <ul className="analysis-reasons">
                  {p.reasons.map((r) => (
                    <li key={JSON.stringify(r)}>{reasonText(r)}</li>
                  ))}
                </ul>
              ),
            },
            {
              id: 'score',
              header: t('directory.analysis.duplicates.score'),
              numeric: true,
              cell: (p) => format.fraction(p.score, 0),
              sortValue: (p) => p.score,
            },
            {
              id: 'actions',
              header: t('directory.analysis.duplicates.actions'),
              cell: (p) => {
                const pair = `${p.a.name} – ${p.b.name}`;
                return (
                  <div className="analysis-actions">
                    <Link
                      className="button button-small"
                      to={path(`dubbels/${kind}/${p.a.id}/${p.b.id}`)}
                      aria-label={t('directory.analysis.duplicates.compareLabel', { pair })}
                    >
                      {t('directory.analysis.duplicates.compare')}
                    </Link>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      disabled={dismiss.isPending}
                      aria-label={t('directory.analysis.duplicates.dismissLabel', { pair })}
                      onClick={() => dismiss.mutate({ a: p.a.id, b: p.b.id })}
                    >
                      {t('directory.analysis.duplicates.dismiss')}
                    </button>
                  </div>
                );
              },
            },
          ]}
        />
      ) : null}
    </>
  );
}

type Pick = 'a' | 'b';

/** Side by side: which record survives, and per field which value it keeps. */
export function MergePage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const staff = useIsStaff();
  const path = useDirectoryPath();
  const api = useAnalysisApi();
  const { kind = 'organization', a = '', b = '' } = useParams();
  const recordKind: RecordKind = kind === 'service' ? 'service' : 'organization';
  useDocumentTitle(t('directory.analysis.merge.title'), detail.network.name);
  const view = useQuery({
    queryKey: ['analysis', 'merge', detail.network.slug, recordKind, a, b],
    queryFn: () => api.mergeView(recordKind, a, b),
    enabled: staff,
  });
  if (!staff) return <NoAccessPage message={t('directory.analysis.staffOnly')} backTo={path()} />;
  return (
    <>
      <p>
        <Link to={path(recordKind === 'service' ? 'dubbels?soort=dienst' : 'dubbels')}>
          {t('directory.analysis.merge.back')}
        </Link>
      </p>
      <h1>{t('directory.analysis.merge.title')}</h1>
      {view.isPending ? <Loading /> : null}
      {view.isError ? <ErrorNotice error={view.error} /> : null}
      {view.data ? <MergeForm view={view.data} /> : null}
    </>
  );
}

function MergeForm({ view }: { view: MergeView }) {
  const { t } = useTranslation();
  const path = useDirectoryPath();
  const api = useAnalysisApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reasonText = useReasonText();
  const records = { a: view.a, b: view.b };
  // The network's own record usually duplicates a shared one: the shared one survives by default.
  const [survivor, setSurvivor] = useState<Pick>(view.a.local && !view.b.local ? 'b' : 'a');
  const differing = view.fields.filter((f) => (view.a.fields[f] ?? null) !== (view.b.fields[f] ?? null));
  // Each field keeps the survivor's value unless it has none; staff change what they want from there.
  const defaults = (kept: Pick): Record<string, Pick> => {
    const other: Pick = kept === 'a' ? 'b' : 'a';
    const empty = (v: unknown) => v === null || v === '';
    return Object.fromEntries(differing.map((f) => [f, empty(records[kept].fields[f]) ? other : kept]));
  };
  const [choice, setChoice] = useState<Record<string, Pick>>(() => defaults(survivor));
  const listUrl = path(view.kind === 'service' ? 'dubbels?soort=dienst' : 'dubbels');
  const done = () => void queryClient.invalidateQueries({ queryKey: ['analysis', 'duplicates'] });
  const merge = useMutation({
    mutationFn: () => {
      const survivorRecord = records[survivor];
      const mergedRecord = records[survivor === 'a' ? 'b' : 'a'];
      const fields = Object.fromEntries(
        differing.map((f) => [f, choice[f] === survivor ? 'survivor' : 'merged']),
      );
      return api.merge({
        kind: view.kind,
        survivorId: survivorRecord.id,
        mergedId: mergedRecord.id,
        fields,
      } as Parameters<typeof api.merge>[0]);
    },
    onSuccess: () => {
      done();
      const name = (choice.name ?? survivor) === 'a' ? view.a.name : view.b.name;
      navigate(listUrl, { state: { merged: name } });
    },
  });
  const dismiss = useMutation({
    mutationFn: () => api.dismiss(view.kind, view.a.id, view.b.id),
    onSuccess: () => {
      done();
      navigate(listUrl);
    },
  });
  const label = (f: string) => t(`directory.analysis.field.${f}` as 'directory.analysis.field.name');
  const shown = (v: string | number | null | undefined) =>
    v === null || v === undefined || v === '' ? t('directory.analysis.merge.empty') : String(v);
  const side = (p: Pick) =>
    p === 'a' ? t('directory.analysis.merge.left') : t('directory.analysis.merge.right');
  return (
    <>
      <p className="lead">{t('directory.analysis.merge.intro')}</p>
      <ul className="analysis-reasons">
        {view.reasons.map((r) => (
          <li key={JSON.stringify(r)}>{reasonText(r)}</li>
        ))}
      </ul>
      {!view.mergeable ? (
        <p className="notice notice-warning">{t('directory.analysis.merge.needsAdmin')}</p>
      ) : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          merge.mutate();
        }}
      >
        <fieldset className="analysis-toggle">
          <legend>{t('directory.analysis.merge.survivor')}</legend>
          {(['a', 'b'] as const).map((p) => (
            <label key={p}>
              <input
                type="radio"
                name="survivor"
                value={p}
                checked={survivor === p}
                onChange={() => {
                  setSurvivor(p);
                  setChoice(defaults(p));
                }}
              />
              {t('directory.analysis.merge.keep', { side: side(p), name: records[p].name })}
              {records[p].local ? (
                <span className="analysis-tag">{t('directory.analysis.local')}</span>
              ) : null}
            </label>
          ))}
        </fieldset>
        <TableRegion captionId="merge-caption">
          <table className="data-table analysis-merge">
            <caption id="merge-caption">{t('directory.analysis.merge.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('directory.analysis.merge.field')}</th>
                <th scope="col">{t('directory.analysis.merge.left')}</th>
                <th scope="col">{t('directory.analysis.merge.right')}</th>
              </tr>
            </thead>
            <tbody>
              {view.fields.map((f) => {
                const differs = differing.includes(f);
                return (
                  <tr key={f}>
                    <th scope="row">{label(f)}</th>
                    {(['a', 'b'] as const).map((p) => (
                      <td key={p}>
                        {differs ? (
                          <label className="analysis-choice">
                            <input
                              type="radio"
                              name={`field-${f}`}
                              checked={choice[f] === p}
                              onChange={() => setChoice((c) => ({ ...c, [f]: p }))}
                              aria-label={t('directory.analysis.merge.choose', {
                                field: label(f),
                                side: side(p),
                              })}
                            />
                            <span>{shown(records[p].fields[f])}</span>
                          </label>
                        ) : (
                          <span className={p === 'b' ? 'muted' : undefined}>
                            {shown(records[p].fields[f])}
                          </span>
                        )}
                      </td>
                    ))}
                  </tr>
                );
              })}
              {Object.keys(view.a.counts).map((c) => (
                <tr key={c}>
                  <th scope="row">
                    {t(`directory.analysis.count.${c}` as 'directory.analysis.count.phones')}
                  </th>
                  <td>{view.a.counts[c]}</td>
                  <td>{view.b.counts[c]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        <p className="muted">{t('directory.analysis.merge.lists')}</p>
        {merge.isError ? <ErrorNotice error={merge.error} /> : null}
        {dismiss.isError ? <ErrorNotice error={dismiss.error} /> : null}
        <div className="analysis-actions">
          <button type="submit" className="button" disabled={!view.mergeable || merge.isPending}>
            {t('directory.analysis.merge.submit', { name: records[survivor].name })}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={dismiss.isPending}
            onClick={() => dismiss.mutate()}
          >
            {t('directory.analysis.duplicates.dismiss')}
          </button>
        </div>
      </form>
    </>
  );
}
