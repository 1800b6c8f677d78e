import { queryOptions } from '@tanstack/react-query';
import { toApiError } from '@/lib/api/problem';
import type { SignInOptions } from '@/lib/api/types';
import { authKeys } from './keys';

/** The sign-in methods on offer (public: read before anyone is signed in). */
export async function fetchSignInOptions(): Promise<SignInOptions> {
  const response = await fetch('/api/v1/auth/config', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as SignInOptions;
}

/** Query options of the sign-in methods; they change only with the server's configuration. */
export function signInOptionsQuery() {
  return queryOptions({ queryKey: authKeys.signInOptions(), queryFn: fetchSignInOptions, staleTime: 5 * 60_000 });
}
