import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Locale, Role, User } from '@/lib/api/types';

export interface UpdateUserInput {
  full_name?: string;
  role?: Role;
  active?: boolean;
  locale?: Locale;
  password?: string;
}

/** PATCH /users/{id} (admin): role, activation, name, language or a new password. */
export const updateUser = (id: number, input: UpdateUserInput) =>
  api<User>(`/users/${id}`, { method: 'PATCH', body: input });

/** Changes an account, then reloads the lists. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateUserInput & { id: number }) => updateUser(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
