import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NativeSelect, Paper, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { IconLock, IconSend } from '@tabler/icons-react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { TicketStatus } from '@/lib/api/types';
import { useShortcuts, type Shortcut } from '@/lib/shortcuts';
import { useCreateComment } from '../api/create-comment';

const schema = z.object({
  body: z.string().trim().min(1, 'tickets:validation.replyRequired').max(20000, 'tickets:validation.descriptionLong'),
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
 * The reply box; technicians and admins can switch it to an internal note, and, given the
 * ticket's `status`, send a public reply and set the ticket to Waiting or Resolved at once.
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
    setValue,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { body: '', kind: 'reply', then: '' } });
  const note = useWatch({ control, name: 'kind' }) === 'note';
  const then = useWatch({ control, name: 'then' });
  const choices = status ? statusesAfterReply(status) : [];
  // `r` writes a public reply, `n` an internal note: both switch the box and put the cursor in it.
  const write = (kind: Values['kind']) => () => {
    setValue('kind', kind);
    setFocus('body');
  };
  useShortcuts([['r', write('reply')], ...(canWriteNotes ? [['n', write('note')] as Shortcut] : [])]);

  const submit = handleSubmit(async ({ body, kind, then }) => {
    const setStatus = kind === 'reply' && then !== '' && choices.includes(then) ? then : undefined;
    try {
      await create.mutateAsync({
        body,
        ...(canWriteNotes ? { internal: kind === 'note' } : {}),
        ...(setStatus ? { status: setStatus } : {}),
      });
      reset({ body: '', kind, then: '' });
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
          <Textarea
            label={note ? t('conversation.noteLabel') : t('conversation.replyLabel')}
            description={note ? t('conversation.noteHint') : undefined}
            autosize
            minRows={3}
            maxRows={14}
            error={errors.body?.message && t(errors.body.message)}
            {...register('body')}
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
