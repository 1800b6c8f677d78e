import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Ticket, TicketPriority } from '@/lib/api/types';

export interface CreateTicketInput {
  title: string;
  description: string;
  priority?: TicketPriority;
  category_id?: number | null;
}

/** POST /tickets. */
export const createTicket = (input: CreateTicketInput) =>
  api<Ticket>('/tickets', { method: 'POST', body: input });

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
