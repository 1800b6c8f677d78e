import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiResponse } from '@/lib/api/client';
import { isApiError } from '@/lib/api/problem';
import type { Attachment } from '@/lib/api/types';
import { ticketKeys } from './keys';

/**
 * GET /tickets/{id}/attachments. Null when the server has no attachment support
 * (404 on the list), so the UI can hide the panel instead of showing an error.
 */
export async function getAttachments(ticketId: number, signal?: AbortSignal): Promise<Attachment[] | null> {
  try {
    return await api<Attachment[]>(`/tickets/${ticketId}/attachments`, { signal });
  } catch (error) {
    if (isApiError(error, 404) || isApiError(error, 405)) return null;
    throw error;
  }
}

/** Query options for a ticket's attachments. */
export const attachmentsQueryOptions = (ticketId: number) =>
  queryOptions({
    queryKey: ticketKeys.attachments(ticketId),
    queryFn: ({ signal }) => getAttachments(ticketId, signal),
  });

/** A ticket's attachments; data is null where the server does not offer them. */
export const useAttachments = (ticketId: number) => useQuery(attachmentsQueryOptions(ticketId));

/** Downloads an attachment with the session's token and hands it to the browser. */
export async function downloadAttachment(attachment: Pick<Attachment, 'id' | 'file_name'>): Promise<void> {
  const response = await apiResponse(`/attachments/${attachment.id}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = attachment.file_name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
