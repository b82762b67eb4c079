import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SUGGESTION_STATUSES } from '../../../../server/modules/directory/curate/values.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { SelectField, TextField } from '../../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../../components/States.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useDocumentTitle } from '../../../lib/title.ts';
import { useDirectoryPath } from '../common.tsx';
import { type SuggestionView, useCurateApi } from './api.ts';
import { useFormatValue } from './forms.tsx';

type Status = 'open' | 'approved' | 'rejected';

/** The staff inbox of change suggestions: the current and proposed value of each field, approve or reject. */
export function SuggestionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('directory.curate.inbox.title'));
  const api = useCurateApi();
  const uid = useId();
  const [status, setStatus] = useState<Status>('open');
  const query = useQuery({
    queryKey: ['curate', 'suggestions', status],
    queryFn: () => api.suggestions(status),
  });
  return (
    <>
      <h1>{t('directory.curate.inbox.title')}</h1>
      <p className="lead">{t('directory.curate.inbox.intro')}</p>
      <SelectField
        id={`${uid}-status`}
        className="inbox-filter"
        label={t('directory.curate.inbox.show')}
        value={status}
        onChange={(e) => setStatus(e.target.value as Status)}
      >
        {SUGGESTION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`directory.curate.inbox.status.${s}`)}
          </option>
        ))}
      </SelectField>
      {query.isPending ? <Loading /> : null}
      {query.error ? <ErrorNotice error={query.error} onRetry={() => query.refetch()} /> : null}
      {query.data && query.data.suggestions.length === 0 ? (
        <p className="notice">{t('directory.curate.inbox.empty')}</p>
      ) : null}
      {query.data?.suggestions.map((s) => (
        <SuggestionCard key={s.id} suggestion={s} />
      ))}
    </>
  );
}

function SuggestionCard({ suggestion: s }: { suggestion: SuggestionView }) {
  const { t } = useTranslation();
  const formats = useFormat();
  const api = useCurateApi();
  const path = useDirectoryPath();
  const client = useQueryClient();
  const format = useFormatValue();
  const uid = useId();
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const done = () => client.invalidateQueries({ queryKey: ['curate'] });
  const approve = useMutation({ mutationFn: () => api.approve(s.id), onSuccess: done });
  const reject = useMutation({ mutationFn: () => api.reject(s.id, reason.trim()), onSuccess: done });
  const submitReject = (event: FormEvent) => {
    event.preventDefault();
    setReasonMissing(!reason.trim());
    if (reason.trim()) reject.mutate();
  };
  const headingId = `${uid}-h`;
  // Every suggestable field has a label; the cast only narrows the server's plain string.
  const label = (field: string): string => t(`directory.curate.fields.${field as 'name'}`);
  return (
    <section className="card curate-card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link to={path(`dienst/${s.service.id}`)}>{s.service.name}</Link>
      </h2>
      <p className="muted">
        {t('directory.curate.inbox.meta', {
          organization: s.service.organization,
          date: formats.shortMoment(s.created_at),
          proposer: s.proposer ?? t('directory.curate.inbox.anonymous'),
        })}
        {s.proposer_email ? ` · ${s.proposer_email}` : ''}
      </p>
      {s.comment ? <blockquote className="curate-comment">{s.comment}</blockquote> : null}
      <DataTable
        caption={t('directory.curate.inbox.diff')}
        className="diff-table"
        rows={s.diff}
        rowKey={(d) => d.field}
        columns={[
          {
            id: 'field',
            header: t('directory.curate.inbox.field'),
            rowHeader: true,
            cell: (d) => label(d.field),
          },
          {
            id: 'current',
            header: t('directory.curate.inbox.current'),
            cell: (d) => <span className="diff-before">{format(d.field, d.current)}</span>,
          },
          {
            id: 'proposed',
            header: t('directory.curate.inbox.proposed'),
            cell: (d) => <span className="diff-after">{format(d.field, d.proposed)}</span>,
          },
        ]}
      />
      {s.status === 'open' ? (
        <div className="suggestion-actions">
          <button
            type="button"
            className="button"
            disabled={approve.isPending}
            onClick={() => approve.mutate()}
          >
            {t('directory.curate.inbox.approve')}
          </button>
          <form className="suggestion-reject" onSubmit={submitReject} noValidate>
            <TextField
              id={`${uid}-reason`}
              layout="inline"
              label={t('directory.curate.inbox.reason')}
              error={
                // Said at once: the error appears when the reject button is pressed.
                reasonMissing ? <span role="alert">{t('directory.curate.inbox.reasonMissing')}</span> : null
              }
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
            <button type="submit" className="button button-secondary" disabled={reject.isPending}>
              {t('directory.curate.inbox.reject')}
            </button>
          </form>
        </div>
      ) : (
        <p>
          {t(`directory.curate.inbox.status.${s.status as 'approved' | 'rejected'}`)}
          {s.reason ? `: ${s.reason}` : ''}
        </p>
      )}
      {approve.error ? <ErrorNotice error={approve.error} /> : null}
      {reject.error ? <ErrorNotice error={reject.error} /> : null}
    </section>
  );
}
