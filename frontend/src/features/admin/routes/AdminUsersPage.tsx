import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { LoadingState } from '@/components/ui/LoadingState';
import { PageHeader } from '@/components/ui/PageHeader';
import { Pager } from '@/components/ui/Pager';
import { SearchInput } from '@/components/ui/SearchInput';
import { useUsers } from '@/features/users/api/get-users';
import { useUpdateUser } from '@/features/users/api/update-user';
import { ROLES, type Role, type User } from '@/lib/api/types';
import { SecuritySettingsCard } from '../components/SecuritySettingsCard';
import { CreateUserModal } from '../components/CreateUserModal';
import { EditUserModal } from '../components/EditUserModal';
import { ResetPasswordModal } from '../components/ResetPasswordModal';
import { UsersTable } from '../components/UsersTable';

const PAGE_SIZE = 25;

/** Admin: the accounts, with search, role and activity filters, and their actions. */
export function AdminUsersPage() {
  const { t } = useTranslation('admin');
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const [creating, creation] = useDisclosure(false);
  const [editing, setEditing] = useState<{ user: User; mode: 'edit' | 'password' } | null>(null);
  const update = useUpdateUser();
  // Deactivating signs someone out of the helpdesk: it is confirmed first. Reactivating is not.
  const [deactivating, setDeactivating] = useState<User | null>(null);
  const setActiveFor = (user: User, value: boolean) =>
    update.mutate(
      { id: user.id, active: value },
      {
        onSuccess: () => {
          setDeactivating(null);
          notifications.show({
            color: 'teal',
            message: t(value ? 'users.reactivatedNotice' : 'users.deactivatedNotice', { name: user.full_name }),
          });
        },
      },
    );
  const users = useUsers({
    q: q || undefined,
    role,
    active: active === null ? null : active === 'true',
    page,
    size: PAGE_SIZE,
  });

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={creation.open}>
            {t('users.create')}
          </Button>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end">
          <SearchInput
            value={q}
            onSearch={(v) => {
              setQ(v);
              setPage(0);
            }}
            label={t('users.search')}
            clearLabel={t('common:actions.clear')}
          />
          <Select
            label={t('users.role')}
            placeholder={t('users.anyRole')}
            clearable
            w={180}
            data={ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
            value={role}
            onChange={(v) => {
              setRole(v as Role | null);
              setPage(0);
            }}
          />
          <Select
            label={t('users.status')}
            placeholder={t('users.anyStatus')}
            clearable
            w={160}
            data={[
              { value: 'true', label: t('users.active') },
              { value: 'false', label: t('users.inactive') },
            ]}
            value={active}
            onChange={(v) => {
              setActive(v);
              setPage(0);
            }}
          />
        </Group>
        {users.isPending ? (
          <LoadingState />
        ) : users.isError ? (
          <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
        ) : users.data.items.length === 0 ? (
          <EmptyState title={t('users.empty')} />
        ) : (
          <>
            <UsersTable
              users={users.data.items}
              onEdit={(user) => setEditing({ user, mode: 'edit' })}
              onResetPassword={(user) => setEditing({ user, mode: 'password' })}
              onToggleActive={(user) => (user.active ? setDeactivating(user) : setActiveFor(user, true))}
            />
            <Pager page={users.data.page} size={users.data.size} total={users.data.total} onChange={setPage} />
          </>
        )}
        <SecuritySettingsCard />
      </Stack>
      <CreateUserModal opened={creating} onClose={creation.close} />
      <Modal
        opened={deactivating !== null}
        onClose={() => setDeactivating(null)}
        title={t('users.confirmDeactivateTitle', { name: deactivating?.full_name ?? '' })}
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      >
        <Stack gap="md">
          <Text size="sm">{t('users.confirmDeactivateText')}</Text>
          {update.isError && <ErrorAlert error={update.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDeactivating(null)}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              color="red"
              loading={update.isPending}
              onClick={() => deactivating && setActiveFor(deactivating, false)}
            >
              {t('users.deactivate')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <EditUserModal user={editing?.mode === 'edit' ? editing.user : null} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={editing?.mode === 'password' ? editing.user : null} onClose={() => setEditing(null)} />
    </>
  );
}
