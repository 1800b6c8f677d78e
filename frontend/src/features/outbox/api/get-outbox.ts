import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { OutboxItem, OutboxStatus, Page } from '@/lib/api/types';
import { outboxKeys } from './keys';

/** Which page of the outbox to load, and of which status. */
export interface OutboxQuery {
  /** One status only, or every message when null. */
  status: OutboxStatus | null;
  page: number;
  size: number;
}

/** GET /admin/outbox (admin): the notification emails, newest first. */
export const getOutbox = (query: OutboxQuery, signal?: AbortSignal) =>
  api<Page<OutboxItem>>('/admin/outbox', { query: { ...query }, signal });

/** Query options for one page of the outbox. */
export const outboxQueryOptions = (query: OutboxQuery) =>
  queryOptions({
    queryKey: outboxKeys.list(query),
    queryFn: ({ signal }) => getOutbox(query, signal),
    placeholderData: keepPreviousData,
  });

/** One page of the outbox. */
export const useOutbox = (query: OutboxQuery) => useQuery(outboxQueryOptions(query));
