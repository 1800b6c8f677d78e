import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Comment } from '@/lib/api/types';
import { ticketKeys } from './keys';

/** GET /tickets/{id}/comments (internal notes only reach technicians and admins). */
export const getComments = (ticketId: number, signal?: AbortSignal) =>
  api<Comment[]>(`/tickets/${ticketId}/comments`, { signal });

/** Query options for a ticket's conversation. */
export const commentsQueryOptions = (ticketId: number) =>
  queryOptions({
    queryKey: ticketKeys.comments(ticketId),
    queryFn: ({ signal }) => getComments(ticketId, signal),
  });

/** A ticket's conversation, oldest first. */
export const useComments = (ticketId: number) => useQuery(commentsQueryOptions(ticketId));
