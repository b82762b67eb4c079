import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { PageLayout } from '../components/Shell.tsx';
import { NotFoundPage } from '../components/StatusPages.tsx';

/** Last line of defence: a broken page still leaves the visitor a way home instead of a blank screen. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <PageLayout>
      <div className="page-narrow">
        <h1>{t('common.error')}</h1>
        <div className="notice notice-error" role="alert">
          <p>{error instanceof Error ? error.message : String(error)}</p>
        </div>
        <p>
          <Link className="button" to="/">
            {t('notFound.home')}
          </Link>
        </p>
      </div>
    </PageLayout>
  );
}
