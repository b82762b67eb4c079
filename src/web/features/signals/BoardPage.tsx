import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Phase } from '../../../server/modules/signals/schema.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import type { SignalBoard } from './api.ts';
import { useSignalsClient } from './api.ts';

type SignalRow = SignalBoard['signals'][number];
type DossierRow = SignalBoard['dossiers'][number];

/** The staff's board: every signal with its phase and deadline, the overdue list and the dossiers. */
export function BoardPage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const format = useFormat();
  const client = useSignalsClient();
  const slug = detail.network.slug;
  useDocumentTitle(t('signals.board.title'), detail.network.name);
  const query = useQuery({
    queryKey: ['signals', slug, 'board'],
    queryFn: () => client.board(),
    enabled: !!detail.role,
  });
  if (!detail.role) return <p>{t('signals.membersOnly')}</p>;
  const data = query.data;
  const overdue = data
    ? [...data.signals.filter((s) => s.overdue && !s.dossierId), ...data.dossiers.filter((d) => d.overdue)]
    : [];
  const phase = (p: Phase) => t(`signals.phase.${p}`);
  return (
    <>
      <p className="eyebrow">{detail.network.name}</p>
      <h1>{t('signals.board.title')}</h1>
      <p className="lead">{t('signals.board.lead')}</p>
      {detail.role !== 'viewer' ? (
        <p>
          <Link className="button" to={`/n/${slug}/signalen/melden`}>
            {t('signals.board.report')}
          </Link>
        </p>
      ) : null}
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorNotice error={query.error} onRetry={() => void query.refetch()} /> : null}
      {data ? (
        <>
          <h2>{t('signals.board.overdue')}</h2>
          {overdue.length === 0 ? (
            <p>{t('signals.board.noneOverdue')}</p>
          ) : (
            <ul>
              {overdue.map((o) => (
                <li key={o.id}>
                  {'signalCount' in o ? (
                    <Link to={`/n/${slug}/signalen/dossiers/${o.id}`}>{o.title}</Link>
                  ) : (
                    o.title
                  )}{' '}
                  — {phase(o.phase)}, {t('signals.board.due', { date: format.day(o.phaseDue) })}
                </li>
              ))}
            </ul>
          )}
          <h2>{t('signals.board.dossiers')}</h2>
          <DataTable<DossierRow>
            caption={t('signals.board.dossiers')}
            rows={data.dossiers}
            rowKey={(d) => d.id}
            empty={<p>{t('signals.board.noDossiers')}</p>}
            columns={[
              {
                id: 'title',
                header: t('signals.field.title'),
                rowHeader: true,
                cell: (d) => <Link to={`/n/${slug}/signalen/dossiers/${d.id}`}>{d.title}</Link>,
                sortValue: (d) => d.title,
              },
              {
                id: 'phase',
                header: t('signals.field.phase'),
                cell: (d) => phase(d.phase),
                sortValue: (d) => d.phase,
              },
              {
                id: 'signals',
                header: t('signals.field.signalCount'),
                numeric: true,
                cell: (d) => d.signalCount,
              },
              {
                id: 'due',
                header: t('signals.field.due'),
                cell: (d) => format.day(d.phaseDue),
                sortValue: (d) => d.phaseDue,
              },
            ]}
          />
          <h2>{t('signals.board.signals')}</h2>
          <DataTable<SignalRow>
            caption={t('signals.board.signals')}
            rows={data.signals}
            rowKey={(s) => s.id}
            empty={<p>{t('signals.board.noSignals')}</p>}
            columns={[
              {
                id: 'title',
                header: t('signals.field.title'),
                rowHeader: true,
                cell: (s) => s.title,
                sortValue: (s) => s.title,
              },
              { id: 'theme', header: t('signals.field.theme'), cell: (s) => t(`signals.theme.${s.theme}`) },
              {
                id: 'where',
                header: t('signals.field.municipalities'),
                cell: (s) => s.municipalities.map((m) => m.name).join(', '),
              },
              {
                id: 'phase',
                header: t('signals.field.phase'),
                cell: (s) => phase(s.phase),
                sortValue: (s) => s.phase,
              },
              {
                id: 'reporter',
                header: t('signals.field.reporter'),
                cell: (s) => (s.reporter ? s.reporter.name || s.reporter.email : t('signals.anonymous')),
              },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
