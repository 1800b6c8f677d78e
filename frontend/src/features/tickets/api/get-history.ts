import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { HistoryEntry } from '@/lib/api/types';
import { ticketKeys } from './keys';

/** GET /tickets/{id}/history: the audit trail. */
export const getHistory = (ticketId: number, signal?: AbortSignal) =>
  api<HistoryEntry[]>(`/tickets/${ticketId}/history`, { signal });

/** Query options for a ticket's history. */
export const historyQueryOptions = (ticketId: number) =>
  queryOptions({
    queryKey: ticketKeys.history(ticketId),
    queryFn: ({ signal }) => getHistory(ticketId, signal),
  });

/** A ticket's history, as the server orders it. */
export const useHistory = (ticketId: number) => useQuery(historyQueryOptions(ticketId));
