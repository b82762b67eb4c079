import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../lib/session.ts';

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
