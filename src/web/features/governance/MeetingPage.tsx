import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CheckboxField, ErrorList, SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { governanceKey, isStaffRole, type MeetingView, useGovernanceClient } from './api.ts';
import { DecisionCard } from './DecisionCard.tsx';
import { GovernanceNav } from './shared.tsx';

const RULES = ['simple_majority', 'two_thirds', 'majority_every_cluster'] as const;

/** A meeting: agenda, minutes, who was present and so whether it has its quorum, and its decisions. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { meetingId = '' } = useParams();
  const { detail } = useNetwork();
  const client = useGovernanceClient();
  const format = useFormat();
  const slug = detail.network.slug;
  const query = useQuery({
    queryKey: governanceKey(slug, 'meeting', meetingId),
    queryFn: () => client.meeting(meetingId),
  });
  useDocumentTitle(
    query.data ? `${query.data.body.name} ${format.day(query.data.heldOn)}` : t('governance.title'),
    detail.network.name,
  );
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const m = query.data;
  const staff = isStaffRole(detail.role);
  return (
    <>
      <p className="eyebrow">
        <Link to={`/n/${slug}/bestuur/orgaan/${m.body.id}`}>{m.body.name}</Link>
      </p>
      <h1>{t('governance.meeting.title', { day: format.day(m.heldOn) })}</h1>
      <GovernanceNav />
      <h2>{t('governance.meetings.agenda')}</h2>
      {m.agenda.length ? (
        <ol>
          {m.agenda.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
      ) : (
        <p>{t('governance.meeting.noAgenda')}</p>
      )}
      {m.minutes ? (
        <>
          <h2>{t('governance.meetings.minutes')}</h2>
          <p className="gov-minutes">{m.minutes}</p>
        </>
      ) : null}
      <Attendance meeting={m} staff={staff} />
      <h2>{t('governance.decisions.title')}</h2>
      {m.decisions.length === 0 ? <p>{t('governance.decisions.none')}</p> : null}
      {m.decisions.map((d) => (
        <DecisionCard key={d.id} decision={d} meeting={m} staff={staff} />
      ))}
      {staff ? <NewDecision meeting={m} /> : null}
    </>
  );
}

function Attendance({ meeting, staff }: { meeting: MeetingView; staff: boolean }) {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const client = useGovernanceClient();
  const queries = useQueryClient();
  const [present, setPresent] = useState(
    () => new Set(meeting.attendance.filter((a) => a.present).map((a) => a.id)),
  );
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => client.attendance(meeting.id, [...present]),
    onSuccess: (view) => {
      queries.setQueryData(governanceKey(detail.network.slug, 'meeting', meeting.id), view);
      setSaved(true);
    },
  });
  const q = meeting.quorum;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate();
  };
  const quorum = (
    <p className={q.met ? 'gov-quorum gov-quorum-met' : 'gov-quorum'} role="status">
      {t(q.met ? 'governance.quorum.met' : 'governance.quorum.notMet', {
        present: q.present,
        members: q.members,
        required: q.required,
      })}
    </p>
  );
  if (!staff) {
    return (
      <section aria-labelledby="attendance">
        <h2 id="attendance">{t('governance.attendance.title')}</h2>
        {quorum}
        <ul className="gov-attendance">
          {meeting.attendance.map((a) => (
            <li key={a.id}>
              {a.personName} ({t(`governance.cluster.${a.cluster}`)}):{' '}
              {t(a.present ? 'governance.attendance.present' : 'governance.attendance.absent')}
            </li>
          ))}
        </ul>
      </section>
    );
  }
  return (
    <form onSubmit={submit} aria-labelledby="attendance" className="gov-form">
      <h2 id="attendance">{t('governance.attendance.title')}</h2>
      {quorum}
      <fieldset className="gov-attendance">
        <legend>{t('governance.attendance.legend')}</legend>
        {meeting.attendance.map((a) => (
          <CheckboxField
            key={a.id}
            label={`${a.personName} · ${a.partnerName ?? t(`governance.cluster.${a.cluster}`)} (${t(`governance.cluster.${a.cluster}`)})`}
            checked={present.has(a.id)}
            onChange={(e) => {
              const next = new Set(present);
              if (e.target.checked) next.add(a.id);
              else next.delete(a.id);
              setPresent(next);
              setSaved(false);
            }}
          />
        ))}
      </fieldset>
      <ErrorList errors={[save.error]} />
      {saved ? <p role="status">{t('governance.attendance.saved')}</p> : null}
      <button type="submit" className="button" disabled={save.isPending}>
        {t('governance.attendance.save')}
      </button>
    </form>
  );
}

function NewDecision({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const client = useGovernanceClient();
  const queries = useQueryClient();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [rule, setRule] = useState<(typeof RULES)[number]>('majority_every_cluster');
  const create = useMutation({
    mutationFn: () => client.createDecision(meeting.id, { title, text: text || null, rule }),
    onSuccess: async () => {
      setTitle('');
      setText('');
      await queries.invalidateQueries({ queryKey: governanceKey(detail.network.slug) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form className="gov-form" onSubmit={submit} aria-labelledby="new-decision">
      <h2 id="new-decision">{t('governance.decisions.new')}</h2>
      <TextField
        label={t('governance.decisions.titleField')}
        required
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextAreaField
        label={t('governance.decisions.text')}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <SelectField
        label={t('governance.decisions.rule')}
        value={rule}
        onChange={(e) => setRule(e.target.value as (typeof RULES)[number])}
      >
        {RULES.map((r) => (
          <option key={r} value={r}>
            {t(`governance.rule.${r}`)}
          </option>
        ))}
      </SelectField>
      <ErrorList errors={[create.error]} />
      <button type="submit" className="button" disabled={create.isPending}>
        {t('governance.decisions.create')}
      </button>
    </form>
  );
}
