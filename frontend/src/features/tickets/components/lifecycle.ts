import type { TicketStatus } from '@/lib/api/types';

/** The statuses a technician may move a ticket to from each status (the backend enforces it too). */
export const NEXT_STATUSES: Record<TicketStatus, TicketStatus[]> = {
  NEW: ['IN_PROGRESS', 'RESOLVED'],
  IN_PROGRESS: ['WAITING', 'RESOLVED'],
  WAITING: ['IN_PROGRESS', 'RESOLVED'],
  RESOLVED: ['CLOSED', 'IN_PROGRESS'],
  CLOSED: [],
};
