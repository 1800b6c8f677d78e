import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Body, User } from '@/lib/api/types';
import { userKeys } from './keys';

export type UpdateUserInput = Body<'/api/v1/users/{id}', 'patch'>;

/** PATCH /users/{id} (admin): role, activation, name, language or a new password. */
export const updateUser = (id: number, input: UpdateUserInput) =>
  api<User>(`/users/${id}`, { method: 'PATCH', body: input });

/**
 * Changes an account, then reloads the lists. With `inlineError`, a failure is left to the caller
 * to show (a dialog's form) instead of the central notification.
 */
export function useUpdateUser({ inlineError = false }: { inlineError?: boolean } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateUserInput & { id: number }) => updateUser(id, input),
    meta: { inlineError },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
