/**
 * Where the session's tokens live.
 *
 * The access token stays in memory only: it is short-lived and a page reload simply
 * renews it. The refresh token is kept in localStorage so that a reload or a new tab does
 * not log the user out. localStorage is readable by any script running on the origin, so
 * this relies on the production CSP (`script-src 'self'`, no inline script, no third-party
 * script) and on the backend rotating refresh tokens: each refresh revokes the previous one,
 * and logout or a password change revokes them all. An HttpOnly cookie would hide it from
 * scripts, but the API is a bearer-token API served under the same origin, and this keeps
 * it free of CSRF concerns.
 */
import type { TokenPair } from '@/lib/api/types';

const REFRESH_KEY = 'guichet.refresh_token';

let accessToken: string | null = null;
let accessExpiresAt = 0;

/** The current access token, or null when none is held in memory. */
export function getAccessToken(): string | null {
  return accessToken;
}

/** True when the access token is known to be expired (or about to be, within 10 s). */
export function isAccessTokenExpired(now = Date.now()): boolean {
  return accessToken === null || now >= accessExpiresAt - 10_000;
}

/** The stored refresh token, read afresh each time (another tab may have rotated it). */
export function getRefreshToken(): string | null {
  try {
    return localStorage.getItem(REFRESH_KEY);
  } catch {
    return null;
  }
}

/** True when a session exists (a refresh token is stored). */
export function hasSession(): boolean {
  return getRefreshToken() !== null;
}

/** Stores a fresh token pair from /auth/login or /auth/refresh. */
export function storeTokens(pair: TokenPair, now = Date.now()): void {
  accessToken = pair.access_token;
  accessExpiresAt = now + pair.expires_in * 1000;
  localStorage.setItem(REFRESH_KEY, pair.refresh_token);
}

/** Forgets both tokens. */
export function clearTokens(): void {
  accessToken = null;
  accessExpiresAt = 0;
  try {
    localStorage.removeItem(REFRESH_KEY);
  } catch {
    // Storage unavailable (private mode): nothing to remove.
  }
}
