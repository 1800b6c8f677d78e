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

/** A password was right but a second step is due: a code, or an enrolment the role requires. */
export interface Challenge {
  secondFactor: 'TOTP' | 'TOTP_ENROLMENT';
  challengeToken: string;
}

/** A new TOTP secret: to type by hand, as an otpauth URI, and as a QR code (data: URI). */
export interface TotpSetup {
  secret: string;
  otpauth_uri: string;
  qr_code: string;
}

interface LoginAnswer extends Partial<TokenPair> {
  second_factor?: 'TOTP' | 'TOTP_ENROLMENT' | null;
  challenge_token?: string | null;
  recovery_codes?: string[] | null;
}

const SSO_KEY = 'guichet.sso';

async function postForTokens(path: string, body: unknown): Promise<LoginAnswer> {
  const response = await postJson(path, body);
  if (!response.ok) throw await toApiError(response);
  const answer = (await response.json()) as LoginAnswer;
  if (answer.access_token && answer.refresh_token) {
    storeTokens(answer as TokenPair);
    localStorage.removeItem(SSO_KEY);
  }
  return answer;
}

/**
 * Logs in with email and password; throws ApiError (401, 403, 429…) on refusal. Returns a
 * challenge when a second factor is due (no token is stored then), else null.
 */
export async function login(email: string, password: string): Promise<Challenge | null> {
  const answer = await postForTokens('/login', { email, password });
  if (answer.second_factor && answer.challenge_token) {
    return { secondFactor: answer.second_factor, challengeToken: answer.challenge_token };
  }
  return null;
}

/** Logs in with the company directory (LDAP); throws ApiError on refusal. */
export async function directoryLogin(username: string, password: string): Promise<void> {
  await postForTokens('/ldap/login', { username, password });
}

/** Second step of a login: a code from the authenticator app, or a recovery code. */
export async function sendSecondFactor(challengeToken: string, code: string): Promise<void> {
  await postForTokens('/login/two-factor', { challenge_token: challengeToken, code });
}

/** Starts the enrolment a role requires, during login. */
export async function startEnrolment(challengeToken: string): Promise<TotpSetup> {
  const response = await postJson('/login/two-factor/setup', { challenge_token: challengeToken });
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as TotpSetup;
}

/** Finishes that enrolment with the first code; tokens are stored; returns the recovery codes. */
export async function confirmEnrolment(challengeToken: string, code: string): Promise<string[]> {
  const answer = await postForTokens('/login/two-factor/confirm', { challenge_token: challengeToken, code });
  return answer.recovery_codes ?? [];
}

/**
 * Finishes a company single sign-on: the backend set a single-use exchange code in an HttpOnly
 * cookie on its callback; this trades it for the token pair (no token ever travels in a URL).
 */
export async function exchangeSso(): Promise<void> {
  const response = await fetch(`${AUTH}/oidc/exchange`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) throw await toApiError(response);
  storeTokens((await response.json()) as TokenPair);
  localStorage.setItem(SSO_KEY, '1');
}

/** True when the session came from the company's single sign-on (logout then visits the provider). */
export function signedInWithSso(): boolean {
  try {
    return localStorage.getItem(SSO_KEY) === '1';
  } catch {
    return false;
  }
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
  try {
    localStorage.removeItem(SSO_KEY);
  } catch {
    // Storage unavailable: nothing to forget.
  }
  if (token) {
    try {
      await postJson('/logout', { refresh_token: token });
    } catch {
      // Offline: the token stays valid server-side until it expires; nothing more to do here.
    }
  }
}
