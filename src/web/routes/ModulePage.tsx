import { useTranslation } from 'react-i18next';
import type { ModuleKey } from '../features/modules.ts';
import { useNetwork } from '../lib/network.ts';
import { useDocumentTitle } from '../lib/title.ts';

/** What a module will do, until the module ships its own page in src/web/features/<module>/route.tsx. */
export function ModulePage({ module }: { module: ModuleKey }) {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const title = t(`modules.${module}.title`);
  useDocumentTitle(title, detail.network.name);
  return (
    <article className="page-narrow">
      <p className="eyebrow">{detail.network.name}</p>
      <h1>{title}</h1>
      <h2>{t('module.purposeHeading')}</h2>
      <p className="lead">{t(`modules.${module}.purpose`)}</p>
      <div className="notice notice-info">
        <p>
          <strong>{t('module.inDevelopment')}</strong>
        </p>
        <p>{t('module.inDevelopmentText')}</p>
      </div>
    </article>
  );
}
