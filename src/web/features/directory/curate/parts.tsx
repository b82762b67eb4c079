import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ErrorNotice } from '../../../components/States.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useFormat } from '../../../lib/format.ts';

/** "Last confirmed on … by …", or that nobody confirmed it yet. */
export function AssuredText({ date, by }: { date: string | null; by: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!date) return <span>{t('directory.curate.neverAssured')}</span>;
  const when = format.dayOf(date);
  return (
    <span>
      {by
        ? t('directory.curate.assuredBy', { date: when, by })
        : t('directory.curate.assuredOn', { date: when })}
    </span>
  );
}

/**
 * A failed load. The edit link of an "is this still correct?" mail often arrives signed out: then the way
 * in is the login page, which brings the partner back here.
 */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  if (error instanceof ApiError && error.status === 401) {
    return (
      <p className="notice">
        {t('directory.curate.signInFirst')}{' '}
        <Link to={`/login?next=${encodeURIComponent(pathname + search)}`}>
          {t('directory.curate.signIn')}
        </Link>
      </p>
    );
  }
  return <ErrorNotice error={error} onRetry={onRetry} />;
}
