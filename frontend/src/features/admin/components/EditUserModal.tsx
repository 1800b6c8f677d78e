import { Button, Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateUser } from '@/features/users/api/update-user';
import { ROLES, type Role, type User } from '@/lib/api/types';

/**
 * A dialog for one account: `mode` "edit" changes name and role, "password" sets a new
 * password for someone who lost theirs.
 */
export function EditUserModal({
  user,
  mode,
  onClose,
}: {
  user: User | null;
  mode: 'edit' | 'password';
  onClose: () => void;
}) {
  const { t } = useTranslation('admin');
  const update = useUpdateUser();
  const [fullName, setFullName] = useState('');
  const [role, setRole] = useState<Role>('EMPLOYEE');
  const [password, setPassword] = useState('');
  const [opened, setOpened] = useState<number | null>(null);

  if (user && opened !== user.id) {
    setOpened(user.id);
    setFullName(user.full_name);
    setRole(user.role);
    setPassword('');
  }
  const tooShort = mode === 'password' && password.length > 0 && password.length < 12;

  const save = () => {
    if (!user) return;
    const input = mode === 'edit' ? { full_name: fullName.trim(), role } : { password };
    update.mutate(
      { id: user.id, ...input },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t(mode === 'edit' ? 'users.saved' : 'users.passwordReset') });
          setOpened(null);
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened={user !== null}
      onClose={() => {
        setOpened(null);
        onClose();
      }}
      title={mode === 'edit' ? t('users.edit') : t('users.resetPassword')}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {user?.email}
        </Text>
        {mode === 'edit' ? (
          <>
            <TextInput
              label={t('users.fullName')}
              value={fullName}
              onChange={(e) => setFullName(e.currentTarget.value)}
            />
            <Select
              label={t('users.role')}
              allowDeselect={false}
              data={ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
              value={role}
              onChange={(v) => v && setRole(v as Role)}
            />
          </>
        ) : (
          <PasswordInput
            label={t('users.newPassword')}
            description={t('users.passwordHint')}
            autoComplete="new-password"
            value={password}
            error={tooShort ? t('validation.passwordShort') : undefined}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            onClick={save}
            loading={update.isPending}
            disabled={mode === 'edit' ? fullName.trim() === '' : password.length < 12}
          >
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
