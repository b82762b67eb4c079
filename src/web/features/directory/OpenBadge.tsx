import { useTranslation } from 'react-i18next';

/** Open or closed, in words and not by colour alone; nothing when the service keeps no opening hours. */
export function OpenBadge({ open, atMoment = false }: { open: boolean | null; atMoment?: boolean }) {
  const { t } = useTranslation();
  if (open === null) return null;
  const text = open
    ? t(atMoment ? 'directory.badge.openAt' : 'directory.badge.openNow')
    : t(atMoment ? 'directory.badge.closedAt' : 'directory.badge.closedNow');
  return <span className={`badge ${open ? 'badge-open' : 'badge-closed'}`}>{text}</span>;
}
