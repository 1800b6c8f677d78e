import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Body, Comment } from '@/lib/api/types';
import { ticketKeys } from './keys';

export type CreateCommentInput = Body<'/api/v1/tickets/{ticketId}/comments', 'post'>;

/** POST /tickets/{id}/comments. */
export const createComment = (ticketId: number, input: CreateCommentInput) =>
  api<Comment>(`/tickets/${ticketId}/comments`, { method: 'POST', body: input });

/** Adds a reply or an internal note, then reloads the conversation and the ticket. */
export function useCreateComment(ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCommentInput) => createComment(ticketId, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(ticketId) });
      // A reply may move the ticket (reopened, set to Waiting or Resolved).
      void queryClient.invalidateQueries({ queryKey: ticketKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.allCounts() });
      return queryClient.invalidateQueries({ queryKey: ticketKeys.comments(ticketId) });
    },
  });
}
