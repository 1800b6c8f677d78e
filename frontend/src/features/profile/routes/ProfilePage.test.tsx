import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { getRefreshToken } from '@/lib/auth/token-store';
import { camille } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, problem, sessionOf } from '@/test/server';

async function fillPasswords(current: string, next: string, confirm = next) {
  await userEvent.type(screen.getByLabelText(/Mot de passe actuel/), current);
  await userEvent.type(screen.getByLabelText(/^Nouveau mot de passe/), next);
  await userEvent.type(screen.getByLabelText(/Confirmer le nouveau mot de passe/), confirm);
  await userEvent.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));
}

describe('profile', () => {
  it('saves the notification preference', async () => {
    let sent: unknown = null;
    sessionOf(
      camille(),
      http.patch(`${API}/me`, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(camille({ notifications_enabled: false }));
      }),
    );
    renderApp('/profile');

    await userEvent.click(await screen.findByRole('switch', { name: /Notifications par e-mail/ }));

    expect(await screen.findByRole('switch', { name: /Notifications par e-mail/ })).not.toBeChecked();
    expect(sent).toEqual({ notifications_enabled: false });
  });

  it('checks that the two new passwords match before sending', async () => {
    sessionOf(camille());
    renderApp('/profile');
    await screen.findByRole('heading', { name: 'Mot de passe' });

    await fillPasswords('ancien-mot-de-passe', 'nouveau-mot-de-passe-2026', 'autre-chose-2026');

    expect(await screen.findByText('Les deux mots de passe ne correspondent pas.')).toBeInTheDocument();
  });

  it('shows a refused current password in the form', async () => {
    sessionOf(
      camille(),
      http.post(`${API}/me/password`, () => problem(400, 'Le mot de passe actuel est faux.')),
    );
    renderApp('/profile');
    await screen.findByRole('heading', { name: 'Mot de passe' });

    await fillPasswords('mauvais', 'nouveau-mot-de-passe-2026');

    expect(await screen.findByRole('alert')).toHaveTextContent('Le mot de passe actuel est faux.');
  });

  it('sends the user back to login after a password change, since every session ended', async () => {
    sessionOf(
      camille(),
      http.post(`${API}/me/password`, () => new HttpResponse(null, { status: 204 })),
    );
    const { router } = renderApp('/profile');
    await screen.findByRole('heading', { name: 'Mot de passe' });

    await fillPasswords('ancien-mot-de-passe', 'nouveau-mot-de-passe-2026');

    expect(await screen.findByRole('heading', { name: 'Connexion' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(getRefreshToken()).toBeNull();
  });

  it('signs out of every device and goes back to login', async () => {
    let called = false;
    sessionOf(
      camille(),
      http.post(`${API}/auth/logout-all`, () => {
        called = true;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { router } = renderApp('/profile');

    await userEvent.click(await screen.findByRole('button', { name: 'Se déconnecter de tous les appareils' }));

    expect(await screen.findByRole('heading', { name: 'Connexion' })).toBeInTheDocument();
    expect(called).toBe(true);
    expect(router.state.location.pathname).toBe('/login');
    expect(getRefreshToken()).toBeNull();
  });
});
