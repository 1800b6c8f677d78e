import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { camille, ines, printerTicket } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, problem, sessionOf } from '@/test/server';

const resolved = printerTicket({ status: 'RESOLVED', allowed_transitions: ['CLOSED', 'IN_PROGRESS'] });
const at = '2026-11-21T10:00:00Z';

function ticketEndpoints() {
  return [
    http.get(`${API}/tickets/42`, () => HttpResponse.json(resolved)),
    http.get(`${API}/tickets/42/comments`, () => HttpResponse.json([])),
    http.get(`${API}/tickets/42/history`, () => HttpResponse.json([])),
    http.get(`${API}/tickets/42/attachments`, () => problem(404, 'Not Found')),
  ];
}

describe('satisfaction survey on the ticket page', () => {
  it('lets the requester answer a resolved ticket, then change the answer', async () => {
    let sent: unknown = null;
    sessionOf(
      camille(),
      ...ticketEndpoints(),
      http.get(`${API}/tickets/42/survey`, () =>
        HttpResponse.json({ ticket_id: 42, title: resolved.title, status: 'RESOLVED', answer: null, can_answer: true }),
      ),
      http.put(`${API}/tickets/42/survey`, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({
          ticket_id: 42,
          title: resolved.title,
          status: 'RESOLVED',
          answer: { score: 5, comment: null, answered_at: at, updated_at: at },
          can_answer: true,
        });
      }),
    );
    renderApp('/tickets/42');

    const panel = await screen.findByRole('region', { name: 'Satisfaction' });
    await userEvent.click(within(panel).getByRole('radio', { name: '5 – Très satisfait' }));
    await userEvent.click(within(panel).getByRole('button', { name: 'Envoyer mon avis' }));

    expect(await within(panel).findByText('Merci, votre avis est enregistré.')).toBeInTheDocument();
    expect(sent).toEqual({ score: 5, comment: null });
    expect(within(panel).getByText('Note : 5/5 — 5 – Très satisfait')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Modifier mon avis' })).toBeInTheDocument();
  });

  it('shows the technician the requester’s answer, read-only', async () => {
    sessionOf(
      ines(),
      ...ticketEndpoints(),
      http.get(`${API}/tickets/42/survey`, () =>
        HttpResponse.json({
          ticket_id: 42,
          title: resolved.title,
          status: 'RESOLVED',
          answer: { score: 2, comment: 'Trois relances.', answered_at: at, updated_at: at },
          can_answer: false,
        }),
      ),
    );
    renderApp('/tickets/42');

    const panel = await screen.findByRole('region', { name: 'Satisfaction' });
    expect(within(panel).getByText('Note : 2/5 — 2 – Insatisfait')).toBeInTheDocument();
    expect(within(panel).getByText('Trois relances.')).toBeInTheDocument();
    expect(within(panel).queryByRole('button')).not.toBeInTheDocument();
  });
});
