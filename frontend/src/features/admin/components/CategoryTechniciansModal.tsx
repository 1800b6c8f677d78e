import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Modal, MultiSelect, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { ModalForm } from '@/components/ui/FormModal';
import { LoadingState } from '@/components/ui/LoadingState';
import { useCategoryTechnicians } from '@/features/categories/api/get-category-technicians';
import { useUpdateCategoryTechnicians } from '@/features/categories/api/update-category-technicians';
import { useAssignableUsers } from '@/features/users/api/get-assignable-users';
import type { Category } from '@/lib/api/types';
import { z } from 'zod';

const schema = z.object({ userIds: z.array(z.string()).max(500) });
type Values = z.infer<typeof schema>;

/**
 * A dialog to choose who is alerted by email about a category's new tickets, among the active
 * technicians and admins; choosing nobody alerts all of them. Open while `category` is set.
 */
export function CategoryTechniciansModal({ category, onClose }: { category: Category | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <Modal
      opened={category !== null}
      onClose={onClose}
      title={category ? t('categories.techniciansTitle', { name: category.name }) : ''}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      {/* Mounted afresh at each opening, so the form starts again from the saved list. */}
      {category && <TechniciansForm key={category.id} category={category} onClose={onClose} />}
    </Modal>
  );
}

function TechniciansForm({ category, onClose }: { category: Category; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const current = useCategoryTechnicians(category.id);
  const assignable = useAssignableUsers();
  const update = useUpdateCategoryTechnicians();
  const { control, handleSubmit } = useForm<Values>({
    resolver: zodResolver(schema),
    values: current.isSuccess ? { userIds: current.data.map((u) => String(u.id)) } : undefined,
  });

  // The saved people stay listed even if they can no longer be chosen, so they can be removed.
  const people = new Map<number, string>();
  for (const u of [...(assignable.data ?? []), ...(current.data ?? [])]) people.set(u.id, u.full_name);
  const data = [...people].map(([id, name]) => ({ value: String(id), label: name }));

  const submit = handleSubmit(({ userIds }) =>
    update.mutate(
      { id: category.id, userIds: userIds.map(Number) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('categories.techniciansSaved') });
          onClose();
        },
      },
    ),
  );

  const ready = current.isSuccess && assignable.isSuccess;
  let body;
  if (current.isError || assignable.isError) {
    body = <ErrorAlert error={current.error ?? assignable.error} />;
  } else if (!ready) {
    body = <LoadingState />;
  } else {
    body = (
      <Controller
        control={control}
        name="userIds"
        render={({ field }) => (
          <MultiSelect
            label={t('categories.techniciansLabel')}
            placeholder={field.value.length === 0 ? t('categories.techniciansPlaceholder') : undefined}
            data={data}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            ref={field.ref}
            searchable
            clearable
            nothingFoundMessage={t('categories.techniciansNothingFound')}
            data-autofocus
          />
        )}
      />
    );
  }

  return (
    <ModalForm
      onCancel={onClose}
      onSubmit={submit}
      submitLabel={t('common:actions.save')}
      mutation={update}
      submitDisabled={!ready}
    >
      <Text size="sm">{t('categories.techniciansIntro')}</Text>
      {body}
      <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} p="xs">
        <Text size="sm">{t('categories.techniciansHint')}</Text>
      </Alert>
    </ModalForm>
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
