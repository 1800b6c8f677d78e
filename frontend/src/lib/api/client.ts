/**
 * The one HTTP client for the API: relative URLs under /api/v1, bearer token,
 * JSON in and out, errors as ApiError, and a silent token refresh on 401.
 */
import { isAccessTokenExpired, getAccessToken, hasSession } from '@/lib/auth/token-store';
import { expireSession, refreshSession } from '@/lib/auth/session';
import { currentLocale } from '@/lib/i18n';
import { toApiError } from './problem';

/** Every API path starts here; same origin, so the SPA works behind any host name. */
export const API_BASE = '/api/v1';

type QueryValue = string | number | boolean | null | undefined | (string | number)[];

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Query parameters; null, undefined and '' are left out, arrays repeat the key. */
  query?: Record<string, QueryValue>;
  /** A JSON body, or FormData sent as multipart. */
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers (Accept, Last-Event-ID…); they win over the defaults. */
  headers?: Record<string, string>;
}

/** Builds `/api/v1<path>?<query>`. */
export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === null || value === undefined || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

function send(path: string, options: RequestOptions): Promise<Response> {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': currentLocale() });
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  const token = getAccessToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.body);
  }
  return fetch(apiUrl(path, options.query), {
    method: options.method ?? 'GET',
    headers,
    body,
    signal: options.signal,
  });
}

/**
 * Sends a request and returns the successful Response.
 * An expired or refused access token is renewed once, transparently; a refused refresh, or a
 * request refused again with the renewed token, throws SessionExpiredError after the session
 * listeners have been told.
 */
export async function apiResponse(path: string, options: RequestOptions = {}): Promise<Response> {
  if (hasSession() && isAccessTokenExpired()) await refreshSession();
  const sentWith = getAccessToken();
  let response = await send(path, options);
  if (response.status === 401) {
    // Signed out meanwhile (another tab logged out): the session is over.
    if (!hasSession()) expireSession();
    // Refresh only if nobody renewed the token while this request was under way.
    if (getAccessToken() === sentWith) await refreshSession();
    response = await send(path, options);
    // Refused again with a token just issued: the account itself may no longer sign in
    // (deactivated or its sessions ended meanwhile), so the session is over.
    if (response.status === 401) expireSession();
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** Calls the API and returns the parsed JSON (undefined for an empty body, as with 204). */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiResponse(path, options);
  const text = response.status === 204 ? '' : await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
