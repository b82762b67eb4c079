import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { Field, SelectField, TextField } from '../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { NoAccessPage } from '../../components/StatusPages.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { useNetworkApi } from './api.ts';
import { PartnerComboBox, useIsStaff, useModulePath, usePartners } from './common.tsx';
import { SECTOR_LIST, type Sector, TIE_TYPE_LIST, type Tie, type TieType } from './types.ts';

const today = () => new Date().toISOString().slice(0, 10);
const list = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** After a change every view, metric and list of the module may be out of date. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      predicate: (query) => String(query.queryKey[0]).startsWith('network-'),
    });
}

function PartnerForm() {
  const { t } = useTranslation();
  const api = useNetworkApi();
  const refresh = useRefresh();
  const ids = { name: useId(), sector: useId(), themes: useId(), groups: useId() };
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: api.createPartner,
    onSuccess: (partner, _input) => {
      setDone(t('network.manage.partnerAdded', { name: partner.name }));
      void refresh();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setDone(null);
    create.mutate(
      {
        name: String(data.get('name')),
        sector: String(data.get('sector')) as Sector,
        themes: list(String(data.get('themes'))),
        targetGroups: list(String(data.get('targetGroups'))),
      },
      { onSuccess: () => form.reset() },
    );
  };
  return (
    <section className="card" aria-labelledby="partner-form-heading">
      <h2 id="partner-form-heading">{t('network.manage.addPartner')}</h2>
      <form className="form" onSubmit={submit}>
        <TextField
          id={ids.name}
          label={t('network.manage.name')}
          name="name"
          required
          minLength={2}
          maxLength={200}
          autoComplete="organization"
        />
        <SelectField id={ids.sector} label={t('network.manage.sector')} name="sector" defaultValue="care">
          {SECTOR_LIST.map((sector) => (
            <option key={sector} value={sector}>
              {t(`network.sector.${sector}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={ids.themes}
          label={t('network.manage.themes')}
          name="themes"
          hint={t('network.manage.commaHelp')}
        />
        <Field id={ids.groups} label={t('network.manage.targetGroups')}>
          {/* The themes' hint says how to separate values; it holds for the target groups too. */}
          {(control) => <input {...control} name="targetGroups" aria-describedby={`${ids.themes}-hint`} />}
        </Field>
        {create.isError ? <ErrorNotice error={create.error} /> : null}
        {done ? (
          <p className="notice notice-success" role="status">
            {done}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={create.isPending}>
          {t('network.manage.addPartner')}
        </button>
      </form>
    </section>
  );
}

function TieForm() {
  const { t } = useTranslation();
  const api = useNetworkApi();
  const refresh = useRefresh();
  const partners = usePartners();
  const ids = { type: useId(), start: useId(), end: useId(), weight: useId() };
  const [source, setSource] = useState<string | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation({ mutationFn: api.createTie, onSuccess: () => void refresh() });
  const active = (partners.data?.partners ?? []).filter((p) => !p.archived);
  const name = (id: string | null) => active.find((p) => p.id === id)?.name ?? '';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    if (!source || !target) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const data = new FormData(event.currentTarget);
    const end = String(data.get('endDate') ?? '');
    create.mutate(
      {
        sourceId: source,
        targetId: target,
        type: String(data.get('type')) as TieType,
        weight: Number(data.get('weight')) || 1,
        startDate: String(data.get('startDate')),
        endDate: end || null,
      },
      {
        onSuccess: () => setDone(t('network.manage.tieAdded', { a: name(source), b: name(target) })),
      },
    );
  };
  return (
    <section className="card" aria-labelledby="tie-form-heading">
      <h2 id="tie-form-heading">{t('network.manage.addTie')}</h2>
      <form className="form" onSubmit={submit} noValidate={false}>
        <PartnerComboBox
          label={t('network.manage.tieFrom')}
          partners={active}
          selected={source}
          onChange={setSource}
        />
        <PartnerComboBox
          label={t('network.manage.tieTo')}
          partners={active.filter((p) => p.id !== source)}
          selected={target}
          onChange={setTarget}
        />
        <SelectField
          id={ids.type}
          label={t('network.manage.tieType')}
          name="type"
          defaultValue="collaboration"
        >
          {TIE_TYPE_LIST.map((type) => (
            <option key={type} value={type}>
              {t(`network.tieType.${type}`)}
            </option>
          ))}
        </SelectField>
        <div className="field-pair">
          <TextField
            id={ids.start}
            label={t('network.manage.startDate')}
            name="startDate"
            type="date"
            required
            defaultValue={today()}
          />
          <TextField id={ids.end} label={t('network.manage.endDateOptional')} name="endDate" type="date" />
        </div>
        <TextField
          id={ids.weight}
          label={t('network.manage.weight')}
          hint={t('network.manage.weightHelp')}
          name="weight"
          type="number"
          min={1}
          max={10}
          step={1}
          defaultValue={1}
        />
        {missing ? (
          <p className="notice notice-error" role="alert">
            {t('network.manage.choosePartners')}
          </p>
        ) : null}
        {create.isError ? <ErrorNotice error={create.error} /> : null}
        {done ? (
          <p className="notice notice-success" role="status">
            {done}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={create.isPending}>
          {t('network.manage.addTie')}
        </button>
      </form>
    </section>
  );
}

function TiesTable() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const api = useNetworkApi();
  const format = useFormat();
  const refresh = useRefresh();
  const [origin, setOrigin] = useState<'declared' | 'all'>('declared');
  const ties = useQuery({
    queryKey: ['network-ties-all', detail.network.slug],
    queryFn: () => api.view({ from: '1900-01-01', to: '2999-12-31' }),
  });
  const end = useMutation({
    mutationFn: (tie: Tie) => api.updateTie(tie.id, { endDate: today() }),
    onSuccess: () => void refresh(),
  });
  const remove = useMutation({
    mutationFn: (tie: Tie) => api.deleteTie(tie.id),
    onSuccess: () => void refresh(),
  });
  if (ties.isPending) return <Loading />;
  if (ties.isError) return <ErrorNotice error={ties.error} onRetry={() => void ties.refetch()} />;
  const name = new Map(ties.data.partners.map((p) => [p.id, p.name]));
  const rows = ties.data.ties
    .filter((tie) => origin === 'all' || tie.origin === 'declared')
    .sort((a, b) => b.startDate.localeCompare(a.startDate));
  const ended = (tie: Tie) => tie.endDate !== null && tie.endDate <= today();
  const pairOf = (tie: Tie) => `${name.get(tie.sourceId) ?? ''} – ${name.get(tie.targetId) ?? ''}`;
  const actions = (tie: Tie) => {
    const pair = pairOf(tie);
    if (tie.origin === 'derived') return <span className="muted">{t('network.manage.derivedReadOnly')}</span>;
    return (
      <span className="actions">
        {ended(tie) ? null : (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => end.mutate(tie)}
            aria-label={t('network.manage.endTieLabel', { pair })}
          >
            {t('network.manage.endTie')}
          </button>
        )}
        <button
          type="button"
          className="button button-danger button-small"
          onClick={() => {
            if (window.confirm(t('network.manage.confirmDelete', { pair }))) remove.mutate(tie);
          }}
          aria-label={t('network.manage.deleteTieLabel', { pair })}
        >
          {t('network.manage.deleteTie')}
        </button>
      </span>
    );
  };
  return (
    <section aria-labelledby="ties-heading">
      <h2 id="ties-heading">{t('network.manage.ties')}</h2>
      <fieldset className="checks inline">
        <legend>{t('network.manage.show')}</legend>
        <label className="check">
          <input
            type="radio"
            name="origin"
            checked={origin === 'declared'}
            onChange={() => setOrigin('declared')}
          />
          {t('network.manage.showDeclared')}
        </label>
        <label className="check">
          <input type="radio" name="origin" checked={origin === 'all'} onChange={() => setOrigin('all')} />
          {t('network.manage.showAll')}
        </label>
      </fieldset>
      {end.isError ? <ErrorNotice error={end.error} /> : null}
      {remove.isError ? <ErrorNotice error={remove.error} /> : null}
      <DataTable
        caption={t('network.manage.tiesCaption', { count: rows.length })}
        captionId="ties-caption"
        rows={rows}
        rowKey={(tie) => tie.id}
        columns={[
          { id: 'pair', header: t('network.manage.pair'), rowHeader: true, cell: pairOf, sortValue: pairOf },
          {
            id: 'type',
            header: t('network.manage.tieType'),
            cell: (tie) => t(`network.tieType.${tie.type}`),
            sortValue: (tie) => t(`network.tieType.${tie.type}`),
          },
          {
            id: 'origin',
            header: t('network.manage.origin'),
            cell: (tie) => t(`network.origin.${tie.origin}`),
          },
          {
            id: 'period',
            header: t('network.manage.period'),
            className: 'nowrap',
            sortValue: (tie) => tie.startDate,
            cell: (tie) =>
              `${format.shortDay(tie.startDate)} – ${tie.endDate ? format.shortDay(tie.endDate) : t('network.manage.ongoing')}`,
          },
          {
            id: 'weight',
            header: t('network.manage.weight'),
            numeric: true,
            cell: (tie) => tie.weight,
            sortValue: (tie) => tie.weight,
          },
          { id: 'actions', header: t('network.manage.actions'), cell: actions },
        ]}
      />
    </section>
  );
}

function DerivationSwitches() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const api = useNetworkApi();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const key = ['network-tie-settings', detail.network.slug];
  const settings = useQuery({ queryKey: key, queryFn: api.tieSettings });
  const save = useMutation({
    mutationFn: (change: Partial<Record<TieType, boolean>>) => api.setTieSettings(change),
    onSuccess: (result) => {
      queryClient.setQueryData(key, result);
      void refresh();
    },
  });
  return (
    <section className="card" aria-labelledby="derive-heading">
      <h2 id="derive-heading">{t('network.manage.derive')}</h2>
      <p>{t('network.manage.deriveIntro')}</p>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <ErrorNotice error={settings.error} /> : null}
      {save.isError ? <ErrorNotice error={save.error} /> : null}
      {settings.data ? (
        <ul className="switch-list">
          {TIE_TYPE_LIST.map((type) => {
            const on = settings.data.derive[type] !== false;
            return (
              <li key={type}>
                <label className="switch">
                  <input
                    type="checkbox"
                    role="switch"
                    aria-checked={on}
                    checked={on}
                    disabled={save.isPending}
                    onChange={(event) => save.mutate({ [type]: event.target.checked })}
                  />
                  {t(`network.tieType.${type}`)}
                </label>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

/** Staff keep the partners and their declared ties current and choose which tie types are derived. */
export function ManagePage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const staff = useIsStaff();
  const path = useModulePath();
  useDocumentTitle(t('network.manage.title'), detail.network.name);
  if (!staff) return <NoAccessPage message={t('network.manage.staffOnly')} backTo={path()} />;
  return (
    <>
      <p className="eyebrow">{detail.network.name}</p>
      <h1>{t('network.manage.title')}</h1>
      <p className="lead">{t('network.manage.intro')}</p>
      <div className="two-columns">
        <TieForm />
        <PartnerForm />
      </div>
      <TiesTable />
      <DerivationSwitches />
    </>
  );
}
