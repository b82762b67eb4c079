import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorList, TextAreaField, TextField } from '../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { governanceKey, isStaffRole, useGovernanceClient } from './api.ts';
import { MembersTable } from './BodiesPage.tsx';
import { GovernanceNav } from './shared.tsx';

/** One body: its members, its meetings, and for staff a form to record a new meeting. */
export function BodyPage() {
  const { t } = useTranslation();
  const { bodyId = '' } = useParams();
  const { detail } = useNetwork();
  const client = useGovernanceClient();
  const format = useFormat();
  const slug = detail.network.slug;
  const bodies = useQuery({ queryKey: governanceKey(slug, 'bodies'), queryFn: () => client.bodies() });
  const meetings = useQuery({
    queryKey: governanceKey(slug, 'meetings', bodyId),
    queryFn: () => client.meetings(bodyId),
  });
  const body = bodies.data?.bodies.find((b) => b.id === bodyId);
  useDocumentTitle(body?.name ?? t('governance.title'), detail.network.name);
  if (bodies.isPending || meetings.isPending) return <Loading />;
  if (bodies.isError) return <ErrorNotice error={bodies.error} />;
  if (meetings.isError) return <ErrorNotice error={meetings.error} />;
  if (!body) return <ErrorNotice error={new Error(t('governance.bodies.notFound'))} />;
  return (
    <>
      <p className="eyebrow">{t(`governance.kind.${body.kind}`)}</p>
      <h1>{body.name}</h1>
      <GovernanceNav />
      {body.description ? <p className="lead">{body.description}</p> : null}
      <h2>{t('governance.members.title')}</h2>
      <MembersTable caption={t('governance.members.caption', { body: body.name })} members={body.members} />
      <h2 id="meetings">{t('governance.meetings.title')}</h2>
      <DataTable
        caption={t('governance.meetings.caption', { body: body.name })}
        captionHidden
        rows={meetings.data.meetings}
        rowKey={(m) => m.id}
        empty={<p>{t('governance.meetings.empty')}</p>}
        columns={[
          {
            id: 'day',
            header: t('governance.meetings.day'),
            rowHeader: true,
            cell: (m) => <Link to={`/n/${slug}/bestuur/vergadering/${m.id}`}>{format.day(m.heldOn)}</Link>,
            sortValue: (m) => m.heldOn,
          },
          { id: 'agenda', header: t('governance.meetings.agenda'), cell: (m) => m.agenda.join(' · ') },
          {
            id: 'decisions',
            header: t('governance.meetings.decisions'),
            cell: (m) => m.decisions,
            numeric: true,
          },
        ]}
      />
      {isStaffRole(detail.role) ? <NewMeeting bodyId={bodyId} /> : null}
    </>
  );
}

function NewMeeting({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const client = useGovernanceClient();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const [heldOn, setHeldOn] = useState('');
  const [agenda, setAgenda] = useState('');
  const [minutes, setMinutes] = useState('');
  const create = useMutation({
    mutationFn: () =>
      client.createMeeting(bodyId, {
        heldOn,
        agenda: agenda
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        minutes: minutes || null,
      }),
    onSuccess: async ({ id }) => {
      await queries.invalidateQueries({ queryKey: governanceKey(detail.network.slug) });
      void navigate(`/n/${detail.network.slug}/bestuur/vergadering/${id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form className="gov-form" onSubmit={submit} aria-labelledby="new-meeting">
      <h2 id="new-meeting">{t('governance.meetings.new')}</h2>
      <TextField
        type="date"
        label={t('governance.meetings.day')}
        required
        value={heldOn}
        onChange={(e) => setHeldOn(e.target.value)}
      />
      <TextAreaField
        label={t('governance.meetings.agenda')}
        hint={t('governance.meetings.agendaHint')}
        rows={4}
        value={agenda}
        onChange={(e) => setAgenda(e.target.value)}
      />
      <TextAreaField
        label={t('governance.meetings.minutes')}
        rows={4}
        value={minutes}
        onChange={(e) => setMinutes(e.target.value)}
      />
      <ErrorList errors={[create.error]} />
      <button type="submit" className="button" disabled={create.isPending}>
        {t('governance.meetings.create')}
      </button>
    </form>
  );
}
