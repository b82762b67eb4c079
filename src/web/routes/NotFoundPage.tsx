import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLayout } from '../components/Shell.tsx';
import { useDocumentTitle } from '../lib/title.ts';

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
