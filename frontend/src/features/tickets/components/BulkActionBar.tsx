import { Button, Group, Paper, Select, Text } from '@mantine/core';
import { IconUserCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories } from '@/features/categories/api/get-categories';
import { useAssignableUsers } from '@/features/users/api/get-assignable-users';
import { PRIORITIES, STATUSES, type TicketPriority, type TicketStatus } from '@/lib/api/types';
import { useCurrentUser } from '@/lib/auth/auth-context';
import type { BulkChange } from '../api/bulk-update-tickets';

const NONE = 'none';
/** Each select applies its choice at once and goes back to its placeholder. */
const selectWidth = { base: '100%', xs: 190 };

/**
 * The actions on the selected rows of the queue: assign (to me, to someone, to no one), status,
 * priority, category. Every status is offered: the server refuses, per ticket, the moves that
 * ticket may not make.
 */
export function BulkActionBar({
  count,
  pending,
  onApply,
  onClear,
}: {
  count: number;
  pending: boolean;
  onApply: (change: BulkChange) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation('bulk');
  const me = useCurrentUser();
  const people = (useAssignableUsers().data ?? []).map((u) => ({ value: String(u.id), label: u.full_name }));
  const categories = (useCategories().data ?? []).map((c) => ({ value: String(c.id), label: c.name }));
  // Each choice remounts the selects, so a searchable one does not keep the text of the last choice.
  const [round, setRound] = useState(0);
  const apply = (change: BulkChange) => {
    setRound(round + 1);
    onApply(change);
  };

  return (
    <Paper
      p="sm"
      component="section"
      aria-label={t('toolbar')}
      bg="gray.0"
      // Stays in view under the header while the technician scrolls down the rows.
      style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 0px) + 8px)', zIndex: 3 }}
    >
      <Group gap="sm" wrap="wrap" key={round}>
        <Text fw={600} size="sm" aria-live="polite" miw={150}>
          {t('selected', { count })}
        </Text>
        <Button
          size="sm"
          variant="light"
          leftSection={<IconUserCheck size={16} aria-hidden />}
          loading={pending}
          onClick={() => apply({ assignee_id: me.id })}
        >
          {t('assignToMe')}
        </Button>
        <Select
          aria-label={t('assignTo')}
          placeholder={t('assignTo')}
          searchable
          disabled={pending}
          w={selectWidth}
          value={null}
          data={[{ value: NONE, label: t('tickets:unassigned') }, ...people]}
          onChange={(v) => v && apply(v === NONE ? { unassign: true } : { assignee_id: Number(v) })}
        />
        <Select
          aria-label={t('setStatus')}
          placeholder={t('setStatus')}
          disabled={pending}
          w={selectWidth}
          value={null}
          data={STATUSES.map((s) => ({ value: s, label: t(`tickets:status.${s}`) }))}
          onChange={(v) => v && apply({ status: v as TicketStatus })}
        />
        <Select
          aria-label={t('setPriority')}
          placeholder={t('setPriority')}
          disabled={pending}
          w={selectWidth}
          value={null}
          data={PRIORITIES.map((p) => ({ value: p, label: t(`tickets:priority.${p}`) }))}
          onChange={(v) => v && apply({ priority: v as TicketPriority })}
        />
        <Select
          aria-label={t('setCategory')}
          placeholder={t('setCategory')}
          searchable
          disabled={pending}
          w={selectWidth}
          value={null}
          data={[{ value: NONE, label: t('tickets:noCategory') }, ...categories]}
          onChange={(v) => v && apply(v === NONE ? { clear_category: true } : { category_id: Number(v) })}
        />
        <Button size="sm" variant="subtle" leftSection={<IconX size={16} aria-hidden />} onClick={onClear}>
          {t('clear')}
        </Button>
      </Group>
    </Paper>
  );
}
