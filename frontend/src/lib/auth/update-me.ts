import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Body, User } from '@/lib/api/types';
import { meQueryOptions } from '@/lib/auth/me';

export type UpdateMeInput = Body<'/api/v1/me', 'patch'>;

/** PATCH /me. */
export const updateMe = (input: UpdateMeInput) => api<User>('/me', { method: 'PATCH', body: input });

/** Changes the signed-in user's own settings. */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (user) => queryClient.setQueryData(meQueryOptions().queryKey, user),
  });
}
