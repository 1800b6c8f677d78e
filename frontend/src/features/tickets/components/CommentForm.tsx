import { zodResolver } from '@hookform/resolvers/zod';
import { Button, FileInput, Group, NativeSelect, Paper, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { IconLock, IconPaperclip, IconSend } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { TicketStatus } from '@/lib/api/types';
import { useShortcuts, type Shortcut } from '@/lib/shortcuts';
import { useCreateComment } from '../api/create-comment';
import { uploadEach, useUploadAttachment } from '../api/upload-attachment';
import { CannedResponsePicker } from './CannedResponsePicker';
import { replySchema, TICKET_TEXT_LIMITS } from './ticket-rules';

const schema = z.object({
  body: replySchema,
  kind: z.enum(['reply', 'note']),
  /** The status a technician sets with a public reply; '' keeps it. */
  then: z.enum(['', 'WAITING', 'RESOLVED']),
});
type Values = z.infer<typeof schema>;

/**
 * The statuses a technician's reply may set from `status` (docs/architecture.md, "Automatic
 * transitions"): from NEW, WAITING and RESOLVED pass through IN_PROGRESS on the server.
 */
export function statusesAfterReply(status: TicketStatus): ('WAITING' | 'RESOLVED')[] {
  switch (status) {
    case 'NEW':
    case 'IN_PROGRESS':
      return ['WAITING', 'RESOLVED'];
    case 'WAITING':
      return ['RESOLVED'];
    default:
      return [];
  }
}

/**
 * The reply box; technicians and admins can switch it to an internal note, insert canned
 * responses, and, given the ticket's `status`, send a public reply and set the ticket to Waiting
 * or Resolved at once. Files picked here are uploaded once the reply exists, linked to it
 * (`comment_id`).
 */
export function CommentForm({
  ticketId,
  canWriteNotes,
  status,
}: {
  ticketId: number;
  canWriteNotes: boolean;
  status?: TicketStatus;
}) {
  const { t } = useTranslation('tickets');
  const create = useCreateComment(ticketId);
  const {
    register,
    control,
    handleSubmit,
    reset,
    getValues,
    setValue,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { body: '', kind: 'reply', then: '' } });
  const note = useWatch({ control, name: 'kind' }) === 'note';
  const then = useWatch({ control, name: 'then' });
  const choices = status ? statusesAfterReply(status) : [];
  const upload = useUploadAttachment();
  const [files, setFiles] = useState<File[]>([]);
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const { ref: bodyRef, ...bodyField } = register('body');
  // `r` writes a public reply, `n` an internal note: both switch the box and put the cursor in it.
  const write = (kind: Values['kind']) => () => {
    setValue('kind', kind);
    setFocus('body');
  };
  useShortcuts([['r', write('reply')], ...(canWriteNotes ? [['n', write('note')] as Shortcut] : [])]);

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

  const submit = handleSubmit(async ({ body, kind, then }) => {
    const setStatus = kind === 'reply' && then !== '' && choices.includes(then) ? then : undefined;
    try {
      const saved = await create.mutateAsync({
        body,
        ...(canWriteNotes ? { internal: kind === 'note' } : {}),
        ...(setStatus ? { status: setStatus } : {}),
      });
      reset({ body: '', kind, then: '' });
      if (files.length > 0) {
        await uploadEach(upload.mutateAsync, ticketId, files, saved.id);
        setFiles([]);
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
            error={errors.body?.message && t(errors.body.message, { max: TICKET_TEXT_LIMITS.reply })}
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
          <Group justify="flex-end" align="flex-end">
            {!note && choices.length > 0 && (
              <Controller
                control={control}
                name="then"
                render={({ field }) => (
                  <NativeSelect
                    label={t('conversation.then')}
                    value={field.value}
                    onChange={(e) => field.onChange(e.currentTarget.value)}
                    data={[
                      { value: '', label: t('conversation.thenKeep') },
                      ...choices.map((s) => ({ value: s, label: t(`conversation.then${s}`) })),
                    ]}
                  />
                )}
              />
            )}
            <Button
              type="submit"
              color={note ? 'yellow' : undefined}
              loading={isSubmitting}
              leftSection={note ? <IconLock size={16} aria-hidden /> : <IconSend size={16} aria-hidden />}
            >
              {note
                ? t('conversation.addNote')
                : then === 'WAITING'
                  ? t('conversation.sendWaiting')
                  : then === 'RESOLVED'
                    ? t('conversation.sendResolved')
                    : t('conversation.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
