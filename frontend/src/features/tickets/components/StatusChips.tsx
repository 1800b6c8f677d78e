import { Chip, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/i18n/format';
import { STATUSES, type TicketCounts, type TicketStatus } from '@/lib/api/types';
import { STATUS_COLOR } from './TicketBadges';

/** With full text or a requester filter the API counts each status up to this, and sends one more for "more". */
export const COUNT_BOUND = 1000;

/**
 * Status filter as chips, each with its count; none selected means every status. `bounded`: the
 * counts were bounded by the API (search, own tickets), so a count above COUNT_BOUND shows "1 000+".
 */
export function StatusChips({
  value,
  onChange,
  counts,
  bounded = false,
}: {
  value: TicketStatus[];
  onChange: (value: TicketStatus[]) => void;
  counts?: TicketCounts;
  bounded?: boolean;
}) {
  const { t } = useTranslation('tickets');
  const format = useFormat();
  const show = (n: number) => (bounded && n > COUNT_BOUND ? `${format.number(COUNT_BOUND)}+` : format.number(n));
  return (
    <Group gap={6} role="group" aria-label={t('filters.status')}>
      <Chip.Group multiple value={value} onChange={(v) => onChange(v as TicketStatus[])}>
        {STATUSES.map((status) => (
          <Chip key={status} value={status} color={STATUS_COLOR[status]} variant="light" size="sm">
            {t(`status.${status}`)}
            {counts ? ` · ${show(counts[status] ?? 0)}` : ''}
          </Chip>
        ))}
      </Chip.Group>
    </Group>
  );
}
