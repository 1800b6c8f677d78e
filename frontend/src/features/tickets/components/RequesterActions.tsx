import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconRotateClockwise } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Ticket, TicketStatus } from '@/lib/api/types';
import { ConflictAlert } from './ConflictAlert';
import { useTicketChange } from './use-ticket-change';

const HINTS: Record<TicketStatus, string> = {
  NEW: 'requester.openHint',
  IN_PROGRESS: 'requester.openHint',
  WAITING: 'requester.waitingHint',
  RESOLVED: 'requester.resolvedHint',
  CLOSED: 'requester.closedHint',
};

/** What a requester may do to their own ticket: close or reopen it once resolved. */
export function RequesterActions({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('tickets');
  const { change, conflict, dismissConflict, pending } = useTicketChange(ticket);
  const canClose = ticket.allowed_transitions.includes('CLOSED');
  const canReopen = ticket.status === 'RESOLVED' && ticket.allowed_transitions.includes('IN_PROGRESS');
  const hint = t(HINTS[ticket.status]);
  return (
    <Paper p="md">
      <Stack gap="sm">
        <Title order={2} fz="h5">
          {t('requester.title')}
        </Title>
        {conflict && <ConflictAlert onClose={dismissConflict} />}
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
        {(canClose || canReopen) && (
          // One button per line: side by side, "Clore le ticket" was cut in the narrow column.
          <Stack gap="xs">
            {canClose && (
              <Button
                color="teal"
                leftSection={<IconCircleCheck size={16} aria-hidden />}
                loading={pending}
                onClick={() => change({ status: 'CLOSED' })}
              >
                {t('requester.close')}
              </Button>
            )}
            {canReopen && (
              <Button
                variant="default"
                leftSection={<IconRotateClockwise size={16} aria-hidden />}
                loading={pending}
                onClick={() => change({ status: 'IN_PROGRESS' })}
              >
                {t('requester.reopen')}
              </Button>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
