import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Body, User } from '@/lib/api/types';
import { userKeys } from './keys';

export type CreateUserInput = Body<'/api/v1/users', 'post'>;

/** POST /users (admin). */
export const createUser = (input: CreateUserInput) => api<User>('/users', { method: 'POST', body: input });

/** Creates an account and reloads the lists. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    meta: { inlineError: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
