import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Body, Ticket } from '@/lib/api/types';

export type CreateTicketInput = Body<'/api/v1/tickets', 'post'>;

/** POST /tickets. */
export const createTicket = (input: CreateTicketInput) => api<Ticket>('/tickets', { method: 'POST', body: input });

/** Files a ticket and refreshes the lists. */
export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTicket,
    onSuccess: (ticket) => {
      queryClient.setQueryData(['tickets', ticket.id], ticket);
      return queryClient.invalidateQueries({ queryKey: ['tickets', 'list'] });
    },
  });
}
