import { Button, Paper, Select, Stack, Title } from '@mantine/core';
import { IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCategories } from '@/features/categories/api/get-categories';
import { useAssignableUsers } from '@/features/users/api/get-assignable-users';
import { PRIORITIES, type Ticket, type TicketPriority, type TicketStatus } from '@/lib/api/types';
import { useCurrentUser } from '@/lib/auth/auth-context';
import { useShortcuts } from '@/lib/shortcuts';
import { ConflictAlert } from './ConflictAlert';
import { useTicketChange } from './use-ticket-change';

const NONE = 'none';

/** A technician's controls: status, priority, category and assignee, each saved on change. */
export function AgentControls({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('tickets');
  const me = useCurrentUser();
  const categories = useCategories();
  const assignable = useAssignableUsers();
  const { change, conflict, dismissConflict, pending } = useTicketChange(ticket);
  const mine = ticket.assignee?.id === me.id;
  // `a`: assign to me, as the button below.
  useShortcuts([['a', () => !mine && !pending && change({ assignee_id: me.id })]]);

  // The server says which moves this caller may make now.
  const statuses = [ticket.status, ...ticket.allowed_transitions.filter((s) => s !== ticket.status)];
  const categoryOptions = (categories.data ?? []).map((c) => ({ value: String(c.id), label: c.name }));
  if (ticket.category && !categoryOptions.some((o) => o.value === String(ticket.category!.id))) {
    categoryOptions.push({ value: String(ticket.category.id), label: ticket.category.name });
  }
  const people = (assignable.data ?? []).map((u) => ({ value: String(u.id), label: u.full_name }));
  if (ticket.assignee && !people.some((o) => o.value === String(ticket.assignee!.id))) {
    people.push({ value: String(ticket.assignee.id), label: ticket.assignee.full_name });
  }

  return (
    <Paper p="md">
      <Stack gap="sm">
        <Title order={2} fz="h5">
          {t('controls.title')}
        </Title>
        {conflict && <ConflictAlert onClose={dismissConflict} />}
        <Select
          label={t('fields.status')}
          allowDeselect={false}
          disabled={pending || statuses.length === 1}
          data={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={ticket.status}
          onChange={(v) => v && v !== ticket.status && change({ status: v as TicketStatus })}
        />
        <Select
          label={t('fields.priority')}
          allowDeselect={false}
          disabled={pending}
          data={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
          value={ticket.priority}
          onChange={(v) => v && v !== ticket.priority && change({ priority: v as TicketPriority })}
        />
        <Select
          label={t('fields.category')}
          placeholder={t('noCategory')}
          clearable
          searchable
          disabled={pending}
          data={categoryOptions}
          value={ticket.category ? String(ticket.category.id) : null}
          onChange={(v) => (v ? change({ category_id: Number(v) }) : change({ clear_category: true }))}
        />
        <Select
          label={t('fields.assignee')}
          searchable
          allowDeselect={false}
          disabled={pending}
          data={[{ value: NONE, label: t('unassigned') }, ...people]}
          value={ticket.assignee ? String(ticket.assignee.id) : NONE}
          onChange={(v) => {
            if (!v || v === (ticket.assignee ? String(ticket.assignee.id) : NONE)) return;
            change(v === NONE ? { unassign: true } : { assignee_id: Number(v) });
          }}
        />
        {ticket.assignee?.id !== me.id && (
          <Button
            variant="light"
            leftSection={<IconUserCheck size={16} aria-hidden />}
            loading={pending}
            onClick={() => change({ assignee_id: me.id })}
          >
            {t('controls.assignToMe')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
