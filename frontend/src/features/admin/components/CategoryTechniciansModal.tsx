import { Alert, Button, Group, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { LoadingState } from '@/components/ui/LoadingState';
import { useCategoryTechnicians } from '@/features/categories/api/get-category-technicians';
import { useUpdateCategoryTechnicians } from '@/features/categories/api/update-category-technicians';
import { useAssignableUsers } from '@/features/users/api/get-assignable-users';
import type { Category } from '@/lib/api/types';

/**
 * A dialog to choose who is alerted by email about a category's new tickets, among the active
 * technicians and admins; choosing nobody alerts all of them. Open while `category` is set.
 */
export function CategoryTechniciansModal({ category, onClose }: { category: Category | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const opened = category !== null;
  const current = useCategoryTechnicians(category?.id ?? 0, opened);
  const assignable = useAssignableUsers(opened);
  const update = useUpdateCategoryTechnicians();
  const [selected, setSelected] = useState<string[]>([]);
  const [loadedFor, setLoadedFor] = useState<number | null>(null);

  // Start from the saved list each time the dialog opens on a category, once it has loaded.
  const key = category && current.isSuccess ? category.id : null;
  if (key !== loadedFor) {
    setLoadedFor(key);
    setSelected((current.data ?? []).map((u) => String(u.id)));
  }

  // The saved people stay listed even if they can no longer be chosen, so they can be removed.
  const people = new Map<number, string>();
  for (const u of [...(assignable.data ?? []), ...(current.data ?? [])]) people.set(u.id, u.full_name);
  const data = [...people].map(([id, name]) => ({ value: String(id), label: name }));

  const save = () => {
    if (!category) return;
    update.mutate(
      { id: category.id, userIds: selected.map(Number) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('categories.techniciansSaved') });
          onClose();
        },
      },
    );
  };

  let body;
  if (current.isError || assignable.isError) {
    body = <ErrorAlert error={current.error ?? assignable.error} />;
  } else if (loadedFor === null || assignable.isPending) {
    body = <LoadingState />;
  } else {
    body = (
      <MultiSelect
        label={t('categories.techniciansLabel')}
        placeholder={selected.length === 0 ? t('categories.techniciansPlaceholder') : undefined}
        data={data}
        value={selected}
        onChange={setSelected}
        searchable
        clearable
        nothingFoundMessage={t('categories.techniciansNothingFound')}
        // The field never scrolls out of this short dialog: keep the list shown without
        // measuring where the field is (a measure jsdom cannot make either).
        comboboxProps={{ hideDetached: false }}
        data-autofocus
      />
    );
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={category ? t('categories.techniciansTitle', { name: category.name }) : ''}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('categories.techniciansIntro')}</Text>
          {body}
          <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} p="xs">
            <Text size="sm">{t('categories.techniciansHint')}</Text>
          </Alert>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={loadedFor === null}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The people alerted about a category's new tickets, by name, or "every technician". */
export function CategoryTechniciansSummary({ categoryId }: { categoryId: number }) {
  const { t } = useTranslation('admin');
  const technicians = useCategoryTechnicians(categoryId);
  if (technicians.isPending) {
    return (
      <Text size="sm" c="dimmed">
        {t('common:loading')}
      </Text>
    );
  }
  if (technicians.isError) {
    return (
      <Text size="sm" c="dimmed">
        {t('categories.alertedUnavailable')}
      </Text>
    );
  }
  if (technicians.data.length === 0) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t('categories.everyTechnician')}
      </Text>
    );
  }
  return <Text size="sm">{technicians.data.map((u) => u.full_name).join(', ')}</Text>;
}
