import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useUpdateUser } from '@/features/users/api/update-user';
import type { User } from '@/lib/api/types';
import { PASSWORD_RULE, newPasswordSchema } from '@/lib/validation/password-rules';

const schema = z.object({
  password: newPasswordSchema,
});
type Values = z.infer<typeof schema>;

/** A dialog to give someone who lost their password a new one; open while `user` is set. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const update = useUpdateUser();
  const { register, handleSubmit, reset, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { password: '' },
  });
  const close = () => {
    reset();
    onClose();
  };

  const submit = handleSubmit(({ password }) => {
    if (!user) return;
    update.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('users.passwordReset') });
          close();
        },
      },
    );
  });

  return (
    <Modal
      opened={user !== null}
      onClose={close}
      title={t('users.resetPassword')}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {user?.email}
          </Text>
          <PasswordInput
            label={t('users.newPassword')}
            description={t('users.passwordHint', PASSWORD_RULE)}
            autoComplete="new-password"
            required
            error={formState.errors.password?.message && t(formState.errors.password.message, PASSWORD_RULE)}
            {...register('password')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
