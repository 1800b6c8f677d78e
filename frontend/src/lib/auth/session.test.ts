import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '@/lib/api/client';
import { SessionExpiredError } from '@/lib/api/problem';
import { onSessionExpired } from './session';
import { getAccessToken, getRefreshToken, storeTokens } from './token-store';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const pair = (n: number) => ({
  access_token: `access-${n}`,
  refresh_token: `refresh-${n}`,
  token_type: 'Bearer',
  expires_in: 900,
});

/** A fake server: `/tickets` accepts only access-2; refresh answers as the test says. */
function fakeServer(refresh: () => Response) {
  const calls: string[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push(url);
    if (url.endsWith('/auth/refresh')) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return refresh();
    }
    const auth = new Headers(init?.headers).get('Authorization');
    return auth === 'Bearer access-2' ? json(200, { ok: true }) : json(401, { status: 401, detail: 'expired' });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, refreshes: () => calls.filter((c) => c.endsWith('/auth/refresh')).length };
}

describe('silent token refresh', () => {
  beforeEach(() => storeTokens(pair(1)));
  afterEach(() => vi.unstubAllGlobals());

  it('renews an expired access token once for several concurrent requests', async () => {
    const server = fakeServer(() => json(200, pair(2)));

    const results = await Promise.all([api('/tickets'), api('/tickets?page=1'), api('/tickets/counts')]);

    expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(server.refreshes()).toBe(1);
    expect(getAccessToken()).toBe('access-2');
    expect(getRefreshToken()).toBe('refresh-2');
  });

  it('ends the session and tells the listeners when the refresh token was revoked', async () => {
    fakeServer(() => json(401, { status: 401, detail: 'revoked' }));
    const expired = vi.fn();
    const stop = onSessionExpired(expired);

    const outcomes = await Promise.allSettled([api('/tickets'), api('/tickets/counts')]);
    stop();

    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(SessionExpiredError);
    }
    expect(expired).toHaveBeenCalledTimes(1);
    expect(getAccessToken()).toBeNull();
    expect(getRefreshToken()).toBeNull();
  });

  it('ends the session when the renewed token is refused too (account deactivated meanwhile)', async () => {
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        calls.push(String(input));
        return String(input).endsWith('/auth/refresh')
          ? json(200, pair(2))
          : json(401, { status: 401, detail: 'no longer valid' });
      }),
    );
    const expired = vi.fn();
    const stop = onSessionExpired(expired);

    await expect(api('/tickets')).rejects.toBeInstanceOf(SessionExpiredError);
    stop();

    expect(expired).toHaveBeenCalledTimes(1);
    expect(calls.filter((c) => c.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(getAccessToken()).toBeNull();
    expect(getRefreshToken()).toBeNull();
  });

  it('ends the session when another tab logged out meanwhile', async () => {
    const server = fakeServer(() => json(200, pair(2)));
    localStorage.removeItem('guichet.refresh_token'); // what the other tab's logout does
    const expired = vi.fn();
    const stop = onSessionExpired(expired);

    await expect(api('/tickets')).rejects.toBeInstanceOf(SessionExpiredError);
    stop();

    expect(expired).toHaveBeenCalledTimes(1);
    expect(server.refreshes()).toBe(0);
  });

  it('uses the token another tab rotated when its own was already used', async () => {
    let calls = 0;
    const server = fakeServer(() => {
      calls += 1;
      if (calls === 1) {
        localStorage.setItem('guichet.refresh_token', 'refresh-from-other-tab');
        return json(401, { status: 401, detail: 'revoked' });
      }
      return json(200, pair(2));
    });

    await expect(api('/tickets')).resolves.toEqual({ ok: true });
    expect(server.refreshes()).toBe(2);
    expect(getRefreshToken()).toBe('refresh-2');
  });

  it('refreshes before sending when the access token is known to be expired', async () => {
    storeTokens({ ...pair(1), expires_in: 0 });
    const server = fakeServer(() => json(200, pair(2)));

    await api('/tickets');

    expect(server.calls[0]).toMatch(/\/auth\/refresh$/);
    expect(server.refreshes()).toBe(1);
  });
});
