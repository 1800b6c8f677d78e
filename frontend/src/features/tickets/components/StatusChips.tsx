import { Chip, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/i18n/format';
import { STATUSES, type TicketCounts, type TicketStatus } from '@/lib/api/types';
import { STATUS_COLOR } from './TicketBadges';

/** Status filter as chips, each with its count; none selected means every status. */
export function StatusChips({
  value,
  onChange,
  counts,
}: {
  value: TicketStatus[];
  onChange: (value: TicketStatus[]) => void;
  counts?: TicketCounts;
}) {
  const { t } = useTranslation('tickets');
  const format = useFormat();
  return (
    <Group gap={6} role="group" aria-label={t('filters.status')}>
      <Chip.Group multiple value={value} onChange={(v) => onChange(v as TicketStatus[])}>
        {STATUSES.map((status) => (
          <Chip key={status} value={status} color={STATUS_COLOR[status]} variant="light" size="sm">
            {t(`status.${status}`)}
            {counts ? ` · ${format.number(counts[status] ?? 0)}` : ''}
          </Chip>
        ))}
      </Chip.Group>
    </Group>
  );
}
