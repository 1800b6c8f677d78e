import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { inboundKeys } from './keys';

/** DELETE /admin/inbound/messages/{id} (admin): deletes a stored message (204); its ticket, if any, stays. */
export const deleteInboundMessage = (id: number) =>
  api<undefined>(`/admin/inbound/messages/${id}`, { method: 'DELETE' });

/** Deletes a stored message, then reloads the email channel's lists. */
export function useDeleteInboundMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteInboundMessage,
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboundKeys.all }),
  });
}
