import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Ticket } from '@/lib/api/types';
import { ticketKeys } from './keys';

/** GET /tickets/{id}. */
export const getTicket = (id: number, signal?: AbortSignal) => api<Ticket>(`/tickets/${id}`, { signal });

/** Query options for one ticket; its key prefixes its comments, history and attachments. */
export const ticketQueryOptions = (id: number) =>
  queryOptions({ queryKey: ticketKeys.detail(id), queryFn: ({ signal }) => getTicket(id, signal) });

/** One ticket; `enabled` false (e.g. an id that is not a number) requests nothing. */
export const useTicket = (id: number, enabled = true) => useQuery({ ...ticketQueryOptions(id), enabled });
