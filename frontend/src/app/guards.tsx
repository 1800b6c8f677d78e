import { Navigate, Outlet, useLocation } from 'react-router';
import { Container } from '@mantine/core';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { LoadingState } from '@/components/ui/LoadingState';
import type { Role } from '@/lib/api/types';
import { isAgent, useAuth, useCurrentUser } from '@/lib/auth/auth-context';
import { loginPath } from '@/lib/auth/redirect';
import { NotFoundPage } from '@/components/ui/ErrorPages';

/** Lets signed-in users through; sends others to the login page, remembering the page. */
export function RequireAuth() {
  const { status, expired, error, retry } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <LoadingState />;
  if (status === 'error') {
    return (
      <Container size="sm" py="xl">
        <ErrorAlert error={error} onRetry={retry} />
      </Container>
    );
  }
  if (status === 'anonymous') {
    return <Navigate to={loginPath(location.pathname + location.search, expired)} replace />;
  }
  return <Outlet />;
}

/** Shows its routes only to the given roles; others get "page not found". */
export function RequireRole({ roles }: { roles: Role[] }) {
  const user = useCurrentUser();
  return roles.includes(user.role) ? <Outlet /> : <NotFoundPage />;
}

/** The home page: the queue for technicians and admins, "Mes demandes" for employees. */
export function HomeRedirect() {
  const user = useCurrentUser();
  return <Navigate to={isAgent(user.role) ? '/queue' : '/tickets'} replace />;
}
