import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { TwoFactorStatus } from '@/lib/api/types';
import type { TotpSetup } from '@/lib/auth/session';
import { profileKeys } from './keys';

/** GET /me/two-factor: on or off, required by the role, recovery codes left. */
export const twoFactorQueryOptions = () =>
  queryOptions({
    queryKey: profileKeys.twoFactor(),
    queryFn: ({ signal }) => api<TwoFactorStatus>('/me/two-factor', { signal }),
  });

/** The signed-in user's two-factor status. */
export const useTwoFactorStatus = () => useQuery(twoFactorQueryOptions());

/** POST /me/two-factor/setup: a new secret and its QR code. */
export const useStartTwoFactor = () =>
  useMutation({
    mutationFn: () => api<TotpSetup>('/me/two-factor/setup', { method: 'POST' }),
    meta: { inlineError: true },
  });

/** POST /me/two-factor/confirm with the first code: turns it on, returns the recovery codes. */
export function useConfirmTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      api<{ recovery_codes: string[] }>('/me/two-factor/confirm', { method: 'POST', body: { code } }),
    meta: { inlineError: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.twoFactor() }),
  });
}

/** POST /me/two-factor/recovery-codes with a current code: new codes, the old ones stop working. */
export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      api<{ recovery_codes: string[] }>('/me/two-factor/recovery-codes', { method: 'POST', body: { code } }),
    meta: { inlineError: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.twoFactor() }),
  });
}

/** POST /me/two-factor/disable with password and code; the server then ends every session. */
export const useDisableTwoFactor = () =>
  useMutation({
    mutationFn: (input: { password: string; code: string }) =>
      api<void>('/me/two-factor/disable', { method: 'POST', body: input }),
    meta: { inlineError: true },
  });
