import { zodResolver } from '@hookform/resolvers/zod';
import { Button, FileInput, Group, Paper, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { IconLock, IconPaperclip, IconSend } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { notifyError } from '@/lib/query-client';
import { useCreateComment } from '../api/create-comment';
import { attachmentsQueryOptions } from '../api/get-attachments';
import { uploadAttachment } from '../api/upload-attachment';
import { CannedResponsePicker } from './CannedResponsePicker';

const schema = z.object({
  body: z.string().trim().min(1, 'tickets:validation.replyRequired').max(20000, 'tickets:validation.descriptionLong'),
  kind: z.enum(['reply', 'note']),
});
type Values = z.infer<typeof schema>;

/**
 * The reply box; technicians and admins can switch it to an internal note and insert canned
 * responses. Files picked here are uploaded once the reply exists, linked to it (`comment_id`).
 */
export function CommentForm({ ticketId, canWriteNotes }: { ticketId: number; canWriteNotes: boolean }) {
  const { t } = useTranslation('tickets');
  const create = useCreateComment(ticketId);
  const {
    register,
    control,
    handleSubmit,
    reset,
    getValues,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { body: '', kind: 'reply' } });
  const note = useWatch({ control, name: 'kind' }) === 'note';
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const { ref: bodyRef, ...bodyField } = register('body');

  /** Puts text at the cursor (or at the end), then puts the cursor after it. */
  const insert = (text: string) => {
    const value = getValues('body');
    const start = textarea.current?.selectionStart ?? value.length;
    const end = textarea.current?.selectionEnd ?? value.length;
    setValue('body', value.slice(0, start) + text + value.slice(end), { shouldDirty: true, shouldValidate: true });
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  const submit = handleSubmit(async ({ body, kind }) => {
    try {
      const saved = await create.mutateAsync({ body, ...(canWriteNotes ? { internal: kind === 'note' } : {}) });
      reset({ body: '', kind });
      if (files.length > 0) {
        // One at a time: each is checked (type, size, quota) under the ticket's lock by the server.
        for (const file of files) await uploadAttachment(ticketId, file, saved.id).catch(notifyError);
        setFiles([]);
        await queryClient.invalidateQueries({ queryKey: attachmentsQueryOptions(ticketId).queryKey });
      }
    } catch {
      // Reported by the query client; the text stays in the box.
    }
  });

  return (
    <Paper p="md" bg={note ? 'yellow.0' : undefined} component="section" aria-label={t('conversation.write')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {canWriteNotes && (
            <Controller
              control={control}
              name="kind"
              render={({ field }) => (
                <SegmentedControl
                  aria-label={t('conversation.kind')}
                  value={field.value}
                  onChange={field.onChange}
                  data={[
                    { value: 'reply', label: t('conversation.reply') },
                    { value: 'note', label: t('conversation.internalNote') },
                  ]}
                  w="fit-content"
                />
              )}
            />
          )}
          {canWriteNotes && <CannedResponsePicker ticketId={ticketId} onInsert={insert} />}
          <Textarea
            label={note ? t('conversation.noteLabel') : t('conversation.replyLabel')}
            description={note ? t('conversation.noteHint') : t('canned:reply.formatting')}
            autosize
            minRows={3}
            maxRows={14}
            error={errors.body?.message && t(errors.body.message)}
            ref={(element) => {
              bodyRef(element);
              textarea.current = element;
            }}
            {...bodyField}
          />
          <FileInput
            label={t('canned:reply.files')}
            placeholder={t('canned:reply.filesPlaceholder')}
            leftSection={<IconPaperclip size={16} aria-hidden />}
            multiple
            clearable
            clearButtonProps={{ 'aria-label': t('common:actions.clear') }}
            value={files}
            onChange={setFiles}
            maw={420}
          />
          <Group justify="flex-end">
            <Button
              type="submit"
              color={note ? 'yellow' : undefined}
              loading={isSubmitting}
              leftSection={note ? <IconLock size={16} aria-hidden /> : <IconSend size={16} aria-hidden />}
            >
              {note ? t('conversation.addNote') : t('conversation.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
