/**
 * Server state: one QueryClient. Failed mutations are reported once, here, as a
 * notification built by errorMessage(); a mutation that shows its own error inline sets
 * `meta: { inlineError: true }`.
 */
import { notifications } from '@mantine/notifications';
import { MutationCache, QueryClient } from '@tanstack/react-query';
import i18n from '@/lib/i18n';
import { ApiError, SessionExpiredError, errorMessage } from '@/lib/api/problem';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { inlineError?: boolean };
  }
}

/** Shows an error to the user as a notification. */
export function notifyError(error: unknown): void {
  if (error instanceof SessionExpiredError) return; // the login page says it
  notifications.show({ color: 'red', title: i18n.t('common:errors.title'), message: errorMessage(error, i18n.t) });
}

/** Makes the app's QueryClient (a fresh one per test). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        retry: (failureCount, error) => {
          if (error instanceof SessionExpiredError) return false;
          if (error instanceof ApiError && error.status < 500) return false;
          return failureCount < 2;
        },
      },
    },
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (!mutation.meta?.inlineError) notifyError(error);
      },
    }),
  });
}
