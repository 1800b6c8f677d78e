import { authKeys } from '@/lib/auth/keys';

/**
 * The profile feature's query keys, under the signed-in user's (`authKeys.me()`), so they go with
 * the account they describe.
 */
export const profileKeys = {
  twoFactor: () => [...authKeys.me(), 'two-factor'] as const,
};
