import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CardPage, SectionCard } from '@/components/ui/CardPage';
import { DataTable } from '@/components/ui/DataTable';
import { DateTime } from '@/components/ui/DateTime';
import { QueryState } from '@/components/ui/QueryState';
import { useBounces } from '@/features/inbound/api/get-bounces';
import { useClearBounce } from '@/features/inbound/api/clear-bounce';
import { useDeleteInboundMessage } from '@/features/inbound/api/delete-inbound-message';
import { downloadInboundMessage } from '@/features/inbound/api/download-inbound-message';
import { useInboundMailboxes } from '@/features/inbound/api/get-inbound-mailboxes';
import { useInboundProblems } from '@/features/inbound/api/get-inbound-messages';
import { useRetryInboundMessage } from '@/features/inbound/api/retry-inbound-message';
import type { InboundMailbox, InboundMessage } from '@/lib/api/types';
import { BreakableAddress } from '../components/OutboxTable';

/** One line of a mailbox's card: a term and its value. */
function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" component="dt" style={{ flexShrink: 0 }}>
        {term}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

/** A mailbox: where it is read, when it last worked, its last error, what its messages became. */
function MailboxCard({ mailbox }: { mailbox: InboundMailbox }) {
  const { t } = useTranslation('admin');
  const never = t('inbound.never');
  return (
    <SectionCard
      title={mailbox.name}
      aside={
        <Badge color={mailbox.healthy ? 'teal' : 'red'} variant={mailbox.healthy ? 'light' : 'filled'} tt="none">
          {mailbox.healthy ? t('inbound.healthy') : t('inbound.failing')}
        </Badge>
      }
    >
      <Stack gap={4} component="dl" m={0}>
        <Fact term={t('inbound.server')}>
          {mailbox.host}:{mailbox.port} ({mailbox.security}, {mailbox.folder})
        </Fact>
        <Fact term={t('inbound.login')}>{mailbox.user}</Fact>
        {mailbox.category && <Fact term={t('inbound.category')}>{mailbox.category}</Fact>}
        <Fact term={t('inbound.lastSuccess')}>
          {mailbox.last_success_at ? <DateTime value={mailbox.last_success_at} /> : never}
        </Fact>
        <Fact term={t('inbound.processed')}>
          {t('inbound.counts', {
            processed: mailbox.counts.processed ?? 0,
            ignored: mailbox.counts.ignored ?? 0,
            rejected: mailbox.counts.rejected ?? 0,
            failed: mailbox.counts.failed ?? 0,
          })}
        </Fact>
        {mailbox.last_error && (
          <Fact term={t('inbound.lastError')}>
            {mailbox.last_error_at && (
              <>
                <DateTime value={mailbox.last_error_at} /> —{' '}
              </>
            )}
            {mailbox.last_error}
          </Fact>
        )}
      </Stack>
    </SectionCard>
  );
}

/**
 * Admin: the email channel (docs/architecture.md, "Email channel"). Each IMAP mailbox with its
 * state; the messages that were rejected or failed (kept raw until deleted), to process again or
 * delete; the addresses whose mail bounced, whose notifications wait until cleared.
 */
export function AdminInboundPage() {
  const { t } = useTranslation('admin');
  const mailboxes = useInboundMailboxes();
  const problems = useInboundProblems();
  const bounces = useBounces();
  const retry = useRetryInboundMessage();
  const remove = useDeleteInboundMessage();
  const clear = useClearBounce();

  const problemActions = (m: InboundMessage) => {
    const subject = m.subject || t('inbound.noSubject');
    return (
      <Group gap="xs" wrap="nowrap">
        <Button
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} aria-hidden />}
          aria-label={t('inbound.downloadLabel', { subject })}
          onClick={() =>
            void downloadInboundMessage(m.id).catch(() =>
              notifications.show({ color: 'red', message: t('inbound.downloadFailed') }),
            )
          }
        >
          {t('inbound.download')}
        </Button>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconRefresh size={14} aria-hidden />}
          loading={retry.isPending && retry.variables === m.id}
          aria-label={t('inbound.retryLabel', { subject })}
          onClick={() =>
            retry.mutate(m.id, {
              onSuccess: () => notifications.show({ color: 'teal', message: t('inbound.retried') }),
            })
          }
        >
          {t('inbound.retry')}
        </Button>
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconTrash size={14} aria-hidden />}
          loading={remove.isPending && remove.variables === m.id}
          aria-label={t('inbound.deleteLabel', { subject })}
          onClick={() =>
            remove.mutate(m.id, {
              onSuccess: () => notifications.show({ color: 'teal', message: t('inbound.deleted') }),
            })
          }
        >
          {t('inbound.delete')}
        </Button>
      </Group>
    );
  };

  return (
    <CardPage title={t('inbound.title')} subtitle={t('inbound.subtitle')} gap="xl">
      <QueryState
        query={mailboxes}
        empty={{ when: (data) => data.mailboxes.length === 0, title: t('inbound.noMailbox') }}
      >
        {(data) => (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {data.mailboxes.map((m) => (
              <MailboxCard key={m.name} mailbox={m} />
            ))}
          </SimpleGrid>
        )}
      </QueryState>
      <SectionCard plain title={t('inbound.problems')} description={t('inbound.problemsHelp')}>
        <QueryState query={problems}>
          {(data) => (
            <DataTable
              caption={t('inbound.problems')}
              rows={data}
              rowKey={(m) => m.id}
              minWidth={760}
              empty={{ title: t('inbound.noProblem') }}
              columns={[
                {
                  key: 'received',
                  header: t('inbound.columns.received'),
                  cell: (m) => <DateTime value={m.received_at} />,
                },
                {
                  key: 'message',
                  header: t('inbound.columns.message'),
                  cell: (m) => (
                    <>
                      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                        {m.subject || t('inbound.noSubject')}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {m.sender ? <BreakableAddress address={m.sender} /> : t('inbound.noSender')}
                      </Text>
                      {m.ticket_id != null && (
                        <Anchor component={Link} to={`/tickets/${m.ticket_id}`} size="sm">
                          {t('inbound.ticket', { id: m.ticket_id })}
                        </Anchor>
                      )}
                    </>
                  ),
                },
                {
                  key: 'why',
                  header: t('inbound.columns.why'),
                  cell: (m) => (
                    <>
                      <Badge color={m.status === 'FAILED' ? 'red' : 'orange'} variant="light" tt="none">
                        {t(`inbound.status.${m.status}`, { defaultValue: m.status })}
                      </Badge>
                      <Text size="sm">
                        {t(`inbound.reasons.${m.reason ?? 'error'}`, { defaultValue: m.reason ?? '' })}
                      </Text>
                      {m.error && (
                        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {m.error}
                        </Text>
                      )}
                    </>
                  ),
                },
              ]}
              actions={problemActions}
            />
          )}
        </QueryState>
      </SectionCard>
      <SectionCard plain title={t('inbound.bounces')} description={t('inbound.bouncesHelp')}>
        <QueryState query={bounces} empty={{ when: (data) => data.length === 0, title: t('inbound.noBounce') }}>
          {(data) => (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {data.map((b) => (
                <Paper key={b.email} p="sm" withBorder component="li">
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <div>
                      <Text size="sm" fw={500}>
                        <BreakableAddress address={b.email} />
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('inbound.bounceFacts', { count: b.bounces, status: b.status ?? '?' })} ·{' '}
                        <DateTime value={b.last_at} />
                      </Text>
                      {b.diagnostic && (
                        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {b.diagnostic}
                        </Text>
                      )}
                    </div>
                    <Button
                      size="xs"
                      variant="light"
                      loading={clear.isPending && clear.variables === b.email}
                      aria-label={t('inbound.clearLabel', { email: b.email })}
                      onClick={() =>
                        clear.mutate(b.email, {
                          onSuccess: () => notifications.show({ color: 'teal', message: t('inbound.cleared') }),
                        })
                      }
                    >
                      {t('inbound.clear')}
                    </Button>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )}
        </QueryState>
      </SectionCard>
    </CardPage>
  );
}
