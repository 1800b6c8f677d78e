import { Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, errorMessage } from '@/lib/api/problem';
import type { Ticket } from '@/lib/api/types';
import { useShortcuts } from '@/lib/shortcuts';
import { useBulkUpdateTickets, type BulkChange, type BulkOutcome } from '../api/bulk-update-tickets';
import { BulkActionBar } from './BulkActionBar';
import { BulkResultAlert, type RefusedTicket } from './BulkResultAlert';
import { lastQueueView, rememberQueueSearch } from './queue-return';
import { TicketTable } from './TicketTable';
import { useRowSelection } from './use-row-selection';

/** A refused ticket's problem, worded as the app words every API error. */
function reasonOf(problem: BulkOutcome['error'], t: TFunction): string {
  const status = problem?.status ?? 500;
  return errorMessage(
    new ApiError(status, {
      type: problem?.type,
      title: problem?.title,
      status,
      detail: problem?.detail ?? undefined,
      errors: problem?.errors ?? undefined,
    }),
    t,
  );
}

/**
 * The technicians' queue table: rows to select (checkboxes, shift-click ranges, the whole page)
 * and change together in one request, and keyboard shortcuts (`j`/`k` move the focus from row to
 * row, `Enter` opens the focused ticket, `x` selects it). The report of the last bulk change
 * stays until closed; the tickets it refused stay selected.
 */
export function QueueTable({ tickets, caption }: { tickets: Ticket[]; caption: string }) {
  const { t } = useTranslation('bulk');
  const navigate = useNavigate();
  const selection = useRowSelection(tickets.map((ticket) => ticket.id));
  const bulk = useBulkUpdateTickets();
  const [report, setReport] = useState<{ changed: number; refused: RefusedTicket[] } | null>(null);
  // Back from a ticket, the focus bar is on the ticket just seen, so `j` goes on to the next one.
  const [focused, setFocused] = useState<number | null>(() => {
    const index = tickets.findIndex((ticket) => ticket.id === lastQueueView().ticketId);
    return index >= 0 ? index : null;
  });
  // The shortcuts read the row from here: keys typed fast arrive before React renders again.
  const focusedRow = useRef(focused);
  const { search } = useLocation();
  useEffect(() => rememberQueueSearch(search), [search]);
  const table = useRef<HTMLDivElement>(null);
  const current = focused !== null && focused < tickets.length ? focused : null;

  const markRow = (index: number) => {
    focusedRow.current = index;
    setFocused(index);
  };
  /** Moves the keyboard focus to a row's title link, so Enter opens it as a click would. */
  const focusRow = (move: (row: number) => number) => {
    const from = focusedRow.current;
    const row = Math.max(0, Math.min(from === null || from >= tickets.length ? 0 : move(from), tickets.length - 1));
    markRow(row);
    table.current?.querySelector<HTMLElement>(`[data-row="${row}"] a`)?.focus();
  };
  const currentRow = () => {
    const row = focusedRow.current;
    return row !== null && row < tickets.length ? row : null;
  };

  useShortcuts([
    ['j', () => focusRow((row) => row + 1)],
    ['k', () => focusRow((row) => row - 1)],
    [
      'x',
      () => {
        const row = currentRow();
        if (row === null) return false;
        selection.toggle(tickets[row].id);
      },
    ],
    [
      'enter',
      () => {
        // On the row's link, Enter already opens it; here the focus was lost (a click on the page).
        const row = currentRow();
        if (row === null || document.activeElement !== document.body) return false;
        void navigate(`/tickets/${tickets[row].id}`);
      },
    ],
  ]);

  const apply = (change: BulkChange) => {
    const titles = new Map(tickets.map((ticket) => [ticket.id, ticket.title]));
    bulk.mutate(
      { ticket_ids: selection.ids, change },
      {
        onSuccess: ({ results }) => {
          const refused = results
            .filter((r) => !r.ok)
            .map((r) => ({
              id: r.ticket_id,
              title: titles.get(r.ticket_id) ?? '',
              reason: reasonOf(r.error, t),
            }));
          setReport({ changed: results.length - refused.length, refused });
          selection.keep(refused.map((r) => r.id));
        },
      },
    );
  };

  return (
    <Stack gap="sm" ref={table}>
      {report && <BulkResultAlert changed={report.changed} refused={report.refused} onClose={() => setReport(null)} />}
      {selection.ids.length > 0 && (
        <BulkActionBar
          count={selection.ids.length}
          pending={bulk.isPending}
          onApply={apply}
          onClear={selection.clear}
        />
      )}
      <TicketTable
        tickets={tickets}
        agent
        caption={caption}
        selection={selection}
        focusedIndex={current}
        onRowFocus={markRow}
      />
    </Stack>
  );
}
