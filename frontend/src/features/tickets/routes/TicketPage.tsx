import { Anchor, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { LoadingState } from '@/components/ui/LoadingState';
import { PlainText } from '@/components/ui/PlainText';
import { NotFoundPage } from '@/components/ui/ErrorPages';
import { isApiError } from '@/lib/api/problem';
import { isAgent, useCurrentUser } from '@/lib/auth/auth-context';
import { useTicket } from '../api/get-ticket';
import { AgentControls } from '../components/AgentControls';
import { AttachmentsPanel } from '../components/AttachmentsPanel';
import { CommentForm } from '../components/CommentForm';
import { useMarkSeen } from '../api/mark-seen';
import { Conversation } from '../components/Conversation';
import { HistoryTimeline } from '../components/HistoryTimeline';
import { RequesterActions } from '../components/RequesterActions';
import { PriorityBadge, StatusBadge } from '../components/TicketBadges';
import { TicketFacts } from '../components/TicketFacts';
import { SurveyPanel } from '../components/SurveyPanel';
import { TicketShortcuts } from '../components/TicketShortcuts';
import { DateTime } from '@/components/ui/DateTime';

/** One ticket: its description and conversation, and the controls the user's role allows. */
export function TicketPage() {
  const { t } = useTranslation('tickets');
  const user = useCurrentUser();
  const param = useParams().ticketId ?? '';
  // Only digits make a ticket number: "/tickets/abc" or "/tickets/1e3" is "not found", asked of no one.
  const id = /^[1-9]\d{0,17}$/.test(param) ? Number(param) : 0;
  const ticket = useTicket(id, id > 0);
  useMarkSeen(ticket.data);
  const agent = isAgent(user.role);
  // Empty while there is no ticket: the not-found page (a child) sets its own title.
  useDocumentTitle(
    ticket.data
      ? `#${ticket.data.id} ${ticket.data.title} · Guichet`
      : ticket.isError && !isApiError(ticket.error, 404)
        ? `${t('common:errors.title')} · Guichet`
        : '',
  );

  if (id <= 0 || isApiError(ticket.error, 404)) return <NotFoundPage />;
  if (ticket.isPending) return <LoadingState />;
  if (ticket.isError) return <ErrorAlert error={ticket.error} onRetry={() => void ticket.refetch()} />;
  const data = ticket.data;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={agent ? '/queue' : '/tickets'} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {agent ? t('queue.title') : t('mine.title')}
        </Group>
      </Anchor>
      <div>
        <Group gap="xs" mb={6}>
          <Text c="dimmed" ff="monospace">
            #{data.id}
          </Text>
          <StatusBadge status={data.status} />
          <PriorityBadge priority={data.priority} />
        </Group>
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }} style={{ overflowWrap: 'anywhere' }}>
          {data.title}
        </Title>
      </div>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Paper p="md" component="section" aria-label={t('fields.description')}>
              <Text size="xs" c="dimmed" mb="xs">
                {t('page.openedBy', { name: data.requester.full_name })} · <DateTime value={data.created_at} />
              </Text>
              <PlainText>{data.description}</PlainText>
            </Paper>
            <Title order={2} fz="h4">
              {t('conversation.title')}
            </Title>
            <Conversation ticketId={id} />
            {data.status !== 'CLOSED' && (
              <CommentForm ticketId={id} canWriteNotes={agent} status={agent ? data.status : undefined} />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            {agent ? <AgentControls ticket={data} /> : <RequesterActions ticket={data} />}
            <TicketFacts ticket={data} />
            <SurveyPanel ticketId={id} agent={agent} />
            <AttachmentsPanel ticketId={id} canUpload={data.status !== 'CLOSED'} />
            <HistoryTimeline ticketId={id} requesterId={data.requester.id} />
            {agent && <TicketShortcuts ticketId={id} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
