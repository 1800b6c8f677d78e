import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState } from './EmptyState';
import { ErrorAlert } from './ErrorAlert';
import { LoadingState } from './LoadingState';

/** When a query's data counts as empty, and what the empty state then says. */
export interface EmptyWhen<T> {
  when: (data: T) => boolean;
  title: string;
  hint?: string;
  action?: ReactNode;
}

/**
 * What a query shows in each of its states: a spinner while it loads, its error worded by the
 * central `errorMessage()` with a retry button, an empty state when `empty.when(data)`, and
 * otherwise `children(data)`.
 */
export function QueryState<T>({
  query,
  empty,
  loadingLabel,
  children,
}: {
  query: UseQueryResult<T>;
  empty?: EmptyWhen<T>;
  loadingLabel?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingState label={loadingLabel} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (empty?.when(query.data)) return <EmptyState title={empty.title} hint={empty.hint} action={empty.action} />;
  return <>{children(query.data)}</>;
}
