import { api } from '@/lib/api/client';

/**
 * Placeholders the server fills (dev.guichet.canned.Placeholders); an unknown one stays as written.
 * Shown to people writing canned responses.
 */
export const PLACEHOLDERS = [
  'requester.first_name',
  'requester.name',
  'ticket.id',
  'ticket.title',
  'agent.name',
  'agent.first_name',
] as const;

/** GET /canned-responses/{id}/filled?ticket_id=…: the body with its placeholders filled for this ticket. */
export const fillCannedResponse = (id: number, ticketId: number) =>
  api<{ body: string }>(`/canned-responses/${id}/filled`, { query: { ticket_id: ticketId } }).then((r) => r.body);
