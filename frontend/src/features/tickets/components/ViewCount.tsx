import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTicketCounts } from '../api/get-ticket-counts';
import { parseListParams } from './list-params';
import { STATUSES, type TicketStatus } from '@/lib/api/types';

/** Above this, a count that cannot be exact (search, unread) reads "1 000+". */
const BOUND = 1000;
const REFRESH_MS = 60_000;

/** How many tickets a view holds, from the per-status counts under its filters. */
export function ViewCount({ search }: { search: string }) {
  const { i18n } = useTranslation();
  const params = parseListParams(new URLSearchParams(search));
  const counts = useTicketCounts(
    {
      q: params.q || undefined,
      priority: params.priority,
      category_id: params.category,
      assignee_id: params.assignee,
      unread: params.unread || undefined,
    },
    REFRESH_MS,
  );
  if (!counts.data) return null;
  const statuses: TicketStatus[] = params.status.length > 0 ? params.status : [...STATUSES];
  const total = statuses.reduce((sum, s) => sum + (counts.data[s] ?? 0), 0);
  const bounded = (params.q !== '' || params.unread) && statuses.some((s) => (counts.data[s] ?? 0) > BOUND);
  const shown = bounded ? `${BOUND.toLocaleString(i18n.language)}+` : total.toLocaleString(i18n.language);
  return (
    <Badge size="sm" variant="light" color="gray">
      {shown}
    </Badge>
  );
}
