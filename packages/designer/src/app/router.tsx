import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Route, Routes, ScrollRestoration } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AppLayout } from './AppLayout';
import { LoginPage } from './auth/LoginPage';
import { RequireRole } from './auth/RequireRole';
import { HomeRedirect } from './HomeRedirect';
import { prefetchArea } from '../i18n/I18nContext';
import { Loading } from './Loading';

// Two areas under one layout, each its own lazily loaded chunk, fetched only once the role check
// passes: `/admin/*` (the designer: forms, rules, test bench, versions) and `/staff/*` (filling
// forms, records, approvals). The staff form screen never downloads the admin code. Each area's
// messages are fetched alongside its code (the area shows them once both are in: AreaMessages).
const AdminRoutes = lazy(() => {
  prefetchArea('admin');
  return import('../admin/AdminRoutes').then((m) => ({ default: m.AdminRoutes }));
});
const StaffRoutes = lazy(() => {
  prefetchArea('staff');
  return import('../staff/StaffRoutes').then((m) => ({ default: m.StaffRoutes }));
});

const area = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

/** The app's routes: sign-in, then the layout with the admin and staff areas. */
function AppRoutes() {
  return (
    <>
      {/* A page opened from a link or the menu starts at its top; back and forward return to where it
          was (a long paged list also brings back the rows it had: useListPlace). */}
      <ScrollRestoration />
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<AppLayout />}>
          <Route index element={<HomeRedirect />} />
          <Route path="admin/*" element={<RequireRole roles={['admin']}>{area(<AdminRoutes />)}</RequireRole>} />
          <Route path="staff/*" element={<RequireRole roles={['admin', 'manager', 'staff']}>{area(<StaffRoutes />)}</RequireRole>} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </>
  );
}

let router: ReturnType<typeof createBrowserRouter> | undefined;

/**
 * The routes in a data router (made on first render, not on import), so that a page can hold a
 * navigation (`useBlocker`: an editor with unsaved changes asks before it is left).
 */
export function AppRouter() {
  router ??= createBrowserRouter([{ path: '*', element: <AppRoutes /> }]);
  return <RouterProvider router={router} />;
}
