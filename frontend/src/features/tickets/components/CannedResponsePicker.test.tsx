import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ines, printerTicket } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, sessionOf } from '@/test/server';

const canned = (id: number, title: string, body: string, shared: boolean) => ({
  id,
  title,
  body,
  locale: null,
  shared,
  created_at: '2026-11-20T10:00:00Z',
  updated_at: '2026-11-20T10:00:00Z',
});

function technicianOnTicket(sent: unknown[], searches: string[]) {
  const all = [
    canned(1, 'Accueil', 'Bonjour {{requester.first_name}},', true),
    canned(2, 'Redémarrage', 'Redémarrez le poste.', false),
  ];
  sessionOf(
    ines(),
    http.get(`${API}/tickets/42`, () => HttpResponse.json(printerTicket())),
    http.get(`${API}/tickets/42/comments`, () => HttpResponse.json([])),
    http.get(`${API}/tickets/42/history`, () => HttpResponse.json([])),
    http.get(`${API}/tickets/42/attachments`, () => HttpResponse.json([])),
    http.get(`${API}/canned-responses`, ({ request }) => {
      const q = new URL(request.url).searchParams.get('q') ?? '';
      searches.push(q);
      return HttpResponse.json(all.filter((r) => `${r.title} ${r.body}`.toLowerCase().includes(q.toLowerCase())));
    }),
    http.get(`${API}/canned-responses/1/filled`, ({ request }) =>
      HttpResponse.json({
        body: `Bonjour Camille, ticket #${new URL(request.url).searchParams.get('ticket_id')} {{inconnu}}`,
      }),
    ),
    http.post(`${API}/tickets/42/comments`, async ({ request }) => {
      sent.push(await request.json());
      return HttpResponse.json({}, { status: 201 });
    }),
  );
}

describe('canned response picker', () => {
  it('searches on the server and inserts the filled text with the keyboard', async () => {
    const sent: unknown[] = [];
    const searches: string[] = [];
    technicianOnTicket(sent, searches);
    const user = userEvent.setup();
    renderApp('/tickets/42');

    const picker = await screen.findByRole('textbox', { name: 'Réponse type' });
    const box = screen.getByRole('textbox', { name: 'Votre réponse' });
    await user.type(box, 'Merci. ');
    await user.click(picker);
    await user.type(picker, 'bonjour');
    await waitFor(() => expect(searches).toContain('bonjour'));
    // Mantine's dropdown is animated, hence "hidden" to jsdom: find it by the input's aria-controls.
    const listbox = await waitFor(() => document.getElementById(picker.getAttribute('aria-controls') ?? '')!);
    await waitFor(() => expect(within(listbox).getAllByRole('option', { hidden: true })).toHaveLength(1));
    expect(within(listbox).getByRole('option', { name: /Accueil/, hidden: true })).toHaveTextContent('Partagée');
    await user.keyboard('{ArrowDown}{Enter}');

    await waitFor(() => expect(box).toHaveValue('Merci. Bonjour Camille, ticket #42 {{inconnu}}'));
    await user.click(screen.getByRole('button', { name: 'Envoyer la réponse' }));
    await waitFor(() =>
      expect(sent).toEqual([{ body: 'Merci. Bonjour Camille, ticket #42 {{inconnu}}', internal: false }]),
    );
  });
});
