/**
 * Login, logout and the silent refresh of the access token.
 *
 * Concurrent requests that meet an expired token share one refresh: the first starts it,
 * the others await the same promise. A refused refresh ends the session and tells the
 * listeners (the router sends the user to the login page, remembering where they were).
 */
import { SessionExpiredError, toApiError } from '@/lib/api/problem';
import type { TokenPair } from '@/lib/api/types';
import { currentLocale } from '@/lib/i18n';
import { clearTokens, getRefreshToken, storeTokens } from './token-store';

const AUTH = '/api/v1/auth';
type Listener = () => void;

const expiredListeners = new Set<Listener>();
let inFlight: Promise<void> | null = null;

/** Subscribes to "the session ended without the user asking"; returns the unsubscribe. */
export function onSessionExpired(listener: Listener): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

/** Ends the session the server no longer accepts: forgets it, tells the listeners, throws. */
export function expireSession(): never {
  clearTokens();
  expiredListeners.forEach((listener) => listener());
  throw new SessionExpiredError();
}

const expire = expireSession;

async function postJson(path: string, body: unknown): Promise<Response> {
  return fetch(`${AUTH}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': currentLocale() },
    body: JSON.stringify(body),
  });
}

/** Logs in with email and password; throws ApiError (401, 429…) on refusal. */
export async function login(email: string, password: string): Promise<void> {
  const response = await postJson('/login', { email, password });
  if (!response.ok) throw await toApiError(response);
  storeTokens((await response.json()) as TokenPair);
}

async function doRefresh(): Promise<void> {
  const used = getRefreshToken();
  if (!used) expire();
  const response = await postJson('/refresh', { refresh_token: used });
  if (response.ok) {
    storeTokens((await response.json()) as TokenPair);
    return;
  }
  if (response.status === 401 || response.status === 400) {
    // Another tab may have rotated the token meanwhile: try once with the newer one.
    const latest = getRefreshToken();
    if (latest && latest !== used) {
      const retry = await postJson('/refresh', { refresh_token: latest });
      if (retry.ok) {
        storeTokens((await retry.json()) as TokenPair);
        return;
      }
    }
    expire();
  }
  throw await toApiError(response);
}

/** Renews the access token; every caller during one refresh shares the same request. */
export function refreshSession(): Promise<void> {
  inFlight ??= doRefresh().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** Revokes the refresh token on the server (best effort) and forgets the session. */
export async function logout(): Promise<void> {
  const token = getRefreshToken();
  clearTokens();
  if (token) {
    try {
      await postJson('/logout', { refresh_token: token });
    } catch {
      // Offline: the token stays valid server-side until it expires; nothing more to do here.
    }
  }
}
