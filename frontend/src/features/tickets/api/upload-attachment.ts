import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Attachment } from '@/lib/api/types';
import { attachmentsQueryOptions } from './get-attachments';

/** POST /tickets/{id}/attachments (multipart, field `file`); with `commentId`, sent with that reply or note. */
export function uploadAttachment(ticketId: number, file: File, commentId?: number): Promise<Attachment> {
  const body = new FormData();
  body.append('file', file, file.name);
  return api<Attachment>(`/tickets/${ticketId}/attachments`, {
    method: 'POST',
    body,
    query: { comment_id: commentId },
  });
}

/** Uploads a file to a ticket, then reloads its attachment list. */
export function useUploadAttachment(ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadAttachment(ticketId, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attachmentsQueryOptions(ticketId).queryKey }),
  });
}
