import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { TextAreaField, TextField } from '../../../components/Field.tsx';
import { Loading } from '../../../components/States.tsx';
import { useDocumentTitle } from '../../../lib/title.ts';
import { useDirectoryPath } from '../common.tsx';
import { DuplicateError, type OrganizationView, type ServiceFields, useCurateApi } from './api.ts';
import { DuplicateWarning } from './DuplicateWarning.tsx';
import { ErrorSummary } from './forms.tsx';
import { AssuredText, LoadError } from './parts.tsx';
import { ServiceForm } from './ServiceForm.tsx';
import { changedPatch, EMPTY_FIELDS, type FieldError } from './service-state.ts';

const errorText = (e: unknown) => (e instanceof Error ? e.message : null);

/** `dienst/:id/bewerken`: staff, or the partner of the service's organisation. */
export function ServiceEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const api = useCurateApi();
  const path = useDirectoryPath();
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['curate', 'service', id], queryFn: () => api.service(id) });
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (fields: ServiceFields) =>
      api.updateService(id, {
        ...changedPatch(query.data?.fields as ServiceFields, fields),
        name: fields.name,
      }),
    onSuccess: (view) => {
      client.setQueryData(['curate', 'service', id], view);
      client.invalidateQueries({ queryKey: ['curate', 'mine'] });
      setSaved(true);
    },
  });
  const assure = useMutation({
    mutationFn: () => api.assure('services', id),
    onSuccess: () => client.invalidateQueries({ queryKey: ['curate'] }),
  });
  useDocumentTitle(t('directory.curate.editService.title', { name: query.data?.fields.name ?? '' }));
  if (query.isPending) return <Loading />;
  if (query.error) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  const view = query.data;
  return (
    <>
      <p>
        <Link to={path(`dienst/${id}`)}>{t('directory.curate.backToRecord')}</Link>
      </p>
      <h1>{t('directory.curate.editService.title', { name: view.fields.name })}</h1>
      <p className="lead">
        {t('directory.curate.editService.of', { organization: view.organization.name })}{' '}
        <AssuredText date={view.assured_date} by={view.assured_by} />
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          disabled={assure.isPending}
          onClick={() => assure.mutate()}
        >
          {t('directory.curate.stillCorrect')}
        </button>
      </div>
      {assure.isSuccess ? (
        <p className="notice" role="status">
          {t('directory.curate.confirmed')}
        </p>
      ) : null}
      {saved && !save.isPending && !save.error ? (
        <p className="notice" role="status">
          {t('directory.curate.saved')}
        </p>
      ) : null}
      <ServiceForm
        key={view.updated_at}
        initial={view.fields}
        provenance={view.provenance}
        submitLabel={t('directory.curate.save')}
        serverError={errorText(save.error)}
        onSubmit={(fields) => {
          setSaved(false);
          save.mutate(fields);
        }}
      />
    </>
  );
}

/** `nieuw?organisatie=…`: a new service of an organisation. */
export function NewServicePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const organizationId = params.get('organisatie') ?? '';
  const api = useCurateApi();
  const path = useDirectoryPath();
  const navigate = useNavigate();
  useDocumentTitle(t('directory.curate.newService.title'));
  const org = useQuery({
    queryKey: ['curate', 'organization', organizationId],
    queryFn: () => api.organization(organizationId),
    enabled: Boolean(organizationId),
  });
  const [last, setLast] = useState<ServiceFields | null>(null);
  const create = useMutation({
    mutationFn: ({ fields, confirm }: { fields: ServiceFields; confirm: boolean }) =>
      api.createService(organizationId, {
        ...changedPatch(EMPTY_FIELDS, fields),
        name: fields.name,
        ...(confirm ? { confirmDuplicate: true } : {}),
      }),
    onSuccess: (view) => navigate(path(`dienst/${view.id}/bewerken`)),
  });
  const duplicates = create.error instanceof DuplicateError ? create.error : null;
  if (!organizationId) return <p className="notice">{t('directory.curate.newService.pick')}</p>;
  if (org.isPending) return <Loading />;
  if (org.error) return <LoadError error={org.error} />;
  return (
    <>
      <h1>{t('directory.curate.newService.title')}</h1>
      <p className="lead">{t('directory.curate.editService.of', { organization: org.data.fields.name })}</p>
      {duplicates && last ? (
        <DuplicateWarning
          message={duplicates.message}
          matches={duplicates.matches}
          pending={create.isPending}
          onConfirm={() => create.mutate({ fields: last, confirm: true })}
        />
      ) : null}
      <ServiceForm
        initial={EMPTY_FIELDS}
        submitLabel={t('directory.curate.newService.submit')}
        serverError={duplicates ? null : errorText(create.error)}
        onSubmit={(fields) => {
          setLast(fields);
          create.mutate({ fields, confirm: false });
        }}
      />
    </>
  );
}

const ORG_TEXTS = [
  'name',
  'alternate_name',
  'description',
  'name_fr',
  'name_en',
  'description_fr',
  'description_en',
  'email',
  'website',
] as const;
type OrgText = (typeof ORG_TEXTS)[number];

/** `organisatie/:id/bewerken`: names, descriptions and contact details of an organisation. */
export function OrganizationEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const api = useCurateApi();
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['curate', 'organization', id], queryFn: () => api.organization(id) });
  useDocumentTitle(t('directory.curate.editOrganization.title', { name: query.data?.fields.name ?? '' }));
  if (query.isPending) return <Loading />;
  if (query.error) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  return (
    <OrganizationForm
      key={query.data.id}
      view={query.data}
      onSaved={(view) => {
        client.setQueryData(['curate', 'organization', id], view);
        client.invalidateQueries({ queryKey: ['curate', 'mine'] });
      }}
    />
  );
}

function OrganizationForm({
  view,
  onSaved,
}: {
  view: OrganizationView;
  onSaved: (v: OrganizationView) => void;
}) {
  const { t } = useTranslation();
  const path = useDirectoryPath();
  const api = useCurateApi();
  const uid = useId();
  const ids = (k: string) => `${uid}-${k}`;
  const [text, setText] = useState<Record<OrgText, string>>(
    () => Object.fromEntries(ORG_TEXTS.map((k) => [k, view.fields[k] ?? ''])) as Record<OrgText, string>,
  );
  const [phones, setPhones] = useState(view.fields.phones.join('\n'));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [last, setLast] = useState<Parameters<typeof api.updateOrganization>[1] | null>(null);
  const save = useMutation({
    mutationFn: (patch: Parameters<typeof api.updateOrganization>[1]) =>
      api.updateOrganization(view.id, patch),
    onSuccess: onSaved,
  });
  const duplicates = save.error instanceof DuplicateError ? save.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!text.name.trim()) found.push({ target: ids('name'), message: t('directory.curate.errors.name') });
    if (text.email.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text.email.trim()))
      found.push({ target: ids('email'), message: t('directory.curate.errors.email') });
    if (text.website.trim() && !/^https?:\/\/\S+\.\S+/.test(text.website.trim()))
      found.push({ target: ids('website'), message: t('directory.curate.errors.url') });
    const numbers = phones
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean);
    if (numbers.some((p) => !/^\+?[0-9 ./()-]{6,25}$/.test(p)))
      found.push({ target: ids('phones'), message: t('directory.curate.errors.phone') });
    setErrors(found);
    if (found.length) return;
    const patch: Record<string, unknown> = { name: text.name.trim(), phones: numbers };
    for (const k of ORG_TEXTS) if (k !== 'name') patch[k] = text[k].trim() || null;
    setLast(patch as Parameters<typeof api.updateOrganization>[1]);
    save.mutate(patch as Parameters<typeof api.updateOrganization>[1]);
  };
  const shown =
    save.error && !duplicates
      ? [...errors, { target: ids('name'), message: errorText(save.error) ?? '' }]
      : errors;
  return (
    <>
      <h1>{t('directory.curate.editOrganization.title', { name: view.fields.name })}</h1>
      <p className="lead">
        <AssuredText date={view.assured_date} by={view.assured_by} />
      </p>
      <div className="button-row">
        <Link className="button button-secondary" to={path(`nieuw?organisatie=${view.id}`)}>
          {t('directory.curate.mine.newService')}
        </Link>
      </div>
      {save.isSuccess ? (
        <p className="notice" role="status">
          {t('directory.curate.saved')}
        </p>
      ) : null}
      {duplicates && last ? (
        <DuplicateWarning
          message={duplicates.message}
          matches={duplicates.matches}
          pending={save.isPending}
          onConfirm={() => save.mutate({ ...last, confirmDuplicate: true })}
        />
      ) : null}
      <form className="form form-wide curate-form" onSubmit={submit} noValidate>
        <ErrorSummary errors={shown} />
        <div className="field-grid">
          {ORG_TEXTS.map((k) =>
            k.startsWith('description') ? (
              <TextAreaField
                key={k}
                id={ids(k)}
                layout="span"
                label={t(`directory.curate.fields.${k}`)}
                rows={4}
                value={text[k]}
                onChange={(e) => setText({ ...text, [k]: e.target.value })}
              />
            ) : (
              <TextField
                key={k}
                id={ids(k)}
                label={t(`directory.curate.fields.${k}`)}
                error={shown.some((e) => e.target === ids(k)) || undefined}
                value={text[k]}
                onChange={(e) => setText({ ...text, [k]: e.target.value })}
              />
            ),
          )}
          <TextAreaField
            id={ids('phones')}
            label={t('directory.curate.fields.phones')}
            hint={t('directory.curate.form.phonesHint')}
            rows={2}
            value={phones}
            onChange={(e) => setPhones(e.target.value)}
          />
        </div>
        <div>
          <button type="submit" className="button" disabled={save.isPending}>
            {t('directory.curate.save')}
          </button>
        </div>
      </form>
    </>
  );
}
