import { Avatar, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/ui/DateTime';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { LoadingState } from '@/components/ui/LoadingState';
import { PlainText } from '@/components/ui/PlainText';
import type { Comment } from '@/lib/api/types';
import { useComments } from '../api/get-comments';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');

function CommentItem({ comment }: { comment: Comment }) {
  const { t } = useTranslation('tickets');
  const staff = comment.author.role !== 'EMPLOYEE';
  const label = comment.internal ? t('conversation.internalNote') : t('conversation.reply');
  return (
    <Paper
      component="article"
      aria-label={`${label} — ${comment.author.full_name}`}
      p="md"
      bg={comment.internal ? 'yellow.0' : undefined}
      style={comment.internal ? { borderColor: 'var(--mantine-color-yellow-5)', borderLeftWidth: 4 } : undefined}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap">
          <Avatar radius="xl" size="sm" color={staff ? 'blue' : 'gray'} aria-hidden>
            {initials(comment.author.full_name)}
          </Avatar>
          <div>
            <Text size="sm" fw={600}>
              {comment.author.full_name}
            </Text>
            <Text size="xs" c="dimmed">
              <DateTime value={comment.created_at} />
            </Text>
          </div>
        </Group>
        {comment.internal ? (
          <Badge color="yellow" variant="filled" leftSection={<IconLock size={12} aria-hidden />} radius="sm">
            {t('conversation.internalNote')}
          </Badge>
        ) : (
          staff && (
            <Badge color="blue" variant="light" radius="sm">
              {t('conversation.support')}
            </Badge>
          )
        )}
      </Group>
      <PlainText size="sm">{comment.body}</PlainText>
    </Paper>
  );
}

/** A ticket's conversation: public replies, and internal notes set apart and labelled. */
export function Conversation({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation('tickets');
  const comments = useComments(ticketId);
  if (comments.isPending) return <LoadingState />;
  if (comments.isError) return <ErrorAlert error={comments.error} onRetry={() => void comments.refetch()} />;
  if (comments.data.length === 0) return <EmptyState title={t('conversation.empty')} />;
  return (
    <Stack gap="sm">
      {comments.data.map((comment) => (
        <CommentItem key={comment.id} comment={comment} />
      ))}
    </Stack>
  );
}
