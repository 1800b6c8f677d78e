import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '@/lib/api/types';
import { camille, ines, printerTicket, reply } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, problem, sessionOf } from '@/test/server';

function ticketEndpoints(ticket: Ticket, comments = [reply()]) {
  return [
    http.get(`${API}/tickets/42`, () => HttpResponse.json(ticket)),
    http.get(`${API}/tickets/42/comments`, () => HttpResponse.json(comments)),
    http.get(`${API}/tickets/42/history`, () => HttpResponse.json([])),
    http.get(`${API}/tickets/42/attachments`, () => problem(404, 'Not Found')),
  ];
}

describe('ticket page, whoever reads it', () => {
  it('treats /tickets/abc as not found without asking the server for ticket NaN, and titles the tab', async () => {
    const asked: string[] = [];
    sessionOf(
      camille(),
      http.get(`${API}/tickets/:id`, ({ params }) => {
        asked.push(String(params.id));
        return problem(404, 'Not Found');
      }),
    );
    renderApp('/tickets/abc');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page introuvable' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Page introuvable · Guichet'));
    expect(asked).toEqual([]);
  });

  it('titles the tab "Page introuvable" for a ticket the server does not know', async () => {
    sessionOf(
      camille(),
      http.get(`${API}/tickets/:id`, () => problem(404, 'Not Found')),
    );
    renderApp('/tickets/999');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page introuvable' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Page introuvable · Guichet'));
  });

  it('words the requester’s own message as a message, and others’ as replies to the requester', async () => {
    const ticket = printerTicket();
    const camilleRef = ticket.requester;
    const inesRef = {
      id: 21,
      full_name: 'Inès Dubois',
      email: 'ines.dubois@demo.guichet.dev',
      role: 'TECHNICIAN' as const,
    };
    const entry = (id: number, actor: typeof camilleRef) => ({
      id,
      field: 'reply',
      old_value: null,
      new_value: null,
      actor,
      created_at: '2026-11-21T10:00:00Z',
    });
    sessionOf(
      camille(),
      http.get(`${API}/tickets/42`, () => HttpResponse.json(ticket)),
      http.get(`${API}/tickets/42/comments`, () => HttpResponse.json([])),
      http.get(`${API}/tickets/42/history`, () => HttpResponse.json([entry(1, inesRef), entry(2, camilleRef)])),
      http.get(`${API}/tickets/42/attachments`, () => problem(404, 'Not Found')),
    );
    renderApp('/tickets/42');
    expect(await screen.findByText('Inès Dubois a répondu au demandeur')).toBeInTheDocument();
    expect(screen.getByText('Camille Martin a ajouté un message')).toBeInTheDocument();
    expect(screen.queryByText('Camille Martin a répondu au demandeur')).not.toBeInTheDocument();
  });
});

describe('ticket page, as the requester', () => {
  it('shows no internal-note toggle and no status, priority or assignee controls', async () => {
    sessionOf(camille(), ...ticketEndpoints(printerTicket({ allowed_transitions: [] })));
    renderApp('/tickets/42');

    expect(await screen.findByRole('heading', { name: 'Imprimante du 2e étage bloquée' })).toBeInTheDocument();
    expect(await screen.findByText('Je passe voir cet après-midi.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Votre réponse' })).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'Note interne' })).not.toBeInTheDocument();
    expect(screen.queryByText('Note interne')).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Statut' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Priorité' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'M’assigner ce ticket' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Clore le ticket' })).not.toBeInTheDocument();
  });

  it('offers close and reopen once the ticket is resolved, and reopens it', async () => {
    const resolved = printerTicket({ status: 'RESOLVED', allowed_transitions: ['CLOSED', 'IN_PROGRESS'] });
    let sent: unknown = null;
    sessionOf(
      camille(),
      ...ticketEndpoints(resolved),
      http.patch(`${API}/tickets/42`, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ ...resolved, status: 'IN_PROGRESS', version: 4, allowed_transitions: [] });
      }),
    );
    renderApp('/tickets/42');

    await userEvent.click(await screen.findByRole('button', { name: 'Rouvrir' }));

    await waitFor(() => expect(sent).toEqual({ version: 3, status: 'IN_PROGRESS' }));
    expect(await screen.findByText('En cours')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Clore le ticket' })).not.toBeInTheDocument();
  });

  it('renders the description as text, never as HTML', async () => {
    const ticket = printerTicket({ description: '<img src=x onerror=alert(1)><b>gras</b>' });
    sessionOf(camille(), ...ticketEndpoints(ticket));
    const { container } = renderApp('/tickets/42');

    expect(await screen.findByText('<img src=x onerror=alert(1)><b>gras</b>')).toBeInTheDocument();
    expect(container.querySelector('img[src="x"]')).toBeNull();
  });
});

describe('ticket page, as a technician', () => {
  it('sets internal notes apart with a label, and offers the note toggle and the controls', async () => {
    const note = reply({ id: 101, body: 'Toner commandé, ne pas dire.', internal: true });
    sessionOf(ines(), ...ticketEndpoints(printerTicket(), [reply(), note]));
    renderApp('/tickets/42');

    const noteArticle = await screen.findByRole('article', { name: /Note interne/ });
    expect(within(noteArticle).getByText('Toner commandé, ne pas dire.')).toBeInTheDocument();
    expect(screen.getByRole('article', { name: /Réponse publique/ })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Note interne' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Statut' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'M’assigner ce ticket' })).toBeInTheDocument();
  });

  it('says someone else changed the ticket on a 409 and shows the reloaded ticket', async () => {
    let version = 3;
    const current = () =>
      printerTicket({
        version,
        priority: version === 3 ? 'HIGH' : 'CRITICAL',
        assignee: version === 3 ? null : { id: 22, full_name: 'Hugo Moreau', email: 'hugo@x', role: 'TECHNICIAN' },
      });
    sessionOf(
      ines(),
      http.get(`${API}/tickets/42`, () => HttpResponse.json(current())),
      ...ticketEndpoints(printerTicket()).slice(1),
      http.patch(`${API}/tickets/42`, () => {
        version = 4; // someone else saved first
        return problem(409, 'The ticket was changed by someone else.');
      }),
    );
    renderApp('/tickets/42');

    await userEvent.click(await screen.findByRole('button', { name: 'M’assigner ce ticket' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Quelqu’un d’autre a modifié ce ticket');
    expect(await screen.findAllByText('Hugo Moreau')).not.toHaveLength(0);
    expect(screen.getAllByText('Critique').length).toBeGreaterThan(0);
  });

  it('shows a refused transition as the server words it, without the conflict message', async () => {
    sessionOf(
      ines(),
      ...ticketEndpoints(printerTicket()),
      http.patch(`${API}/tickets/42`, () => problem(409, 'Transition refusée : IN_PROGRESS → CLOSED.')),
    );
    renderApp('/tickets/42');

    await userEvent.click(await screen.findByRole('button', { name: 'M’assigner ce ticket' }));

    expect(await screen.findByText('Transition refusée : IN_PROGRESS → CLOSED.')).toBeInTheDocument();
    expect(screen.queryByText('Quelqu’un d’autre a modifié ce ticket')).not.toBeInTheDocument();
  });
});
