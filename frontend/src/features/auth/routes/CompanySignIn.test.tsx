import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { camille } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, problem, server } from '@/test/server';

const tokens = { access_token: 'a', refresh_token: 'r', token_type: 'Bearer', expires_in: 900 };
const ssoOnly = {
  local_login_enabled: false,
  oidc_enabled: true,
  oidc_provider_name: 'Acme',
  oidc_login_url: '/api/v1/auth/oidc/login',
  oidc_logout_url: null,
  ldap_enabled: false,
};

describe('company sign-in', () => {
  it('offers the company account and hides the password form when local login is off', async () => {
    server.use(http.get(`${API}/auth/config`, () => HttpResponse.json(ssoOnly)));
    renderApp('/login?redirect=/tickets/42');

    const button = await screen.findByRole('link', { name: 'Se connecter avec Acme' });
    expect(button).toHaveAttribute('href', '/api/v1/auth/oidc/login?redirect=%2Ftickets%2F42');
    expect(screen.queryByLabelText(/Mot de passe/)).not.toBeInTheDocument();

    // Break-glass: an admin can still reach the password form.
    await userEvent.click(screen.getByRole('button', { name: 'Connexion de secours (administrateurs)' }));
    expect(await screen.findByLabelText(/Mot de passe/)).toBeInTheDocument();
  });

  it('explains in French why a single sign-on came back refused', async () => {
    renderApp('/login?sso_error=domain-not-allowed');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Cette adresse e-mail n’appartient pas à un domaine autorisé sur ce Guichet.',
    );
  });

  it('finishes a single sign-on by trading the cookie for tokens, then opens the remembered page', async () => {
    let exchanges = 0;
    server.use(
      http.post(`${API}/auth/oidc/exchange`, () => {
        exchanges += 1;
        return HttpResponse.json(tokens);
      }),
      http.get(`${API}/me`, () => HttpResponse.json(camille())),
      http.get(`${API}/tickets`, () =>
        HttpResponse.json({ items: [], next_cursor: null, total: 0, total_exact: true }),
      ),
      http.get(`${API}/tickets/counts`, () =>
        HttpResponse.json({ NEW: 0, IN_PROGRESS: 0, WAITING: 0, RESOLVED: 0, CLOSED: 0 }),
      ),
      http.get(`${API}/categories`, () => HttpResponse.json([])),
      http.get(`${API}/views`, () => HttpResponse.json([])),
      http.get(`${API}/events`, () => new HttpResponse(null, { status: 204 })),
    );
    const { router } = renderApp('/login/sso?redirect=/profile');
    await waitFor(() => expect(router.state.location.pathname).toBe('/profile'));
    expect(exchanges).toBe(1);
  });

  it('asks for the authenticator code after the password, and says so when the code is wrong', async () => {
    server.use(
      http.post(`${API}/auth/login`, () =>
        HttpResponse.json({ second_factor: 'TOTP', challenge_token: 'c', expires_in: 300 }),
      ),
      http.post(`${API}/auth/login/two-factor`, () =>
        problem(401, 'This code is not valid.', { type: 'https://guichet.dev/problems/invalid-two-factor-code' }),
      ),
    );
    renderApp('/login');
    await userEvent.type(await screen.findByLabelText(/Adresse e-mail/), 'alice@example.test');
    await userEvent.type(screen.getByLabelText(/Mot de passe/), 'correct-horse-battery');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    const code = await screen.findByLabelText(/Code à 6 chiffres ou code de secours/);
    await waitFor(() => expect(code).toHaveFocus());
    await userEvent.type(code, '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Vérifier' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Ce code n’est pas valide ou a déjà servi.');
  });

  it('tells a user that password login is off rather than "incorrect"', async () => {
    server.use(
      http.post(`${API}/auth/login`, () =>
        problem(403, 'off', { type: 'https://guichet.dev/problems/local-login-disabled' }),
      ),
    );
    renderApp('/login');
    await userEvent.type(await screen.findByLabelText(/Adresse e-mail/), 'camille@example.test');
    await userEvent.type(screen.getByLabelText(/Mot de passe/), 'whatever-pass');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('La connexion par mot de passe est désactivée');
  });
});
