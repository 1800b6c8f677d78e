import { zodResolver } from '@hookform/resolvers/zod';
import { PasswordInput, Select, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormModal } from '@/components/ui/FormModal';
import { useCreateUser } from '@/features/users/api/create-user';
import { ROLES } from '@/lib/api/types';
import { PASSWORD_RULE, newPasswordSchema } from '@/lib/validation/password-rules';

const schema = z.object({
  email: z.email('admin:validation.email'),
  full_name: z.string().trim().min(1, 'admin:validation.required').max(200, 'admin:validation.tooLong'),
  password: newPasswordSchema,
  role: z.enum(ROLES),
  locale: z.enum(['fr', 'en']),
});
type Values = z.infer<typeof schema>;

/** A dialog to create an account. */
export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const create = useCreateUser();
  const { register, control, handleSubmit, reset, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { email: '', full_name: '', password: '', role: 'EMPLOYEE', locale: 'fr' },
  });
  const errors = formState.errors;
  const message = (key?: string) => (key ? t(key, PASSWORD_RULE) : undefined);
  const close = () => {
    reset();
    create.reset();
    onClose();
  };
  const submit = handleSubmit(async (values) => {
    await create.mutateAsync(values).then(
      (created) => {
        notifications.show({ color: 'teal', message: t('users.createdNotice', { name: created.full_name }) });
        close();
      },
      () => undefined, // shown in the dialog
    );
  });

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('users.create')}
      onSubmit={submit}
      submitLabel={t('common:actions.create')}
      mutation={create}
    >
      <TextInput
        label={t('users.fullName')}
        required
        data-autofocus
        error={message(errors.full_name?.message)}
        {...register('full_name')}
      />
      <TextInput
        label={t('users.email')}
        type="email"
        required
        error={message(errors.email?.message)}
        {...register('email')}
      />
      <PasswordInput
        label={t('users.initialPassword')}
        description={t('common:password.rule', PASSWORD_RULE)}
        required
        autoComplete="new-password"
        error={message(errors.password?.message)}
        {...register('password')}
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
      <Controller
        control={control}
        name="locale"
        render={({ field }) => (
          <Select
            label={t('users.locale')}
            allowDeselect={false}
            data={[
              { value: 'fr', label: 'Français' },
              { value: 'en', label: 'English' },
            ]}
            value={field.value}
            onChange={(v) => v && field.onChange(v)}
          />
        )}
      />
    </FormModal>
  );
}
