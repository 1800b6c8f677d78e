import { Button, Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardPage } from '@/components/ui/CardPage';
import { FormModal } from '@/components/ui/FormModal';
import { Pager } from '@/components/ui/Pager';
import { QueryState } from '@/components/ui/QueryState';
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
  // Deactivating signs someone out of the helpdesk: it is confirmed first (a failure is said in the
  // dialog). Reactivating is not (a failure is notified).
  const reactivate = useUpdateUser();
  const deactivate = useUpdateUser({ inlineError: true });
  const [deactivating, setDeactivating] = useState<User | null>(null);
  const setActiveFor = (user: User, value: boolean) =>
    (value ? reactivate : deactivate).mutate(
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
    <CardPage
      title={t('users.title')}
      subtitle={t('users.subtitle')}
      actions={
        <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={creation.open}>
          {t('users.create')}
        </Button>
      }
    >
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
      <QueryState query={users} empty={{ when: (data) => data.items.length === 0, title: t('users.empty') }}>
        {(data) => (
          <>
            <UsersTable
              users={data.items}
              onEdit={(user) => setEditing({ user, mode: 'edit' })}
              onResetPassword={(user) => setEditing({ user, mode: 'password' })}
              onToggleActive={(user) => (user.active ? setDeactivating(user) : setActiveFor(user, true))}
            />
            <Pager page={data.page} size={data.size} total={data.total} onChange={setPage} />
          </>
        )}
      </QueryState>
      <SecuritySettingsCard />
      <CreateUserModal opened={creating} onClose={creation.close} />
      <FormModal
        opened={deactivating !== null}
        onClose={() => setDeactivating(null)}
        title={t('users.confirmDeactivateTitle', { name: deactivating?.full_name ?? '' })}
        onSubmit={() => deactivating && setActiveFor(deactivating, false)}
        submitLabel={t('users.deactivate')}
        submitColor="red"
        mutation={deactivate}
      >
        <Text size="sm">{t('users.confirmDeactivateText')}</Text>
      </FormModal>
      <EditUserModal user={editing?.mode === 'edit' ? editing.user : null} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={editing?.mode === 'password' ? editing.user : null} onClose={() => setEditing(null)} />
    </CardPage>
  );
}
