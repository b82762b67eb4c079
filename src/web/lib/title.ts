import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Each page names itself in the browser tab and for screen readers: "page · network · Knooppunt". */
export function useDocumentTitle(...parts: string[]): void {
  const { t } = useTranslation();
  const title = [...parts, t('app.name')].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
