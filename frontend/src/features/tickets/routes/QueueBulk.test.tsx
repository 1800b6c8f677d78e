import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '@/lib/api/types';
import { ines, printerTicket } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { API, sessionOf } from '@/test/server';

const tickets: Ticket[] = [41, 42, 43, 44, 45].map((id) => printerTicket({ id, title: `Ticket ${id}` }));

/** A queue of five tickets whose bulk endpoint records what it is sent and refuses ticket 43. */
function queueServer() {
  const bulks: { ticket_ids: number[]; change: Record<string, unknown> }[] = [];
  sessionOf(
    ines(),
    http.get(`${API}/tickets`, () =>
      HttpResponse.json({
        items: tickets,
        page: 0,
        size: 25,
        total: 5,
        total_is_lower_bound: false,
        next_cursor: null,
      }),
    ),
    http.get(`${API}/tickets/counts`, () =>
      HttpResponse.json({ NEW: 0, IN_PROGRESS: 5, WAITING: 0, RESOLVED: 0, CLOSED: 0 }),
    ),
    http.post(`${API}/tickets/bulk`, async ({ request }) => {
      const body = (await request.json()) as (typeof bulks)[number];
      bulks.push(body);
      return HttpResponse.json({
        results: body.ticket_ids.map((id) =>
          id === 43
            ? {
                ticket_id: id,
                ok: false,
                version: null,
                error: {
                  type: 'https://guichet.dev/problems/illegal-transition',
                  title: 'Conflict',
                  status: 409,
                  detail: 'A ticket cannot go from IN_PROGRESS to NEW.',
                },
              }
            : { ticket_id: id, ok: true, version: 4, error: null },
        ),
      });
    }),
  );
  return bulks;
}

const box = (id: number) => screen.getByRole('checkbox', { name: `Sélectionner le ticket #${id} : Ticket ${id}` });

describe('bulk actions in the queue', () => {
  it('selects a range with shift-click, and the whole page with the header box', async () => {
    queueServer();
    renderApp('/queue');
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'Ticket 41' });
    const all = screen.getByRole('checkbox', { name: 'Sélectionner tous les tickets de la page' });

    await user.click(box(42));
    await user.keyboard('{Shift>}');
    await user.click(box(44));
    await user.keyboard('{/Shift}');

    expect([41, 42, 43, 44, 45].map((id) => (box(id) as HTMLInputElement).checked)).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
    expect(screen.getByText('3 tickets sélectionnés')).toBeInTheDocument();
    expect(all).toHaveAttribute('data-indeterminate', 'true');

    await user.click(all);
    expect([41, 42, 43, 44, 45].every((id) => (box(id) as HTMLInputElement).checked)).toBe(true);
    expect(screen.getByText('5 tickets sélectionnés')).toBeInTheDocument();

    await user.click(all);
    expect([41, 42, 43, 44, 45].some((id) => (box(id) as HTMLInputElement).checked)).toBe(false);
    expect(screen.queryByRole('region', { name: 'Actions sur la sélection' })).not.toBeInTheDocument();
  });

  it('assigns the selection to me in one request and reports each refused ticket', async () => {
    const bulks = queueServer();
    renderApp('/queue');
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'Ticket 41' });
    for (const id of [41, 43, 45]) await user.click(box(id));

    const bar = screen.getByRole('region', { name: 'Actions sur la sélection' });
    await user.click(within(bar).getByRole('button', { name: 'M’attribuer' }));

    const report = await screen.findByRole('alert');
    expect(within(report).getByText('2 modifiés, 1 refusé')).toBeInTheDocument();
    expect(report).toHaveTextContent('#43 Ticket 43 : Ce changement de statut n’est pas permis');
    expect(bulks).toEqual([{ ticket_ids: [41, 43, 45], change: { assignee_id: ines().id } }]);
    // The refused ticket stays selected, the others are done.
    await waitFor(() => expect((box(43) as HTMLInputElement).checked).toBe(true));
    expect((box(41) as HTMLInputElement).checked).toBe(false);
    expect((box(45) as HTMLInputElement).checked).toBe(false);
  });
});

describe('queue shortcuts', () => {
  it('moves with j and k, selects with x, and lists the shortcuts with ?', async () => {
    queueServer();
    renderApp('/queue');
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'Ticket 41' });

    await user.keyboard('jjk');
    expect(screen.getByRole('link', { name: 'Ticket 41' })).toHaveFocus();
    await user.keyboard('jx');
    expect(screen.getByRole('link', { name: 'Ticket 42' })).toHaveFocus();
    expect((box(42) as HTMLInputElement).checked).toBe(true);

    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Raccourcis clavier' });
    expect(within(dialog).getByText('Ticket suivant')).toBeInTheDocument();
  });

  it('never fires while typing in a field', async () => {
    queueServer();
    renderApp('/queue');
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'Ticket 41' });
    const search = screen.getByRole('searchbox', { name: 'Rechercher dans les tickets' });

    await user.type(search, 'jx?k');

    expect(search).toHaveValue('jx?k');
    expect(search).toHaveFocus();
    expect([41, 42, 43, 44, 45].some((id) => (box(id) as HTMLInputElement).checked)).toBe(false);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
