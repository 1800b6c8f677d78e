import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Attachment } from '@/lib/api/types';
import { attachmentsQueryOptions } from './get-attachments';

/** POST /tickets/{id}/attachments (multipart, field `file`). */
export function uploadAttachment(ticketId: number, file: File): Promise<Attachment> {
  const body = new FormData();
  body.append('file', file, file.name);
  return api<Attachment>(`/tickets/${ticketId}/attachments`, { method: 'POST', body });
}

/** Uploads a file to a ticket, then reloads its attachment list. */
export function useUploadAttachment(ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadAttachment(ticketId, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attachmentsQueryOptions(ticketId).queryKey }),
  });
}
