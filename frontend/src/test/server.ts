/**
 * The network boundary for component tests: an MSW server answering /api/v1 with
 * handlers each test adds. Unhandled requests fail the test.
 */
import { http, HttpResponse, type RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { User } from '@/lib/api/types';

/**
 * Answers every test gets unless it overrides them: password login only (no SSO, no directory),
 * two-step verification off and optional, no role required to use it.
 */
const defaults: RequestHandler[] = [
  http.get('/api/v1/auth/config', () =>
    HttpResponse.json({
      local_login_enabled: true,
      oidc_enabled: false,
      oidc_provider_name: null,
      oidc_login_url: null,
      oidc_logout_url: null,
      ldap_enabled: false,
    }),
  ),
  http.get('/api/v1/me/two-factor', () =>
    HttpResponse.json({ enabled: false, required: false, available: true, recovery_codes_remaining: 0 }),
  ),
  http.get('/api/v1/settings/security', () => HttpResponse.json({ two_factor_required_roles: [] })),
];

export const server = setupServer(...defaults);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

export const API = '/api/v1';

/** A problem+json response. */
export function problem(status: number, detail: string, extra: Record<string, unknown> = {}) {
  return HttpResponse.json(
    { type: 'about:blank', title: 'Error', status, detail, ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

/**
 * A text/event-stream response sending these raw events (`event: …\ndata: …`), then staying
 * open, or ending when `end` is true.
 */
export function eventStream(events: string[], end = false) {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const event of events) controller.enqueue(encoder.encode(`${event}\n\n`));
      if (end) controller.close();
    },
  });
  return new HttpResponse(body, { headers: { 'Content-Type': 'text/event-stream' } });
}

/** Handlers for a signed-in session of `user`: refresh works, /me answers, plus the given ones. */
export function sessionOf(user: User, ...handlers: RequestHandler[]) {
  localStorage.setItem('guichet.refresh_token', 'refresh-1');
  let n = 1;
  server.use(
    http.post(`${API}/auth/refresh`, () => {
      n += 1;
      return HttpResponse.json({
        access_token: `access-${n}`,
        refresh_token: `refresh-${n}`,
        token_type: 'Bearer',
        expires_in: 900,
      });
    }),
    http.get(`${API}/me`, () => HttpResponse.json(user)),
    // The live stream the app shell opens: open, and quiet.
    http.get(`${API}/events`, () => eventStream([])),
    http.get(`${API}/categories`, () =>
      HttpResponse.json([{ id: 3, name: 'Matériel', description: null, active: true }]),
    ),
    http.get(`${API}/users/assignable`, () =>
      HttpResponse.json([
        { id: 21, full_name: 'Inès Dubois', email: 'ines.dubois@demo.guichet.dev', role: 'TECHNICIAN' },
      ]),
    ),
    // The menu's queue views (technicians) and their counts, and "seen" marks of the ticket page.
    http.get(`${API}/views`, () => HttpResponse.json([])),
    http.get(`${API}/tickets/counts`, () =>
      HttpResponse.json({ NEW: 0, IN_PROGRESS: 0, WAITING: 0, RESOLVED: 0, CLOSED: 0 }),
    ),
    http.put(`${API}/tickets/:id/seen`, () => new HttpResponse(null, { status: 204 })),
    // The satisfaction survey of a ticket page: not open, no answer (the panel stays hidden).
    http.get(`${API}/tickets/:id/survey`, ({ params }) =>
      HttpResponse.json({ ticket_id: Number(params.id), title: '', status: 'NEW', answer: null, can_answer: false }),
    ),
  );
  server.use(...handlers); // added last, so they take precedence
}
