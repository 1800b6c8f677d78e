import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Paper, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { IconLock, IconSend } from '@tabler/icons-react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useShortcuts, type Shortcut } from '@/lib/shortcuts';
import { useCreateComment } from '../api/create-comment';

const schema = z.object({
  body: z.string().trim().min(1, 'tickets:validation.replyRequired').max(20000, 'tickets:validation.descriptionLong'),
  kind: z.enum(['reply', 'note']),
});
type Values = z.infer<typeof schema>;

/** The reply box; technicians and admins can switch it to an internal note. */
export function CommentForm({ ticketId, canWriteNotes }: { ticketId: number; canWriteNotes: boolean }) {
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
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { body: '', kind: 'reply' } });
  const note = useWatch({ control, name: 'kind' }) === 'note';
  // `r` writes a public reply, `n` an internal note: both switch the box and put the cursor in it.
  const write = (kind: Values['kind']) => () => {
    setValue('kind', kind);
    setFocus('body');
  };
  useShortcuts([['r', write('reply')], ...(canWriteNotes ? [['n', write('note')] as Shortcut] : [])]);

  const submit = handleSubmit(async ({ body, kind }) => {
    try {
      await create.mutateAsync({ body, ...(canWriteNotes ? { internal: kind === 'note' } : {}) });
      reset({ body: '', kind });
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
