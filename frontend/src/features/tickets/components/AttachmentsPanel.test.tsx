import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { camille, printerTicket } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, problem, sessionOf } from '@/test/server';

const attachment = {
  id: 7,
  ticket_id: 42,
  file_name: 'capture-écran.png',
  content_type: 'image/png',
  size: 254_000,
  sha256: 'ab'.repeat(32),
  uploaded_by: {
    id: 11,
    full_name: 'Camille Martin',
    email: 'camille.martin@demo.guichet.dev',
    role: 'EMPLOYEE' as const,
  },
  created_at: '2026-11-20T10:00:00Z',
};

function ticketWith(...handlers: Parameters<typeof sessionOf>[1][]) {
  sessionOf(
    camille(),
    http.get(`${API}/tickets/42`, () => HttpResponse.json(printerTicket())),
    http.get(`${API}/tickets/42/comments`, () => HttpResponse.json([])),
    http.get(`${API}/tickets/42/history`, () => HttpResponse.json([])),
    ...handlers,
  );
}

describe('attachments on a ticket', () => {
  it('stay hidden while the server does not offer them', async () => {
    ticketWith(http.get(`${API}/tickets/42/attachments`, () => problem(404, 'Nothing exists at this address.')));
    renderApp('/tickets/42');

    await screen.findByRole('heading', { level: 1, name: 'Imprimante du 2e étage bloquée' });
    await screen.findByText('Pas encore de réponse.');
    expect(screen.queryByRole('heading', { name: 'Pièces jointes' })).not.toBeInTheDocument();
    expect(screen.queryByText(/Introuvable/)).not.toBeInTheDocument();
  });

  it('are listed with their size, and a new file is uploaded as multipart', async () => {
    const files = [attachment];
    let uploaded: File | null = null;
    ticketWith(
      http.get(`${API}/tickets/42/attachments`, () => HttpResponse.json(files)),
      http.post(`${API}/tickets/42/attachments`, async ({ request }) => {
        uploaded = (await request.formData()).get('file') as File;
        // jsdom's FormData reaches Node's fetch without the file name: the content is checked instead.
        const created = { ...attachment, id: 8, file_name: 'journal.txt', size: uploaded.size };
        files.push(created);
        return HttpResponse.json(created, { status: 201 });
      }),
    );
    renderApp('/tickets/42');

    // The accessible name starts with the visible text (WCAG 2.5.3), then says what the button does.
    expect(
      await screen.findByRole('button', { name: /^capture-écran\.png\s248\sko\s\(télécharger\)$/ }),
    ).toBeInTheDocument();
    await screen.findByRole('button', { name: 'Ajouter' });
    // The panel's own input (the reply box has one too, for files sent with a reply).
    const panel = screen.getByRole('region', { name: 'Pièces jointes' });
    const input = panel.querySelector('input[type="file"]') as HTMLInputElement;
    await userEvent.upload(input, new File(['journal'], 'journal.txt', { type: 'text/plain' }));

    await waitFor(() => expect(uploaded).not.toBeNull());
    expect(await uploaded!.text()).toBe('journal');
    expect(await screen.findByRole('button', { name: /^journal\.txt\s.*\(télécharger\)$/ })).toBeInTheDocument();
  });
});
