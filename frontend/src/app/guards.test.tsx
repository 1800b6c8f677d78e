import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { camille } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, problem, sessionOf } from '@/test/server';

describe('signed-in routes', () => {
  it('send a visitor without a session to login, remembering the page', async () => {
    const { router } = renderApp('/tickets/new');

    expect(await screen.findByRole('heading', { name: 'Connexion' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?redirect=%2Ftickets%2Fnew');
  });

  it('show a server failure with a retry instead of logging the user out', async () => {
    let down = true;
    sessionOf(
      camille(),
      http.get(`${API}/me`, () => (down ? problem(503, 'Maintenance en cours.') : HttpResponse.json(camille()))),
      http.get(`${API}/tickets`, () =>
        HttpResponse.json({ items: [], page: 0, size: 20, total: 0, total_is_lower_bound: false, next_cursor: null }),
      ),
      http.get(`${API}/tickets/counts`, () =>
        HttpResponse.json({ NEW: 0, IN_PROGRESS: 0, WAITING: 0, RESOLVED: 0, CLOSED: 0 }),
      ),
    );
    renderApp('/tickets');

    // A 503 (database or service down for a moment) is worded as such, in the interface's language.
    expect(await screen.findByRole('alert')).toHaveTextContent('Service momentanément indisponible.');
    down = false;
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Mes demandes' })).toBeInTheDocument();
    expect(await screen.findByText('Aucun ticket pour l’instant')).toBeInTheDocument();
  });
});
