import { Alert, Group, ScrollArea, SegmentedControl, Text } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardPage } from '@/components/ui/CardPage';
import { Pager } from '@/components/ui/Pager';
import { QueryState } from '@/components/ui/QueryState';
import { useOutbox } from '@/features/outbox/api/get-outbox';
import { useDecideHeldMessage } from '@/features/outbox/api/decide-held-message';
import { useRetryOutboxMessage } from '@/features/outbox/api/retry-outbox-message';
import { OUTBOX_STATUSES, type OutboxStatus } from '@/lib/api/types';
import { OutboxTable } from '../components/OutboxTable';
import { outboxErrorCategory } from '../components/outbox-error';

/** Failures that mean the relay itself is missing or misconfigured, not one bad address. */
const RELAY_FAILURES = new Set(['unreachable', 'timeout', 'authentication', 'tls']);

const PAGE_SIZE = 20;
const ALL = 'ALL';

/**
 * Admin: the notification emails (the outbox), filtered by status and paged, with the relay's
 * error of failed ones and a button to send them again; messages HELD after a restore of a
 * backup (maybe delivered already) are released or discarded here.
 */
export function AdminOutboxPage() {
  const { t } = useTranslation('admin');
  const filterLabel = useId();
  const [status, setStatus] = useState<OutboxStatus | null>(null);
  const [page, setPage] = useState(0);
  const outbox = useOutbox({ status, page, size: PAGE_SIZE });
  const retry = useRetryOutboxMessage();
  const decide = useDecideHeldMessage();

  // Messages waiting or given up because the relay cannot be reached: mail is not set up.
  const relayDown = (outbox.data?.items ?? []).some(
    (item) =>
      item.status !== 'SENT' && item.last_error != null && RELAY_FAILURES.has(outboxErrorCategory(item.last_error)),
  );

  return (
    <CardPage title={t('outbox.title')} subtitle={t('outbox.subtitle')}>
      <Group gap="sm" align="center" wrap="nowrap">
        <Text id={filterLabel} size="sm" fw={500}>
          {t('outbox.filter')}
        </Text>
        <ScrollArea type="auto" offsetScrollbars>
          <SegmentedControl
            role="radiogroup"
            aria-labelledby={filterLabel}
            value={status ?? ALL}
            onChange={(value) => {
              setStatus(value === ALL ? null : (value as OutboxStatus));
              setPage(0);
            }}
            data={[
              { value: ALL, label: t('outbox.all') },
              ...OUTBOX_STATUSES.map((s) => ({ value: s, label: t(`outbox.filters.${s}`) })),
            ]}
          />
        </ScrollArea>
      </Group>
      {relayDown && (
        <Alert color="orange" icon={<IconMailOff aria-hidden />} title={t('outbox.relayDown.title')}>
          {t('outbox.relayDown.text')}
        </Alert>
      )}
      <QueryState
        query={outbox}
        empty={{
          when: (data) => data.items.length === 0,
          title: status ? t('outbox.emptyFiltered') : t('outbox.empty'),
        }}
      >
        {(data) => (
          <>
            <OutboxTable
              items={data.items}
              retrying={
                retry.isPending ? (retry.variables ?? null) : decide.isPending ? (decide.variables?.id ?? null) : null
              }
              onRetry={(item) =>
                retry.mutate(item.id, {
                  onSuccess: () => notifications.show({ color: 'teal', message: t('outbox.retried') }),
                })
              }
              onDecide={(item, decision) =>
                decide.mutate(
                  { id: item.id, decision },
                  {
                    onSuccess: () =>
                      notifications.show({
                        color: 'teal',
                        message: t(decision === 'release' ? 'outbox.released' : 'outbox.discarded'),
                      }),
                  },
                )
              }
            />
            <Pager page={data.page} size={data.size} total={data.total} onChange={setPage} />
          </>
        )}
      </QueryState>
    </CardPage>
  );
}
