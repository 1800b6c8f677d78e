import { Anchor, Badge, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconRefresh, IconSend, IconTrash } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '@/components/ui/DataTable';
import { DateTime } from '@/components/ui/DateTime';
import { useFormat } from '@/lib/i18n/format';
import type { OutboxItem, OutboxStatus } from '@/lib/api/types';
import { outboxErrorCategory } from './outbox-error';
import type { HeldDecision } from '@/features/outbox/api/decide-held-message';

/** Colour of each outbox status; the badge also says it in words. */
export const OUTBOX_STATUS_COLOR: Record<OutboxStatus, string> = {
  PENDING: 'yellow',
  SENDING: 'blue',
  SENT: 'teal',
  FAILED: 'red',
  HELD: 'orange',
};

/** An email's delivery status, in colour and in words. */
export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const { t } = useTranslation('admin');
  return (
    <Badge
      color={OUTBOX_STATUS_COLOR[status]}
      variant={status === 'FAILED' ? 'filled' : 'light'}
      radius="sm"
      tt="none"
      style={{ flexShrink: 0, overflow: 'visible' }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {t(`outbox.status.${status}`)}
    </Badge>
  );
}

/**
 * An email address that wraps after its "@" and its dots rather than mid-word, and only
 * mid-word when a part alone is wider than the column.
 */
export function BreakableAddress({ address }: { address: string }) {
  const parts = address.split(/(?<=[@.])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}

/**
 * The outbox's emails: status, kind and subject, recipient, ticket, dates, the relay's last
 * error (as plain text); for failed ones, a button to send them again; for held ones (after a
 * restore), buttons to send or discard them.
 */
export function OutboxTable({
  items,
  onRetry,
  onDecide,
  retrying,
}: {
  items: OutboxItem[];
  onRetry: (item: OutboxItem) => void;
  onDecide: (item: OutboxItem, decision: HeldDecision) => void;
  /** The id of the message being retried, released or discarded, if any. */
  retrying: number | null;
}) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  return (
    <DataTable
      caption={t('outbox.title')}
      rows={items}
      rowKey={(item) => item.id}
      minWidth={960}
      columns={[
        {
          key: 'status',
          header: t('outbox.columns.status'),
          cell: (item) => <OutboxStatusBadge status={item.status} />,
        },
        {
          key: 'message',
          header: t('outbox.columns.message'),
          td: { miw: 260, maw: 420 },
          cell: (item) => (
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t(`outbox.kind.${item.kind}`, { defaultValue: item.kind })}
              </Text>
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {item.subject}
              </Text>
              {item.last_error && (
                <Text size="xs" c="red.9" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  <Text span inherit fw={600}>
                    {t('outbox.lastError')} {t(`outbox.errorCategory.${outboxErrorCategory(item.last_error)}`)}
                  </Text>
                  <br />
                  {t('outbox.errorDetail')} <span lang="en">{item.last_error}</span>
                </Text>
              )}
            </Stack>
          ),
        },
        {
          key: 'recipient',
          header: t('outbox.columns.recipient'),
          cell: (item) => (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }} miw={140}>
              <BreakableAddress address={item.recipient} />
            </Text>
          ),
        },
        {
          key: 'ticket',
          header: t('outbox.columns.ticket'),
          cell: (item) =>
            item.ticket_id === null || item.ticket_id === undefined ? (
              <Text size="sm" c="dimmed">
                <span aria-hidden>—</span>
                <VisuallyHidden>{t('outbox.noTicket')}</VisuallyHidden>
              </Text>
            ) : (
              <Anchor component={Link} to={`/tickets/${item.ticket_id}`} size="sm">
                {t('outbox.ticketLink', { id: item.ticket_id })}
              </Anchor>
            ),
        },
        {
          key: 'created',
          header: t('outbox.columns.created'),
          cell: (item) => (
            <Text size="sm" c="dimmed">
              <DateTime value={item.created_at} />
            </Text>
          ),
        },
        {
          key: 'delivery',
          header: t('outbox.columns.delivery'),
          cell: (item) => (
            <Stack gap={2}>
              {item.status === 'SENT' && item.sent_at && (
                <Text size="sm">{t('outbox.sentAt', { date: format.dateTime(item.sent_at) })}</Text>
              )}
              {item.status === 'HELD' && (
                <Text size="sm" c="orange.9">
                  {t('outbox.heldHint')}
                </Text>
              )}
              {item.status === 'PENDING' && (
                <Text size="sm">{t('outbox.nextAttempt', { date: format.dateTime(item.next_attempt_at) })}</Text>
              )}
              <Text size="xs" c="dimmed">
                {t('outbox.attempts', { count: item.attempts })}
              </Text>
            </Stack>
          ),
        },
      ]}
      actions={(item) => (
        <>
          {item.status === 'FAILED' && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconRefresh size={14} aria-hidden />}
              loading={retrying === item.id}
              disabled={retrying !== null && retrying !== item.id}
              onClick={() => onRetry(item)}
              aria-label={t('outbox.retryNamed', { id: item.id })}
            >
              {t('outbox.retry')}
            </Button>
          )}
          {item.status === 'HELD' && (
            <Group gap="xs" wrap="nowrap">
              <Button
                size="xs"
                variant="light"
                leftSection={<IconSend size={14} aria-hidden />}
                loading={retrying === item.id}
                disabled={retrying !== null && retrying !== item.id}
                onClick={() => onDecide(item, 'release')}
                aria-label={t('outbox.releaseNamed', { id: item.id })}
              >
                {t('outbox.release')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={14} aria-hidden />}
                disabled={retrying !== null}
                onClick={() => onDecide(item, 'discard')}
                aria-label={t('outbox.discardNamed', { id: item.id })}
              >
                {t('outbox.discard')}
              </Button>
            </Group>
          )}
        </>
      )}
    />
  );
}
