import { type ReactNode, useEffect, useRef } from 'react';
import { RouterProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, ScrollRestoration, useHref, useLocation, useNavigate } from 'react-router';
import { applyLanguage, isLanguage, storedLanguage } from '../lib/i18n.ts';
import { useSession } from '../lib/session.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { NetworkSwitcher } from './NetworkSwitcher.tsx';
import { UserMenu } from './UserMenu.tsx';

const MAIN_ID = 'main';

/** On another device the profile's language applies until the visitor picks one in this browser. */
function useProfileLanguage() {
  const { data: session } = useSession();
  const preferred = session?.user.preferredLanguage;
  useEffect(() => {
    if (isLanguage(preferred) && !storedLanguage()) void applyLanguage(preferred, false);
  }, [preferred]);
}

/**
 * After a client-side navigation nothing tells a screen reader that the page changed: move focus to
 * the new page's main heading (or main itself), as a full page load would start there.
 */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  useEffect(() => {
    // Comparing paths (not counting renders) keeps the first page load, and re-run effects, untouched.
    if (shown.current === pathname) return;
    shown.current = pathname;
    const main = document.getElementById(MAIN_ID);
    const target = main?.querySelector<HTMLElement>('h1') ?? main;
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }, [pathname]);
}

/** The page's main region, beside the optional navigation, so the skip link jumps past both header and nav. */
export function PageLayout({ nav, children }: { nav?: ReactNode; children: ReactNode }) {
  return (
    <div className={nav ? 'page-layout page-layout-with-nav' : 'page-layout'}>
      {nav}
      <main id={MAIN_ID} tabIndex={-1} className="site-main">
        {children}
      </main>
    </div>
  );
}

/** Routes outside a network: the main region without module navigation. */
export function PlainLayout() {
  return (
    <PageLayout>
      <Outlet />
    </PageLayout>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useProfileLanguage();
  useFocusOnNavigation();
  return (
    <RouterProvider navigate={(to) => navigate(to)} useHref={useHref}>
      <a
        className="skip-link"
        href={`#${MAIN_ID}`}
        onClick={(event) => {
          // A hash change would be a router navigation; moving focus is all the skip link has to do.
          event.preventDefault();
          const main = document.getElementById(MAIN_ID);
          main?.focus();
          main?.scrollIntoView();
        }}
      >
        {t('skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">{t('app.name')}</span>
          </Link>
          <div className="header-tools">
            <NetworkSwitcher />
            <LanguageSwitcher />
            <UserMenu />
          </div>
        </div>
      </header>
      <Outlet />
      <footer className="site-footer">
        <p>
          {t('app.name')} · {t('app.tagline')}
        </p>
      </footer>
      <ScrollRestoration />
    </RouterProvider>
  );
}
