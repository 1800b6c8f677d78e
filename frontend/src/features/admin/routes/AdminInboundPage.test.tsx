import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { InboundMessage, InboundOverview, MailBounce } from '@/lib/api/types';
import { admin } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, sessionOf } from '@/test/server';

const at = '2026-12-04T09:30:00Z';

const overview: InboundOverview = {
  polling: true,
  allowed_domains: 'example.org',
  mailboxes: [
    {
      name: 'support@example.org',
      host: 'imap.example.org',
      port: 993,
      security: 'ssl',
      user: 'support@example.org',
      folder: 'INBOX',
      address: 'support@example.org',
      category: null,
      last_poll_at: at,
      last_success_at: at,
      last_error: null,
      last_error_at: null,
      failing_since: null,
      healthy: true,
      fetched: 12,
      counts: { processed: 9, ignored: 2, rejected: 1, failed: 0, received: 0, attaching: 0 },
    },
    {
      name: 'materiel@example.org',
      host: 'imap.example.org',
      port: 993,
      security: 'ssl',
      user: 'materiel@example.org',
      folder: 'INBOX',
      address: 'materiel@example.org',
      category: 'Matériel',
      last_poll_at: at,
      last_success_at: null,
      last_error: 'AuthenticationFailedException: [AUTHENTICATIONFAILED] Invalid credentials',
      last_error_at: at,
      failing_since: at,
      healthy: false,
      fetched: 0,
      counts: {},
    },
  ],
};

const rejected: InboundMessage = {
  id: 5,
  mailbox: 'support@example.org',
  message_id: '<a@b>',
  sender: 'eve@elsewhere.test',
  subject: 'Mon PC <b>plante</b>',
  status: 'REJECTED',
  reason: 'unknown-sender',
  error: 'Unknown sender eve@elsewhere.test: answered with the refusal',
  ticket_id: null,
  size: 1200,
  truncated: false,
  attempts: 1,
  received_at: at,
  processed_at: at,
};

const bounce: MailBounce = {
  email: 'gone@example.org',
  status: '5.1.1',
  diagnostic: 'smtp; 550 5.1.1 User unknown',
  bounces: 2,
  first_at: at,
  last_at: at,
};

function inboundServer() {
  const retried: string[] = [];
  const cleared: string[] = [];
  let problems = [rejected];
  sessionOf(
    admin(),
    http.get(`${API}/admin/inbound/mailboxes`, () => HttpResponse.json(overview)),
    http.get(`${API}/admin/inbound/messages`, () => HttpResponse.json(problems)),
    http.get(`${API}/admin/inbound/bounces`, () => HttpResponse.json(cleared.length ? [] : [bounce])),
    http.post(`${API}/admin/inbound/messages/:id/retry`, ({ params }) => {
      retried.push(String(params.id));
      problems = [];
      return HttpResponse.json({ ...rejected, status: 'RECEIVED' });
    }),
    http.delete(`${API}/admin/inbound/bounces/:email`, ({ params }) => {
      cleared.push(String(params.email));
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return { retried, cleared };
}

describe('the incoming mail page', () => {
  it('shows each mailbox with its last poll and last error, without any password', async () => {
    inboundServer();
    renderApp('/admin/inbound');

    expect(await screen.findByRole('heading', { level: 1, name: 'Courriels entrants' })).toBeInTheDocument();
    const failing = await screen.findByRole('region', { name: 'materiel@example.org' });
    expect(within(failing).getByText('En échec')).toBeInTheDocument();
    expect(within(failing).getByText(/Invalid credentials/)).toBeInTheDocument();
    const working = screen.getByRole('region', { name: 'support@example.org' });
    expect(within(working).getByText('Fonctionne')).toBeInTheDocument();
    expect(within(working).getByText('9 traités, 2 ignorés, 1 rejetés, 0 échoués')).toBeInTheDocument();
  });

  it('lists rejected messages as text and processes one again', async () => {
    const { retried } = inboundServer();
    renderApp('/admin/inbound');

    const row = (await screen.findByText('Mon PC <b>plante</b>')).closest('tr')!;
    expect(row.querySelector('b')).toBeNull();
    expect(within(row).getByText('Expéditeur inconnu (réponse polie envoyée une fois)')).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: 'Traiter à nouveau « Mon PC <b>plante</b> »' }));
    await waitFor(() => expect(retried).toEqual(['5']));
    expect(await screen.findByText('Aucun message rejeté ni échoué.')).toBeInTheDocument();
  });

  it('clears a bouncing address', async () => {
    const { cleared } = inboundServer();
    renderApp('/admin/inbound');

    await userEvent.click(await screen.findByRole('button', { name: 'Rétablir les envois vers gone@example.org' }));
    await waitFor(() => expect(cleared).toEqual(['gone@example.org']));
    expect(await screen.findByText('Aucune adresse en rebond.')).toBeInTheDocument();
  });
});
