import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { isApiError } from '@/lib/api/problem';
import type { Body, Ticket } from '@/lib/api/types';
import { ticketQueryOptions } from './get-ticket';
import { ticketKeys } from './keys';

/** A change to a ticket: the version it was read at, and the fields to change. */
export type UpdateTicketInput = Body<'/api/v1/tickets/{id}', 'patch'>;

/** PATCH /tickets/{id}; a stale version answers 409. */
export const updateTicket = (id: number, input: UpdateTicketInput) =>
  api<Ticket>(`/tickets/${id}`, { method: 'PATCH', body: input });

/** Thrown when the ticket changed on the server since it was read. */
export class TicketConflictError extends Error {
  constructor(readonly latest: Ticket) {
    super('ticket changed since it was read');
    this.name = 'TicketConflictError';
  }
}

/**
 * Changes a ticket. On 409 it reloads the ticket: if the version moved, someone else
 * changed it and a TicketConflictError is thrown (nothing is overwritten); otherwise the
 * 409 was a refused transition and its problem is passed on.
 */
export function useUpdateTicket(id: number) {
  const queryClient = useQueryClient();
  const { queryKey } = ticketQueryOptions(id);
  return useMutation({
    mutationFn: async (input: UpdateTicketInput) => {
      try {
        return await updateTicket(id, input);
      } catch (error) {
        if (!isApiError(error, 409)) throw error;
        await queryClient.invalidateQueries({ queryKey });
        const latest = await queryClient.fetchQuery(ticketQueryOptions(id));
        if (latest.version !== input.version) throw new TicketConflictError(latest);
        throw error;
      }
    },
    meta: { inlineError: true },
    onSuccess: (ticket) => {
      queryClient.setQueryData(queryKey, ticket);
      void queryClient.invalidateQueries({ queryKey: ticketKeys.history(id) });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.allCounts() });
      // Resolving opens the satisfaction survey, closing ends it.
      void queryClient.invalidateQueries({ queryKey: ticketKeys.survey(id) });
    },
  });
}
