import { Button, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBookmarkPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { FormModal } from '@/components/ui/FormModal';
import { useCreateView, useDeleteView, useSavedViews } from '../api/saved-views';
import { canonicalSearch } from './queue-views';

/**
 * Saves the queue's current filters and sort (its address) as a named view of the menu; when
 * the queue shows one of the technician's saved views, offers to delete it instead.
 */
export function SaveViewButton() {
  const { t } = useTranslation('tickets');
  const { search } = useLocation();
  const saved = useSavedViews();
  const create = useCreateView();
  const remove = useDeleteView();
  const [opened, { open, close }] = useDisclosure(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const query = canonicalSearch(search);
  const current = (saved.data ?? []).find((v) => canonicalSearch(v.query) === query);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError(t('views.nameRequired'));
      return;
    }
    try {
      await create.mutateAsync({ name: name.trim(), query });
      setName('');
      close();
    } catch {
      // Shown in the dialog.
    }
  };

  if (current) {
    return (
      <Button
        variant="default"
        leftSection={<IconTrash size={16} aria-hidden />}
        loading={remove.isPending}
        onClick={() => remove.mutate(current.id)}
      >
        {t('views.delete', { name: current.name })}
      </Button>
    );
  }
  return (
    <>
      <Button variant="default" leftSection={<IconBookmarkPlus size={16} aria-hidden />} onClick={open}>
        {t('views.save')}
      </Button>
      <FormModal
        opened={opened}
        onClose={close}
        title={t('views.saveTitle')}
        onSubmit={submit}
        submitLabel={t('views.saveAction')}
        mutation={create}
      >
        <TextInput
          label={t('views.name')}
          description={t('views.nameHint')}
          value={name}
          maxLength={60}
          required
          data-autofocus
          error={error}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setError(null);
          }}
        />
      </FormModal>
    </>
  );
}
