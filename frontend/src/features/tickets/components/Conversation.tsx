import { Avatar, Badge, Group, Paper, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconLock, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/ui/DateTime';
import { Markdown } from '@/components/ui/Markdown';
import { QueryState } from '@/components/ui/QueryState';
import type { Attachment, Comment } from '@/lib/api/types';
import { useFormat } from '@/lib/i18n/format';
import { notifyError } from '@/lib/query-client';
import { downloadAttachment, useAttachments } from '../api/get-attachments';
import { useComments } from '../api/get-comments';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');

/** The files sent with one reply or note, each a download button. */
function CommentFiles({ files }: { files: Attachment[] }) {
  const { t } = useTranslation('tickets');
  const format = useFormat();
  return (
    <Stack gap={4} mt="sm" role="group" aria-label={t('canned:reply.filesOf')}>
      {files.map((file) => (
        <UnstyledButton
          key={file.id}
          onClick={() => downloadAttachment(file).catch(notifyError)}
          className="guichet-focusable"
        >
          <Group gap="xs" wrap="nowrap">
            <IconPaperclip size={14} aria-hidden />
            <Text size="sm" c="blue" style={{ overflowWrap: 'anywhere' }}>
              {file.file_name}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {format.bytes(file.size)}
            </Text>
            <VisuallyHidden>{t('attachments.download')}</VisuallyHidden>
            <IconDownload size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      ))}
    </Stack>
  );
}

function CommentItem({ comment, files }: { comment: Comment; files: Attachment[] }) {
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
      <Markdown>{comment.body}</Markdown>
      {files.length > 0 && <CommentFiles files={files} />}
    </Paper>
  );
}

/** A ticket's conversation: public replies, and internal notes set apart and labelled. */
export function Conversation({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation('tickets');
  const comments = useComments(ticketId);
  const attachments = useAttachments(ticketId);
  const filesOf = (commentId: number) => (attachments.data ?? []).filter((file) => file.comment_id === commentId);
  return (
    <QueryState query={comments} empty={{ when: (data) => data.length === 0, title: t('conversation.empty') }}>
      {(data) => (
        <Stack gap="sm">
          {data.map((comment) => (
            <CommentItem key={comment.id} comment={comment} files={filesOf(comment.id)} />
          ))}
        </Stack>
      )}
    </QueryState>
  );
}
