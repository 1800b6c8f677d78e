import { Button, FileButton, Group, Paper, Stack, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconPaperclip, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '@/components/ui/LoadingState';
import { useFormat } from '@/lib/i18n/format';
import { notifyError } from '@/lib/query-client';
import { downloadAttachment, useAttachments } from '../api/get-attachments';
import { useUploadAttachment } from '../api/upload-attachment';

/**
 * A ticket's files with download and upload. Hidden entirely while the server offers
 * no attachments (its list answers 404).
 */
export function AttachmentsPanel({ ticketId, canUpload }: { ticketId: number; canUpload: boolean }) {
  const { t } = useTranslation('tickets');
  const format = useFormat();
  const attachments = useAttachments(ticketId);
  const upload = useUploadAttachment();
  if (attachments.data === null || attachments.isError) return null;

  return (
    <Paper p="md" component="section" aria-labelledby="attachments-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h5" id="attachments-title">
          {t('attachments.title')}
        </Title>
        {canUpload && (
          <FileButton onChange={(file) => file && upload.mutate({ ticketId, file })}>
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="light"
                loading={upload.isPending}
                leftSection={<IconUpload size={14} aria-hidden />}
              >
                {t('attachments.add')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {attachments.isPending ? (
        <LoadingState />
      ) : attachments.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('attachments.empty')}
        </Text>
      ) : (
        <Stack gap={6}>
          {attachments.data.map((file) => (
            <UnstyledButton
              key={file.id}
              onClick={() => downloadAttachment(file).catch(notifyError)}
              className="guichet-focusable"
            >
              {/* The accessible name starts with the visible text (WCAG 2.5.3 label in name). */}
              <Group gap="xs" wrap="nowrap">
                <IconPaperclip size={16} aria-hidden />
                <Text size="sm" c="blue" style={{ overflowWrap: 'anywhere' }}>
                  {file.file_name}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {format.bytes(file.size)}
                </Text>
                <VisuallyHidden>{t('attachments.download')}</VisuallyHidden>
                <IconDownload size={14} aria-hidden style={{ marginLeft: 'auto' }} />
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
