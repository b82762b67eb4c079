import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useParams } from 'react-router';
import { PageLayout } from '../components/Shell.tsx';
import { ErrorNotice, Loading } from '../components/States.tsx';
import { NotFoundPage } from '../components/StatusPages.tsx';
import { MODULES } from '../features/modules.ts';
import { ApiError, api } from '../lib/api.ts';
import type { NetworkContext } from '../lib/network.ts';
import { useSession } from '../lib/session.ts';

function ModuleNav({ slug, canSeeAudit }: { slug: string; canSeeAudit: boolean }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  // On a phone the menu covers the page: close it once the visitor has picked where to go.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path change is the trigger.
  useEffect(() => setOpen(false), [pathname]);
  return (
    <nav className="module-nav" aria-label={t('nav.label')} data-open={open}>
      <button
        type="button"
        className="menu-button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true" className="menu-icon" />
        {open ? t('nav.closeMenu') : t('nav.menu')}
      </button>
      <ul id={listId} className="module-nav-list">
        <li>
          <NavLink end to={`/n/${slug}`}>
            {t('nav.overview')}
          </NavLink>
        </li>
        {MODULES.map((module) => (
          <li key={module.key}>
            <NavLink to={`/n/${slug}/${module.path}`}>{t(`modules.${module.key}.title`)}</NavLink>
          </li>
        ))}
        {canSeeAudit ? (
          <li className="module-nav-admin">
            <NavLink to={`/n/${slug}/audit`}>{t('nav.audit')}</NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function NetworkLayout() {
  const { slug = '' } = useParams();
  const { data: session } = useSession();
  const query = useQuery({ queryKey: ['network', slug], queryFn: () => api.network(slug) });
  if (query.isPending) {
    return (
      <PageLayout>
        <Loading />
      </PageLayout>
    );
  }
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage network />;
    return (
      <PageLayout>
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      </PageLayout>
    );
  }
  const detail = query.data;
  const canSeeAudit = detail.role === 'admin' || Boolean(session?.user.isPlatformAdmin);
  return (
    <PageLayout nav={<ModuleNav slug={slug} canSeeAudit={canSeeAudit} />}>
      <Outlet context={{ detail, canSeeAudit } satisfies NetworkContext} />
    </PageLayout>
  );
}
