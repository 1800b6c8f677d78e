import { zodResolver } from '@hookform/resolvers/zod';
import { PasswordInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormModal } from '@/components/ui/FormModal';
import { useUpdateUser } from '@/features/users/api/update-user';
import type { User } from '@/lib/api/types';
import { PASSWORD_RULE, newPasswordSchema } from '@/lib/validation/password-rules';

const schema = z.object({ password: newPasswordSchema });
type Values = z.infer<typeof schema>;

/** A dialog to give someone who lost their password a new one; open while `user` is set. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const update = useUpdateUser({ inlineError: true });
  const { register, handleSubmit, reset, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { password: '' },
  });
  const close = () => {
    reset();
    onClose();
  };

  const submit = handleSubmit(async ({ password }) => {
    if (!user) return;
    await update.mutateAsync({ id: user.id, password }).then(
      () => {
        notifications.show({ color: 'teal', message: t('users.passwordReset') });
        close();
      },
      () => undefined, // shown in the dialog
    );
  });

  return (
    <FormModal
      opened={user !== null}
      onClose={close}
      title={t('users.resetPassword')}
      onSubmit={submit}
      submitLabel={t('common:actions.save')}
      mutation={update}
    >
      <Text size="sm" c="dimmed">
        {user?.email}
      </Text>
      <PasswordInput
        label={t('users.newPassword')}
        description={t('users.passwordHint', PASSWORD_RULE)}
        autoComplete="new-password"
        required
        data-autofocus
        error={formState.errors.password?.message && t(formState.errors.password.message, PASSWORD_RULE)}
        {...register('password')}
      />
    </FormModal>
  );
}
