import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Body, Ticket } from '@/lib/api/types';
import { ticketKeys } from './keys';

export type CreateTicketInput = Body<'/api/v1/tickets', 'post'>;

/** POST /tickets. */
export const createTicket = (input: CreateTicketInput) => api<Ticket>('/tickets', { method: 'POST', body: input });

/** Files a ticket and refreshes the lists and the counts. */
export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTicket,
    onSuccess: (ticket) => {
      queryClient.setQueryData(ticketKeys.detail(ticket.id), ticket);
      // A new ticket changes the lists and the per-status counts ("Mes demandes" shows both).
      void queryClient.invalidateQueries({ queryKey: ticketKeys.allCounts() });
      return queryClient.invalidateQueries({ queryKey: ticketKeys.lists() });
    },
  });
}
