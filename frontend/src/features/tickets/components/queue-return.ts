/**
 * Where "back to the queue" goes: the queue's address as last seen (its filters, search and page)
 * and the ticket opened from it, so the queue comes back as it was, its focus bar on that ticket.
 * Kept in memory for this tab only.
 */
let lastQueue = { search: '', ticketId: null as number | null };

/** Remembers the queue's address (`?status=NEW…`) as it is shown. */
export function rememberQueueSearch(search: string): void {
  lastQueue = { ...lastQueue, search };
}

/** Remembers the ticket being looked at, for the queue to put its focus bar back on it. */
export function rememberOpenedTicket(ticketId: number): void {
  lastQueue = { ...lastQueue, ticketId };
}

/** @returns the queue's last address, and the last ticket opened */
export function lastQueueView(): { path: string; ticketId: number | null } {
  return { path: `/queue${lastQueue.search}`, ticketId: lastQueue.ticketId };
}
