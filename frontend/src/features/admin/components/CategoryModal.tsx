import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateCategory } from '@/features/categories/api/create-category';
import { useUpdateCategory } from '@/features/categories/api/update-category';
import type { Category } from '@/lib/api/types';

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
  const update = useUpdateCategory();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [loadedFor, setLoadedFor] = useState<number | 'new' | null>(null);

  const key = opened ? (category?.id ?? 'new') : null;
  if (key !== loadedFor) {
    setLoadedFor(key);
    setName(category?.name ?? '');
    setDescription(category?.description ?? '');
  }

  const save = () => {
    const input = { name: name.trim(), description: description.trim() || undefined };
    const done = { onSuccess: onClose };
    if (category) update.mutate({ id: category.id, ...input }, done);
    else create.mutate(input, done);
  };
  const tooLong = name.trim().length > 100;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={category ? t('categories.rename') : t('categories.create')}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('categories.name')}
            required
            value={name}
            error={tooLong ? t('validation.tooLong') : undefined}
            onChange={(e) => setName(e.currentTarget.value)}
            data-autofocus
          />
          <Textarea
            label={t('categories.description')}
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              type="submit"
              loading={create.isPending || update.isPending}
              disabled={name.trim() === '' || tooLong}
            >
              {category ? t('common:actions.save') : t('common:actions.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
