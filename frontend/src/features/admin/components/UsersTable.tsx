import { ActionIcon, Badge, Menu, Paper, ScrollArea, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDots, IconKey, IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
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
    <Paper p={0} style={{ overflow: 'hidden' }}>
      <ScrollArea type="auto">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" miw={640}>
          <caption>
            <VisuallyHidden>{t('users.title')}</VisuallyHidden>
          </caption>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>{t('users.fullName')}</Table.Th>
              <Table.Th>{t('users.email')}</Table.Th>
              <Table.Th>{t('users.role')}</Table.Th>
              <Table.Th>{t('users.status')}</Table.Th>
              <Table.Th visibleFrom="md">{t('users.created')}</Table.Th>
              <Table.Th w={60} className="guichet-sticky-actions">
                <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => (
              <Table.Tr key={user.id} c={user.active ? undefined : 'dimmed'}>
                <Table.Td fw={600}>{user.full_name}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }} miw={160}>
                  <BreakableAddress address={user.email} />
                </Table.Td>
                <Table.Td>
                  <Badge color={ROLE_COLOR[user.role]} variant="light" radius="sm">
                    {t(`common:roles.${user.role}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Badge color={user.active ? 'teal' : 'gray'} variant="dot" radius="sm">
                    {user.active ? t('users.active') : t('users.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td visibleFrom="md">
                  <Text size="sm" c="dimmed">
                    <DateTime value={user.created_at} />
                  </Text>
                </Table.Td>
                <Table.Td className="guichet-sticky-actions">
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('users.actionsFor', { name: user.full_name })}
                      >
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
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}
