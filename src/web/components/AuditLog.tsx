import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../lib/api.ts';
import { useFormat } from '../lib/format.ts';
import type { AuditEntry, AuditPage } from '../lib/types.ts';
import { DataTable } from './DataTable.tsx';
import { ErrorNotice, Loading } from './States.tsx';

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
      <DataTable
        caption={t('audit.colChanges')}
        captionHidden
        className="diff-table"
        scroll={false}
        rows={changes}
        rowKey={(change) => change.field}
        columns={[
          {
            id: 'field',
            header: t('audit.field'),
            rowHeader: true,
            cell: (change) => <code>{change.field || '–'}</code>,
          },
          {
            id: 'before',
            header: t('audit.before'),
            // On the value, not the column: the header keeps the table's own colours.
            cell: (change) => <pre className="diff-before">{show(change.before)}</pre>,
          },
          {
            id: 'after',
            header: t('audit.after'),
            // On the value, not the column: the header keeps the table's own colours.
            cell: (change) => <pre className="diff-after">{show(change.after)}</pre>,
          },
        ]}
      />
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
      <DataTable
        caption={t('audit.caption', { page, pages })}
        className="audit-table"
        rows={items}
        rowKey={(entry) => entry.id}
        columns={[
          {
            id: 'when',
            header: t('audit.colWhen'),
            className: 'nowrap',
            cell: (entry) => <time dateTime={entry.at}>{format.moment(entry.at)}</time>,
          },
          {
            id: 'who',
            header: t('audit.colWho'),
            cell: (entry) =>
              entry.actor ? entry.actor.name : <span className="muted">{t('audit.system')}</span>,
          },
          {
            id: 'action',
            header: t('audit.colAction'),
            cell: (entry) =>
              label('auditActions', entry.action) ? (
                <>
                  {label('auditActions', entry.action)}
                  <code className="muted code-hint">{entry.action}</code>
                </>
              ) : (
                <code>{entry.action}</code>
              ),
          },
          {
            id: 'entity',
            header: t('audit.colEntity'),
            cell: (entry) => (
              <>
                {label('auditEntities', entry.entityType) ?? <code>{entry.entityType}</code>}
                <span className="muted entity-id">{entry.entityId}</span>
              </>
            ),
          },
          { id: 'changes', header: t('audit.colChanges'), cell: (entry) => <Changes entry={entry} /> },
        ]}
      />
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
