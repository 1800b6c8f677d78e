import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { InboundMessage } from '@/lib/api/types';
import { inboundKeys } from './keys';

/** POST /admin/inbound/messages/{id}/retry (admin): processes the message again; 409 when it is not rejected or failed. */
export const retryInboundMessage = (id: number) =>
  api<InboundMessage>(`/admin/inbound/messages/${id}/retry`, { method: 'POST' });

/** Processes a message again, then reloads the email channel's lists. */
export function useRetryInboundMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryInboundMessage,
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboundKeys.all }),
  });
}
