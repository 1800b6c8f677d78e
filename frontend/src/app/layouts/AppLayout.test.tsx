import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { User } from '@/lib/api/types';
import { admin, camille, ines } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, server, sessionOf } from '@/test/server';

const emptyPage = { items: [], page: 0, size: 20, total: 0, total_is_lower_bound: false, next_cursor: null };
const zeroCounts = { NEW: 0, IN_PROGRESS: 0, WAITING: 0, RESOLVED: 0, CLOSED: 0 };

function signedInAs(user: User) {
  sessionOf(
    user,
    http.get(`${API}/tickets`, () => HttpResponse.json(emptyPage)),
    http.get(`${API}/tickets/counts`, () => HttpResponse.json(zeroCounts)),
    http.get(`${API}/users`, () => HttpResponse.json(emptyPage)),
  );
}

describe('navigation by role', () => {
  it('gives an employee their tickets and no queue or administration', async () => {
    signedInAs(camille());
    renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Mes demandes' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).getByRole('link', { name: 'Nouveau ticket' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'File d’attente' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Utilisateurs' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Catégories' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Courriels sortants' })).not.toBeInTheDocument();
  });

  it('opens the queue for a technician, still without administration', async () => {
    signedInAs(ines());
    renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'File d’attente' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Utilisateurs' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Courriels sortants' })).not.toBeInTheDocument();
  });

  it('gives a technician the queue views with their counts, and their saved views', async () => {
    signedInAs(ines());
    server.use(
      http.get(`${API}/tickets/counts`, ({ request }) => {
        const assignee = new URL(request.url).searchParams.get('assignee_id');
        return HttpResponse.json(
          assignee === 'me'
            ? { NEW: 0, IN_PROGRESS: 2, WAITING: 1, RESOLVED: 4, CLOSED: 9 }
            : assignee === 'none'
              ? { NEW: 5, IN_PROGRESS: 0, WAITING: 0, RESOLVED: 0, CLOSED: 0 }
              : { NEW: 5, IN_PROGRESS: 7, WAITING: 3, RESOLVED: 10, CLOSED: 100 },
        );
      }),
      http.get(`${API}/views`, () =>
        HttpResponse.json([
          { id: 4, name: 'Urgent réseau', query: 'priority=CRITICAL', created_at: '2026-12-01T10:00:00Z' },
        ]),
      ),
    );
    renderApp('/queue?status=WAITING');

    const views = await screen.findByRole('group', { name: 'Vues de la file' });
    const link = (name: RegExp) => within(views).getByRole('link', { name });
    await waitFor(() => expect(link(/^Mes tickets assignés/)).toHaveTextContent('3'));
    expect(link(/^Non assignés/)).toHaveTextContent('5');
    expect(link(/^Ouverts/)).toHaveTextContent('15');
    expect(link(/^En attente du demandeur/)).toHaveTextContent('3');
    expect(link(/^En attente du demandeur/)).toHaveAttribute('aria-current', 'page');
    expect(link(/^Tous/)).toHaveTextContent('125');
    expect(link(/^Mes tickets assignés/)).toHaveAttribute(
      'href',
      '/queue?assignee=me&status=NEW&status=IN_PROGRESS&status=WAITING',
    );
    const saved = screen.getByRole('group', { name: 'Mes vues' });
    expect(within(saved).getByRole('link', { name: /Urgent réseau/ })).toHaveAttribute(
      'href',
      '/queue?priority=CRITICAL',
    );
  });

  it('shows the administration menu to an admin only', async () => {
    signedInAs(admin());
    renderApp('/');

    expect(await screen.findByRole('link', { name: 'Utilisateurs' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Catégories' })).toBeInTheDocument();
    const adminMenu = screen.getByRole('group', { name: 'Administration' });
    expect(within(adminMenu).getByRole('link', { name: 'Courriels sortants' })).toHaveAttribute(
      'href',
      '/admin/outbox',
    );
  });

  it('answers "page not found" to an employee who types an admin address', async () => {
    signedInAs(camille());
    renderApp('/admin/users');

    expect(await screen.findByRole('heading', { name: 'Page introuvable' })).toBeInTheDocument();
  });

  it('answers "page not found" to a technician who types the outbox address', async () => {
    signedInAs(ines());
    renderApp('/admin/outbox');

    expect(await screen.findByRole('heading', { name: 'Page introuvable' })).toBeInTheDocument();
  });
});
