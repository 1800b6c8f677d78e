import { zodResolver } from '@hookform/resolvers/zod';
import { TextInput, Textarea } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormModal } from '@/components/ui/FormModal';
import { useCreateCategory } from '@/features/categories/api/create-category';
import { useUpdateCategory } from '@/features/categories/api/update-category';
import type { Category } from '@/lib/api/types';

const schema = z.object({
  name: z.string().trim().min(1, 'admin:validation.required').max(100, 'admin:validation.tooLong'),
  description: z.string().trim().max(500, 'admin:validation.tooLong'),
});
type Values = z.infer<typeof schema>;

/** A dialog to create a category (`category` null) or rename one. */
export function CategoryModal({
  opened,
  category,
  onClose,
}: {
  opened: boolean;
  category: Category | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('admin');
  const create = useCreateCategory();
  const update = useUpdateCategory({ inlineError: true });
  const { register, handleSubmit, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    values: opened ? { name: category?.name ?? '', description: category?.description ?? '' } : undefined,
  });
  const message = (key?: string) => (key ? t(key) : undefined);

  const submit = handleSubmit(({ name, description }) => {
    const input = { name, description: description || undefined };
    const done = { onSuccess: onClose };
    if (category) update.mutate({ id: category.id, ...input }, done);
    else create.mutate(input, done);
  });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={category ? t('categories.rename') : t('categories.create')}
      onSubmit={submit}
      submitLabel={category ? t('common:actions.save') : t('common:actions.create')}
      mutation={category ? update : create}
    >
      <TextInput
        label={t('categories.name')}
        required
        data-autofocus
        error={message(formState.errors.name?.message)}
        {...register('name')}
      />
      <Textarea
        label={t('categories.description')}
        autosize
        minRows={2}
        error={message(formState.errors.description?.message)}
        {...register('description')}
      />
    </FormModal>
  );
}
