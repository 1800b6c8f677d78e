import { useState } from 'react';
import type { Ticket } from '@/lib/api/types';
import { notifyError } from '@/lib/query-client';
import { TicketConflictError, useUpdateTicket, type UpdateTicketInput } from '../api/update-ticket';

/**
 * Applies one change to a ticket at the version on screen. When someone else changed it
 * first, `conflict` turns true (the ticket has been reloaded, nothing was overwritten);
 * any other refusal is shown as a notification.
 */
export function useTicketChange(ticket: Ticket) {
  const mutation = useUpdateTicket(ticket.id);
  const [conflict, setConflict] = useState(false);
  const change = (fields: Omit<UpdateTicketInput, 'version'>) => {
    setConflict(false);
    mutation.mutate(
      { version: ticket.version, ...fields },
      { onError: (error) => (error instanceof TicketConflictError ? setConflict(true) : notifyError(error)) },
    );
  };
  return { change, conflict, dismissConflict: () => setConflict(false), pending: mutation.isPending };
}
