import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '@/lib/api/client';
import type { Ticket } from '@/lib/api/types';
import { ticketKeys } from './keys';

/** PUT /tickets/{id}/seen: the caller has seen the ticket as it is now. */
export const markSeen = (id: number) => api<void>(`/tickets/${id}/seen`, { method: 'PUT' });

/**
 * Marks the shown ticket as seen whenever it is shown or changes while shown (a live update
 * included), so its unread mark clears in the lists; then refreshes those lists.
 */
export function useMarkSeen(ticket: Ticket | undefined) {
  const queryClient = useQueryClient();
  const { mutate } = useMutation({
    mutationFn: markSeen,
    // A failed mark is not worth a message: the ticket stays marked, nothing is lost.
    meta: { inlineError: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketKeys.lists() }),
  });
  const id = ticket?.id;
  const stamp = ticket?.updated_at;
  useEffect(() => {
    if (id !== undefined && stamp !== undefined) mutate(id);
  }, [id, stamp, mutate]);
}
