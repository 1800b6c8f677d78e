import { useMutation } from '@tanstack/react-query';
import { apiResponse } from '@/lib/api/client';
import type { TicketQuery } from './get-tickets';

/** The filters and sort of a queue view, as the export takes them (no cursor, no size). */
export type ExportQuery = Omit<TicketQuery, 'cursor' | 'size'>;

/** The file name the server proposes in Content-Disposition, or a fallback. */
function fileName(response: Response): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return match?.[1] ?? 'tickets.csv';
}

/**
 * GET /tickets/export.csv with the view's filters, then hands the file to the browser as a
 * download. Headers and separator follow the interface language (the client sends it as
 * Accept-Language). The download goes through the API client so the bearer token (and its silent
 * renewal) apply; the browser then holds the file in memory until it is saved.
 */
export async function exportTickets(query: ExportQuery): Promise<void> {
  const response = await apiResponse('/tickets/export.csv', { query: { ...query }, headers: { Accept: 'text/csv' } });
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName(response);
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** The export as a mutation (pending state, error shown by the caller). */
export const useExportTickets = () => useMutation({ mutationFn: exportTickets });
