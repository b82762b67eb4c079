import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable.tsx';
import { SelectField, TextField } from '../../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../../components/States.tsx';
import { NoAccessPage } from '../../../components/StatusPages.tsx';
import { TableRegion } from '../../../components/TableRegion.tsx';
import { useNetwork } from '../../../lib/network.ts';
import { useDocumentTitle } from '../../../lib/title.ts';
import { useDirectoryPath, useIsStaff } from '../common.tsx';
import { type TaxonomyView, type TermNamesInput, useAnalysisApi } from './api.ts';

type Taxonomy = TaxonomyView['taxonomies'][number];
type Term = Taxonomy['terms'][number];

const namesFrom = (form: HTMLFormElement): TermNamesInput => {
  const data = new FormData(form);
  const value = (k: string) => String(data.get(k) ?? '').trim();
  return {
    nl: value('nl'),
    ...(value('fr') ? { fr: value('fr') } : {}),
    ...(value('en') ? { en: value('en') } : {}),
  };
};

/**
 * The search's vocabulary: synonyms staff add or switch off for their network (everyday words against the
 * words professionals write), and for admins the shared rubrics and target groups.
 */
export function VocabularyPage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const staff = useIsStaff();
  const path = useDirectoryPath();
  useDocumentTitle(t('directory.analysis.vocabulary.title'), detail.network.name);
  if (!staff) return <NoAccessPage message={t('directory.analysis.staffOnly')} backTo={path()} />;
  return (
    <>
      <h1>{t('directory.analysis.vocabulary.title')}</h1>
      <p className="lead">{t('directory.analysis.vocabulary.intro')}</p>
      <Synonyms />
      {detail.role === 'admin' ? <Taxonomies /> : null}
    </>
  );
}

function Synonyms() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const api = useAnalysisApi();
  const queryClient = useQueryClient();
  const uid = useId();
  const key = ['analysis', 'synonyms', detail.network.slug];
  const list = useQuery({ queryKey: key, queryFn: api.synonyms });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: key });
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (v: { term: string; synonym: string; form: HTMLFormElement }) =>
      api.addSynonym(v.term, v.synonym),
    onSuccess: (s, v) => {
      v.form.reset();
      setAdded(t('directory.analysis.vocabulary.added', { term: s.term, synonym: s.synonym }));
      refresh();
    },
  });
  const change = useMutation({
    mutationFn: (v: { id: string; action: 'on' | 'off' | 'delete' }) =>
      v.action === 'delete' ? api.deleteSynonym(v.id) : api.switchSynonym(v.id, v.action === 'on'),
    onSuccess: refresh,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setAdded(null);
    add.mutate({
      term: String(data.get('term') ?? ''),
      synonym: String(data.get('synonym') ?? ''),
      form: event.currentTarget,
    });
  };
  return (
    <section aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`}>{t('directory.analysis.vocabulary.synonyms')}</h2>
      <form className="analysis-inline-form" onSubmit={submit}>
        <TextField
          id={`${uid}-term`}
          label={t('directory.analysis.vocabulary.term')}
          name="term"
          required
          minLength={2}
          maxLength={80}
        />
        <TextField
          id={`${uid}-synonym`}
          label={t('directory.analysis.vocabulary.synonym')}
          name="synonym"
          required
          minLength={2}
          maxLength={80}
        />
        <button type="submit" className="button" disabled={add.isPending}>
          {t('directory.analysis.vocabulary.add')}
        </button>
      </form>
      {add.isError ? <ErrorNotice error={add.error} /> : null}
      {added ? (
        <p className="notice notice-success" role="status">
          {added}
        </p>
      ) : null}
      {change.isError ? <ErrorNotice error={change.error} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorNotice error={list.error} /> : null}
      {list.data ? (
        <DataTable
          caption={t('directory.analysis.vocabulary.caption')}
          rows={list.data.synonyms}
          rowKey={(s) => s.id}
          columns={[
            {
              id: 'term',
              header: t('directory.analysis.vocabulary.term'),
              rowHeader: true,
              cell: (s) => s.term,
              sortValue: (s) => s.term,
            },
            {
              id: 'synonym',
              header: t('directory.analysis.vocabulary.synonym'),
              cell: (s) => s.synonym,
              sortValue: (s) => s.synonym,
            },
            {
              id: 'scope',
              header: t('directory.analysis.vocabulary.scope'),
              cell: (s) => t(`directory.analysis.vocabulary.scopeName.${s.scope}`),
            },
            {
              id: 'status',
              header: t('directory.analysis.vocabulary.status'),
              cell: (s) =>
                s.enabled ? t('directory.analysis.vocabulary.on') : t('directory.analysis.vocabulary.off'),
            },
            {
              id: 'actions',
              header: t('directory.analysis.duplicates.actions'),
              cell: (s) => {
                const pair = `${s.term} – ${s.synonym}`;
                return (
                  <div className="analysis-actions">
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      disabled={change.isPending}
                      aria-label={t(
                        s.enabled
                          ? 'directory.analysis.vocabulary.switchOffLabel'
                          : 'directory.analysis.vocabulary.switchOnLabel',
                        { pair },
                      )}
                      onClick={() => change.mutate({ id: s.id, action: s.enabled ? 'off' : 'on' })}
                    >
                      {s.enabled
                        ? t('directory.analysis.vocabulary.switchOff')
                        : t('directory.analysis.vocabulary.switchOn')}
                    </button>
                    {s.scope === 'local' ? (
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        disabled={change.isPending}
                        aria-label={t('directory.analysis.vocabulary.deleteLabel', { pair })}
                        onClick={() => change.mutate({ id: s.id, action: 'delete' })}
                      >
                        {t('directory.analysis.vocabulary.delete')}
                      </button>
                    ) : null}
                  </div>
                );
              },
            },
          ]}
        />
      ) : null}
    </section>
  );
}

function Taxonomies() {
  const { t } = useTranslation();
  const api = useAnalysisApi();
  const queryClient = useQueryClient();
  const uid = useId();
  const key = ['analysis', 'taxonomy'];
  const view = useQuery({ queryKey: key, queryFn: api.taxonomy });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: ['analysis', 'coverage'] });
  };
  const add = useMutation({
    mutationFn: (v: { taxonomyId: string; names: TermNamesInput; form: HTMLFormElement }) =>
      api.addTerm(v.taxonomyId, v.names),
    onSuccess: (_r, v) => {
      v.form.reset();
      refresh();
    },
  });
  const editable = (view.data?.taxonomies ?? []).filter((x) => x.editable);
  return (
    <section aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`}>{t('directory.analysis.taxonomy.title')}</h2>
      <p>{t('directory.analysis.taxonomy.intro')}</p>
      {view.isPending ? <Loading /> : null}
      {view.isError ? <ErrorNotice error={view.error} /> : null}
      {editable.length > 0 ? (
        <form
          className="analysis-inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            add.mutate({
              taxonomyId: String(new FormData(form).get('taxonomy')),
              names: namesFrom(form),
              form,
            });
          }}
        >
          <SelectField id={`${uid}-taxonomy`} label={t('directory.analysis.taxonomy.list')} name="taxonomy">
            {editable.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </SelectField>
          {(['nl', 'fr', 'en'] as const).map((lang) => (
            <TextField
              key={lang}
              id={`${uid}-new-${lang}`}
              label={t(`directory.analysis.taxonomy.name.${lang}`)}
              name={lang}
              required={lang === 'nl'}
              minLength={2}
              maxLength={120}
            />
          ))}
          <button type="submit" className="button" disabled={add.isPending}>
            {t('directory.analysis.taxonomy.add')}
          </button>
        </form>
      ) : null}
      {add.isError ? <ErrorNotice error={add.error} /> : null}
      {editable.map((x) => (
        <TermTable key={x.id} taxonomy={x} onChange={refresh} />
      ))}
    </section>
  );
}

function TermTable({ taxonomy, onChange }: { taxonomy: Taxonomy; onChange: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  return (
    <TableRegion captionId={`${uid}-caption`}>
      <table className="data-table">
        <caption id={`${uid}-caption`}>{taxonomy.name}</caption>
        <thead>
          <tr>
            <th scope="col">{t('directory.analysis.taxonomy.name.nl')}</th>
            <th scope="col">{t('directory.analysis.taxonomy.name.fr')}</th>
            <th scope="col">{t('directory.analysis.taxonomy.name.en')}</th>
            <th scope="col" className="num">
              {t('directory.analysis.taxonomy.usage')}
            </th>
            <th scope="col">{t('directory.analysis.duplicates.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {taxonomy.terms.map((term) => (
            <TermRow
              key={term.id}
              term={term}
              others={taxonomy.terms.filter((o) => o.id !== term.id)}
              onChange={onChange}
            />
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function TermRow({ term, others, onChange }: { term: Term; others: Term[]; onChange: () => void }) {
  const { t } = useTranslation();
  const api = useAnalysisApi();
  const uid = useId();
  const [mode, setMode] = useState<'view' | 'edit' | 'retire'>('view');
  const rename = useMutation({
    mutationFn: (names: TermNamesInput) => api.renameTerm(term.id, names),
    onSuccess: () => {
      setMode('view');
      onChange();
    },
  });
  const retire = useMutation({
    mutationFn: (replacementId: string | undefined) => api.retireTerm(term.id, replacementId),
    onSuccess: onChange,
  });
  const error = rename.error ?? retire.error;
  if (mode === 'edit') {
    return (
      <tr>
        <td colSpan={5}>
          <form
            className="analysis-inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              rename.mutate(namesFrom(event.currentTarget));
            }}
          >
            {(['nl', 'fr', 'en'] as const).map((lang) => (
              <TextField
                key={lang}
                id={`${uid}-${lang}`}
                label={t(`directory.analysis.taxonomy.name.${lang}`)}
                name={lang}
                defaultValue={term.names[lang] ?? ''}
                required={lang === 'nl'}
                minLength={2}
                maxLength={120}
              />
            ))}
            <button type="submit" className="button" disabled={rename.isPending}>
              {t('directory.analysis.taxonomy.save')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setMode('view')}>
              {t('directory.analysis.taxonomy.cancel')}
            </button>
          </form>
          {error ? <ErrorNotice error={error} /> : null}
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <th scope="row">{term.names.nl}</th>
      <td>{term.names.fr ?? '–'}</td>
      <td>{term.names.en ?? '–'}</td>
      <td className="num">{term.usage}</td>
      <td>
        {mode === 'retire' ? (
          <form
            className="analysis-inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              const value = String(new FormData(event.currentTarget).get('replacement') ?? '');
              retire.mutate(value || undefined);
            }}
          >
            <SelectField
              id={`${uid}-replacement`}
              label={t('directory.analysis.taxonomy.replacement')}
              name="replacement"
              required={term.usage > 0}
            >
              <option value="">{t('directory.analysis.taxonomy.noReplacement')}</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.names.nl}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="button button-small" disabled={retire.isPending}>
              {t('directory.analysis.taxonomy.confirmRetire')}
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => setMode('view')}
            >
              {t('directory.analysis.taxonomy.cancel')}
            </button>
          </form>
        ) : (
          <div className="analysis-actions">
            <button
              type="button"
              className="button button-secondary button-small"
              aria-label={t('directory.analysis.taxonomy.renameLabel', { name: term.names.nl })}
              onClick={() => setMode('edit')}
            >
              {t('directory.analysis.taxonomy.rename')}
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              aria-label={t('directory.analysis.taxonomy.retireLabel', { name: term.names.nl })}
              onClick={() => setMode('retire')}
            >
              {t('directory.analysis.taxonomy.retire')}
            </button>
          </div>
        )}
        {error ? <ErrorNotice error={error} /> : null}
      </td>
    </tr>
  );
}
