import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { OutboxItem } from '@/lib/api/types';
import { outboxKeys } from './keys';

/** What an admin decides for a message HELD after a restore: send it, or drop it. */
export type HeldDecision = 'release' | 'discard';

/**
 * POST /admin/outbox/{id}/release (the message is PENDING again) or /discard (deleted, 204);
 * 409 when the message is not HELD.
 */
export const decideHeldMessage = ({ id, decision }: { id: number; decision: HeldDecision }) =>
  api<OutboxItem | undefined>(`/admin/outbox/${id}/${decision}`, { method: 'POST' });

/**
 * Releases or discards a held email, then reloads the outbox; also after a refusal, since a 409
 * means the message changed status meanwhile.
 */
export function useDecideHeldMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideHeldMessage,
    onSettled: () => queryClient.invalidateQueries({ queryKey: outboxKeys.all }),
  });
}
