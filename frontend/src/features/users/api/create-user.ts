import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Locale, Role, User } from '@/lib/api/types';

export interface CreateUserInput {
  email: string;
  full_name: string;
  password: string;
  role: Role;
  locale?: Locale;
}

/** POST /users (admin). */
export const createUser = (input: CreateUserInput) => api<User>('/users', { method: 'POST', body: input });

/** Creates an account and reloads the lists. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    meta: { inlineError: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
