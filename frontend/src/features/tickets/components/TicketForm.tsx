import { zodResolver } from '@hookform/resolvers/zod';
import { Button, FileInput, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useCategories } from '@/features/categories/api/get-categories';
import { PRIORITIES } from '@/lib/api/types';
import { ticketDescriptionSchema, ticketTitleSchema, TICKET_TEXT_LIMITS } from './ticket-rules';

const schema = z.object({
  title: ticketTitleSchema,
  description: ticketDescriptionSchema,
  priority: z.enum(PRIORITIES),
  category_id: z.string().nullable(),
  files: z.array(z.instanceof(File)),
});

export type TicketFormValues = z.infer<typeof schema>;

/** The "new ticket" form: title, description, category, priority and optional files. */
export function TicketForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (values: TicketFormValues) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('tickets');
  const categories = useCategories();
  const {
    register,
    control,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TicketFormValues>({
    resolver: zodResolver(schema),
    defaultValues: { title: '', description: '', priority: 'MEDIUM', category_id: null, files: [] },
  });
  const message = (key: string | undefined, max: number) => (key ? t(key, { max }) : undefined);

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('fields.title')}
          required
          error={message(errors.title?.message, TICKET_TEXT_LIMITS.title)}
          {...register('title')}
        />
        <Textarea
          label={t('fields.description')}
          description={t('new.descriptionHint')}
          required
          autosize
          minRows={6}
          maxRows={20}
          error={message(errors.description?.message, TICKET_TEXT_LIMITS.description)}
          {...register('description')}
        />
        <Group grow align="flex-start" wrap="wrap">
          <Controller
            control={control}
            name="category_id"
            render={({ field }) => (
              <Select
                label={t('fields.category')}
                placeholder={t('new.noCategory')}
                clearable
                data={(categories.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
                value={field.value}
                onChange={field.onChange}
                miw={200}
              />
            )}
          />
          <Controller
            control={control}
            name="priority"
            render={({ field }) => (
              <Select
                label={t('fields.priority')}
                allowDeselect={false}
                data={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
                value={field.value}
                onChange={(v) => v && field.onChange(v)}
                miw={200}
              />
            )}
          />
        </Group>
        <Controller
          control={control}
          name="files"
          render={({ field }) => (
            <FileInput
              label={t('attachments.title')}
              placeholder={t('attachments.choose')}
              multiple
              clearable
              leftSection={<IconPaperclip size={16} aria-hidden />}
              value={field.value}
              onChange={field.onChange}
            />
          )}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('new.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
