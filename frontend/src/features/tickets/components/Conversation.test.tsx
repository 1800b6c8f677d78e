import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { camille, printerTicket, reply } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, sessionOf } from '@/test/server';

const file = (id: number, name: string, commentId: number | null) => ({
  id,
  ticket_id: 42,
  comment_id: commentId,
  file_name: name,
  content_type: 'text/plain',
  size: 1200,
  sha256: 'ab'.repeat(32),
  uploaded_by: { id: 21, full_name: 'Inès Dubois', email: 'ines.dubois@demo.guichet.dev', role: 'TECHNICIAN' as const },
  created_at: '2026-11-20T10:00:00Z',
});

describe('conversation', () => {
  it('renders a reply’s Markdown, inert, with the files sent with it underneath', async () => {
    sessionOf(
      camille(),
      http.get(`${API}/tickets/42`, () => HttpResponse.json(printerTicket())),
      http.get(`${API}/tickets/42/history`, () => HttpResponse.json([])),
      http.get(`${API}/tickets/42/comments`, () =>
        HttpResponse.json([
          reply({ id: 100, body: '**Important** :\n\n- un\n- deux\n\n<img src=x onerror="window.pwned=1">' }),
          reply({ id: 101, body: 'Sans fichier, voir [la FAQ](https://faq.example.test).' }),
        ]),
      ),
      http.get(`${API}/tickets/42/attachments`, () =>
        HttpResponse.json([file(1, 'procedure.txt', 100), file(2, 'ticket-seul.txt', null)]),
      ),
    );
    renderApp('/tickets/42');

    const [first, second] = await screen.findAllByRole('article', { name: /Réponse publique/ });
    expect(within(first!).getByText('Important').tagName).toBe('STRONG');
    expect(within(first!).getAllByRole('listitem')).toHaveLength(2);
    expect(first!.querySelector('img')).toBeNull();
    expect(within(first!).getByRole('button', { name: /^procedure\.txt/ })).toBeInTheDocument();
    expect(within(first!).queryByRole('button', { name: /^ticket-seul\.txt/ })).not.toBeInTheDocument();
    expect(within(second!).queryByRole('group')).not.toBeInTheDocument();
    expect(within(second!).getByRole('link', { name: 'la FAQ' })).toHaveAttribute('rel', 'noopener noreferrer');
  });
});
