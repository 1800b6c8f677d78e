import { Badge, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CardPage } from '@/components/ui/CardPage';
import { useCurrentUser } from '@/lib/auth/auth-context';
import { PasswordCard } from '../components/PasswordCard';
import { PreferencesCard } from '../components/PreferencesCard';
import { SessionsCard } from '../components/SessionsCard';
import { TwoFactorCard } from '../components/TwoFactorCard';
import { useTwoFactorStatus } from '../api/two-factor';

/** The signed-in user's account: who they are, their preferences, their password. */
export function ProfilePage() {
  const { t } = useTranslation('profile');
  const user = useCurrentUser();
  // Accounts of the company's provider or directory have no Guichet password to change.
  const local = useTwoFactorStatus().data?.available !== false;
  return (
    <CardPage title={t('title')} maw={720}>
      <Paper p="lg">
        <Group justify="space-between">
          <div>
            <Text fw={600}>{user.full_name}</Text>
            <Text size="sm" c="dimmed">
              {user.email}
            </Text>
          </div>
          <Badge variant="light">{t(`common:roles.${user.role}`)}</Badge>
        </Group>
      </Paper>
      <PreferencesCard user={user} />
      {local && <PasswordCard />}
      <TwoFactorCard />
      <SessionsCard />
    </CardPage>
  );
}
