import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { inboundKeys } from './keys';

/** DELETE /admin/inbound/bounces/{email} (admin): notifications to the address are sent again (204). */
export const clearBounce = (email: string) =>
  api<undefined>(`/admin/inbound/bounces/${encodeURIComponent(email)}`, { method: 'DELETE' });

/** Clears a bouncing address, then reloads the list. */
export function useClearBounce() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: clearBounce,
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboundKeys.all }),
  });
}
