import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorList, SelectField } from '../../components/Field.tsx';
import { useNetwork } from '../../lib/network.ts';
import { type Decision, governanceKey, type MeetingView, useGovernanceClient } from './api.ts';

const CHOICES = ['for', 'against', 'abstain'] as const;
type Choice = (typeof CHOICES)[number];

/** A decision with its outcome and the votes counted per cluster; staff record the votes of those present. */
export function DecisionCard({
  decision,
  meeting,
  staff,
}: {
  decision: Decision;
  meeting: MeetingView;
  staff: boolean;
}) {
  const { t } = useTranslation();
  const name = new Map(meeting.attendance.map((a) => [a.id, a.personName]));
  const headingId = `decision-${decision.id}`;
  return (
    <section className="gov-decision" aria-labelledby={headingId}>
      <h3 id={headingId}>{decision.title}</h3>
      {decision.text ? <p>{decision.text}</p> : null}
      <p>
        {t('governance.decisions.rule')}: {t(`governance.rule.${decision.rule}`)}
      </p>
      <p className={`gov-outcome gov-outcome-${decision.outcome}`} role="status">
        {t(`governance.outcome.${decision.outcome}`)} ·{' '}
        {t('governance.outcome.totals', {
          for: decision.totals.for,
          against: decision.totals.against,
          abstain: decision.totals.abstain,
        })}
      </p>
      <DataTable
        caption={t('governance.clusters.caption', { title: decision.title })}
        compact
        rows={decision.clusters}
        rowKey={(c) => c.cluster}
        columns={[
          {
            id: 'cluster',
            header: t('governance.members.cluster'),
            rowHeader: true,
            cell: (c) => t(`governance.cluster.${c.cluster}`),
          },
          { id: 'for', header: t('governance.choice.for'), cell: (c) => c.for, numeric: true },
          { id: 'against', header: t('governance.choice.against'), cell: (c) => c.against, numeric: true },
          { id: 'abstain', header: t('governance.choice.abstain'), cell: (c) => c.abstain, numeric: true },
          {
            id: 'carried',
            header: t('governance.clusters.majority'),
            cell: (c) => t(c.carried ? 'governance.clusters.yes' : 'governance.clusters.no'),
          },
        ]}
      />
      {decision.votes.length ? (
        <details>
          <summary>{t('governance.votes.who', { count: decision.votes.length })}</summary>
          <ul>
            {decision.votes.map((v) => (
              <li key={v.memberId}>
                {name.get(v.memberId) ?? '—'}: {t(`governance.choice.${v.choice}`)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {staff ? <VoteForm decision={decision} meeting={meeting} /> : null}
    </section>
  );
}

function VoteForm({ decision, meeting }: { decision: Decision; meeting: MeetingView }) {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const client = useGovernanceClient();
  const queries = useQueryClient();
  const voted = new Set(decision.votes.map((v) => v.memberId));
  const open = meeting.attendance.filter((a) => a.present && !voted.has(a.id));
  const [choices, setChoices] = useState<Record<string, Choice | ''>>({});
  const cast = useMutation({
    mutationFn: () =>
      client.vote(decision.id, {
        votes: Object.entries(choices).flatMap(([memberId, choice]) =>
          choice ? [{ memberId, choice }] : [],
        ),
      }),
    onSuccess: async () => {
      setChoices({});
      await queries.invalidateQueries({ queryKey: governanceKey(detail.network.slug) });
    },
  });
  if (open.length === 0) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    cast.mutate();
  };
  return (
    <form className="gov-form" onSubmit={submit}>
      <fieldset className="gov-votes">
        <legend>{t('governance.votes.legend', { title: decision.title })}</legend>
        {open.map((a) => (
          <SelectField
            key={a.id}
            layout="inline"
            label={`${a.personName} (${t(`governance.cluster.${a.cluster}`)})`}
            value={choices[a.id] ?? ''}
            onChange={(e) => setChoices({ ...choices, [a.id]: e.target.value as Choice | '' })}
          >
            <option value="">{t('governance.votes.none')}</option>
            {CHOICES.map((c) => (
              <option key={c} value={c}>
                {t(`governance.choice.${c}`)}
              </option>
            ))}
          </SelectField>
        ))}
      </fieldset>
      <ErrorList errors={[cast.error]} />
      <button type="submit" className="button" disabled={cast.isPending}>
        {t('governance.votes.save')}
      </button>
    </form>
  );
}
