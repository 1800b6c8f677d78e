import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/ui/DateTime';
import type { Ticket } from '@/lib/api/types';
import { SlaDetails } from './SlaBadge';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

/** Who asked, who handles it, and when things happened. */
export function TicketFacts({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('tickets');
  return (
    <Paper p="md">
      <SimpleGrid cols={{ base: 2, md: 1 }} spacing="sm" component="dl" m={0}>
        <Fact label={t('fields.requester')}>
          {ticket.requester.full_name}
          <Text size="xs" c="dimmed" component="span" display="block">
            {ticket.requester.email}
          </Text>
        </Fact>
        <Fact label={t('fields.assignee')}>{ticket.assignee?.full_name ?? t('unassigned')}</Fact>
        <Fact label={t('fields.category')}>{ticket.category?.name ?? t('noCategory')}</Fact>
        <Fact label={t('fields.created')}>
          <DateTime value={ticket.created_at} />
        </Fact>
        <Fact label={t('fields.updated')}>
          <DateTime value={ticket.updated_at} />
        </Fact>
        {ticket.resolved_at && (
          <Fact label={t('fields.resolved')}>
            <DateTime value={ticket.resolved_at} />
          </Fact>
        )}
        {ticket.closed_at && (
          <Fact label={t('fields.closed')}>
            <DateTime value={ticket.closed_at} />
          </Fact>
        )}
        {ticket.sla && (
          <Fact label={t('sla:column')}>
            <SlaDetails sla={ticket.sla} />
          </Fact>
        )}
      </SimpleGrid>
    </Paper>
  );
}
