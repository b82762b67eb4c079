import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNetwork } from '../../../lib/network.ts';
import { useSession } from '../../../lib/session.ts';
import { useDirectoryPath, useIsStaff } from '../common.tsx';
import { useCurateApi } from './api.ts';

/**
 * On a service's record page: "Bewerken" for staff and for the partner of its organisation, "Wijziging
 * voorstellen" for everyone signed in. The server checks the same rights again.
 */
export function RecordLinks({ serviceId, organizationId }: { serviceId: string; organizationId: string }) {
  const { t } = useTranslation();
  const path = useDirectoryPath();
  const staff = useIsStaff();
  const { detail } = useNetwork();
  const { data: session } = useSession();
  const api = useCurateApi();
  const partner = detail.role === 'partner';
  const mine = useQuery({ queryKey: ['curate', 'mine'], queryFn: () => api.mine(), enabled: partner });
  if (!session) return null;
  const own = partner && Boolean(mine.data?.organizations.some((o) => o.id === organizationId));
  return (
    <div className="button-row no-print">
      {staff || own ? (
        <Link className="button button-secondary" to={path(`dienst/${serviceId}/bewerken`)}>
          {t('directory.curate.edit')}
        </Link>
      ) : null}
      <Link className="button button-secondary" to={path(`dienst/${serviceId}/voorstel`)}>
        {t('directory.curate.suggestChange')}
      </Link>
    </div>
  );
}
