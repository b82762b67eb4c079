import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorNotice, Loading } from '../../../components/States.tsx';
import { useDocumentTitle } from '../../../lib/title.ts';
import { useCurateApi } from './api.ts';

/**
 * `bevestigen/:token`, the link of an "is this still correct?" mail. Opening it changes nothing (mail
 * scanners open links); the partner confirms with the button.
 */
export function ConfirmPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('directory.curate.confirm.title'));
  const { token = '' } = useParams();
  const api = useCurateApi();
  const query = useQuery({
    queryKey: ['curate', 'assurance', token],
    queryFn: () => api.assurance(token),
    retry: false,
  });
  const confirm = useMutation({ mutationFn: () => api.confirmAssurance(token) });
  return (
    <>
      <h1>{t('directory.curate.confirm.title')}</h1>
      {query.isPending ? <Loading /> : null}
      {query.error ? <ErrorNotice error={query.error} /> : null}
      {query.data ? (
        <>
          <p className="lead">
            {t('directory.curate.confirm.intro', { organization: query.data.organization })}
          </p>
          <ul>
            {query.data.services.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          {confirm.isSuccess ? (
            <p className="notice" role="status">
              {t('directory.curate.confirm.done')}
            </p>
          ) : query.data.state === 'open' ? (
            <div className="button-row">
              <button
                type="button"
                className="button"
                disabled={confirm.isPending}
                onClick={() => confirm.mutate()}
              >
                {t('directory.curate.confirm.yes')}
              </button>
              <Link className="button button-secondary" to={query.data.edit_path}>
                {t('directory.curate.confirm.edit')}
              </Link>
            </div>
          ) : (
            <p className="notice notice-warning">
              {t(`directory.curate.confirm.${query.data.state as 'used' | 'expired'}`)}
            </p>
          )}
          {confirm.error ? <ErrorNotice error={confirm.error} /> : null}
        </>
      ) : null}
    </>
  );
}
