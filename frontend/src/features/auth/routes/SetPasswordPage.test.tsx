import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/test/render';
import { API, problem, server } from '@/test/server';

describe('the choose-a-password page', () => {
  it('sends the link’s token with the password typed twice', async () => {
    const sent: unknown[] = [];
    server.use(
      http.post(`${API}/auth/password-token`, async ({ request }) => {
        sent.push(await request.json());
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderApp('/set-password?token=abc_DEF-123');

    await userEvent.type(await screen.findByLabelText(/^Nouveau mot de passe/), 'correct-horse-battery');
    await userEvent.type(screen.getByLabelText(/^Confirmez le mot de passe/), 'correct-horse-batteri');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));
    expect(await screen.findByText('Les deux mots de passe ne sont pas identiques.')).toBeInTheDocument();
    expect(sent).toEqual([]);

    await userEvent.clear(screen.getByLabelText(/^Confirmez le mot de passe/));
    await userEvent.type(screen.getByLabelText(/^Confirmez le mot de passe/), 'correct-horse-battery');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));
    await waitFor(() => expect(sent).toEqual([{ token: 'abc_DEF-123', password: 'correct-horse-battery' }]));
    expect(await screen.findByRole('status')).toHaveTextContent('Votre mot de passe est enregistré.');
  });

  it('says in French when the link was already used', async () => {
    server.use(
      http.post(`${API}/auth/password-token`, () =>
        problem(400, 'This link is unknown, expired or already used.', {
          type: 'https://guichet.dev/problems/invalid-token',
        }),
      ),
    );
    renderApp('/set-password?token=used');

    await userEvent.type(await screen.findByLabelText(/^Nouveau mot de passe/), 'correct-horse-battery');
    await userEvent.type(screen.getByLabelText(/^Confirmez le mot de passe/), 'correct-horse-battery');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));
    expect(await screen.findByText(/^Ce lien est inconnu, expiré ou déjà utilisé\./)).toBeInTheDocument();
  });
});
