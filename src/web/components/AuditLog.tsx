import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../lib/api.ts';
import { useFormat } from '../lib/format.ts';
import type { AuditEntry, AuditPage } from '../lib/types.ts';
import { ErrorNotice, Loading } from './States.tsx';
import { TableRegion } from './TableRegion.tsx';

const PER_PAGE = 25;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? '–' : JSON.stringify(value, null, 2);
}

/** The fields that differ between before and after; a value that is not an object is one field. */
function changedFields(
  before: unknown,
  after: unknown,
): { field: string; before: unknown; after: unknown }[] {
  if (!isRecord(before) && !isRecord(after)) {
    return before === null && after === null ? [] : [{ field: '', before, after }];
  }
  const was = isRecord(before) ? before : {};
  const is = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(was), ...Object.keys(is)])].sort();
  return fields
    .filter((field) => JSON.stringify(was[field]) !== JSON.stringify(is[field]))
    .map((field) => ({ field, before: was[field], after: is[field] }));
}

function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const changes = changedFields(entry.before, entry.after);
  if (changes.length === 0) return <span className="muted">{t('audit.noChanges')}</span>;
  return (
    <details className="disclosure">
      <summary>{t('audit.showChanges')}</summary>
      <table className="diff-table">
        <thead>
          <tr>
            <th scope="col">{t('audit.field')}</th>
            <th scope="col">{t('audit.before')}</th>
            <th scope="col">{t('audit.after')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.field}>
              <th scope="row">
                <code>{change.field || '–'}</code>
              </th>
              <td className="diff-before">
                <pre>{show(change.before)}</pre>
              </td>
              <td className="diff-after">
                <pre>{show(change.after)}</pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/**
 * An audit page: heading and a paged table; the page number lives in the URL so a page can be linked
 * and reloaded. When the server refuses (the role changed, the session ended) it shows `refused`.
 */
export function AuditLog({
  title,
  intro,
  eyebrow,
  queryKey,
  load,
  refused,
}: {
  title: string;
  intro: string;
  eyebrow?: string;
  queryKey: readonly unknown[];
  load: (page: number, perPage: number) => Promise<AuditPage>;
  refused: ReactNode;
}) {
  const [params] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const query = useQuery({
    queryKey: [...queryKey, page],
    queryFn: () => load(page, PER_PAGE),
    placeholderData: keepPreviousData,
  });
  if (query.error instanceof ApiError && (query.error.status === 401 || query.error.status === 403)) {
    return refused;
  }
  return (
    <div className="page-wide">
      {eyebrow ? <p className="eyebrow">{eyebrow}</p> : null}
      <h1>{title}</h1>
      <p className="lead">{intro}</p>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorNotice error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? <AuditTable data={query.data} page={page} /> : null}
    </div>
  );
}

function AuditTable({ data, page }: { data: AuditPage; page: number }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { items, total, perPage } = data;
  if (items.length === 0) return <p className="notice notice-info">{t('audit.empty')}</p>;
  const pages = Math.max(1, Math.ceil(total / perPage));
  // Codes without a translation yet (new modules add their own) show as the code itself.
  const label = (group: 'auditActions' | 'auditEntities', code: string) =>
    i18n.exists(`${group}.${code}`) ? i18n.t(`${group}.${code}` as 'auditActions.session.created') : null;
  return (
    <>
      <TableRegion captionId="audit-caption">
        <table className="data-table audit-table">
          <caption id="audit-caption">{t('audit.caption', { page, pages })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.colWhen')}</th>
              <th scope="col">{t('audit.colWho')}</th>
              <th scope="col">{t('audit.colAction')}</th>
              <th scope="col">{t('audit.colEntity')}</th>
              <th scope="col">{t('audit.colChanges')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={entry.id}>
                <td className="nowrap">
                  <time dateTime={entry.at}>{format.moment(entry.at)}</time>
                </td>
                <td>{entry.actor ? entry.actor.name : <span className="muted">{t('audit.system')}</span>}</td>
                <td>
                  {label('auditActions', entry.action) ? (
                    <>
                      {label('auditActions', entry.action)}
                      <code className="muted code-hint">{entry.action}</code>
                    </>
                  ) : (
                    <code>{entry.action}</code>
                  )}
                </td>
                <td>
                  {label('auditEntities', entry.entityType) ?? <code>{entry.entityType}</code>}
                  <span className="muted entity-id">{entry.entityId}</span>
                </td>
                <td>
                  <Changes entry={entry} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <nav className="pager" aria-label={t('audit.pagination')}>
        {page > 1 ? (
          <Link className="button button-secondary" to={`?page=${page - 1}`}>
            {t('audit.previous')}
          </Link>
        ) : null}
        <p>{t('audit.pageOf', { page, pages, total: format.integer(total) })}</p>
        {page < pages ? (
          <Link className="button button-secondary" to={`?page=${page + 1}`}>
            {t('audit.next')}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
