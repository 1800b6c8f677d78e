import { Anchor, Badge, Checkbox, Group, Paper, ScrollArea, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '@/components/ui/DateTime';
import type { Ticket } from '@/lib/api/types';
import { SlaBadge } from './SlaBadge';
import { PriorityBadge, StatusBadge } from './TicketBadges';
import type { RowSelection } from './use-row-selection';

/**
 * Tickets as a table; `agent` adds the requester and assignee columns of the queue.
 * Each title is a link, so the table is usable from the keyboard. On phones the secondary
 * columns fold into the title cell. With `selection`, each row starts with a checkbox (shift-click
 * picks a range) under a "select all on this page" box; `focusedIndex` marks the row the keyboard
 * shortcuts act on, and `onRowFocus` tells which row the focus entered.
 */
export function TicketTable({
  tickets,
  agent = false,
  caption,
  selection,
  focusedIndex = null,
  onRowFocus,
}: {
  tickets: Ticket[];
  agent?: boolean;
  caption: string;
  selection?: RowSelection;
  focusedIndex?: number | null;
  onRowFocus?: (index: number) => void;
}) {
  const { t } = useTranslation('tickets');
  return (
    <Paper p={0} style={{ overflow: 'hidden' }}>
      <ScrollArea type="auto">
        {/* Compact rows and headers on one line: more tickets fit a laptop screen. */}
        <Table highlightOnHover verticalSpacing={6} horizontalSpacing="sm" className="guichet-ticket-table">
          <caption>
            <VisuallyHidden>{caption}</VisuallyHidden>
          </caption>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              {selection && (
                <Table.Th w={36}>
                  <Checkbox
                    aria-label={t('bulk:selectAll')}
                    checked={selection.all}
                    indeterminate={selection.some}
                    onChange={selection.toggleAll}
                  />
                </Table.Th>
              )}
              <Table.Th w={70}>{t('fields.id')}</Table.Th>
              <Table.Th miw={220}>{t('fields.title')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('fields.status')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('fields.priority')}</Table.Th>
              {agent && <Table.Th visibleFrom="sm">{t('sla:column')}</Table.Th>}
              {agent && <Table.Th visibleFrom="md">{t('fields.requester')}</Table.Th>}
              {agent && <Table.Th visibleFrom="md">{t('fields.assignee')}</Table.Th>}
              <Table.Th visibleFrom="lg">{t('fields.category')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('fields.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tickets.map((ticket, index) => (
              <Table.Tr
                key={ticket.id}
                data-row={index}
                data-focused={focusedIndex === index || undefined}
                bg={selection?.isSelected(ticket.id) ? 'var(--mantine-primary-color-light)' : undefined}
                onFocus={onRowFocus && (() => onRowFocus(index))}
              >
                {selection && (
                  <Table.Td>
                    <Checkbox
                      aria-label={t('bulk:selectTicket', { id: ticket.id, title: ticket.title })}
                      checked={selection.isSelected(ticket.id)}
                      // A shift-click picks the range from the previous click.
                      onChange={(event) => selection.toggle(ticket.id, (event.nativeEvent as MouseEvent).shiftKey)}
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <Text size="sm" c="dimmed" ff="monospace">
                    #{ticket.id}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      {ticket.unread && (
                        // Text, not colour alone: "Non lu" is read and seen.
                        <Badge size="xs" variant="filled" color="blue" style={{ flexShrink: 0 }} mt={2}>
                          {t('list.unread')}
                        </Badge>
                      )}
                      <Anchor
                        component={Link}
                        to={`/tickets/${ticket.id}`}
                        fw={ticket.unread ? 800 : 600}
                        size="sm"
                        lineClamp={2}
                      >
                        {ticket.title}
                      </Anchor>
                    </Group>
                    <Group gap={6} hiddenFrom="sm">
                      <StatusBadge status={ticket.status} />
                      <PriorityBadge priority={ticket.priority} />
                      {agent && <SlaBadge sla={ticket.sla} />}
                      <Text size="xs" c="dimmed">
                        <DateTime value={ticket.updated_at} relative />
                      </Text>
                    </Group>
                    {agent && (
                      // Where the requester and assignee columns are hidden (phones, tablets).
                      <Text size="xs" c="dimmed" hiddenFrom="md">
                        {t('list.people', {
                          requester: ticket.requester.full_name,
                          assignee: ticket.assignee?.full_name ?? t('unassigned'),
                        })}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <StatusBadge status={ticket.status} />
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <PriorityBadge priority={ticket.priority} />
                </Table.Td>
                {agent && (
                  <Table.Td visibleFrom="sm">
                    <SlaBadge sla={ticket.sla} />
                  </Table.Td>
                )}
                {agent && (
                  <Table.Td visibleFrom="md">
                    <Text size="sm" truncate="end" maw={170} title={ticket.requester.full_name}>
                      {ticket.requester.full_name}
                    </Text>
                  </Table.Td>
                )}
                {agent && (
                  <Table.Td visibleFrom="md">
                    <Text
                      size="sm"
                      c={ticket.assignee ? undefined : 'dimmed'}
                      fs={ticket.assignee ? undefined : 'italic'}
                      truncate="end"
                      maw={170}
                    >
                      {ticket.assignee?.full_name ?? t('unassigned')}
                    </Text>
                  </Table.Td>
                )}
                <Table.Td visibleFrom="lg">
                  <Text size="sm" c={ticket.category ? undefined : 'dimmed'}>
                    {ticket.category?.name ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    <DateTime value={ticket.updated_at} relative />
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}
