import type { ComponentType } from 'react';
import { Outlet, type RouteObject } from 'react-router';
import { LoadingState } from '@/components/ui/LoadingState';
import { AuthProvider } from '@/lib/auth/AuthProvider';
import { HomeRedirect, RequireAuth, RequireRole } from './guards';
import { NotFoundPage, RouteErrorPage } from '@/components/ui/ErrorPages';

/*
 * Each page is its own chunk, loaded when its route is first visited (react-router's `lazy`,
 * fetched in parallel with nothing else to wait for): the login page loads neither the app shell
 * nor any ticket or admin code, and an employee never loads the queue or the admin pages.
 */
function page<M>(load: () => Promise<M>, name: keyof M) {
  return async () => ({ Component: (await load())[name] as ComponentType });
}

function Root() {
  return (
    <AuthProvider>
      <Outlet />
    </AuthProvider>
  );
}

/** Every route of the SPA; any path the backend does not own lands here. */
export const routes: RouteObject[] = [
  {
    element: <Root />,
    errorElement: <RouteErrorPage />,
    // Shown while the first page's chunk loads.
    hydrateFallbackElement: <LoadingState />,
    children: [
      { path: '/login', lazy: page(() => import('@/features/auth/routes/LoginPage'), 'LoginPage') },
      { path: '/login/sso', lazy: page(() => import('@/features/auth/routes/SsoCompletePage'), 'SsoCompletePage') },
      {
        path: '/set-password',
        lazy: page(() => import('@/features/auth/routes/SetPasswordPage'), 'SetPasswordPage'),
      },
      // Opened from a "resolved" email, without signing in.
      {
        path: '/survey/:ticketId',
        lazy: page(() => import('@/features/tickets/routes/PublicSurveyPage'), 'PublicSurveyPage'),
      },
      {
        element: <RequireAuth />,
        children: [
          {
            lazy: page(() => import('./layouts/AppLayout'), 'AppLayout'),
            children: [
              { index: true, element: <HomeRedirect /> },
              { path: 'tickets', lazy: page(() => import('@/features/tickets/routes/MyTicketsPage'), 'MyTicketsPage') },
              {
                path: 'tickets/new',
                lazy: page(() => import('@/features/tickets/routes/NewTicketPage'), 'NewTicketPage'),
              },
              {
                path: 'tickets/:ticketId',
                lazy: page(() => import('@/features/tickets/routes/TicketPage'), 'TicketPage'),
              },
              { path: 'profile', lazy: page(() => import('@/features/profile/routes/ProfilePage'), 'ProfilePage') },
              {
                element: <RequireRole roles={['TECHNICIAN', 'ADMIN']} />,
                children: [
                  { path: 'queue', lazy: page(() => import('@/features/tickets/routes/QueuePage'), 'QueuePage') },
                  {
                    path: 'reports',
                    lazy: page(() => import('@/features/reports/routes/DashboardPage'), 'DashboardPage'),
                  },
                  {
                    path: 'canned-responses',
                    lazy: page(
                      () => import('@/features/canned-responses/routes/MyCannedResponsesPage'),
                      'MyCannedResponsesPage',
                    ),
                  },
                ],
              },
              {
                element: <RequireRole roles={['ADMIN']} />,
                children: [
                  {
                    path: 'admin/users',
                    lazy: page(() => import('@/features/admin/routes/AdminUsersPage'), 'AdminUsersPage'),
                  },
                  {
                    path: 'admin/categories',
                    lazy: page(() => import('@/features/admin/routes/AdminCategoriesPage'), 'AdminCategoriesPage'),
                  },
                  {
                    path: 'admin/canned-responses',
                    lazy: page(
                      () => import('@/features/canned-responses/routes/SharedCannedResponsesPage'),
                      'SharedCannedResponsesPage',
                    ),
                  },
                  {
                    path: 'admin/sla',
                    lazy: page(() => import('@/features/sla/routes/AdminSlaPage'), 'AdminSlaPage'),
                  },
                  {
                    path: 'admin/outbox',
                    lazy: page(() => import('@/features/admin/routes/AdminOutboxPage'), 'AdminOutboxPage'),
                  },
                  {
                    path: 'admin/inbound',
                    lazy: page(() => import('@/features/admin/routes/AdminInboundPage'), 'AdminInboundPage'),
                  },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];
