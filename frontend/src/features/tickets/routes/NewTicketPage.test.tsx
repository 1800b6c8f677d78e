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

  it('uploads the chosen files once the ticket is filed; a refused one is said once, and the ticket opens all the same', async () => {
    const created = printerTicket({ id: 78, title: 'Écran noir', status: 'NEW', allowed_transitions: [] });
    const stored: string[] = [];
    sessionOf(
      camille(),
      http.post(`${API}/tickets`, () => HttpResponse.json(created, { status: 201 })),
      http.post(`${API}/tickets/78/attachments`, async ({ request }) => {
        // jsdom's FormData reaches Node's fetch without the file name: the content tells them apart.
        const content = await ((await request.formData()).get('file') as File).text();
        if (content === 'MZ') return problem(415, 'Ce type de fichier n’est pas accepté.');
        stored.push(content);
        return HttpResponse.json(
          { id: 9, ticket_id: 78, file_name: 'photo.png', content_type: 'image/png', size: content.length },
          { status: 201 },
        );
      }),
      http.get(`${API}/tickets/78`, () => HttpResponse.json(created)),
      http.get(`${API}/tickets/78/comments`, () => HttpResponse.json([])),
      http.get(`${API}/tickets/78/history`, () => HttpResponse.json([])),
      http.get(`${API}/tickets/78/attachments`, () => HttpResponse.json([])),
    );
    const { container, router } = renderApp('/tickets/new');

    await userEvent.type(await screen.findByRole('textbox', { name: /Titre/ }), 'Écran noir');
    await userEvent.type(screen.getByRole('textbox', { name: /Description/ }), 'Il ne s’allume plus.');
    const input = container.ownerDocument.querySelector('input[type="file"]') as HTMLInputElement;
    await userEvent.upload(input, [
      new File(['MZ'], 'programme.exe', { type: 'application/octet-stream' }),
      new File(['png'], 'photo.png', { type: 'image/png' }),
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer le ticket' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/tickets/78'));
    expect(stored).toEqual(['png']);
    expect(await screen.findAllByText('Ce type de fichier n’est pas accepté.')).toHaveLength(1);
  });
});
