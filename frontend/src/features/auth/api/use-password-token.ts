import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';

/**
 * POST /auth/password-token: chooses a password with the single-use token of a "choose your
 * password" link (accounts created from an email). 204; 400 `invalid-token` when the link is
 * unknown, expired or used; 400 when the password breaks the policy.
 */
export const usePasswordToken = (body: { token: string; password: string }) =>
  api<undefined>('/auth/password-token', { method: 'POST', body });

/** Sets the password of the link's account. */
export const useSetPasswordWithToken = () => useMutation({ mutationFn: usePasswordToken });
