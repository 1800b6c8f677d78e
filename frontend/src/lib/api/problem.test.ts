import { describe, expect, it } from 'vitest';
import i18n from '@/lib/i18n';
import { ApiError, SessionExpiredError, errorMessage, toApiError } from './problem';

const t = i18n.getFixedT('fr');

const problemResponse = (status: number, body: object, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });

describe('problem+json to a message', () => {
  it('says the service is momentarily unavailable for a 503, with its Retry-After', async () => {
    const body = {
      type: 'https://guichet.dev/problems/service-unavailable',
      status: 503,
      detail: 'The service is momentarily unavailable (database unreachable). Try again in a few seconds.',
    };
    const error = await toApiError(problemResponse(503, body, { 'Retry-After': '5' }));
    expect(errorMessage(error, t)).toBe('Service momentanément indisponible. Réessayez dans 5 s.');
    expect(errorMessage(error, i18n.getFixedT('en'))).toBe('Service momentarily unavailable. Try again in 5 s.');
    const bare = await toApiError(new Response('', { status: 503 }));
    expect(errorMessage(bare, t)).toBe('Service momentanément indisponible. Réessayez dans quelques secondes.');
  });

  it('uses the detail of the problem', async () => {
    const error = await toApiError(
      problemResponse(409, { title: 'Conflict', status: 409, detail: 'Transition CLOSED → NEW refusée.' }),
    );
    expect(errorMessage(error, t)).toBe('Transition CLOSED → NEW refusée.');
  });

  it('words known problem types in the interface language', async () => {
    const error = await toApiError(
      problemResponse(409, {
        type: 'https://guichet.dev/problems/email-taken',
        status: 409,
        detail: 'An account with this email already exists.',
      }),
    );
    expect(errorMessage(error, t)).toBe('Un compte existe déjà avec cette adresse e-mail.');
  });

  it('lists field errors after the detail', async () => {
    const error = await toApiError(
      problemResponse(400, {
        status: 400,
        detail: 'Données invalides',
        errors: [{ field: 'title', message: 'trop court' }],
      }),
    );
    expect(errorMessage(error, t)).toBe('Données invalides (title : trop court)');
  });

  it('falls back to a translated sentence per status when there is no detail', () => {
    expect(errorMessage(new ApiError(403, {}), t)).toBe('Vous n’avez pas le droit de faire cela.');
    expect(errorMessage(new ApiError(418, {}), t)).toBe('Erreur inattendue (HTTP 418).');
  });

  it('reads Retry-After on 429', async () => {
    const error = await toApiError(problemResponse(429, { status: 429, detail: 'slow down' }, { 'Retry-After': '30' }));
    expect(errorMessage(error, t)).toBe('Trop de tentatives. Réessayez dans 30 s.');
  });

  it('copes with a body that is not JSON', async () => {
    const error = await toApiError(
      new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    );
    expect(errorMessage(error, t)).toBe('Le serveur est injoignable. Réessayez plus tard.');
  });

  it('words network failures and expired sessions', () => {
    expect(errorMessage(new TypeError('Failed to fetch'), t)).toBe(
      'Impossible de joindre le serveur. Vérifiez votre connexion.',
    );
    expect(errorMessage(new SessionExpiredError(), t)).toBe('Votre session a expiré. Reconnectez-vous.');
  });

  it('lets a caller word a status itself', () => {
    expect(
      errorMessage(new ApiError(401, { detail: 'Bad credentials' }), t, { 401: 'auth:login.badCredentials' }),
    ).toBe('Adresse e-mail ou mot de passe incorrect.');
  });
});
