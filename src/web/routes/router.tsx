import { createBrowserRouter, type RouteObject } from 'react-router';
import { PlainLayout, Shell } from '../components/Shell.tsx';
import { NotFoundPage } from '../components/StatusPages.tsx';
import { featureRoute, MODULES } from '../features/modules.ts';
import { NetworkAuditPage, PlatformAuditPage } from './AuditPage.tsx';
import { LoginPage } from './LoginPage.tsx';
import { ModulePage } from './ModulePage.tsx';
import { NetworkHomePage } from './NetworkHomePage.tsx';
import { NetworkLayout } from './NetworkLayout.tsx';
import { NetworkPickerPage } from './NetworkPickerPage.tsx';
import { RouteError } from './RouteError.tsx';

const moduleRoutes: RouteObject[] = MODULES.map((module) => {
  const lazy = featureRoute(module.key);
  return lazy
    ? // The splat lets a module keep its own sub-pages (descendant <Routes> inside its Component).
      { path: `${module.path}/*`, lazy: async () => ({ Component: (await lazy()).Component }) }
    : { path: module.path, element: <ModulePage module={module.key} /> };
});

export const router = createBrowserRouter([
  {
    Component: Shell,
    ErrorBoundary: RouteError,
    children: [
      {
        Component: PlainLayout,
        children: [
          { index: true, Component: NetworkPickerPage },
          { path: 'login', Component: LoginPage },
          { path: 'beheer/audit', Component: PlatformAuditPage },
        ],
      },
      {
        path: 'n/:slug',
        Component: NetworkLayout,
        children: [
          { index: true, Component: NetworkHomePage },
          { path: 'audit', Component: NetworkAuditPage },
          ...moduleRoutes,
        ],
      },
      { path: '*', Component: NotFoundPage },
    ],
  },
]);
