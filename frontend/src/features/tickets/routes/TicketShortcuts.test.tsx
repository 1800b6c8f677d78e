import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ines, printerTicket } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, problem, sessionOf } from '@/test/server';

/** A ticket page whose PATCH records what it is sent. */
function ticketServer() {
  const patches: Record<string, unknown>[] = [];
  const ticket = printerTicket();
  sessionOf(
    ines(),
    http.get(`${API}/tickets/42`, () => HttpResponse.json(ticket)),
    http.get(`${API}/tickets/42/comments`, () => HttpResponse.json([])),
    http.get(`${API}/tickets/42/history`, () => HttpResponse.json([])),
    http.get(`${API}/tickets/42/attachments`, () => problem(404, 'Not Found')),
    http.patch(`${API}/tickets/42`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      patches.push(body);
      return HttpResponse.json({ ...ticket, assignee: { ...ticket.requester, id: 21 }, version: 4 });
    }),
  );
  return patches;
}

describe('ticket page shortcuts', () => {
  it('r and n put the cursor in the reply box, as a reply or a note, and the keys are typed there after', async () => {
    ticketServer();
    renderApp('/tickets/42');
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Imprimante du 2e étage bloquée' });

    await user.keyboard('n');
    const note = screen.getByRole('textbox', { name: /note interne/i });
    expect(note).toHaveFocus();
    expect(note).toHaveValue('');

    // Typing in the box: r, n, a and u are letters, not shortcuts.
    await user.keyboard('ranu');
    expect(note).toHaveValue('ranu');
    expect(note).toHaveFocus();
  });

  it('a assigns the ticket to me, but not while I type', async () => {
    const patches = ticketServer();
    renderApp('/tickets/42');
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Imprimante du 2e étage bloquée' });

    await user.type(screen.getByRole('textbox', { name: 'Votre réponse' }), 'a');
    expect(patches).toEqual([]);

    await user.click(screen.getByRole('heading', { level: 1 }));
    await user.keyboard('a');
    await waitFor(() => expect(patches).toEqual([{ version: 3, assignee_id: 21 }]));
  });
});
