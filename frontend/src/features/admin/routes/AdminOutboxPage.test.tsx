import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '@/lib/api/types';
import { admin } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, problem, sessionOf } from '@/test/server';

const at = '2026-11-20T09:30:00Z';

function mail(overrides: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id: 7,
    ticket_id: 42,
    kind: 'CREATED_ALERT',
    recipient: 'ines.dubois@demo.guichet.dev',
    recipient_id: 21,
    subject: '[Guichet #42] Imprimante du 2e étage bloquée',
    status: 'SENT',
    attempts: 1,
    last_error: null,
    created_at: at,
    sent_at: at,
    next_attempt_at: at,
    ...overrides,
  };
}

const failed = mail({
  id: 8,
  status: 'FAILED',
  attempts: 5,
  sent_at: null,
  recipient: 'camille.martin@demo.guichet.dev',
  kind: 'CREATED_ACK',
  last_error: '550 5.1.1 <camille.martin@demo.guichet.dev>: Recipient address rejected <b>now</b>',
});

/** An outbox whose server records the query strings it receives and answers retries. */
function outboxServer(retry: (id: string) => Response = () => HttpResponse.json({ ...failed, status: 'PENDING' })) {
  const lists: URLSearchParams[] = [];
  const retried: string[] = [];
  let current: OutboxItem[] = [mail(), failed];
  sessionOf(
    admin(),
    http.get(`${API}/admin/outbox`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      lists.push(params);
      const status = params.get('status');
      const items = status ? current.filter((m) => m.status === status) : current;
      return HttpResponse.json({ items, page: 0, size: 20, total: items.length });
    }),
    http.post(`${API}/admin/outbox/:id/retry`, ({ params }) => {
      retried.push(String(params.id));
      const answer = retry(String(params.id));
      if (answer.ok) current = current.map((m) => (m.id === failed.id ? { ...m, status: 'PENDING', attempts: 0 } : m));
      return answer;
    }),
  );
  return { lists, retried };
}

describe('the outbox', () => {
  it('shows failed emails with their error as text, and retrying one refreshes the list', async () => {
    const { lists, retried } = outboxServer();
    renderApp('/admin/outbox');

    expect(await screen.findByRole('heading', { level: 1, name: 'Courriels sortants' })).toBeInTheDocument();
    const row = (await screen.findByText('camille.martin@demo.guichet.dev')).closest('tr')!;
    expect(within(row).getByText('Échec')).toBeInTheDocument();
    expect(
      within(row).getByText('550 5.1.1 <camille.martin@demo.guichet.dev>: Recipient address rejected <b>now</b>', {
        exact: false,
      }),
    ).toBeInTheDocument();
    expect(row.querySelector('b')).toBeNull();
    expect(within(row).getByRole('link', { name: 'n° 42' })).toHaveAttribute('href', '/tickets/42');
    // Only failed emails can be retried.
    expect(screen.getAllByRole('button', { name: /^Réessayer l’envoi/ })).toHaveLength(1);

    const before = lists.length;
    await userEvent.click(within(row).getByRole('button', { name: 'Réessayer l’envoi du message n° 8' }));

    await waitFor(() => expect(retried).toEqual(['8']));
    expect(await screen.findByText('Le message est de nouveau en attente d’envoi.')).toBeInTheDocument();
    await waitFor(() => expect(lists.length).toBeGreaterThan(before));
    await waitFor(() => expect(within(row).getByText('En attente')).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: /^Réessayer l’envoi/ })).not.toBeInTheDocument();
  });

  it('shows the problem detail when the email was not failed any more, and reloads the list', async () => {
    const { lists } = outboxServer(() => problem(409, 'Only a FAILED message can be retried; this one is SENDING.'));
    renderApp('/admin/outbox');

    const retry = await screen.findByRole('button', { name: 'Réessayer l’envoi du message n° 8' });
    const before = lists.length;
    await userEvent.click(retry);

    expect(await screen.findByText('Only a FAILED message can be retried; this one is SENDING.')).toBeInTheDocument();
    await waitFor(() => expect(lists.length).toBeGreaterThan(before));
  });

  it('sends the chosen status to the API and starts again from the first page', async () => {
    const { lists } = outboxServer();
    renderApp('/admin/outbox');

    await screen.findByText('camille.martin@demo.guichet.dev');
    expect(lists.at(-1)!.get('status')).toBeNull();

    await userEvent.click(screen.getByRole('radio', { name: 'En échec' }));

    await waitFor(() => expect(lists.at(-1)!.get('status')).toBe('FAILED'));
    expect(lists.at(-1)!.get('page')).toBe('0');
    await waitFor(() => expect(screen.queryByText('ines.dubois@demo.guichet.dev')).not.toBeInTheDocument());

    await userEvent.click(screen.getByRole('radio', { name: 'En cours' }));
    await waitFor(() => expect(lists.at(-1)!.get('status')).toBe('SENDING'));
    expect(await screen.findByText('Aucun courriel avec cet état.')).toBeInTheDocument();
  });

  it('lets an admin send or discard the emails held after a restore', async () => {
    const held = [
      mail({ id: 11, status: 'HELD', sent_at: null, recipient: 'held.one@demo.guichet.dev' }),
      mail({ id: 12, status: 'HELD', sent_at: null, recipient: 'held.two@demo.guichet.dev' }),
    ];
    const decided: string[] = [];
    sessionOf(
      admin(),
      http.get(`${API}/admin/outbox`, () => HttpResponse.json({ items: held, page: 0, size: 20, total: held.length })),
      http.post(`${API}/admin/outbox/:id/release`, ({ params }) => {
        decided.push(`release ${String(params.id)}`);
        return HttpResponse.json({ ...held[0], status: 'PENDING', attempts: 0 });
      }),
      http.post(`${API}/admin/outbox/:id/discard`, ({ params }) => {
        decided.push(`discard ${String(params.id)}`);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderApp('/admin/outbox');

    const first = (await screen.findByText('held.one@demo.guichet.dev')).closest('tr')!;
    expect(within(first).getByText('Retenu')).toBeInTheDocument();
    expect(within(first).getByText(/il a peut-être déjà été envoyé/)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Retenus' })).toBeInTheDocument();

    await userEvent.click(within(first).getByRole('button', { name: 'Envoyer le message retenu n° 11' }));
    await waitFor(() => expect(decided).toEqual(['release 11']));
    expect(await screen.findByText('Le message retenu est en attente d’envoi.')).toBeInTheDocument();

    const second = screen.getByText('held.two@demo.guichet.dev').closest('tr')!;
    await userEvent.click(within(second).getByRole('button', { name: 'Abandonner le message retenu n° 12' }));
    await waitFor(() => expect(decided).toEqual(['release 11', 'discard 12']));
    expect(await screen.findByText('Le message retenu a été abandonné.')).toBeInTheDocument();
  });

  it('says so when there is no email yet', async () => {
    sessionOf(
      admin(),
      http.get(`${API}/admin/outbox`, () => HttpResponse.json({ items: [], page: 0, size: 20, total: 0 })),
    );
    renderApp('/admin/outbox');

    expect(await screen.findByText('Aucun courriel pour l’instant.')).toBeInTheDocument();
  });

  it('words the relay error in French, keeps the raw text as detail, and says mail is not set up', async () => {
    const refused = mail({
      id: 9,
      status: 'PENDING',
      attempts: 3,
      sent_at: null,
      recipient: 'un.destinataire.au.nom.tres.long@filiale-exemple.example.org',
      last_error: "Couldn't connect to host, port: localhost, 25; timeout 20000",
    });
    sessionOf(
      admin(),
      http.get(`${API}/admin/outbox`, () =>
        HttpResponse.json({ items: [refused, failed], page: 0, size: 20, total: 12345 }),
      ),
    );
    renderApp('/admin/outbox');

    expect(await screen.findByText('Les courriels ne partent pas')).toBeInTheDocument();
    expect(screen.getByText(/Serveur d’envoi \(SMTP\) injoignable/)).toBeInTheDocument();
    expect(screen.getByText(/Adresse du destinataire refusée/)).toBeInTheDocument();
    const raw = screen.getByText("Couldn't connect to host, port: localhost, 25; timeout 20000");
    expect(raw).toHaveAttribute('lang', 'en');
    // Long addresses may wrap after "@" and dots.
    const address = screen.getByText('un.destinataire.au.nom.tres.long@filiale-exemple.example.org');
    expect(address.querySelectorAll('wbr').length).toBeGreaterThan(3);
    // Counts with the French digit grouping.
    expect(screen.getByText(/sur 12\s345/)).toBeInTheDocument();
  });

  it('says nothing about the relay when only an address was refused', async () => {
    sessionOf(
      admin(),
      http.get(`${API}/admin/outbox`, () => HttpResponse.json({ items: [failed], page: 0, size: 20, total: 1 })),
    );
    renderApp('/admin/outbox');
    expect(await screen.findByText(/Adresse du destinataire refusée/)).toBeInTheDocument();
    expect(screen.queryByText('Les courriels ne partent pas')).not.toBeInTheDocument();
  });
});
