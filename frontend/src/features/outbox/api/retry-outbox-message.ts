import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { OutboxItem } from '@/lib/api/types';
import { outboxKeys } from './keys';

/** POST /admin/outbox/{id}/retry (admin): queues a FAILED message again; 409 for any other status. */
export const retryOutboxMessage = (id: number) => api<OutboxItem>(`/admin/outbox/${id}/retry`, { method: 'POST' });

/**
 * Sends a failed email again, then reloads the outbox; also after a refusal, since a 409 means
 * the message changed status meanwhile.
 */
export function useRetryOutboxMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryOutboxMessage,
    onSettled: () => queryClient.invalidateQueries({ queryKey: outboxKeys.all }),
  });
}
