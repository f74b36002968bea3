import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './AppLayout';
import { LoginPage } from './auth/LoginPage';
import { RequireRole } from './auth/RequireRole';
import { HomeRedirect } from './HomeRedirect';
import { RouteError } from './RouteError';

/**
 * Two areas under one layout, each its own lazily loaded chunk: `/admin/*` (the designer: forms,
 * rules, test bench, versions) and `/staff/*` (filling forms, records, approvals). The staff form
 * screen never downloads the admin code.
 */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        path: 'admin/*',
        lazy: async () => {
          const { AdminRoutes } = await import('../admin/AdminRoutes');
          return {
            element: (
              <RequireRole roles={['admin']}>
                <AdminRoutes />
              </RequireRole>
            ),
          };
        },
      },
      {
        path: 'staff/*',
        lazy: async () => {
          const { StaffRoutes } = await import('../staff/StaffRoutes');
          return {
            element: (
              <RequireRole roles={['admin', 'manager', 'staff']}>
                <StaffRoutes />
              </RequireRole>
            ),
          };
        },
      },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);
