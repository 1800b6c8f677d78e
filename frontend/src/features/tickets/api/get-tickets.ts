import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { TicketPage, TicketPriority, TicketStatus } from '@/lib/api/types';
import { ticketKeys } from './keys';

/** Filters, sort and cursor of GET /tickets (all optional but size). */
export interface TicketQuery {
  status?: TicketStatus[];
  priority?: TicketPriority | null;
  category_id?: number | null;
  /** A user id, 'none' (unassigned) or 'me'. */
  assignee_id?: number | 'none' | 'me' | null;
  requester_id?: number | null;
  q?: string;
  /** A previous page's `next_cursor`; null or absent for the first page. */
  cursor?: string | null;
  size: number;
  /** e.g. `created_at,desc`; left out with a search to sort by relevance. */
  sort?: string | null;
  /** true: only tickets with activity the caller has not seen. */
  unread?: boolean | null;
  /** Only tickets with an SLA target at risk (80 % used) or breached. */
  sla?: 'AT_RISK' | 'BREACHED' | null;
}

/** GET /tickets. */
export const getTickets = (query: TicketQuery, signal?: AbortSignal) =>
  api<TicketPage>('/tickets', { query: { ...query }, signal });

/** Query options for one page of tickets. */
export const ticketsQueryOptions = (query: TicketQuery) =>
  queryOptions({
    queryKey: ticketKeys.list(query),
    queryFn: ({ signal }) => getTickets(query, signal),
    placeholderData: keepPreviousData,
  });

/** One page of tickets; the previous page stays visible while the next loads. */
export const useTickets = (query: TicketQuery, refreshEveryMs?: number) =>
  useQuery({ ...ticketsQueryOptions(query), refetchInterval: refreshEveryMs });
