import { Badge } from '@mantine/core';
import { useFormat } from '@/lib/i18n/format';
import { STATUSES, type TicketStatus } from '@/lib/api/types';
import { useTicketCounts } from '../api/get-ticket-counts';
import { parseListParams, queueFilters } from './list-params';
import { COUNT_BOUND } from './StatusChips';

const REFRESH_MS = 60_000;

/**
 * How many tickets a view holds, from the per-status counts under its filters; a count the API
 * bounded (search, unread) above COUNT_BOUND reads "1 000+", as on the status chips.
 */
export function ViewCount({ search }: { search: string }) {
  const format = useFormat();
  const params = parseListParams(new URLSearchParams(search));
  const counts = useTicketCounts(queueFilters(params), REFRESH_MS);
  if (!counts.data) return null;
  const statuses: TicketStatus[] = params.status.length > 0 ? params.status : [...STATUSES];
  const total = statuses.reduce((sum, s) => sum + (counts.data[s] ?? 0), 0);
  const bounded = (params.q !== '' || params.unread) && statuses.some((s) => (counts.data[s] ?? 0) > COUNT_BOUND);
  return (
    <Badge size="sm" variant="light" color="gray">
      {bounded ? `${format.number(COUNT_BOUND)}+` : format.number(total)}
    </Badge>
  );
}
