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

/** A file to upload to a ticket, and the reply or note it was sent with, if any. */
export interface UploadInput {
  ticketId: number;
  file: File;
  commentId?: number;
}

/**
 * Uploads a file to a ticket, then reloads its attachment list. A refusal (type, size, quota) is
 * shown by the query client's central error display, worded in the interface's language. The
 * ticket is named with each file, so a ticket just filed gets its files through the same hook.
 */
export function useUploadAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ticketId, file, commentId }: UploadInput) => uploadAttachment(ticketId, file, commentId),
    onSuccess: (_attachment, { ticketId }) =>
      queryClient.invalidateQueries({ queryKey: ticketKeys.attachments(ticketId) }),
  });
}

/**
 * Uploads files one at a time (the server checks each one's type, size and quota under the
 * ticket's lock). A refused file is reported by the central error display and the others still
 * go.
 */
export async function uploadEach(
  upload: (input: UploadInput) => Promise<Attachment>,
  ticketId: number,
  files: File[],
  commentId?: number,
): Promise<void> {
  for (const file of files) {
    await upload({ ticketId, file, commentId }).catch(() => undefined); // reported by the query client
  }
}
