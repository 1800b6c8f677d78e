import { apiResponse } from '@/lib/api/client';

/**
 * GET /admin/inbound/messages/{id}/raw (admin): the message as fetched (message/rfc822), saved as
 * `message-<id>.eml` to open in a mail client.
 */
export async function downloadInboundMessage(id: number): Promise<void> {
  const response = await apiResponse(`/admin/inbound/messages/${id}/raw`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `message-${id}.eml`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
