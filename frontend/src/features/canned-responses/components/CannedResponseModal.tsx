import { zodResolver } from '@hookform/resolvers/zod';
import { Code, Select, Text, TextInput, Textarea } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormModal } from '@/components/ui/FormModal';
import type { CannedResponse } from '@/lib/api/types';
import { PLACEHOLDERS } from '../api/fill-canned-response';
import { useSaveCannedResponse } from '../api/save-canned-response';

// The server's limits (CannedResponseController.CannedResponseRequest).
const schema = z.object({
  title: z.string().trim().min(1, 'canned:form.titleRequired').max(120, 'canned:form.titleLong'),
  body: z.string().trim().min(1, 'canned:form.bodyRequired').max(20000, 'canned:form.bodyLong'),
  locale: z.enum(['', 'fr', 'en']),
});
type Values = z.infer<typeof schema>;

/** A dialog to write a new canned response (`response` null) or change one; `shared` says which kind is created. */
export function CannedResponseModal({
  opened,
  response,
  shared,
  onClose,
}: {
  opened: boolean;
  response: CannedResponse | null;
  shared: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('canned');
  const save = useSaveCannedResponse();
  const { register, control, handleSubmit, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    values: opened
      ? {
          title: response?.title ?? '',
          body: response?.body ?? '',
          locale: response?.locale === 'en' ? 'en' : response?.locale === 'fr' ? 'fr' : '',
        }
      : undefined,
  });
  const message = (key?: string) => (key ? t(key) : undefined);

  const submit = handleSubmit(({ title, body, locale }) => {
    save.mutate({ id: response?.id, title, body, locale: locale || null, shared }, { onSuccess: onClose });
  });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={response ? t('form.editTitle') : t('form.createTitle')}
      onSubmit={submit}
      submitLabel={response ? t('common:actions.save') : t('common:actions.create')}
      mutation={save}
    >
      <TextInput
        label={t('form.title')}
        required
        data-autofocus
        error={message(formState.errors.title?.message)}
        {...register('title')}
      />
      <Textarea
        label={t('form.body')}
        required
        autosize
        minRows={5}
        maxRows={16}
        description={
          <Text component="span" size="xs">
            {t('form.bodyHint')}{' '}
            {PLACEHOLDERS.map((name) => (
              <Code key={name} mr={4}>{`{{${name}}}`}</Code>
            ))}
          </Text>
        }
        error={message(formState.errors.body?.message)}
        {...register('body')}
      />
      <Controller
        control={control}
        name="locale"
        render={({ field }) => (
          <Select
            label={t('form.language')}
            value={field.value}
            onChange={(value) => field.onChange(value ?? '')}
            allowDeselect={false}
            data={[
              { value: '', label: t('form.anyLanguage') },
              { value: 'fr', label: t('languages.fr') },
              { value: 'en', label: t('languages.en') },
            ]}
            w={200}
          />
        )}
      />
    </FormModal>
  );
}
