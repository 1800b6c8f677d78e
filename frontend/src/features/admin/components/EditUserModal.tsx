import { zodResolver } from '@hookform/resolvers/zod';
import { Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormModal } from '@/components/ui/FormModal';
import { useUpdateUser } from '@/features/users/api/update-user';
import { ROLES, type User } from '@/lib/api/types';

const schema = z.object({
  full_name: z.string().trim().min(1, 'admin:validation.required').max(200, 'admin:validation.tooLong'),
  role: z.enum(ROLES),
});
type Values = z.infer<typeof schema>;

/** A dialog to change an account's name and role; open while `user` is set. */
export function EditUserModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const update = useUpdateUser({ inlineError: true });
  const { register, control, handleSubmit, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    values: user ? { full_name: user.full_name, role: user.role } : undefined,
  });
  const message = (key?: string) => (key ? t(key) : undefined);

  const submit = handleSubmit(async (values) => {
    if (!user) return;
    await update.mutateAsync({ id: user.id, ...values }).then(
      () => {
        notifications.show({ color: 'teal', message: t('users.saved') });
        onClose();
      },
      () => undefined, // shown in the dialog
    );
  });

  return (
    <FormModal
      opened={user !== null}
      onClose={onClose}
      title={t('users.edit')}
      onSubmit={submit}
      submitLabel={t('common:actions.save')}
      mutation={update}
    >
      <Text size="sm" c="dimmed">
        {user?.email}
      </Text>
      <TextInput
        label={t('users.fullName')}
        required
        data-autofocus
        error={message(formState.errors.full_name?.message)}
        {...register('full_name')}
      />
      <Controller
        control={control}
        name="role"
        render={({ field }) => (
          <Select
            label={t('users.role')}
            allowDeselect={false}
            data={ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
            value={field.value}
            onChange={(v) => v && field.onChange(v)}
          />
        )}
      />
    </FormModal>
  );
}
