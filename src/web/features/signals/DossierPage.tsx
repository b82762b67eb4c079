import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PHASES } from '../../../server/modules/signals/schema.ts';
import { ErrorList, TextAreaField } from '../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { useSignalsClient } from './api.ts';

/** A dossier: its phases, analysis, addressee and answer, signals, co-signatures and history. */
export function DossierPage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const { dossierId = '' } = useParams();
  const format = useFormat();
  const client = useSignalsClient();
  const queryClient = useQueryClient();
  const slug = detail.network.slug;
  const key = ['signals', slug, 'dossier', dossierId];
  const query = useQuery({ queryKey: key, queryFn: () => client.dossier(dossierId), enabled: !!detail.role });
  useDocumentTitle(query.data?.title ?? t('signals.dossier.title'), detail.network.name);
  const [note, setNote] = useState('');
  const done = (data: unknown) => {
    queryClient.setQueryData(key, data);
    setNote('');
  };
  const move = useMutation({
    mutationFn: (to: string) => client.moveDossier(dossierId, to, note),
    onSuccess: done,
  });
  const cosign = useMutation({ mutationFn: () => client.cosign(dossierId, note || null), onSuccess: done });
  if (!detail.role) return <p>{t('signals.membersOnly')}</p>;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const staff = detail.role === 'staff' || detail.role === 'admin';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (d.nextPhase) move.mutate(d.nextPhase);
  };
  return (
    <>
      <p className="eyebrow">
        <Link to={`/n/${slug}/signalen`}>{t('signals.board.title')}</Link>
      </p>
      <h1>{d.title}</h1>
      <ol className="phase-steps" aria-label={t('signals.field.phase')}>
        {PHASES.map((p) => (
          <li
            key={p}
            aria-current={p === d.phase ? 'step' : undefined}
            className={p === d.phase ? 'current' : undefined}
          >
            {t(`signals.phase.${p}`)}
          </li>
        ))}
      </ol>
      <p>
        {t('signals.dossier.inPhase', { phase: t(`signals.phase.${d.phase}`), date: format.day(d.phaseDue) })}
      </p>
      <dl className="facts">
        <dt>{t('signals.dossier.analysis')}</dt>
        <dd>{d.analysis ?? '—'}</dd>
        <dt>{t('signals.dossier.proposal')}</dt>
        <dd>{d.proposal ?? '—'}</dd>
        <dt>{t('signals.dossier.addressee')}</dt>
        <dd>{d.addressee ? `${d.addressee.name} (${t(`signals.addressee.${d.addressee.kind}`)})` : '—'}</dd>
        <dt>{t('signals.dossier.answer')}</dt>
        <dd>{d.answer ?? '—'}</dd>
      </dl>
      <h2>{t('signals.board.signals')}</h2>
      <ul>
        {d.signals.map((s) => (
          <li key={s.id}>
            {s.title} — {s.municipalities.map((m) => m.name).join(', ')}
          </li>
        ))}
      </ul>
      <h2>{t('signals.dossier.cosignatures')}</h2>
      {d.cosignatures.length === 0 ? (
        <p>{t('signals.dossier.noCosignatures')}</p>
      ) : (
        <ul>
          {d.cosignatures.map((c) => (
            <li key={`${c.name}${c.at}`}>
              {c.name}
              {c.note ? `: ${c.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="form-grid">
        <TextAreaField
          label={t('signals.dossier.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          rows={3}
          layout="span"
        />
        <ErrorList errors={[move.error, cosign.error]} className="field-span" />
        <p className="field-span">
          {staff && d.nextPhase ? (
            <button type="submit" disabled={move.isPending || note.trim() === ''}>
              {t('signals.dossier.moveTo', { phase: t(`signals.phase.${d.nextPhase}`) })}
            </button>
          ) : null}{' '}
          {detail.role === 'partner' ? (
            <button type="button" onClick={() => cosign.mutate()} disabled={cosign.isPending}>
              {t('signals.dossier.cosign')}
            </button>
          ) : null}
        </p>
      </form>
      <h2>{t('signals.dossier.history')}</h2>
      <ol>
        {d.history.map((h) => (
          <li key={`${h.to}${h.at}`}>
            {format.day(h.at.slice(0, 10))}: {t(`signals.phase.${h.to}`)}
            {h.by ? ` (${h.by})` : ''}
            {h.note ? ` — ${h.note}` : ''}
          </li>
        ))}
      </ol>
    </>
  );
}
