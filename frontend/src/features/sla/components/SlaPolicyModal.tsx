import { zodResolver } from '@hookform/resolvers/zod';
import { NumberInput, Select, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormModal } from '@/components/ui/FormModal';
import { useCategories } from '@/features/categories/api/get-categories';
import { PRIORITIES, type SlaPolicy } from '@/lib/api/types';
import { useSaveSlaPolicy } from '../api/sla-policies';

/** The longest target the API accepts: 250 business days of 9 h, in minutes. */
export const MAX_MINUTES = 250 * 9 * 60;
const BUSINESS_DAY_MINUTES = 9 * 60;

const minutes = z
  .number({ error: 'sla:admin.required' })
  .int()
  .min(1, 'sla:admin.range')
  .max(MAX_MINUTES, 'sla:admin.range');
const schema = z.object({
  priority: z.enum(PRIORITIES, { error: 'sla:admin.required' }),
  category_id: z.number().int().positive().nullable(),
  name_fr: z.string().trim().min(1, 'sla:admin.required').max(100, 'sla:admin.tooLong'),
  name_en: z.string().trim().min(1, 'sla:admin.required').max(100, 'sla:admin.tooLong'),
  first_response_minutes: minutes,
  resolution_minutes: minutes,
});
type Values = z.infer<typeof schema>;

/** A dialog to create an SLA policy (`policy` null) or edit one. */
export function SlaPolicyModal({
  opened,
  policy,
  onClose,
}: {
  opened: boolean;
  policy: SlaPolicy | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('sla');
  const categories = useCategories();
  const save = useSaveSlaPolicy();
  const { register, handleSubmit, formState, control } = useForm<Values>({
    resolver: zodResolver(schema),
    values: opened
      ? {
          priority: policy?.priority ?? 'MEDIUM',
          category_id: policy?.category_id ?? null,
          name_fr: policy?.name_fr ?? '',
          name_en: policy?.name_en ?? '',
          first_response_minutes: policy?.first_response_minutes ?? 480,
          resolution_minutes: policy?.resolution_minutes ?? 1620,
        }
      : undefined,
  });
  const message = (key?: string) => (key ? t(key, { max: MAX_MINUTES }) : undefined);
  const submit = handleSubmit((values) => save.mutate({ id: policy?.id ?? null, ...values }, { onSuccess: onClose }));

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={policy ? t('admin.edit') : t('admin.create')}
      onSubmit={submit}
      submitLabel={policy ? t('common:actions.save') : t('common:actions.create')}
      mutation={save}
    >
      <TextInput
        label={t('admin.nameFr')}
        required
        data-autofocus
        error={message(formState.errors.name_fr?.message)}
        {...register('name_fr')}
      />
      <TextInput
        label={t('admin.nameEn')}
        required
        error={message(formState.errors.name_en?.message)}
        {...register('name_en')}
      />
      <Controller
        control={control}
        name="priority"
        render={({ field }) => (
          <Select
            label={t('admin.priority')}
            required
            allowDeselect={false}
            data={PRIORITIES.map((p) => ({ value: p, label: t(`tickets:priority.${p}`) }))}
            value={field.value}
            onChange={(v) => field.onChange(v)}
            error={message(formState.errors.priority?.message)}
          />
        )}
      />
      <Controller
        control={control}
        name="category_id"
        render={({ field }) => (
          <Select
            label={t('admin.category')}
            placeholder={t('admin.anyCategory')}
            clearable
            searchable
            data={(categories.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
            value={field.value === null ? null : String(field.value)}
            onChange={(v) => field.onChange(v ? Number(v) : null)}
          />
        )}
      />
      {(['first_response_minutes', 'resolution_minutes'] as const).map((name) => (
        <Controller
          key={name}
          control={control}
          name={name}
          render={({ field }) => (
            <NumberInput
              label={name === 'first_response_minutes' ? t('admin.firstResponse') : t('admin.resolution')}
              description={t('admin.minutesHint', { day: BUSINESS_DAY_MINUTES })}
              required
              min={1}
              max={MAX_MINUTES}
              allowDecimal={false}
              value={field.value}
              onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
              error={message(formState.errors[name]?.message)}
            />
          )}
        />
      ))}
    </FormModal>
  );
}
