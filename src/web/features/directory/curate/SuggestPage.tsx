import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FieldSet, TextAreaField, TextField } from '../../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../../components/States.tsx';
import { useDocumentTitle } from '../../../lib/title.ts';
import { useDirectoryPath } from '../common.tsx';
import { type ServiceFields, useCurateApi } from './api.ts';
import { ServiceForm } from './ServiceForm.tsx';
import { changedPatch } from './service-state.ts';

/** `dienst/:id/voorstel`: anyone proposes new values; staff review them field by field. */
export function SuggestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const api = useCurateApi();
  const path = useDirectoryPath();
  const uid = useId();
  const [comment, setComment] = useState('');
  const [email, setEmail] = useState('');
  const [homepage, setHomepage] = useState('');
  const [nothing, setNothing] = useState(false);
  const query = useQuery({ queryKey: ['curate', 'fields', id], queryFn: () => api.serviceFields(id) });
  const send = useMutation({
    mutationFn: (fields: ServiceFields) =>
      api.suggest(id, {
        proposed: changedPatch(query.data?.fields as ServiceFields, fields),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(homepage ? { homepage } : {}),
      }),
  });
  useDocumentTitle(t('directory.curate.suggest.title', { name: query.data?.fields.name ?? '' }));
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorNotice error={query.error} onRetry={() => query.refetch()} />;
  if (send.isSuccess) {
    return (
      <>
        <h1>{t('directory.curate.suggest.thanksTitle')}</h1>
        <p className="notice" role="status">
          {t('directory.curate.suggest.thanks')}
        </p>
        <p>
          <Link to={path(`dienst/${id}`)}>{t('directory.curate.backToRecord')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p>
        <Link to={path(`dienst/${id}`)}>{t('directory.curate.backToRecord')}</Link>
      </p>
      <h1>{t('directory.curate.suggest.title', { name: query.data.fields.name })}</h1>
      <p className="lead">{t('directory.curate.suggest.intro')}</p>
      {nothing ? (
        <p className="notice notice-warning" role="alert">
          {t('directory.curate.suggest.nothing')}
        </p>
      ) : null}
      <ServiceForm
        initial={query.data.fields}
        submitLabel={t('directory.curate.suggest.submit')}
        serverError={send.error instanceof Error ? send.error.message : null}
        onSubmit={(fields) => {
          const changed = Object.keys(changedPatch(query.data.fields, fields)).length > 0;
          setNothing(!changed);
          if (changed) send.mutate(fields);
        }}
      >
        <FieldSet legend={t('directory.curate.suggest.about')}>
          <TextAreaField
            layout="span"
            id={`${uid}-comment`}
            label={t('directory.curate.suggest.comment')}
            rows={3}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <TextField
            id={`${uid}-email`}
            label={t('directory.curate.suggest.email')}
            hint={t('directory.curate.suggest.emailHint')}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          {/* Hidden from people and screen readers; bots that fill every field give themselves away. */}
          <div className="visually-hidden" aria-hidden="true">
            <label htmlFor={`${uid}-homepage`}>Homepage</label>
            <input
              id={`${uid}-homepage`}
              tabIndex={-1}
              autoComplete="off"
              value={homepage}
              onChange={(e) => setHomepage(e.target.value)}
            />
          </div>
        </FieldSet>
      </ServiceForm>
    </>
  );
}
