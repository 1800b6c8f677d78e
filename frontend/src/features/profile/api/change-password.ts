import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Body } from '@/lib/api/types';

export type ChangePasswordInput = Body<'/api/v1/me/password', 'post'>;

/** POST /me/password; the server then revokes every session of the user. */
export const changePassword = (input: ChangePasswordInput) =>
  api<void>('/me/password', { method: 'POST', body: input });

/** Changes the signed-in user's password (errors shown in the form). */
export const useChangePassword = () => useMutation({ mutationFn: changePassword, meta: { inlineError: true } });
