import type { TFunction } from 'i18next';
import type { TicketStatus } from '@/lib/api/types';

/** The statuses agents work on. */
export const OPEN_STATUSES: TicketStatus[] = ['NEW', 'IN_PROGRESS', 'WAITING'];

const open = OPEN_STATUSES.map((s) => `status=${s}`).join('&');

/** A queue view: a label and the queue's search string it opens. */
export interface QueueView {
  key: string;
  label: string;
  search: string;
}

/** The views every technician's menu offers, in order. */
export function builtinViews(t: TFunction): QueueView[] {
  return [
    { key: 'assigned', label: t('tickets:views.assigned'), search: `assignee=me&${open}` },
    { key: 'unassigned', label: t('tickets:views.unassigned'), search: `assignee=none&${open}` },
    { key: 'open', label: t('tickets:views.open'), search: open },
    { key: 'waiting', label: t('tickets:views.waiting'), search: 'status=WAITING' },
    { key: 'all', label: t('tickets:views.all'), search: '' },
  ];
}

/**
 * A search string in a canonical form (keys sorted, cursor dropped), so the queue's address
 * can be matched with a view whatever the order of its parameters.
 */
export function canonicalSearch(search: string): string {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  params.delete('cursor');
  params.sort();
  return params.toString();
}
