import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Locale, User } from '@/lib/api/types';
import { meQueryOptions } from '@/lib/auth/me';

export interface UpdateMeInput {
  full_name?: string;
  locale?: Locale;
  notifications_enabled?: boolean;
}

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
