import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ines, printerTicket } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, sessionOf } from '@/test/server';

/** A queue whose server records the query strings it receives. */
function queueServer() {
  const lists: URLSearchParams[] = [];
  sessionOf(
    ines(),
    http.get(`${API}/tickets`, ({ request }) => {
      lists.push(new URL(request.url).searchParams);
      return HttpResponse.json({
        items: [printerTicket()],
        page: 0,
        size: 25,
        total: 1,
        total_is_lower_bound: false,
        next_cursor: null,
      });
    }),
    http.get(`${API}/tickets/counts`, () =>
      HttpResponse.json({ NEW: 4, IN_PROGRESS: 1, WAITING: 0, RESOLVED: 2, CLOSED: 9 }),
    ),
  );
  return lists;
}

describe('the queue', () => {
  it('reads its filters from the address and sends them to the API', async () => {
    const lists = queueServer();
    renderApp('/queue?status=NEW&status=WAITING&assignee=none&priority=HIGH&cursor=abc');

    expect(await screen.findByRole('link', { name: 'Imprimante du 2e étage bloquée' })).toBeInTheDocument();
    const sent = lists.at(-1)!;
    expect(sent.getAll('status')).toEqual(['NEW', 'WAITING']);
    expect(sent.get('assignee_id')).toBe('none');
    expect(sent.get('priority')).toBe('HIGH');
    expect(sent.get('cursor')).toBe('abc');
    expect(sent.get('page')).toBeNull();
    expect(sent.get('sort')).toBe('updated_at,desc');
  });

  it('shows the count of each status on its chip, and filters when a chip is picked', async () => {
    const lists = queueServer();
    renderApp('/queue');

    const resolved = await screen.findByRole('checkbox', { name: 'Résolu · 2' });
    expect(screen.getByRole('checkbox', { name: 'Clos · 9' })).toBeInTheDocument();
    await userEvent.click(resolved);

    await waitFor(() => expect(lists.at(-1)!.getAll('status')).toEqual(['RESOLVED']));
  });

  it('searches by relevance, with the words typed', async () => {
    const lists = queueServer();
    renderApp('/queue');

    await userEvent.type(
      await screen.findByRole('searchbox', { name: 'Rechercher dans les tickets' }),
      'imprimante{Enter}',
    );

    await waitFor(() => expect(lists.at(-1)!.get('q')).toBe('imprimante'));
    expect(lists.at(-1)!.get('sort')).toBeNull();
    expect(screen.getByRole('columnheader', { name: 'Assigné à' })).toBeInTheDocument();
  });

  it('drops malformed values from the address instead of failing', async () => {
    const lists = queueServer();
    renderApp('/queue?status=BOGUS&priority=URGENT&cursor=&assignee=someone');

    await screen.findByRole('link', { name: 'Imprimante du 2e étage bloquée' });
    const sent = lists.at(-1)!;
    expect(sent.getAll('status')).toEqual([]);
    expect(sent.get('priority')).toBeNull();
    expect(sent.get('cursor')).toBeNull();
    expect(sent.get('assignee_id')).toBeNull();
  });

  it('pages with the cursor: next, previous, and "1 000+" when the total is a lower bound', async () => {
    const lists: URLSearchParams[] = [];
    const page = (title: string, next: string | null) => ({
      items: [{ ...printerTicket(), id: title.length, title }],
      page: 0,
      size: 25,
      total: 1000,
      total_is_lower_bound: true,
      next_cursor: next,
    });
    sessionOf(
      ines(),
      http.get(`${API}/tickets`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        lists.push(params);
        const cursor = params.get('cursor');
        if (cursor === 'c2') return HttpResponse.json(page('Troisième page', null));
        if (cursor === 'c1') return HttpResponse.json(page('Deuxième page', 'c2'));
        return HttpResponse.json(page('Première page', 'c1'));
      }),
      http.get(`${API}/tickets/counts`, () =>
        HttpResponse.json({ NEW: 1001, IN_PROGRESS: 1, WAITING: 0, RESOLVED: 2, CLOSED: 9 }),
      ),
    );
    renderApp('/queue?priority=HIGH&q=imprimante');

    expect(await screen.findByRole('checkbox', { name: /^Nouveau · 1\s000\+$/ })).toBeInTheDocument();

    expect(await screen.findByRole('link', { name: 'Première page' })).toBeInTheDocument();
    expect(screen.getByText(/^1–1 sur 1\s000\+$/)).toBeInTheDocument();
    const previous = () => screen.getByRole('button', { name: 'Page précédente' });
    const next = () => screen.getByRole('button', { name: 'Page suivante' });
    expect(previous()).toBeDisabled();

    await userEvent.click(next());
    expect(await screen.findByRole('link', { name: 'Deuxième page' })).toBeInTheDocument();
    expect(lists.at(-1)!.get('cursor')).toBe('c1');
    expect(lists.at(-1)!.get('priority')).toBe('HIGH');
    expect(screen.getByText(/^26–26 sur/)).toBeInTheDocument();

    next().focus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByRole('link', { name: 'Troisième page' })).toBeInTheDocument();
    expect(next()).toBeDisabled();

    await userEvent.click(previous());
    expect(await screen.findByRole('link', { name: 'Deuxième page' })).toBeInTheDocument();
    await userEvent.click(previous());
    expect(await screen.findByRole('link', { name: 'Première page' })).toBeInTheDocument();
    expect(previous()).toBeDisabled();
  });
});
