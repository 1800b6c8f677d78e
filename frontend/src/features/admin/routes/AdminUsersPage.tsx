import { Button, Group, Select, Stack } from '@mantine/core';
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
              onToggleActive={(user) => update.mutate({ id: user.id, active: !user.active })}
            />
            <Pager page={users.data.page} size={users.data.size} total={users.data.total} onChange={setPage} />
          </>
        )}
      </Stack>
      <CreateUserModal opened={creating} onClose={creation.close} />
      <EditUserModal user={editing?.mode === 'edit' ? editing.user : null} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={editing?.mode === 'password' ? editing.user : null} onClose={() => setEditing(null)} />
    </>
  );
}
