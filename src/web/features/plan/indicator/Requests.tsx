import { useMutation } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable.tsx';
import { SelectField, TextAreaField, TextField } from '../../../components/Field.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useSession } from '../../../lib/session.ts';
import type { IndicatorDetail, RequestView } from '../api.ts';
import { FormError, today, usePlanClient, useTree } from '../shared.tsx';
import { usePeople } from '../tree/context.tsx';
import { MeasurementForm } from './MeasurementForm.tsx';
import { useRefresh } from './refresh.ts';
/** The indicator's measurement requests: the ones for you to answer, and all of them in a table. */
export function Requests({
  planId,
  detail,
  canEdit,
}: {
  planId: string;
  detail: IndicatorDetail;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const client = usePlanClient();
  const format = useFormat();
  const refresh = useRefresh(planId);
  const { data: session } = useSession();
  const remind = useMutation({
    mutationFn: (requestId: string) => client.remind(planId, requestId),
    onSuccess: () => refresh(),
  });
  const mine = detail.requests.filter(
    (request) => request.state !== 'fulfilled' && request.requestedFrom?.id === session?.user.id,
  );
  return (
    <section aria-labelledby="requests-heading">
      <h2 id="requests-heading">{t('plan.requests.title')}</h2>
      {mine.map((request) => (
        <div key={request.id} className="card plan-form-card">
          <h3>{t('plan.requests.forYou', { due: format.day(request.dueOn) })}</h3>
          {request.message ? <p>{request.message}</p> : null}
          <MeasurementForm planId={planId} request={request} />
        </div>
      ))}
      {detail.requests.length === 0 ? (
        <p className="muted">{t('plan.requests.empty')}</p>
      ) : (
        <DataTable
          caption={t('plan.requests.caption')}
          compact
          rows={detail.requests}
          rowKey={(request) => request.id}
          columns={[
            {
              id: 'from',
              header: t('plan.requests.colFrom'),
              rowHeader: true,
              cell: (request) => request.requestedFrom?.name ?? t('plan.indicator.none'),
            },
            {
              id: 'due',
              header: t('plan.requests.colDue'),
              cell: (request) => format.shortDay(request.dueOn),
              sortValue: (request) => request.dueOn,
            },
            {
              id: 'state',
              header: t('plan.requests.colState'),
              cell: (request) =>
                `${t(`plan.requests.state.${request.state}`)}${
                  request.remindedAt
                    ? ` · ${t('plan.requests.reminded', { on: format.shortDay(request.remindedAt) })}`
                    : ''
                }`,
            },
            {
              id: 'message',
              header: t('plan.requests.colMessage'),
              cell: (request) => request.message ?? '',
            },
            ...(canEdit
              ? [
                  {
                    id: 'actions',
                    header: t('plan.requests.colActions'),
                    cell: (request: RequestView) =>
                      request.state !== 'fulfilled' ? (
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          onClick={() => remind.mutate(request.id)}
                          disabled={remind.isPending}
                        >
                          {t('plan.requests.remind')}
                        </button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      )}
      <FormError error={remind.error} />
    </section>
  );
}

/** Asks a partner for a measurement by a date. */
export function RequestForm({ planId, detail }: { planId: string; detail: IndicatorDetail }) {
  const { t } = useTranslation();
  const client = usePlanClient();
  const refresh = useRefresh(planId);
  const tree = useTree(planId);
  const known = usePeople(tree.data);
  const id = useId();
  const people = useMemo(() => {
    const map = new Map(known.map((p) => [p.id, p.name]));
    for (const request of detail.requests)
      if (request.requestedFrom) map.set(request.requestedFrom.id, request.requestedFrom.name);
    return [...map]
      .map(([personId, name]) => ({ id: personId, name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [known, detail.requests]);
  const [person, setPerson] = useState('');
  const [due, setDue] = useState('');
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      client.createRequest(planId, detail.indicator.id, {
        requestedFrom: person,
        dueOn: due,
        message: message.trim() || null,
      }),
    onSuccess: async () => {
      setSent(true);
      setMessage('');
      await refresh();
    },
  });
  return (
    <section className="card plan-form-card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('plan.requests.ask')}</h2>
      <form
        className="form form-wide"
        onSubmit={(event) => {
          event.preventDefault();
          setSent(false);
          mutation.mutate();
        }}
      >
        <div className="field-grid">
          <SelectField
            id={`${id}-person`}
            label={t('plan.requests.person')}
            value={person}
            onChange={(e) => setPerson(e.target.value)}
            required
          >
            <option value="">{t('plan.requests.choose')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <TextField
            id={`${id}-due`}
            label={t('plan.requests.due')}
            type="date"
            value={due}
            min={today()}
            onChange={(e) => setDue(e.target.value)}
            required
          />
          <TextAreaField
            layout="span"
            id={`${id}-message`}
            label={t('plan.requests.message')}
            rows={3}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            maxLength={2000}
          />
        </div>
        <p className="muted">{t('plan.requests.peopleHint')}</p>
        <FormError error={mutation.error} />
        <button type="submit" className="button" disabled={mutation.isPending}>
          {t('plan.requests.send')}
        </button>
        {sent ? (
          <p role="status" className="form-ok">
            {t('plan.requests.sent')}
          </p>
        ) : null}
      </form>
    </section>
  );
}
