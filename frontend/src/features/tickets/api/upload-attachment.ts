import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Attachment } from '@/lib/api/types';
import { ticketKeys } from './keys';

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

/** A file to upload, and the reply or note it was sent with, if any. */
export interface UploadInput {
  file: File;
  commentId?: number;
}

/**
 * Uploads a file to a ticket, then reloads its attachment list. A refusal (type, size, quota) is
 * shown by the query client's central error display, worded in the interface's language.
 */
export function useUploadAttachment(ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, commentId }: UploadInput) => uploadAttachment(ticketId, file, commentId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketKeys.attachments(ticketId) }),
  });
}
