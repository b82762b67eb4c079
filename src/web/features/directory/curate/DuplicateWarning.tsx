import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReasonText } from '../analysis/DuplicatesPage.tsx';
import { useDirectoryPath } from '../common.tsx';
import type { DuplicateMatchView } from './api.ts';

/**
 * Shown when saving found records that look like this one: nothing was saved yet. Each match opens in a new
 * tab, so what was typed stays here; "Toch bewaren" saves after all.
 */
export function DuplicateWarning({
  message,
  matches,
  pending,
  onConfirm,
}: {
  message: string;
  matches: DuplicateMatchView[];
  pending: boolean;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const path = useDirectoryPath();
  const reason = useReasonText();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div
      className="notice notice-warning duplicate-warning"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="duplicate-warning-title"
    >
      <h2 id="duplicate-warning-title">{t('directory.curate.duplicates.title')}</h2>
      <p>{message}</p>
      <ul>
        {matches.map((m) => (
          <li key={m.id}>
            <Link
              to={path(`${m.kind === 'service' ? 'dienst' : 'organisatie'}/${m.id}`)}
              target="_blank"
              rel="noopener"
            >
              {m.name}
              <span className="visually-hidden"> {t('directory.curate.duplicates.newTab')}</span>
            </Link>{' '}
            <span className="muted">({m.reasons.map(reason).join('; ')})</span>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" className="button button-secondary" disabled={pending} onClick={onConfirm}>
          {t('directory.curate.duplicates.saveAnyway')}
        </button>
      </div>
    </div>
  );
}
