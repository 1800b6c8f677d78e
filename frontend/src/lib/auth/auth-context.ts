import { createContext, useContext } from 'react';
import type { Role, User } from '@/lib/api/types';
import type { Challenge } from './session';

export interface AuthState {
  /** The signed-in user, once /me has answered. */
  user: User | null;
  /** 'loading' while a stored session is being resumed. */
  status: 'anonymous' | 'loading' | 'authenticated' | 'error';
  /** Why the signed-in user could not be loaded (status 'error': server down, network). */
  error: unknown;
  /** Tries loading the signed-in user again after an error. */
  retry: () => void;
  /** True when the server ended the session (revoked or expired refresh token). */
  expired: boolean;
  /** Email and password; a Challenge when a second factor is due (no session yet). */
  login: (email: string, password: string) => Promise<User | Challenge>;
  /** Company directory (LDAP) name and password. */
  directoryLogin: (username: string, password: string) => Promise<User>;
  /** Opens the session once a second step (code, enrolment, single sign-on) stored the tokens. */
  finishLogin: () => Promise<User>;
  logout: () => Promise<void>;
  /** Ends the session locally after the server revoked it (password change). */
  forget: () => void;
}

/** Provided by AuthProvider; read it through useAuth(). */
export const AuthContext = createContext<AuthState | null>(null);

/** The session: who is signed in, and how to sign in and out. */
export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only for pages behind RequireAuth. */
export function useCurrentUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser without a user');
  return user;
}

/** True for technicians and admins: the people who work the queue. */
export function isAgent(role: Role): boolean {
  return role === 'TECHNICIAN' || role === 'ADMIN';
}

/** True when a login answered with a second step rather than a user. */
export function isChallenge(value: User | Challenge): value is Challenge {
  return 'challengeToken' in value;
}
