import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { camille, ines, printerTicket } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, problem, server, sessionOf } from '@/test/server';

const page = (items: unknown[]) => ({
  items,
  page: 0,
  size: 25,
  total: items.length,
  total_is_lower_bound: false,
  next_cursor: null,
});

function ticketPage(ticket = printerTicket()) {
  return [
    http.get(`${API}/tickets/42`, () => HttpResponse.json(ticket)),
    http.get(`${API}/tickets/42/comments`, () => HttpResponse.json([])),
    http.get(`${API}/tickets/42/history`, () => HttpResponse.json([])),
    http.get(`${API}/tickets/42/attachments`, () => problem(404, 'Not Found')),
  ];
}

describe('agent workflow', () => {
  it('marks unread tickets with text, not colour alone, and filters on them through the address', async () => {
    const asked: string[] = [];
    sessionOf(
      ines(),
      http.get(`${API}/tickets`, ({ request }) => {
        asked.push(new URL(request.url).search);
        return HttpResponse.json(
          page([printerTicket({ unread: true }), printerTicket({ id: 43, title: 'Écran noir', unread: false })]),
        );
      }),
    );
    const user = userEvent.setup();
    renderApp('/queue');

    const row = (await screen.findByRole('link', { name: 'Imprimante du 2e étage bloquée' })).closest('tr')!;
    expect(within(row).getByText('Non lu')).toBeInTheDocument();
    const other = screen.getByRole('link', { name: 'Écran noir' }).closest('tr')!;
    expect(within(other).queryByText('Non lu')).not.toBeInTheDocument();

    await user.click(screen.getByRole('switch', { name: 'Non lus seulement' }));
    await waitFor(() => expect(asked.at(-1)).toContain('unread=true'));
  });

  it('marks the ticket seen when it is shown', async () => {
    const seen: string[] = [];
    sessionOf(
      ines(),
      ...ticketPage(),
      http.put(`${API}/tickets/:id/seen`, ({ params }) => {
        seen.push(String(params.id));
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderApp('/tickets/42');
    await screen.findByRole('heading', { level: 1, name: 'Imprimante du 2e étage bloquée' });
    await waitFor(() => expect(seen).toEqual(['42']));
  });

  it('sends a reply and sets the ticket to Waiting in one request', async () => {
    let sent: unknown = null;
    sessionOf(
      ines(),
      ...ticketPage(),
      http.post(`${API}/tickets/42/comments`, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({}, { status: 201 });
      }),
    );
    const user = userEvent.setup();
    renderApp('/tickets/42');

    await user.type(await screen.findByLabelText('Votre réponse'), 'Pouvez-vous redémarrer ?');
    await user.selectOptions(screen.getByLabelText('Puis'), 'WAITING');
    await user.click(screen.getByRole('button', { name: 'Envoyer et mettre en attente' }));

    await waitFor(() => expect(sent).toEqual({ body: 'Pouvez-vous redémarrer ?', internal: false, status: 'WAITING' }));
  });

  it('offers no status to a requester, nor with an internal note', async () => {
    sessionOf(camille(), ...ticketPage());
    renderApp('/tickets/42');
    await screen.findByLabelText('Votre réponse');
    expect(screen.queryByLabelText('Puis')).not.toBeInTheDocument();
  });

  it('saves the queue’s filters as a named view', async () => {
    let saved: unknown = null;
    sessionOf(
      ines(),
      http.get(`${API}/tickets`, () => HttpResponse.json(page([]))),
      http.post(`${API}/views`, async ({ request }) => {
        saved = await request.json();
        server.use(
          http.get(`${API}/views`, () =>
            HttpResponse.json([
              { id: 9, name: 'Urgent', query: 'priority=CRITICAL', created_at: '2026-12-04T08:00:00Z' },
            ]),
          ),
        );
        return HttpResponse.json({ id: 9, name: 'Urgent', query: 'priority=CRITICAL' }, { status: 201 });
      }),
    );
    const user = userEvent.setup();
    renderApp('/queue?priority=CRITICAL&cursor=abc');

    await user.click(await screen.findByRole('button', { name: 'Enregistrer la vue' }));
    await user.type(await screen.findByLabelText(/Nom de la vue/), 'Urgent');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(saved).toEqual({ name: 'Urgent', query: 'priority=CRITICAL' }));
    const views = await screen.findByRole('group', { name: 'Mes vues' });
    expect(within(views).getByRole('link', { name: /Urgent/ })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByRole('button', { name: 'Supprimer la vue « Urgent »' })).toBeInTheDocument();
  });
});
