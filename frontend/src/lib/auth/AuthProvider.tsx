import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { User } from '@/lib/api/types';
import { setLocale } from '@/lib/i18n';
import { AuthContext, type AuthState } from './auth-context';
import { meQueryOptions } from './me';
import { login as loginRequest, logout as logoutRequest, onSessionExpired } from './session';
import { clearTokens, hasSession } from './token-store';

/**
 * Holds the session for the app below it. When the server refuses the refresh token,
 * it clears all cached data and sends the user to the login page with their current
 * page remembered, so that logging in brings them back.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [signedIn, setSignedIn] = useState(hasSession);
  const me = useQuery({ ...meQueryOptions(), enabled: signedIn });

  const here = location.pathname + location.search;
  useEffect(
    () =>
      onSessionExpired(() => {
        setSignedIn(false);
        queryClient.clear();
        const redirect = here.startsWith('/login') ? '' : `&redirect=${encodeURIComponent(here)}`;
        void navigate(`/login?expired=1${redirect}`, { replace: true });
      }),
    [queryClient, navigate, here],
  );

  const login = useCallback(
    async (email: string, password: string): Promise<User> => {
      await loginRequest(email, password);
      const user = await queryClient.fetchQuery(meQueryOptions());
      setLocale(user.locale);
      setSignedIn(true);
      return user;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    await logoutRequest();
    setSignedIn(false);
    queryClient.clear();
    void navigate('/login', { replace: true });
  }, [queryClient, navigate]);

  const forget = useCallback(() => {
    clearTokens();
    setSignedIn(false);
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo<AuthState>(() => {
    const user = signedIn ? (me.data ?? null) : null;
    const status = user ? 'authenticated' : signedIn && !me.isError ? 'loading' : 'anonymous';
    return { user, status, login, logout, forget };
  }, [signedIn, me.data, me.isError, login, logout, forget]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
