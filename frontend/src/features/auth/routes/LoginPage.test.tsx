import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { camille, printerTicket } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, problem, server, sessionOf } from '@/test/server';

const tokens = { access_token: 'a', refresh_token: 'r', token_type: 'Bearer', expires_in: 900 };

describe('login', () => {
  it('says clearly when the email or password is wrong', async () => {
    server.use(http.post(`${API}/auth/login`, () => problem(401, 'Bad credentials')));
    renderApp('/login');

    await userEvent.type(await screen.findByLabelText(/Adresse e-mail/), 'camille.martin@demo.guichet.dev');
    await userEvent.type(screen.getByLabelText(/Mot de passe/), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Adresse e-mail ou mot de passe incorrect.');
  });

  it('puts the cursor in the email field on arrival, inside the page landmarks', async () => {
    renderApp('/login');
    const email = await screen.findByLabelText(/Adresse e-mail/);
    await waitFor(() => expect(email).toHaveFocus());
    expect(screen.getByRole('banner')).toContainElement(screen.getByRole('radio', { name: 'Français' }));
    expect(screen.getByRole('main')).toContainElement(email);
    expect(document.title).toBe('Connexion · Guichet');
  });

  it('clears the previous refusal when the fields are checked again', async () => {
    server.use(http.post(`${API}/auth/login`, () => problem(401, 'Bad credentials')));
    renderApp('/login');
    await userEvent.type(await screen.findByLabelText(/Adresse e-mail/), 'camille.martin@demo.guichet.dev');
    await userEvent.type(screen.getByLabelText(/Mot de passe/), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('incorrect');

    await userEvent.clear(screen.getByLabelText(/Mot de passe/));
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByText('Saisissez votre mot de passe.')).toBeInTheDocument();

    await userEvent.clear(screen.getByLabelText(/Adresse e-mail/));
    await userEvent.type(screen.getByLabelText(/Adresse e-mail/), 'camille.martin');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByText('Saisissez une adresse e-mail valide.')).toBeInTheDocument();
    expect(screen.queryByText('Adresse e-mail ou mot de passe incorrect.')).not.toBeInTheDocument();
  });

  it('tells a deactivated account so, rather than "incorrect"', async () => {
    server.use(
      http.post(`${API}/auth/login`, () =>
        problem(401, 'This account has been deactivated.', {
          type: 'https://guichet.dev/problems/account-deactivated',
        }),
      ),
    );
    renderApp('/login');
    await userEvent.type(await screen.findByLabelText(/Adresse e-mail/), 'camille.martin@demo.guichet.dev');
    await userEvent.type(screen.getByLabelText(/Mot de passe/), 'guichet-demo-2026');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Ce compte a été désactivé.');
  });

  it('sends a user whose session was revoked to login, then back to the page they were on', async () => {
    const ticket = printerTicket();
    let revoked = true;
    sessionOf(
      camille(),
      http.get(`${API}/tickets/42`, ({ request }) =>
        request.headers.get('Authorization') === 'Bearer a' ? HttpResponse.json(ticket) : problem(401, 'expired'),
      ),
      http.get(`${API}/tickets/42/comments`, () => HttpResponse.json([])),
      http.get(`${API}/tickets/42/attachments`, () => HttpResponse.json([])),
      http.get(`${API}/tickets/42/history`, () => HttpResponse.json([])),
      http.get(`${API}/me`, ({ request }) =>
        revoked && request.headers.get('Authorization') !== 'Bearer a'
          ? problem(401, 'expired')
          : HttpResponse.json(camille()),
      ),
      http.post(`${API}/auth/refresh`, () => problem(401, 'Refresh token revoked')),
      http.post(`${API}/auth/login`, () => {
        revoked = false;
        return HttpResponse.json(tokens);
      }),
    );
    const { router } = renderApp('/tickets/42?from=mail');

    expect(await screen.findByText(/Votre session a expiré/)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('redirect')).toBe('/tickets/42?from=mail');

    await userEvent.type(await screen.findByLabelText(/Adresse e-mail/), 'camille.martin@demo.guichet.dev');
    await userEvent.type(screen.getByLabelText(/Mot de passe/), 'guichet-demo-2026');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    expect(await screen.findByRole('heading', { name: ticket.title })).toBeInTheDocument();
    await waitFor(() =>
      expect(router.state.location.pathname + router.state.location.search).toBe('/tickets/42?from=mail'),
    );
  });
});
