import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { toLocale, type User } from '@/lib/api/types';
import { setLocale } from '@/lib/i18n';
import { AuthContext, type AuthState } from './auth-context';
import { meQueryOptions } from './me';
import { login as loginRequest, logout as logoutRequest, onSessionExpired } from './session';
import { clearTokens, hasSession } from './token-store';

/**
 * Holds the session for the app below it. When the server refuses the refresh token,
 * it clears all cached data and marks the session expired; RequireAuth then sends the
 * user to the login page with their current page remembered, so that logging in brings
 * them back.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [signedIn, setSignedIn] = useState(hasSession);
  const [expired, setExpired] = useState(false);
  const me = useQuery({ ...meQueryOptions(), enabled: signedIn });

  useEffect(
    () =>
      onSessionExpired(() => {
        setSignedIn(false);
        setExpired(true);
        queryClient.clear();
      }),
    [queryClient],
  );

  const login = useCallback(
    async (email: string, password: string): Promise<User> => {
      await loginRequest(email, password);
      const user = await queryClient.fetchQuery(meQueryOptions());
      setLocale(toLocale(user.locale));
      setExpired(false);
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
    return { user, status, expired, login, logout, forget };
  }, [signedIn, expired, me.data, me.isError, login, logout, forget]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
