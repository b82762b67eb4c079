import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { NoAccessPage } from '../../components/StatusPages.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { useNetworkApi } from './api.ts';
import { useIsStaff, useModulePath, usePartners } from './common.tsx';
import { INTRODUCTION_STATUSES, type IntroductionStatus, type Sector, type Suggestion } from './types.ts';

const STATUSES: readonly IntroductionStatus[] = INTRODUCTION_STATUSES;

/** A suggestion's reasons in words, so staff can judge them (and the text becomes the task's reason). */
function useReasons() {
  const { t } = useTranslation();
  const format = useFormat().list;
  return (s: Suggestion) =>
    s.reasons.map((r) => {
      if (r.code === 'shared_themes') return t('network.suggest.reason.themes', { list: format(r.values) });
      if (r.code === 'shared_target_groups')
        return t('network.suggest.reason.groups', { list: format(r.values) });
      if (r.code === 'complementary_sectors')
        return t('network.suggest.reason.sectors', {
          a: t(`network.sector.${r.sectors[0] as Sector}`),
          b: t(`network.sector.${r.sectors[1] as Sector}`),
        });
      return t('network.suggest.reason.hole', { list: format(r.via) });
    });
}

export function SuggestionsPage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const api = useNetworkApi();
  const staff = useIsStaff();
  const path = useModulePath();
  const queryClient = useQueryClient();
  const reasons = useReasons();
  const n = useFormat();
  useDocumentTitle(t('network.suggest.title'), detail.network.name);
  const slug = detail.network.slug;
  const partners = usePartners();
  const suggestions = useQuery({
    queryKey: ['network-suggestions', slug],
    queryFn: api.suggestions,
    enabled: staff,
  });
  const intros = useQuery({ queryKey: ['network-intros', slug], queryFn: api.introductions, enabled: staff });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['network-intros', slug] });
  const introduce = useMutation({ mutationFn: api.introduce, onSuccess: () => void refresh() });
  const status = useMutation({
    mutationFn: ({ id, value }: { id: string; value: IntroductionStatus }) =>
      api.setIntroductionStatus(id, value),
    onSuccess: () => void refresh(),
  });
  if (!staff) return <NoAccessPage message={t('network.suggest.staffOnly')} backTo={path()} />;
  const name = (id: string) => partners.data?.partners.find((p) => p.id === id)?.name ?? '…';
  const pairKey = (a: string, b: string) => [a, b].sort().join('|');
  const introduced = new Set(
    (intros.data?.introductions ?? []).map((i) => pairKey(i.partnerAId, i.partnerBId)),
  );
  return (
    <>
      <p className="eyebrow">{detail.network.name}</p>
      <h1>{t('network.suggest.title')}</h1>
      <p className="lead">{t('network.suggest.intro')}</p>

      <section aria-labelledby="intros-heading">
        <h2 id="intros-heading">{t('network.suggest.tasks')}</h2>
        {intros.isPending ? <Loading /> : null}
        {intros.isError ? <ErrorNotice error={intros.error} /> : null}
        {status.isError ? <ErrorNotice error={status.error} /> : null}
        {intros.data?.introductions.length === 0 ? <p>{t('network.suggest.noTasks')}</p> : null}
        {intros.data && intros.data.introductions.length > 0 ? (
          <DataTable
            caption={t('network.suggest.tasksCaption')}
            captionId="intros-caption"
            rows={intros.data.introductions}
            rowKey={(intro) => intro.id}
            columns={[
              {
                id: 'pair',
                header: t('network.suggest.pair'),
                rowHeader: true,
                cell: (intro) => `${name(intro.partnerAId)} – ${name(intro.partnerBId)}`,
              },
              { id: 'why', header: t('network.suggest.why'), cell: (intro) => intro.reason },
              {
                id: 'created',
                header: t('network.suggest.created'),
                className: 'nowrap',
                cell: (intro) => n.shortDay(intro.createdAt),
                sortValue: (intro) => intro.createdAt,
              },
              {
                id: 'status',
                header: t('network.suggest.status'),
                cell: (intro) => (
                  <select
                    aria-label={t('network.suggest.statusOf', {
                      pair: `${name(intro.partnerAId)} – ${name(intro.partnerBId)}`,
                    })}
                    value={intro.status}
                    disabled={status.isPending}
                    onChange={(event) =>
                      status.mutate({ id: intro.id, value: event.target.value as IntroductionStatus })
                    }
                  >
                    {STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`network.suggest.statusName.${s}`)}
                      </option>
                    ))}
                  </select>
                ),
              },
            ]}
          />
        ) : null}
      </section>

      <section aria-labelledby="suggestions-heading">
        <h2 id="suggestions-heading">{t('network.suggest.list')}</h2>
        {suggestions.isPending ? <Loading /> : null}
        {suggestions.isError ? <ErrorNotice error={suggestions.error} /> : null}
        {introduce.isError ? <ErrorNotice error={introduce.error} /> : null}
        <ol className="suggestions">
          {(suggestions.data?.suggestions ?? []).map((s) => {
            const pair = `${name(s.partnerAId)} – ${name(s.partnerBId)}`;
            const why = reasons(s);
            const done = introduced.has(pairKey(s.partnerAId, s.partnerBId));
            return (
              <li key={pairKey(s.partnerAId, s.partnerBId)} className="card suggestion">
                <h3>{pair}</h3>
                <ul>
                  {why.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
                {done ? (
                  <p className="muted">{t('network.suggest.already')}</p>
                ) : (
                  <button
                    type="button"
                    className="button button-small"
                    disabled={introduce.isPending}
                    aria-label={t('network.suggest.introduceLabel', { pair })}
                    onClick={() =>
                      introduce.mutate({
                        partnerAId: s.partnerAId,
                        partnerBId: s.partnerBId,
                        reason: why.join(' ').slice(0, 1000),
                      })
                    }
                  >
                    {t('network.suggest.introduce')}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}
