import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../lib/session.ts';
import { useDocumentTitle } from '../lib/title.ts';
import { PageLayout } from './Shell.tsx';

/** Pages that say why there is nothing to show here: any route or module page may answer with one. */

export function NoAccessPage({ message, backTo }: { message: string; backTo: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { data: session } = useSession();
  return (
    <div className="page-narrow">
      <h1>{t('noAccess.title')}</h1>
      <div className="notice notice-warning">
        <p>{message}</p>
        {session ? null : (
          <p>
            <Link to={`/login?next=${encodeURIComponent(pathname)}`}>{t('noAccess.login')}</Link>
          </p>
        )}
      </div>
      <p>
        <Link className="button button-secondary" to={backTo}>
          {t('noAccess.back')}
        </Link>
      </p>
    </div>
  );
}

export function NotFoundPage({ network = false }: { network?: boolean }) {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <PageLayout>
      <div className="page-narrow">
        <h1>{t('notFound.title')}</h1>
        <p>{network ? t('notFound.networkText') : t('notFound.text')}</p>
        <p>
          <Link className="button" to="/">
            {t('notFound.home')}
          </Link>
        </p>
      </div>
    </PageLayout>
  );
}

/**
 * A module's answer to a path it does not know, inside the network layout (so a plain message, not the
 * shell's full "not found" page), with a link back to the module's first page.
 */
export function ModuleNotFound({ title, back, backTo }: { title: string; back: string; backTo: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p>
        <Link to={backTo}>{back}</Link>
      </p>
    </>
  );
}
