import { Badge } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconEqual, IconFlame } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TicketPriority, TicketStatus } from '@/lib/api/types';

/** Colour of each status, shared by badges and filter chips. */
export const STATUS_COLOR: Record<TicketStatus, string> = {
  NEW: 'blue',
  IN_PROGRESS: 'violet',
  WAITING: 'yellow',
  RESOLVED: 'teal',
  CLOSED: 'gray',
};

const PRIORITY_COLOR: Record<TicketPriority, string> = {
  LOW: 'gray',
  MEDIUM: 'blue',
  HIGH: 'orange',
  CRITICAL: 'red',
};

const PRIORITY_ICON: Record<TicketPriority, typeof IconEqual> = {
  LOW: IconArrowDown,
  MEDIUM: IconEqual,
  HIGH: IconArrowUp,
  CRITICAL: IconFlame,
};

// Never cut a badge's word short, however narrow its table column.
const LABEL = { label: { overflow: 'visible' } };

/** A ticket's status, in colour and in words. */
export function StatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useTranslation('tickets');
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant="light"
      radius="sm"
      tt="none"
      style={{ flexShrink: 0, overflow: 'visible' }}
      styles={LABEL}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}

/** A ticket's priority, in colour, with an arrow, and in words. */
export function PriorityBadge({ priority }: { priority: TicketPriority }) {
  const { t } = useTranslation('tickets');
  const Icon = PRIORITY_ICON[priority];
  return (
    <Badge
      color={PRIORITY_COLOR[priority]}
      variant={priority === 'CRITICAL' ? 'filled' : 'outline'}
      radius="sm"
      tt="none"
      leftSection={<Icon size={12} aria-hidden />}
      style={{ flexShrink: 0, overflow: 'visible' }}
      styles={LABEL}
    >
      {t(`priority.${priority}`)}
    </Badge>
  );
}
