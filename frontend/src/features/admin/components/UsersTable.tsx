import { ActionIcon, Badge, Menu, Text } from '@mantine/core';
import { IconDots, IconKey, IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '@/components/ui/DataTable';
import { DateTime } from '@/components/ui/DateTime';
import type { Role, User } from '@/lib/api/types';
import { BreakableAddress } from './OutboxTable';

const ROLE_COLOR: Record<Role, string> = { EMPLOYEE: 'gray', TECHNICIAN: 'blue', ADMIN: 'grape' };

/** The accounts, each with a menu: edit, reset password, deactivate or reactivate. */
export function UsersTable({
  users,
  onEdit,
  onResetPassword,
  onToggleActive,
}: {
  users: User[];
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
  onToggleActive: (user: User) => void;
}) {
  const { t } = useTranslation('admin');
  return (
    <DataTable
      caption={t('users.title')}
      rows={users}
      rowKey={(user) => user.id}
      minWidth={640}
      rowProps={(user) => ({ c: user.active ? undefined : 'dimmed' })}
      columns={[
        { key: 'name', header: t('users.fullName'), cell: (user) => user.full_name, td: { fw: 600 } },
        {
          key: 'email',
          header: t('users.email'),
          cell: (user) => <BreakableAddress address={user.email} />,
          td: { miw: 160, style: { overflowWrap: 'anywhere' } },
        },
        {
          key: 'role',
          header: t('users.role'),
          cell: (user) => (
            <Badge color={ROLE_COLOR[user.role]} variant="light" radius="sm">
              {t(`common:roles.${user.role}`)}
            </Badge>
          ),
        },
        {
          key: 'status',
          header: t('users.status'),
          cell: (user) => (
            <Badge color={user.active ? 'teal' : 'gray'} variant="dot" radius="sm">
              {user.active ? t('users.active') : t('users.inactive')}
            </Badge>
          ),
        },
        {
          key: 'created',
          header: t('users.created'),
          visibleFrom: 'md',
          cell: (user) => (
            <Text size="sm" c="dimmed">
              <DateTime value={user.created_at} />
            </Text>
          ),
        },
      ]}
      actions={(user) => (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('users.actionsFor', { name: user.full_name })}>
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onEdit(user)}>
              {t('users.edit')}
            </Menu.Item>
            <Menu.Item leftSection={<IconKey size={16} />} onClick={() => onResetPassword(user)}>
              {t('users.resetPassword')}
            </Menu.Item>
            <Menu.Item
              color={user.active ? 'red' : undefined}
              leftSection={user.active ? <IconUserOff size={16} /> : <IconUserCheck size={16} />}
              onClick={() => onToggleActive(user)}
            >
              {user.active ? t('users.deactivate') : t('users.reactivate')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
    />
  );
}
