import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Body, BulkResult } from '@/lib/api/types';
import { ticketKeys } from './keys';

/** One change for many tickets: `{ ticket_ids, change }` (at most 100 tickets, each once). */
export type BulkUpdateInput = Body<'/api/v1/tickets/bulk', 'post'>;
/** What to change on each ticket (the fields of a PATCH, without the version). */
export type BulkChange = BulkUpdateInput['change'];
export type BulkOutcome = BulkResult['results'][number];

/** POST /tickets/bulk: each ticket is changed (or refused) on its own, at its current version. */
export const bulkUpdateTickets = (input: BulkUpdateInput) =>
  api<BulkResult>('/tickets/bulk', { method: 'POST', body: input });

/** Changes many tickets, then refreshes every ticket list, count and detail on screen. */
export function useBulkUpdateTickets() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkUpdateTickets,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ticketKeys.all }),
  });
}
