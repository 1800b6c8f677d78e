import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { camille, printerTicket } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, problem, sessionOf } from '@/test/server';

describe('filing a ticket', () => {
  it('checks the form, sends it, then opens the new ticket', async () => {
    let sent: unknown = null;
    const created = printerTicket({ id: 77, title: 'Wi-Fi coupé en salle B', status: 'NEW', allowed_transitions: [] });
    sessionOf(
      camille(),
      http.post(`${API}/tickets`, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(created, { status: 201 });
      }),
      http.get(`${API}/tickets/77`, () => HttpResponse.json(created)),
      http.get(`${API}/tickets/77/comments`, () => HttpResponse.json([])),
      http.get(`${API}/tickets/77/history`, () => HttpResponse.json([])),
      http.get(`${API}/tickets/77/attachments`, () => problem(404, 'Not Found')),
    );
    const { router } = renderApp('/tickets/new');

    await userEvent.click(await screen.findByRole('button', { name: 'Envoyer le ticket' }));
    expect(await screen.findByText('Donnez un titre au ticket.')).toBeInTheDocument();
    expect(screen.getByText('Décrivez votre demande.')).toBeInTheDocument();
    expect(sent).toBeNull();

    await userEvent.type(screen.getByRole('textbox', { name: /Titre/ }), 'Wi-Fi coupé en salle B');
    await userEvent.type(screen.getByRole('textbox', { name: /Description/ }), 'Plus de réseau depuis 9 h.');
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer le ticket' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/tickets/77'));
    expect(sent).toEqual({
      title: 'Wi-Fi coupé en salle B',
      description: 'Plus de réseau depuis 9 h.',
      priority: 'MEDIUM',
      category_id: null,
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Wi-Fi coupé en salle B' })).toBeInTheDocument();
  });
});
