import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { ErrorNotice, Loading } from '../components/States.tsx';
import { api } from '../lib/api.ts';
import { useSession } from '../lib/session.ts';
import { useDocumentTitle } from '../lib/title.ts';

export function NetworkPickerPage() {
  const { t } = useTranslation();
  const { data: session, isPending: sessionPending } = useSession();
  const query = useQuery({ queryKey: ['networks'], queryFn: api.networks });
  useDocumentTitle(t('networks.title'));
  if (sessionPending || query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const networks = query.data.networks;
  // Nothing to choose: a signed-in person who can see one network works in it.
  const [only, ...others] = networks;
  if (session && only && others.length === 0) return <Navigate to={`/n/${only.slug}`} replace />;
  return (
    <div className="page-wide">
      <h1>{t('networks.title')}</h1>
      <p className="lead">{session ? t('networks.intro') : t('networks.introPublic')}</p>
      {networks.length === 0 ? (
        <p className="notice notice-info">{t('networks.empty')}</p>
      ) : (
        <ul className="network-list">
          {networks.map((network) => (
            <li key={network.slug} className="card network-card">
              <p className="eyebrow">
                {t(`networks.kind.${network.kind}`, { defaultValue: t('networks.kind.other') })}
              </p>
              <h2>
                <Link to={`/n/${network.slug}`}>{network.name}</Link>
              </h2>
              <p className="network-meta">
                {network.role ? t('networks.yourRole', { role: t(`roles.${network.role}`) }) : null}
                {network.role ? ' · ' : null}
                {network.published ? t('networks.publicNetwork') : t('networks.notPublished')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
