import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { TicketCounts } from '@/lib/api/types';
import type { TicketQuery } from './get-tickets';
import { ticketKeys } from './keys';

/** The filters counts accept: those of the list, less status, cursor, size and sort. */
export type CountsQuery = Omit<TicketQuery, 'status' | 'cursor' | 'size' | 'sort'>;

/** GET /tickets/counts: how many tickets per status under the other filters. */
export const getTicketCounts = (query: CountsQuery, signal?: AbortSignal) =>
  api<TicketCounts>('/tickets/counts', { query: { ...query }, signal });

/** Query options for the per-status counts. */
export const ticketCountsQueryOptions = (query: CountsQuery) =>
  queryOptions({
    queryKey: ticketKeys.counts(query),
    queryFn: ({ signal }) => getTicketCounts(query, signal),
  });

/** Per-status counts under the given filters. */
export const useTicketCounts = (query: CountsQuery, refreshEveryMs?: number) =>
  useQuery({ ...ticketCountsQueryOptions(query), refetchInterval: refreshEveryMs });
