import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { isApiError, SessionExpiredError } from '@/lib/api/problem';
import { toLocale, type User } from '@/lib/api/types';
import { setLocale } from '@/lib/i18n';
import { AuthContext, type AuthState } from './auth-context';
import { meQueryOptions } from './me';
import {
  type Challenge,
  directoryLogin as directoryLoginRequest,
  login as loginRequest,
  logout as logoutRequest,
  onSessionExpired,
  signedInWithSso,
} from './session';
import { fetchSignInOptions } from './sign-in-options';
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

  // Logging out (or in) in another tab changes the stored refresh token: follow it here.
  useEffect(() => {
    const follow = () => {
      if (hasSession() === signedIn) return;
      if (signedIn) {
        setSignedIn(false);
        queryClient.clear();
      } else {
        setSignedIn(true);
      }
    };
    window.addEventListener('storage', follow);
    return () => window.removeEventListener('storage', follow);
  }, [queryClient, signedIn]);

  const finishLogin = useCallback(async (): Promise<User> => {
    const user = await queryClient.fetchQuery(meQueryOptions());
    setLocale(toLocale(user.locale));
    setExpired(false);
    setSignedIn(true);
    return user;
  }, [queryClient]);

  const login = useCallback(
    async (email: string, password: string): Promise<User | Challenge> => {
      const challenge = await loginRequest(email, password);
      return challenge ?? finishLogin();
    },
    [finishLogin],
  );

  const directoryLogin = useCallback(
    async (username: string, password: string): Promise<User> => {
      await directoryLoginRequest(username, password);
      return finishLogin();
    },
    [finishLogin],
  );

  const logout = useCallback(async () => {
    const sso = signedInWithSso();
    await logoutRequest();
    setSignedIn(false);
    queryClient.clear();
    if (sso) {
      // RP-initiated logout: end the provider's session too, where it offers it.
      const options = await fetchSignInOptions().catch(() => null);
      if (options?.oidc_logout_url) {
        window.location.assign(options.oidc_logout_url);
        return;
      }
    }
    void navigate('/login', { replace: true });
  }, [queryClient, navigate]);

  const forget = useCallback(() => {
    clearTokens();
    setSignedIn(false);
    queryClient.clear();
  }, [queryClient]);

  const { data, error, refetch } = me;
  const value = useMemo<AuthState>(() => {
    const user = signedIn ? (data ?? null) : null;
    let status: AuthState['status'] = 'anonymous';
    if (user) status = 'authenticated';
    else if (signedIn && !error) status = 'loading';
    else if (signedIn && !isApiError(error, 401) && !(error instanceof SessionExpiredError)) status = 'error';
    return {
      user,
      status,
      error,
      retry: () => void refetch(),
      expired,
      login,
      directoryLogin,
      finishLogin,
      logout,
      forget,
    };
  }, [signedIn, expired, data, error, refetch, login, directoryLogin, finishLogin, logout, forget]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
