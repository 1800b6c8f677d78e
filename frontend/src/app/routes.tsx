import { Outlet, type RouteObject } from 'react-router';
import { AdminCategoriesPage } from '@/features/admin/routes/AdminCategoriesPage';
import { AdminOutboxPage } from '@/features/admin/routes/AdminOutboxPage';
import { AdminUsersPage } from '@/features/admin/routes/AdminUsersPage';
import { LoginPage } from '@/features/auth/routes/LoginPage';
import { ProfilePage } from '@/features/profile/routes/ProfilePage';
import { MyTicketsPage } from '@/features/tickets/routes/MyTicketsPage';
import { NewTicketPage } from '@/features/tickets/routes/NewTicketPage';
import { QueuePage } from '@/features/tickets/routes/QueuePage';
import { TicketPage } from '@/features/tickets/routes/TicketPage';
import { AuthProvider } from '@/lib/auth/AuthProvider';
import { HomeRedirect, RequireAuth, RequireRole } from './guards';
import { AppLayout } from './layouts/AppLayout';
import { NotFoundPage, RouteErrorPage } from '@/components/ui/ErrorPages';

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
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomeRedirect /> },
              { path: 'tickets', element: <MyTicketsPage /> },
              { path: 'tickets/new', element: <NewTicketPage /> },
              { path: 'tickets/:ticketId', element: <TicketPage /> },
              { path: 'profile', element: <ProfilePage /> },
              {
                element: <RequireRole roles={['TECHNICIAN', 'ADMIN']} />,
                children: [{ path: 'queue', element: <QueuePage /> }],
              },
              {
                element: <RequireRole roles={['ADMIN']} />,
                children: [
                  { path: 'admin/users', element: <AdminUsersPage /> },
                  { path: 'admin/categories', element: <AdminCategoriesPage /> },
                  { path: 'admin/outbox', element: <AdminOutboxPage /> },
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
