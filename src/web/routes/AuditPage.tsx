import { useTranslation } from 'react-i18next';
import { AuditLog } from '../components/AuditLog.tsx';
import { NoAccessPage } from '../components/StatusPages.tsx';
import { api } from '../lib/api.ts';
import { useNetwork } from '../lib/network.ts';
import { useSession } from '../lib/session.ts';
import { useDocumentTitle } from '../lib/title.ts';

/** The network's own audit log: changes to the network, its municipalities and its members. */
export function NetworkAuditPage() {
  const { t } = useTranslation();
  const { detail, canSeeAudit } = useNetwork();
  const { slug, name } = detail.network;
  useDocumentTitle(t('audit.title'), name);
  const refused = <NoAccessPage message={t('noAccess.text')} backTo={`/n/${slug}`} />;
  if (!canSeeAudit) return refused;
  return (
    <AuditLog
      title={t('audit.title')}
      intro={t('audit.intro')}
      eyebrow={name}
      queryKey={['audit', slug]}
      load={(page, perPage) => api.audit(slug, page, perPage)}
      refused={refused}
    />
  );
}

/** Platform-wide events that belong to no network (accounts, sign-ins, language choices). */
export function PlatformAuditPage() {
  const { t } = useTranslation();
  const { data: session, isPending } = useSession();
  useDocumentTitle(t('audit.platformTitle'));
  const refused = <NoAccessPage message={t('audit.platformNoAccess')} backTo="/" />;
  if (isPending) return null;
  if (!session?.user.isPlatformAdmin) return refused;
  return (
    <AuditLog
      title={t('audit.platformTitle')}
      intro={t('audit.platformIntro')}
      queryKey={['audit', 'platform']}
      load={api.platformAudit}
      refused={refused}
    />
  );
}
